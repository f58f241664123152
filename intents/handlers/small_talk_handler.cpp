#include "intents/handlers/small_talk_handler.hpp"

#include <algorithm>
#include <iterator>

#include "intents/handlers/text_match.hpp"

namespace rubdown::intents::handlers {

namespace {

constexpr std::string_view kThanks[] = {"thanks", "thank",      "thx",         "ty", "cheers",
                                        "ta",     "appreciate", "appreciated", "tnx"};

constexpr std::string_view kAcknowledgements[] = {
    "ok",    "okay",    "k",       "kk",   "cool",      "great", "perfect",
    "noted", "awesome", "alright", "nice", "brilliant", "lovely"};

/// Words that may stand beside the ones above without making the message about something else:
/// "thank you so much", "got it", "sounds good", "will do".
constexpr std::string_view kFillers[] = {"you",  "so",     "much",   "a",      "lot",    "very",
                                         "many", "again",  "for",    "that",   "got",    "it",
                                         "will", "do",     "sounds", "good",   "mate",   "oh",
                                         "and",  "really", "helps",  "helped", "helpful"};

template <std::size_t N>
bool is_one_of(const std::string_view (&words)[N], std::string_view word) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

}  // namespace

std::optional<std::vector<Reply>> answer_small_talk(std::string_view text) {
    const auto padded = padded_words(text);
    bool thanked = false;
    bool acknowledged = false;
    for (const auto word : words_of(padded)) {
        if (is_one_of(kThanks, word)) {
            thanked = true;
        } else if (is_one_of(kAcknowledgements, word)) {
            acknowledged = true;
        } else if (!is_one_of(kFillers, word)) {
            return std::nullopt;
        }
    }
    if (thanked) {
        return std::vector<Reply>{
            Reply{"You're welcome! Tell me about your next run when it's done."}};
    }
    // "got it" and "sounds good" acknowledge with fillers alone.
    if (acknowledged || has_any_phrase(padded, {"got it", "sounds good", "will do"})) {
        return std::vector<Reply>{Reply{"👍"}};
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::handlers
