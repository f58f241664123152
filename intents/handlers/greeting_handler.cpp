#include "intents/handlers/greeting_handler.hpp"

#include "intents/handlers/help_handler.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_greeting(HandlerContext& context) {
    const auto& name = context.user.display_name;
    const std::string hello = name.empty() ? "Hi!" : "Hi " + name + "!";
    return {Reply{hello + " I'm Rubdown, your recovery coach. " + capabilities_text()}};
}

}  // namespace rubdown::intents::handlers
