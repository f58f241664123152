#include "intents/knowledge/text_normalizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace rubdown::intents::knowledge {
namespace {

bool ends_with(std::string_view word, std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/// "runn" -> "run", "plann" -> "plan": a doubled final consonant left by "-ing"/"-ed".
std::string undouble(std::string stem) {
    const auto n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]) && stem[n - 1] != 'l' &&
        stem[n - 1] != 's' && stem[n - 1] != 'z') {
        stem.pop_back();
    }
    return stem;
}

/// Words that carry no meaning for matching a question to an answer. Question words ("why",
/// "when", "how", "often", "before", "after") stay: they tell the answers apart.
const std::unordered_set<std::string>& function_words() {
    static const std::unordered_set<std::string> words{
        "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "being", "do", "does",
        "did", "i", "im", "me", "my", "mine", "you", "your", "it", "its", "of", "to", "for", "in",
        "on", "at", "and", "or", "with", "this", "that", "these", "those", "there", "about", "any",
        "some", "so", "just", "really", "please", "can", "could", "would", "will", "shall", "we",
        "us", "our", "they", "them", "their", "have", "has", "had", "from", "into", "than", "then",
        "too", "very", "also", "if", "by", "as", "up", "ll", "s", "t", "d", "ve", "re", "m", "hey",
        "hi", "tell", "know", "want", "wondering", "question", "one", "kind", "type", "sort",
        "should", "need", "go", "going", "get", "getting", "got", "id", "ive", "dont", "doesnt",
        "thing",
        // Conversational filler: it says nothing of the topic, so it neither ranks an answer
        // nor counts as part of the question an answer must cover.
        "even", "actually", "basically", "exactly", "honestly", "seriously", "literally", "totally",
        "absolutely", "definitely", "probably", "maybe", "like", "kinda", "sorta", "someone",
        "anyone", "everyone", "somebody", "anybody", "people", "folks", "say", "says", "said",
        "heard", "hear", "true", "legit", "real", "things", "stuff", "lot", "lots", "make", "makes",
        "made", "still", "anyway", "such", "specifically", "generally", "general", "here", "ok",
        "okay", "yes", "no", "yeah", "quick", "quickly", "whats", "hows", "whys", "wheres", "whens",
        "mate", "guys", "pls", "plz", "thanks", "thx", "tbh", "idk", "lol", "haha", "u", "ur", "r",
        "im", "doing", "done", "bit", "little", "each", "every", "other", "another", "only", "own",
        "same", "all", "most", "more", "less", "what's", "it's", "something", "anything",
        "somewhere", "right", "ever", "now", "again", "not", "out", "swear", "swears", "bother",
        "theyre", "sign", "whyy", "usually", "usual", "typically", "normally", "recommend",
        "advise", "suggest"};
    return words;
}

/// Different words for the same idea, folded onto one term (applied after stemming).
const std::unordered_map<std::string, std::string>& synonyms() {
    static const std::unordered_map<std::string, std::string> map{
        {"runner", "run"},
        {"jog", "run"},
        {"jogger", "run"},
        {"marathoner", "run"},
        {"rac", "race"},
        {"marathon", "race"},
        {"half", "race"},
        {"event", "race"},
        {"competition", "race"},
        {"raceday", "race"},
        {"ache", "sore"},
        {"achy", "sore"},
        {"doms", "sore"},
        {"uncomfortable", "hurt"},
        {"painful", "hurt"},
        {"ouch", "hurt"},
        {"flexibility", "flexible"},
        {"supple", "flexible"},
        {"mobility", "flexible"},
        {"rom", "motion"},
        {"movement", "motion"},
        {"circulation", "blood"},
        {"circulat", "blood"},
        {"waste", "toxin"},
        {"lactic", "toxin"},
        {"flush", "toxin"},
        {"junk", "toxin"},
        {"drainage", "drain"},
        {"lymphatic", "lymph"},
        {"rubdown", "massage"},
        {"masseuse", "therapist"},
        {"masseur", "therapist"},
        {"frequently", "often"},
        {"frequency", "often"},
        {"frequent", "often"},
        {"relaxation", "relax"},
        {"swedish", "relax"},
        {"spa", "relax"},
        {"difference", "differ"},
        {"different", "differ"},
        {"vs", "differ"},
        {"versus", "differ"},
        {"compare", "differ"},
        {"advantage", "benefit"},
        {"pro", "benefit"},
        {"gain", "benefit"},
        {"spasm", "cramp"},
        {"knot", "tight"},
        {"tightness", "tight"},
        {"stiff", "tight"},
        {"schedule", "book"},
        {"appointment", "book"},
        {"post", "after"},
        {"afterwards", "after"},
        {"prior", "before"},
        {"ahead", "before"},
        {"pre", "before"},
        {"workout", "session"},
        {"train", "session"},
        {"sports", "sport"},
        {"mean", "what"},
        {"definition", "what"},
        {"explain", "what"},
        {"painless", "hurt"},
        {"ouch", "hurt"},
        {"recover", "recovery"},
        {"improve", "better"},
        {"perform", "performance"},
        // How runners say the same things in their own words.
        {"wreck", "sore"},
        {"trash", "sore"},
        {"toast", "sore"},
        {"tender", "sore"},
        {"bruis", "sore"},
        {"loosen", "flexible"},
        {"looser", "flexible"},
        {"loose", "flexible"},
        {"limber", "flexible"},
        {"range", "motion"},
        {"timing", "when"},
        {"tim", "when"},
        {"cutoff", "before"},
        {"worth", "benefit"},
        {"worthwhile", "benefit"},
        {"hype", "benefit"},
        {"junk", "toxin"},
        {"metabolic", "toxin"},
        {"byproduct", "toxin"},
        {"flushe", "toxin"},
        {"oxygen", "blood"},
        {"relief", "relieve"},
        {"ease", "relieve"},
        {"soothe", "relieve"},
        {"tolerance", "hurt"},
        {"awful", "hurt"},
        {"agony", "hurt"},
        {"target", "focus"},
        {"targeted", "focus"},
        {"focused", "focus"},
        {"full", "whole"},
        {"regular", "often"},
        {"regularly", "often"},
        {"pb", "faster"},
        {"pr", "faster"},
        {"quicker", "faster"},
        {"speed", "faster"},
        {"fit", "good"},
        {"bad", "good"},
        {"diff", "differ"},
        {"chill", "relax"},
        {"chilled", "relax"},
        {"hotel", "relax"},
        {"press", "pressure"},
        {"harder", "pressure"},
        {"upside", "benefit"},
        {"boost", "better"},
        {"bloodflow", "blood"},
        {"detox", "toxin"},
        {"kill", "sore"},
        {"ow", "hurt"},
        {"fortnight", "often"},
        {"fortnightly", "often"},
        {"bounce", "recovery"},
        {"rub", "massage"},
        {"massag", "massage"},
        {"taper", "before"},
        {"triathlete", "run"},
        {"marathoner", "run"},
        // What runners ask a clinic or club: one term per idea, so an operator's entry is found
        // by a paraphrase of its heading.
        {"price", "cost"},
        {"pric", "cost"},
        {"fee", "cost"},
        {"charge", "cost"},
        {"expensive", "cost"},
        {"cheap", "cost"},
        {"pay", "cost"},
        {"rate", "cost"},
        {"locat", "where"},
        {"location", "where"},
        {"address", "where"},
        {"direction", "where"},
        {"postcode", "where"},
        {"opening", "open"},
        {"closing", "open"},
        {"reschedule", "cancel"},
        {"cancellation", "cancel"},
        {"voucher", "gift"},
        {"giftcard", "gift"},
        {"point", "benefit"},
        {"favourite", "prefer"},
        {"favorite", "prefer"},
        {"ran", "run"},
        {"close", "before"},
    };
    return map;
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (std::isalnum(c)) {
            current.push_back(static_cast<char>(std::tolower(c)));
        } else if (c == '\'' || c >= 0x80) {
            // Apostrophes join ("don't" -> "dont"); other bytes of UTF-8 punctuation split.
            if (c >= 0x80 && !current.empty()) words.push_back(std::exchange(current, {}));
        } else if (!current.empty()) {
            words.push_back(std::exchange(current, {}));
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

std::string light_stem(std::string_view input) {
    std::string word{input};
    if (word.size() <= 3) return word;
    if (ends_with(word, "ies") && word.size() > 4) return word.substr(0, word.size() - 3) + "y";
    if (ends_with(word, "sses")) return word.substr(0, word.size() - 2);
    if (ends_with(word, "ness") && word.size() > 6) return word.substr(0, word.size() - 4);
    if (ends_with(word, "ing") && word.size() > 5) return undouble(word.substr(0, word.size() - 3));
    if (ends_with(word, "ed") && word.size() > 4) return undouble(word.substr(0, word.size() - 2));
    if (ends_with(word, "ly") && word.size() > 5) return word.substr(0, word.size() - 2);
    if (ends_with(word, "s") && !ends_with(word, "ss") && !ends_with(word, "us") &&
        !ends_with(word, "is")) {
        return word.substr(0, word.size() - 1);
    }
    return word;
}

std::vector<std::string> search_terms(std::string_view text) {
    std::vector<std::string> terms;
    for (const auto& word : split_words(text)) {
        if (function_words().contains(word)) continue;
        // A bare number ("2 days", "3 times") counts, but says nothing of the topic.
        if (std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); }))
            continue;
        auto stem = light_stem(word);
        if (const auto it = synonyms().find(stem); it != synonyms().end()) stem = it->second;
        if (const auto it = synonyms().find(word); it != synonyms().end()) stem = it->second;
        terms.push_back(std::move(stem));
    }
    return terms;
}

}  // namespace rubdown::intents::knowledge
