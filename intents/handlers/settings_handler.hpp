#pragma once
/// settings: the runner's time zone (a place, an offset or an abbreviation, with a question and
/// buttons when a place could mean several zones) and the view of their settings.

#include <string>
#include <string_view>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::handlers {

/// A button's action that sets the zone after it ("zone:America/Los_Angeles").
inline constexpr std::string_view kZoneAction = "zone:";

std::vector<Reply> handle_settings(HandlerContext& context, const nlu::Parse& parse,
                                   const nudges::NudgePolicy& policy);

/// Sets the runner's time zone and re-plans their race nudges at the right local hours; the
/// answer names the zone (and `place`, when given) and the runner's local time there.
std::vector<Reply> set_time_zone(HandlerContext& context, const std::string& zone,
                                 const nudges::NudgePolicy& policy, const std::string& place = "");

/// The zone from a button's action ("zone:Asia/Tokyo"), when it names one the database knows.
std::vector<Reply> handle_zone_button(HandlerContext& context, std::string_view action,
                                      const nudges::NudgePolicy& policy);

/// "Sat and Sun", "Mon, Wed and Fri": the days of a set of weekdays (bit 0 Monday).
std::string day_names(int days);

/// What is in force for the runner: zone and local time, reminders, pauses and quiet hours.
std::string settings_summary(const storage::User& user, Seconds now);

}  // namespace rubdown::intents::handlers
