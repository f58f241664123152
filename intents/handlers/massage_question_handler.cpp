#include "intents/handlers/massage_question_handler.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "intents/handlers/follow_up.hpp"
#include "intents/handlers/text_match.hpp"
#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::handlers {

namespace {}  // namespace

std::vector<Reply> answer_from_knowledge(HandlerContext& context, const knowledge::Answer& answer) {
    Reply reply{answer.text};
    const bool about_booking = answer.id == "when_to_book" || answer.id == "before_race";
    if (about_booking && !context.settings.booking_url.empty()) {
        reply.buttons.push_back(Button{"Book now", "", context.settings.booking_url});
    }
    save_massage_topic(context.repos.conversations, context.user.id, nudges::to_unix(context.now));
    return {reply};
}

namespace {

/// Words that stand for "a massage" in a question that follows an answer about it.
constexpr std::string_view kPointers[] = {"one", "it", "them", "that", "this", "those"};

/// Openings that carry a question on from the last answer.
constexpr std::string_view kContinuations[] = {"what about", "how about", "what if", "and"};

}  // namespace

std::vector<Reply> handle_massage_question(HandlerContext& context, const nlu::Parse& parse,
                                           const knowledge::KnowledgeBase& knowledge,
                                           knowledge::Subject subject) {
    return answer_from_knowledge(context, knowledge.answer(parse.text, subject));
}

std::optional<std::vector<Reply>> answer_on_massage_topic(
    HandlerContext& context, std::string_view text, const knowledge::KnowledgeBase& knowledge) {
    // Without its pointing words the question must still find an answer of its own: "how often
    // should I get" does, "is going to rain tomorrow" does not.
    std::string question;
    bool points_back = false;
    const auto padded = padded_words(text);  // the words below are views into it
    const auto words = words_of(padded);
    // "what about after the race?", "and before a marathon?": carrying on from the answer.
    std::size_t first = 0;
    for (const auto& opening : kContinuations) {
        const auto opening_words = words_of(opening);
        if (words.size() > opening_words.size() &&
            std::equal(opening_words.begin(), opening_words.end(), words.begin())) {
            points_back = true;
            first = opening_words.size();
            break;
        }
    }
    for (std::size_t i = first; i < words.size(); ++i) {
        if (std::find(std::begin(kPointers), std::end(kPointers), words[i]) !=
            std::end(kPointers)) {
            points_back = true;
        } else {
            question.append(words[i]).push_back(' ');
        }
    }
    // A plain question carries on too ("is once a month enough?"): the answer's coverage
    // threshold, not a pointing word, keeps "is it going to rain?" from being answered.
    const auto last = text.find_last_not_of(" \t\r\n");
    const bool asks = last != std::string_view::npos && text[last] == '?';
    if (!points_back && !asks) return std::nullopt;
    const auto answer = knowledge.answer(question, knowledge::Subject::massage_topic);
    if (answer.kind == knowledge::AnswerKind::fallback) return std::nullopt;
    return answer_from_knowledge(context, answer);
}

}  // namespace rubdown::intents::handlers
