#pragma once
/// /undo, "delete my last run": removes the run logged last and its pending nudges.

#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_undo(HandlerContext& context);

}  // namespace rubdown::intents::handlers
