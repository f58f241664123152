#pragma once
/// set_race: stores a coming race, moves it to a new date, or cancels it, and tells the runner
/// when the pre-race massage window is (3-5 days before), or that the race is too close for one.

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "intents/engine.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_set_race(HandlerContext& context, const nlu::Parse& parse,
                                   const nudges::NudgePolicy& policy);

/// The answer to "when is the race?". Nothing when the message names no day.
std::optional<std::vector<Reply>> continue_set_race(HandlerContext& context,
                                                    const FollowUp& follow_up,
                                                    const nlu::Parse& parse,
                                                    const nudges::NudgePolicy& policy);

/// What to say about a pre-race massage for a race on `race_day`, seen from `today`.
std::string pre_race_advice(date::local_days race_day, date::local_days today);

/// "marathon", "half marathon", "10k", "15 km race", "race"; with a place when the text names one
/// before the distance ("Berlin marathon").
std::string race_name(std::optional<double> distance_km, const std::string& text);

}  // namespace rubdown::intents::handlers
