#pragma once
/// A run or a goal still to come ("20k tomorrow", "training for my first ultra", "want to break
/// 50 minutes for 10k"): a short answer, and nothing logged.

#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_plan(HandlerContext& context, const nlu::Entities& plan);

}  // namespace rubdown::intents::handlers
