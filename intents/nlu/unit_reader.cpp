#include "intents/nlu/unit_reader.hpp"

#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {
namespace {

const PhraseList& mile_words() {
    static const PhraseList list{"mile", "miles", "mi", "imperial", "mph", "miler", "milers"};
    return list;
}

const PhraseList& km_words() {
    static const PhraseList list{"km",        "kms",        "kilometer", "kilometers",
                                 "kilometre", "kilometres", "metric",    "k"};
    return list;
}

/// Words that ask for a unit rather than tell a distance in it.
const PhraseList& unit_choice_cues() {
    static const PhraseList list{
        "use",     "switch", "swap",        "change",    "set",      "prefer",  "please",
        "pls",     "plz",    "from now on", "instead",   "think in", "run in",  "units",
        "unit",    "show",   "display",     "go",        "want",     "default", "rather",
        "in",      "only",   "give me",     "person",    "guy",      "gal",     "girl",
        "kind of", "do",     "not",         "instead of"};
    return list;
}

/// Before a unit, these set it aside: "km instead of miles", "miles, not km".
const PhraseList& unit_set_aside() {
    // "stop showing miles", "why is it in km": the unit complained of, not the one chosen.
    static const PhraseList list{"not",  "instead of", "rather than", "than",  "no",
                                 "over", "showing",    "it in",       "its in"};
    return list;
}

/// Questions that start so ask the bot to do something: "can you show paces in min/mi?".
const PhraseList& request_openers() {
    static const PhraseList list{"can you", "could you", "would you", "will you",
                                 "can u",   "could u",   "pls",       "please",
                                 "can we",  "could we",  "can i get", "can i have"};
    return list;
}

/// Words of a question or a report, around which a unit is named, not chosen.
const PhraseList& unit_question_words() {
    static const PhraseList list{"how", "wrong", "log", "logged", "longest", "fastest", "total",
                                 "did", "when", "what", "which", "last", "this", "ago", "week",
                                 "month", "year", "today",
                                 // "the treadmill was set to miles": a machine's, not a choice.
                                 "was set to", "were set to", "treadmill", "watch"};
    return list;
}

constexpr std::size_t kMaxChoiceWords = 12;

}  // namespace

std::optional<std::string> read_unit_choice(const Tokens& tokens) {
    if (tokens.empty() || tokens.size() > kMaxChoiceWords) return std::nullopt;
    for (const auto& token : tokens) {
        if (token.is_number()) return std::nullopt;  // a run told, or fixed: not a unit chosen
    }
    // "how do i log a run in miles", "longest run in april in miles": asking, not choosing.
    if (has_phrase(tokens, unit_question_words())) return std::nullopt;
    if (is_question(tokens) && !request_openers().matches_at(tokens, 0, tokens.size())) {
        return std::nullopt;
    }
    if (!has_phrase(tokens, unit_choice_cues()) && tokens.size() > 2) return std::nullopt;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool mile = mile_words().matches_at(tokens, i, tokens.size());
        const bool km = km_words().matches_at(tokens, i, tokens.size());
        if (!mile && !km) continue;
        // "instead of miles", "not km": set aside, not chosen.
        bool aside = false;
        for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
            aside = aside || unit_set_aside().matches_at(tokens, i - back, i);
        }
        if (!aside) return mile ? "mi" : "km";
    }
    return std::nullopt;
}

std::optional<std::string> distance_unit_told(const Tokens& tokens) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (!tokens[i].is_number()) continue;
        if (mile_words().matches_at(tokens, i + 1, tokens.size())) return "mi";
        if (km_words().matches_at(tokens, i + 1, tokens.size())) return "km";
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::nlu
