#include "intents/handlers/help_handler.hpp"

namespace rubdown::intents::handlers {

std::string capabilities_text() {
    return "I can:\n"
           "• log your runs: \"12k tempo in 58:10, felt hard\"\n"
           "• remember your race: \"half marathon on Dec 14\"\n"
           "• show your numbers: \"how far did I run this week?\"\n"
           "• answer questions on deep tissue massage: \"does it hurt?\"\n"
           "• remind you to book a massage after hard sessions and 3-5 days before a race "
           "(\"book a massage\", \"pause reminders for a week\")";
}

std::vector<Reply> handle_help(HandlerContext& /*context*/) {
    return {Reply{capabilities_text() +
                  "\nAlso: /undo removes your last run, /export sends your runs as CSV, /forget "
                  "deletes all your data."}};
}

}  // namespace rubdown::intents::handlers
