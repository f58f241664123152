#include "intents/handlers/massage_question_handler.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_massage_question(HandlerContext& context, const nlu::Parse& parse,
                                           const knowledge::KnowledgeBase& knowledge) {
    const auto answer = knowledge.answer(parse.text);
    Reply reply{answer.text};
    const bool about_booking = answer.id == "when_to_book" || answer.id == "before_race";
    if (about_booking && !context.settings.booking_url.empty()) {
        reply.buttons.push_back(Button{"Book now", "", context.settings.booking_url});
    }
    return {reply};
}

}  // namespace rubdown::intents::handlers
