#pragma once
/// reminders: stop, pause for N days, resume, snooze, quiet hours ("quiet hours 22-7") and the
/// runner's time zone ("my time zone is Europe/Berlin", "I'm in New York").

#include <optional>
#include <string>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_reminders(HandlerContext& context, const nlu::Parse& parse,
                                    const nudges::NudgePolicy& policy);

/// Sets the runner's time zone and re-plans their race nudges at the right local hours.
std::vector<Reply> set_time_zone(HandlerContext& context, const std::string& zone,
                                 const nudges::NudgePolicy& policy);

/// Stops every nudge. Shared with the "Stop" button.
std::string stop_nudges(HandlerContext& context);

/// "Remind me tomorrow": plans the snooze and says what will happen (reminders off, a race
/// reminder due that day anyway, or a race too close for a massage). Shared with the button.
std::string snooze_nudges(HandlerContext& context, const nudges::NudgePolicy& policy);

struct QuietHours {
    int start_minute = 0;  ///< local minutes after midnight
    int end_minute = 0;
};

/// "quiet hours 22-7", "quiet hours 22:30 to 6:45", "quiet hours from 10pm to 7am",
/// "quiet hours off" (start = end: none). Nothing when the text gives no hours.
std::optional<QuietHours> parse_quiet_hours(const std::string& text);

/// Days to pause for: "pause for 3 days" = 3, "for 2 weeks" = 14, "a week" = 7. Nothing when
/// the text names no span.
std::optional<int> parse_pause_days(const std::string& text);

}  // namespace rubdown::intents::handlers
