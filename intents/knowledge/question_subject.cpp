#include "intents/knowledge/question_subject.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "intents/knowledge/text_normalizer.hpp"

namespace rubdown::intents::knowledge {
namespace {

/// Words that name the subject (split_words form: lower case, apostrophes dropped).
constexpr std::array<std::string_view, 17> kSubjectWords{
    "massage",       "massages",  "rubdown",   "rubdowns",   "masseuse", "masseur",
    "masseurs",      "masseuses", "therapist", "therapists", "massaged", "massaging",
    "sportsmassage", "rub",       "kneaded",   "kneading",   "knead"};

/// "getting my legs done": what runners call booking a massage on them.
constexpr std::array<std::string_view, 7> kWorkedParts{"legs", "calves",    "hamstrings", "quads",
                                                       "back", "shoulders", "glutes"};
constexpr std::array<std::string_view, 6> kHaveVerbs{"get",  "getting", "got",
                                                     "have", "having",  "had"};

/// Whose legs: "getting my legs done", "getting their legs done".
constexpr std::array<std::string_view, 6> kOwners{"my", "your", "their", "his", "her", "our"};

/// Words that point back at the subject of the conversation.
constexpr std::array<std::string_view, 6> kPointers{"it", "one", "them", "those", "these", "that"};

bool is_one_of(auto const& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

bool refers_to_massage(std::string_view question, bool pointing) {
    const auto words = split_words(question);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (is_one_of(kSubjectWords, word)) return true;
        // "deep tissue", and "all the deep pressure" it is known for.
        if ((word == "tissue" || word == "pressure") && i > 0 && words[i - 1] == "deep")
            return true;
        // "getting worked on": what runners call a massage.
        if (word == "on" && i > 0 && words[i - 1] == "worked") return true;
        if (word == "done" && i >= 3 && is_one_of(kWorkedParts, words[i - 1]) &&
            is_one_of(kOwners, words[i - 2]) && is_one_of(kHaveVerbs, words[i - 3]))
            return true;
        if (!pointing || !is_one_of(kPointers, word)) continue;
        // "is it better to stretch...": an "it" that only opens the sentence points at nothing.
        const bool dummy_it =
            word == "it" && i > 0 && (words[i - 1] == "is" || words[i - 1] == "was") &&
            std::any_of(words.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                        words.begin() + static_cast<std::ptrdiff_t>(std::min(i + 4, words.size())),
                        [](const std::string& w) { return w == "to"; });
        if (!dummy_it) return true;
    }
    return false;
}

}  // namespace rubdown::intents::knowledge
