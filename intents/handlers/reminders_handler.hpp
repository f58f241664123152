#pragma once
/// reminders: stop, pause for N days, resume, snooze, quiet hours ("quiet hours 22-7", "no
/// reminders after 9pm") and days without reminders ("not on weekends"), as the NLU read them
/// (nlu/reminder_reader.hpp). The time zone is a setting (settings_handler.hpp).

#include <optional>
#include <string>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_reminders(HandlerContext& context, const nlu::Parse& parse,
                                    const nudges::NudgePolicy& policy);

/// Stops every nudge. Shared with the "Stop" button.
std::string stop_nudges(HandlerContext& context);

/// "Remind me tomorrow": plans the snooze and says what will happen (reminders off, a race
/// reminder due that day anyway, or a race too close for a massage). Shared with the button.
std::string snooze_nudges(HandlerContext& context, const nudges::NudgePolicy& policy);

}  // namespace rubdown::intents::handlers
