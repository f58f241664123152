#pragma once
/// /undo: takes back the last change to the runner's log, whatever it was: a run logged (removed
/// again, with its pending nudges), an edit (the run as it was) or a delete (the run put back).
/// The massage reminder follows the run: a run hard again earns it back, one easy again loses it.

#include <vector>

#include "intents/engine.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_undo(HandlerContext& context, const nudges::NudgePolicy& policy);

}  // namespace rubdown::intents::handlers
