#include "intents/handlers/out_of_scope_handler.hpp"

#include <string>
#include <utility>

namespace rubdown::intents::handlers {
namespace {

/// One example per intent, for a runner whose message was nearly understood.
constexpr std::pair<std::string_view, std::string_view> kExamples[] = {
    {"log_run", "To log a run, give me the distance or the time, like \"ran 8k in 45 min\"."},
    {"set_race", "To save a race, give me its date, like \"half marathon on Dec 14\"."},
    {"run_stats", "For your numbers, ask like \"how far did I run this week?\"."},
    {"book_massage", "To book, say \"book a massage\"."},
    {"reminders", "For reminders, say like \"pause reminders for a week\" or \"stop reminders\"."},
    {"massage_question", "Ask me about massage like \"does deep tissue massage hurt?\"."},
};

constexpr std::string_view kGeneralExample =
    "You can tell me a run, like \"ran 8k in 45 min\", or say /help to see what I do.";

}  // namespace

std::string_view example_for(std::string_view intent) {
    for (const auto& [name, example] : kExamples) {
        if (name == intent) return example;
    }
    return kGeneralExample;
}

std::vector<Reply> handle_out_of_scope(HandlerContext& /*context*/) {
    return {
        Reply{"Sorry, that's outside what I can help with: I stick to your running log, races and "
              "sports massage. /help shows what I do."}};
}

std::vector<Reply> handle_not_understood(HandlerContext& /*context*/,
                                         std::string_view likely_intent) {
    return {Reply{"Sorry, I didn't quite get that. " + std::string{example_for(likely_intent)}}};
}

}  // namespace rubdown::intents::handlers
