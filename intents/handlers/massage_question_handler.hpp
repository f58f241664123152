#pragma once
/// massage_question: the knowledge base's answer, with a booking button when the answer is about
/// when to book.

#include <vector>

#include "intents/engine.hpp"
#include "intents/knowledge/knowledge_base.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_massage_question(HandlerContext& context, const nlu::Parse& parse,
                                           const knowledge::KnowledgeBase& knowledge);

}  // namespace rubdown::intents::handlers
