#pragma once
/// out_of_scope: a polite "not my thing", and what the bot can do instead.

#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_out_of_scope(HandlerContext& context);

/// When the NLU is not confident: say so and suggest what works.
std::vector<Reply> handle_not_understood(HandlerContext& context);

}  // namespace rubdown::intents::handlers
