#include "intents/nlu/effort_parser.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace rubdown::intents::nlu {
namespace {

enum class Level { none, easy, moderate, hard };

bool is_any(const Token& token, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

struct Keyword {
    std::string_view word;
    Level level;
    bool fuzzy;  ///< long enough that one typo cannot turn another word into it
};

constexpr std::array kKeywords{
    Keyword{"hard", Level::hard, false},        Keyword{"harder", Level::hard, false},
    Keyword{"hardest", Level::hard, false},     Keyword{"hardish", Level::hard, false},
    Keyword{"hrad", Level::hard, false},        Keyword{"harde", Level::hard, false},
    Keyword{"hardd", Level::hard, false},       Keyword{"intervals", Level::hard, true},
    Keyword{"interval", Level::hard, true},     Keyword{"repeats", Level::hard, true},
    Keyword{"tempo", Level::hard, true},        Keyword{"tempos", Level::hard, false},
    Keyword{"threshold", Level::hard, true},    Keyword{"thresh", Level::hard, false},
    Keyword{"brutal", Level::hard, true},       Keyword{"killer", Level::hard, true},
    Keyword{"allout", Level::hard, false},      Keyword{"racepace", Level::hard, false},
    Keyword{"easy", Level::easy, false},        Keyword{"eazy", Level::easy, false},
    Keyword{"esay", Level::easy, false},        Keyword{"easey", Level::easy, false},
    Keyword{"easyish", Level::easy, false},     Keyword{"eaasy", Level::easy, false},
    Keyword{"easyy", Level::easy, false},       Keyword{"recovery", Level::easy, true},
    Keyword{"jog", Level::easy, false},         Keyword{"jogged", Level::easy, false},
    Keyword{"jogging", Level::easy, false},     Keyword{"jogs", Level::easy, false},
    Keyword{"joged", Level::easy, false},       Keyword{"shakeout", Level::easy, true},
    Keyword{"steady", Level::moderate, true},   Keyword{"steadyish", Level::moderate, false},
    Keyword{"moderate", Level::moderate, true}, Keyword{"moderately", Level::moderate, false},
    Keyword{"moderat", Level::moderate, false},
};

/// Race words count only for a race run, not a race named as a coming event or a reason.
constexpr std::array<std::string_view, 8> kRaceWords{"race", "raced", "racing", "races",
                                                     "rase", "raced", "racd",   "raceing"};

Level keyword_level(const Token& token) {
    if (!token.is_word()) return Level::none;
    for (const auto& keyword : kKeywords) {
        if (token.text == keyword.word) return keyword.level;
    }
    if (token.text.size() >= 5) {
        for (const auto& keyword : kKeywords) {
            if (keyword.fuzzy && edit_distance_capped(token.text, keyword.word) <= 1) {
                return keyword.level;
            }
        }
    }
    return Level::none;
}

Level rpe_level(int rpe) {
    if (rpe >= 7) return Level::hard;
    if (rpe >= 5) return Level::moderate;
    return Level::easy;
}

bool negated(const Tokens& tokens, std::ptrdiff_t i) {
    const Token& previous = token_at(tokens, i - 1);
    const Token& before = token_at(tokens, i - 2);
    return is_any(previous,
                  {"not", "wasn't", "wasnt", "isn't", "no", "never", "nothing", "hardly"}) ||
           (is_any(previous, {"too", "that", "very", "so"}) &&
            is_any(before, {"not", "wasn't", "wasnt", "isn't"}));
}

/// An RPE given as a whole number 1-10 at token `i`, if it is one.
std::optional<int> rpe_number(const Token& token) {
    if (!token.is_number() || token.text.find('.') != std::string::npos) return std::nullopt;
    if (token.value < 1 || token.value > 10) return std::nullopt;
    return static_cast<int>(token.value);
}

/// Finds "rpe 7", "rpe: 7", "rpe of 7", "effort 8/10", "effort was 8", "8/10 effort", "felt like a
/// 7/10", "7 out of 10", a bare "8/10".
std::optional<int> find_rpe(const Tokens& tokens) {
    const auto at = [&](std::ptrdiff_t k) -> const Token& { return token_at(tokens, k); };
    const auto n = static_cast<std::ptrdiff_t>(tokens.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        if (is_any(at(i), {"rpe", "effort", "rpe's", "exertion"})) {
            std::ptrdiff_t k = i + 1;
            while (k < i + 4 &&
                   (at(k).is_symbol(':') || at(k).is_symbol('=') || at(k).is_symbol('-') ||
                    is_any(at(k), {"of", "was", "is", "at", "around", "about", "level", "maybe",
                                   "like", "a", "an"}))) {
                ++k;
            }
            if (const auto value = rpe_number(at(k))) {
                const bool out_of_ten = at(k + 1).is_symbol('/') ? at(k + 2).value == 10 : true;
                if (out_of_ten) return value;
            }
        }
        if (const auto value = rpe_number(at(i))) {
            const bool slash_ten = at(i + 1).is_symbol('/') && at(i + 2).is_number() &&
                                   at(i + 2).text == "10" && !at(i + 1).spaced;
            const bool out_of_ten =
                at(i + 1).is("out") && at(i + 1 + 1).is("of") && at(i + 3).text == "10";
            // "on 7/10" is the 7th of October, not an effort.
            const bool date_like = is_any(at(i - 1), {"on", "since", "from", "until", "the"}) ||
                                   at(i + 3).is_symbol('/');
            if ((slash_ten || out_of_ten) && !date_like) return value;
            if (is_any(at(i - 1), {"rpe"})) return value;
        }
        // "rpe7"
        if (at(i).is("rpe") && at(i + 1).is_number() && !at(i + 1).spaced) {
            if (const auto value = rpe_number(at(i + 1))) return value;
        }
    }
    return std::nullopt;
}

}  // namespace

int edit_distance_capped(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Lengths two apart are at least two edits apart: the cap, without any table.
    if (n > m + 1 || m > n + 1) return 2;
    // One edit leaves one of the first two letters where it was or one place over; most words
    // compared with a keyword fail this at once.
    if (n >= 2 && m >= 2 && a[0] != b[0] && a[1] != b[1] && a[0] != b[1] && a[1] != b[0]) return 2;
    // Three rolling rows are enough for adjacent transpositions. Words are short: the rows live
    // on the stack (this runs for many words of every message), a longer word gets the cap.
    constexpr std::size_t kLongest = 31;
    if (m > kLongest) return a == b ? 0 : 2;
    std::array<int, kLongest + 1> rows[3];
    auto* before = rows[0].data();
    auto* previous = rows[1].data();
    auto* current = rows[2].data();
    for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], 2);
}

EffortReading parse_effort(const Tokens& tokens) {
    EffortReading reading;
    if (const auto rpe = find_rpe(tokens)) {
        reading.rpe = rpe;
        switch (rpe_level(*rpe)) {
            case Level::hard:
                reading.effort = "hard";
                break;
            case Level::moderate:
                reading.effort = "moderate";
                break;
            default:
                reading.effort = "easy";
                break;
        }
        return reading;
    }
    bool hard = false;
    bool moderate = false;
    bool easy = false;
    const auto at = [&](std::ptrdiff_t k) -> const Token& { return token_at(tokens, k); };
    const auto n = static_cast<std::ptrdiff_t>(tokens.size());
    // "ran a 10 mile race on Saturday": with a verb of running, a race on a day was this run.
    const bool ran = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return is_any(t, {"ran", "raced", "did", "finished", "completed", "won", "done"});
    });
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        const Token& token = at(i);
        Level level = keyword_level(token);
        // Two-word keywords: "all out", "race pace", "shake out".
        if (token.is("all") &&
            (at(i + 1).is("out") || (at(i + 1).is_symbol('-') && at(i + 2).is("out")))) {
            level = Level::hard;
        }
        if (token.is("shake") &&
            (at(i + 1).is("out") || (at(i + 1).is_symbol('-') && at(i + 2).is("out")))) {
            level = Level::easy;
        }
        const bool race_word =
            std::find(kRaceWords.begin(), kRaceWords.end(), token.text) != kRaceWords.end();
        if (race_word) {
            const bool pace_follows = at(i + 1).is("pace") || at(i + 1).is("effort") ||
                                      (at(i + 1).is_symbol('-') && at(i + 2).is("pace"));
            // "before my race", "race on Sunday", "race day is coming": a reason, not this run.
            const auto is_reason = [](const Token& t) {
                return is_any(t, {"before", "for", "after", "until", "till", "pre", "post", "next",
                                  "upcoming", "tomorrow's", "sunday's", "saturday's", "weekend's",
                                  "yesterday's", "big", "target", "goal", "ahead", "towards"});
            };
            const bool event =
                is_reason(at(i - 1)) ||
                (is_any(at(i - 1), {"a", "the", "my", "our", "this", "next"}) &&
                 is_reason(at(i - 2))) ||
                is_any(at(i + 1), {"tomorrow", "next", "in", "day", "week", "weekend", "season",
                                   "is", "coming", "plan", "prep", "calendar", "soon", "this"}) ||
                (at(i + 1).is("on") && !ran);
            if (pace_follows || !event) level = Level::hard;
        }
        // "6x800", "3 x 1 mile": a session of repeats, which the contract counts as hard.
        // "2 x 5k loops": a route run twice, not repeats.
        const bool loops = is_any(at(i + 3), {"loops", "loop", "laps", "lap"}) ||
                           is_any(at(i + 2), {"loops", "loop", "laps", "lap"});
        if (token.is("x") && at(i - 1).is_number() && at(i + 1).is_number() &&
            at(i - 1).value >= 2 && at(i - 1).value <= 50 && !loops) {
            level = Level::hard;
        }
        if (level == Level::none || negated(tokens, i)) continue;
        // "hard" about something else than the run: "hard to say", "hard time".
        if (token.is("hard") && is_any(at(i + 1), {"to", "time", "surface", "ground"})) continue;
        hard = hard || level == Level::hard;
        moderate = moderate || level == Level::moderate;
        easy = easy || level == Level::easy;
    }
    if (hard) {
        reading.effort = "hard";
    } else if (moderate) {
        reading.effort = "moderate";
    } else if (easy) {
        reading.effort = "easy";
    }
    return reading;
}

}  // namespace rubdown::intents::nlu
