#pragma once
/// help: what the bot can do, with examples to copy.

#include <string>
#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_help(HandlerContext& context);

/// The list of things the bot does, with one example each (shared by greeting and fallbacks).
std::string capabilities_text();

}  // namespace rubdown::intents::handlers
