#include "intents/safety/safety_triage.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

namespace rubdown::intents::safety {
namespace {

/// The words of a message, with the clause each belongs to (negation does not cross "," or
/// "but": "no pain, but my calf is swollen").
struct Words {
    std::vector<std::string> text;
    std::vector<int> clause;
};

bool is_clause_break(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' ||
           c == '(' || c == ')';
}

Words words_of(std::string_view text) {
    Words words;
    std::string current;
    int clause = 0;
    const auto flush = [&] {
        if (current.empty()) return;
        if (current == "but" || current == "though" || current == "although") ++clause;
        words.text.push_back(std::move(current));
        words.clause.push_back(clause);
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) {
            current.push_back(static_cast<char>(std::tolower(c)));
        } else if (c == '\'') {
            // "can't" -> "cant": an apostrophe joins.
        } else if (c == 0xE2 && i + 2 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(text[i + 2]) == 0x99) {
            i += 2;  // the typographic apostrophe joins too
        } else {
            // A decimal point ("38.5") does not end a clause.
            const bool decimal = c == '.' && !current.empty() &&
                                 std::isdigit(static_cast<unsigned char>(current.back())) &&
                                 i + 1 < text.size() &&
                                 std::isdigit(static_cast<unsigned char>(text[i + 1]));
            flush();
            if (is_clause_break(static_cast<char>(c)) && !decimal) ++clause;
        }
    }
    flush();
    return words;
}

bool word_matches(std::string_view pattern, std::string_view word) {
    if (pattern == "?") return !word.empty();
    if (pattern.ends_with('*')) {
        pattern.remove_suffix(1);
        return word.starts_with(pattern);
    }
    return word == pattern;
}

std::vector<std::string_view> split_pattern(std::string_view phrase) {
    std::vector<std::string_view> parts;
    while (!phrase.empty()) {
        const auto space = phrase.find(' ');
        if (space != 0) parts.push_back(phrase.substr(0, space));
        if (space == std::string_view::npos) break;
        phrase.remove_prefix(space + 1);
    }
    return parts;
}

/// A run of words [first, last].
struct Span {
    int first = 0;
    int last = 0;
};

int distance(Span a, Span b) {
    if (a.last < b.first) return b.first - a.last;
    if (b.last < a.first) return a.first - b.last;
    return 0;
}

std::vector<Span> find_phrase(const Words& words, std::string_view phrase) {
    std::vector<Span> found;
    const auto parts = split_pattern(phrase);
    const auto n = static_cast<int>(words.text.size());
    const auto k = static_cast<int>(parts.size());
    for (int i = 0; k > 0 && i + k <= n; ++i) {
        bool match = true;
        for (int j = 0; j < k && match; ++j) {
            match =
                words.clause[i + j] == words.clause[i] && word_matches(parts[j], words.text[i + j]);
        }
        if (match) found.push_back({i, i + k - 1});
    }
    return found;
}

std::vector<Span> find_any(const Words& words, const std::vector<std::string_view>& phrases) {
    std::vector<Span> found;
    for (const auto phrase : phrases) {
        const auto spans = find_phrase(words, phrase);
        found.insert(found.end(), spans.begin(), spans.end());
    }
    return found;
}

/// "no chest pain", "didn't feel dizzy at all": a negator up to three words before, same clause.
bool negated(const Words& words, Span span) {
    for (int i = std::max(0, span.first - 3); i < span.first; ++i) {
        if (words.clause[i] != words.clause[span.first]) continue;
        const auto& list = negators();
        if (std::find(list.begin(), list.end(), words.text[i]) != list.end()) return true;
    }
    return false;
}

bool near_any(const std::vector<Span>& spans, Span match, int window) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](Span s) { return distance(s, match) <= window; });
}

/// Where the rule fires in the message, if it does.
/// What can clear a red flag near it: an injury over, or a symptom not in the runner's present.
struct Clearers {
    std::vector<Span> resolved;
    std::vector<Span> not_now;
};

bool rule_fires(const Words& words, const Rule& rule, const Clearers& clearers) {
    std::vector<std::vector<Span>> groups;
    for (const auto& group : rule.groups) {
        auto spans = find_any(words, group);
        std::erase_if(spans, [&](Span s) { return negated(words, s); });
        if (spans.empty()) return false;
        groups.push_back(std::move(spans));
    }
    // "not cold, just no feeling": a negated exception does not excuse the match.
    auto unless = find_any(words, rule.unless);
    std::erase_if(unless, [&](Span s) { return negated(words, s); });
    for (const auto anchor : groups.front()) {
        // Every other group needs an occurrence within the window of the first group's.
        Span whole = anchor;
        bool all = true;
        for (std::size_t g = 1; g < groups.size() && all; ++g) {
            std::optional<Span> nearest;
            for (const auto span : groups[g]) {
                if (distance(span, anchor) <= rule.window &&
                    (!nearest || distance(span, anchor) < distance(*nearest, anchor))) {
                    nearest = span;
                }
            }
            all = nearest.has_value();
            if (all)
                whole = {std::min(whole.first, nearest->first),
                         std::max(whole.last, nearest->last)};
        }
        if (!all) continue;
        if (near_any(unless, whole, std::max(rule.unless_window, 0))) continue;
        if (rule.clearable && near_any(clearers.resolved, whole, 10)) continue;
        if (rule.history_clears && near_any(clearers.not_now, whole, 12)) continue;
        return true;
    }
    return false;
}

const Topic* find_topic(std::string_view id) {
    for (const auto& topic : topics()) {
        if (topic.id == id) return &topic;
    }
    return nullptr;
}

}  // namespace

Verdict triage(std::string_view text) {
    auto words = words_of(text);
    // Idioms are blanked out, keeping positions: "hills are a pain in the neck".
    for (const auto idiom : idioms()) {
        for (const auto span : find_phrase(words, idiom)) {
            for (int i = span.first; i <= span.last; ++i) words.text[i].clear();
        }
    }
    const Clearers clearers{find_any(words, resolved_markers()),
                            find_any(words, not_now_markers())};
    Verdict verdict;
    for (const auto& rule : rules()) {
        const auto* topic = find_topic(rule.topic);
        if (topic == nullptr || topic->level <= verdict.level) continue;
        if (rule_fires(words, rule, clearers)) verdict = {topic->level, std::string{topic->id}};
    }
    return verdict;
}

std::string safety_reply(const Verdict& verdict) {
    const auto* topic = find_topic(verdict.topic);
    if (!verdict || topic == nullptr) return {};
    return "⚠️ " + std::string{topic->reply};
}

std::string_view level_name(Level level) {
    switch (level) {
        case Level::urgent:
            return "urgent";
        case Level::medical:
            return "medical";
        case Level::none:
            break;
    }
    return "";
}

}  // namespace rubdown::intents::safety
