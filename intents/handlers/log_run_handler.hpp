#pragma once
/// log_run: stores a run the runner describes and says back what was understood. When neither a
/// distance nor a time was given, or the numbers look wrong, it asks one short question first and
/// finishes the log from the answer.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/engine.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

/// The buttons under "did you run it on Sun 22 Nov, or is it planned for Sun 29 Nov?", asked of
/// a run told by its weekday alone ("20 miler on sunday").
inline constexpr std::string_view kRanItAction = "when:ran";
inline constexpr std::string_view kPlannedItAction = "when:plan";

std::vector<Reply> handle_log_run(HandlerContext& context, const nlu::Parse& parse,
                                  const nudges::NudgePolicy& policy);

/// The answer to a log_run follow-up. Nothing when the message does not answer it (the caller
/// then drops the question and treats the message as new).
std::optional<std::vector<Reply>> continue_log_run(HandlerContext& context,
                                                   const FollowUp& follow_up,
                                                   const nlu::Parse& parse,
                                                   const nudges::NudgePolicy& policy);

/// The runner's answer to "did you run it, or is it planned?", by button (`ran` says which) or
/// in words ("ran it", "it's the plan"). Nothing when the words answer neither.
std::vector<Reply> answer_run_or_plan(HandlerContext& context, const FollowUp& follow_up, bool ran,
                                      const nudges::NudgePolicy& policy);
std::optional<std::vector<Reply>> continue_run_or_plan(HandlerContext& context,
                                                       const FollowUp& follow_up,
                                                       const std::string& text,
                                                       const nudges::NudgePolicy& policy);

/// Whether distance and time together make a believable run (pace 2:30-20:00 min/km, at most
/// 250 km, at most 30 hours). Missing values are not judged.
bool plausible_run(std::optional<double> distance_km, std::optional<std::int64_t> duration_s);

}  // namespace rubdown::intents::handlers
