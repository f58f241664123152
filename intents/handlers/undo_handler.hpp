#pragma once
/// /undo: takes back the last change to the runner's log, whatever it was: a run logged (removed
/// again, with its pending nudges), an edit (the run as it was) or a delete (the run put back).

#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_undo(HandlerContext& context);

}  // namespace rubdown::intents::handlers
