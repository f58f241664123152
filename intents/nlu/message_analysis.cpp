#include "intents/nlu/message_analysis.hpp"

#include <algorithm>

#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"

namespace rubdown::intents::nlu {

bool is_any(const Token& token, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

namespace {

bool has_past_run_verb(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return is_any(
            t, {"ran",    "did",     "done",     "finished", "completed", "jogged",  "raced",
                "logged", "covered", "clocked",  "managed",  "smashed",   "nailed",  "knocked",
                "went",   "walked",  "ticked",   "banked",   "racked",    "crushed", "survived",
                "took",   "hit",     "recorded", "ploughed", "slogged",   "plodded", "trotted"});
    });
}

/// Words that put a run in the past: "yesterday", "last night", "this morning", "3 days ago".
bool has_past_day(const Tokens& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (is_any(t, {"yesterday", "yesterday's", "yday", "ago", "earlier", "tonight's"}))
            return true;
        const Token& next = token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1);
        if (t.is("last") && is_any(next, {"night", "evening"})) return true;
        if (t.is("this") && is_any(next, {"morning", "afternoon", "lunchtime"})) return true;
    }
    return false;
}

bool is_question(std::string_view normalized, const Tokens& tokens) {
    if (normalized.find('?') != std::string_view::npos) return true;
    return !tokens.empty() &&
           is_any(tokens.front(), {"what",  "how",   "why",    "when", "where", "which", "should",
                                   "can",   "could", "is",     "does", "do",    "are",   "will",
                                   "would", "whats", "what's", "hows", "how's", "who"});
}

}  // namespace

Analysis analyse(std::string_view normalized) {
    Analysis a;
    a.normalized = std::string(normalized);
    a.tokens = lex(a.normalized);
    const auto distance = parse_distance_km(a.tokens);
    a.cues.distance = distance.has_value();
    a.cues.duration = parse_duration_s(a.tokens, distance).has_value();
    a.cues.question = is_question(a.normalized, a.tokens);
    a.cues.past_run_verb = has_past_run_verb(a.tokens);
    a.cues.past_day = has_past_day(a.tokens);
    return a;
}

}  // namespace rubdown::intents::nlu
