#pragma once
/// set_race: stores a coming race, moves it to a new date, or cancels it, and tells the runner
/// when the pre-race massage window is (3-5 days before), or that the race is too close for one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "intents/engine.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

/// Buttons acting on one race when a message could mean several: "race-cancel:<id>",
/// "race-move:<id>:<date>".
inline constexpr std::string_view kCancelRaceAction = "race-cancel:";
inline constexpr std::string_view kMoveRaceAction = "race-move:";

std::vector<Reply> handle_set_race(HandlerContext& context, const nlu::Parse& parse,
                                   const nudges::NudgePolicy& policy);

/// The answer to "when is the race?". Nothing when the message names no day.
std::optional<std::vector<Reply>> continue_set_race(HandlerContext& context,
                                                    const FollowUp& follow_up,
                                                    const nlu::Parse& parse,
                                                    const nudges::NudgePolicy& policy);

/// The runner's races to come, each with its countdown and its massage window.
std::string races_overview(HandlerContext& context);

/// A press of a race's button (kCancelRaceAction, kMoveRaceAction).
std::vector<Reply> handle_race_button(HandlerContext& context, std::string_view action,
                                      const nudges::NudgePolicy& policy);

/// What to say about a pre-race massage for a race on `race_day`, seen from `today`.
std::string pre_race_advice(date::local_days race_day, date::local_days today);

/// "marathon", "half marathon", "10k", "15 km race", "race"; with a place when the text names one
/// before the distance ("Berlin marathon").
std::string race_name(std::optional<double> distance_km, const std::string& text);

}  // namespace rubdown::intents::handlers
