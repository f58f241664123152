#pragma once
/// massage_question: the knowledge base's answer, with a booking button when the answer is about
/// when to book. The topic is remembered for a while, so that a short question right after it
/// ("is it worth it?", "how often should I get one?") is answered about massage too.

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "intents/engine.hpp"
#include "intents/knowledge/knowledge_base.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::handlers {

/// How long after an answer a question that only points back at it ("one", "it") still means
/// massage.
inline constexpr std::chrono::minutes kMassageTopicLasts{60};

/// Replies with a knowledge-base answer ("Book now" under booking answers) and opens the
/// massage topic for a follow-up question.
std::vector<Reply> answer_from_knowledge(HandlerContext& context, const knowledge::Answer& answer);

std::vector<Reply> handle_massage_question(HandlerContext& context, const nlu::Parse& parse,
                                           const knowledge::KnowledgeBase& knowledge,
                                           knowledge::Subject subject = knowledge::Subject::asked);

/// `text` read as being about massage, when it points back at the topic ("one", "it", "them",
/// "that"...) and the knowledge base answers it that way; nothing otherwise.
std::optional<std::vector<Reply>> answer_on_massage_topic(
    HandlerContext& context, std::string_view text, const knowledge::KnowledgeBase& knowledge);

}  // namespace rubdown::intents::handlers
