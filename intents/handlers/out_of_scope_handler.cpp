#include "intents/handlers/out_of_scope_handler.hpp"

#include "intents/handlers/help_handler.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_out_of_scope(HandlerContext& /*context*/) {
    return {
        Reply{"Sorry, that's outside what I can help with: I stick to running recovery and "
              "massage. " +
              capabilities_text()}};
}

std::vector<Reply> handle_not_understood(HandlerContext& /*context*/) {
    return {Reply{"Sorry, I didn't quite get that. " + capabilities_text()}};
}

}  // namespace rubdown::intents::handlers
