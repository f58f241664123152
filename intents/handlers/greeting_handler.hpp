#pragma once
/// greeting: hello back, with what the bot does.

#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_greeting(HandlerContext& context);

}  // namespace rubdown::intents::handlers
