#include "intents/nlu/message_parts.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {
namespace {

constexpr std::size_t kEnd = static_cast<std::size_t>(-1);

bool ends_clause(const Token& token) {
    return token.is_symbol('.') || token.is_symbol('!') || token.is_symbol('?') ||
           token.is_symbol(';') || token.is_symbol(',') || token.is_symbol('\n');
}

bool has_past_run_verb(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return is_any(
            t, {"ran",     "did",      "done",     "finished", "completed", "jogged",  "raced",
                "clocked", "managed",  "smashed",  "nailed",   "knocked",   "covered", "banked",
                "crushed", "survived", "ploughed", "slogged",  "plodded",   "got",     "went",
                "had",     "was",      "hit",      "pbd",      "pb'd"});
    });
}

bool is_question(const Tokens& tokens) {
    if (std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.is_symbol('?'); }))
        return true;
    return !tokens.empty() &&
           is_any(tokens.front(), {"what",  "how",    "why",  "when",  "where", "which", "should",
                                   "can",   "could",  "is",   "does",  "do",    "are",   "would",
                                   "whats", "what's", "hows", "how's", "will",  "shall"});
}

/// What one clause holds, for deciding whether it starts a part.
struct Clause {
    PartSpan span;
    bool distance = false;
    bool duration = false;
    bool question = false;
    bool massage = false;
    bool day = false;
    bool correction = false;
    bool past_plan = false;
    bool device = false;
    bool continues = false;  ///< starts with a continuation or is a piece of the same session
    bool joined_by_but = false;

    bool measure() const { return distance || duration; }
    /// Says something of its own: it can stand as a part.
    bool stands_alone() const { return measure() || question || massage || correction; }
};

Clause read_clause(const Tokens& tokens, PartSpan span, bool joined_by_but) {
    const Tokens words = slice(tokens, span);
    Clause c;
    c.span = span;
    c.joined_by_but = joined_by_but;
    const auto distance = parse_distance_km(words);
    c.distance = distance.has_value();
    c.duration = parse_duration_s(words, distance).has_value();
    c.question = is_question(words);
    c.massage = has_phrase(words, massage_words());
    c.day = names_a_day(words);
    c.correction = part_kind(words) == PartKind::correction;
    c.past_plan = has_phrase(words, past_plan_cues());
    c.device = has_phrase(words, device_reading_cues());
    std::size_t at = 0;
    c.continues = (has_phrase(words, clause_continuations(), 0, kEnd, &at) && at == 0) ||
                  has_phrase(words, session_pieces());
    return c;
}

/// The clauses of a message: split at sentence marks and commas, and before joining words.
std::vector<Clause> clauses_of(const Tokens& tokens) {
    std::vector<Clause> clauses;
    std::size_t begin = 0;
    bool but = false;
    const auto close = [&](std::size_t end, bool next_but) {
        if (end > begin) clauses.push_back(read_clause(tokens, {begin, end}, but));
        but = next_but;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (ends_clause(token)) {
            // The question mark belongs to its clause: it makes it a question.
            close(token.is_symbol('?') ? i + 1 : i, false);
            begin = i + 1;
            continue;
        }
        std::size_t at = 0;
        if (i > begin && has_phrase(tokens, clause_joiners(), i, i + 1, &at)) {
            close(i, token.is("but"));
            begin = i;
            // The joining word itself says nothing of the part it starts.
            std::size_t skip = i + 1;
            if (token.is("and") && token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1).is("then"))
                ++skip;
            begin = skip;
            i = skip - 1;
        }
    }
    close(tokens.size(), false);
    return clauses;
}

struct Building {
    PartSpan span;
    bool distance = false;
    bool duration = false;
    bool question = false;
    bool massage = false;
    bool correction = false;
    bool past_plan = false;
    bool day = false;

    bool complete() const { return distance || duration || question || massage || correction; }
    void add(const Clause& c) {
        span.end = c.span.end;
        distance |= c.distance;
        duration |= c.duration;
        question |= c.question;
        massage |= c.massage;
        correction |= c.correction;
        past_plan |= c.past_plan;
        day |= c.day;
    }
    static Building from(const Clause& c) {
        Building b;
        b.span = c.span;
        b.add(c);
        return b;
    }
};

/// "took 45 min" after "ran 8k": the same run's time, not another run.
bool completes(const Building& part, const Clause& c) {
    return c.duration && !c.distance && part.distance && !part.duration && !c.day && !c.question &&
           !c.correction;
}

/// A goal time: "sub 50", "under 4 hours", "break 1:45". Its value by plausible pace.
std::optional<std::int64_t> goal_time(const Tokens& tokens, std::optional<double> distance_km) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (!is_any(tokens[i], {"sub", "under", "break", "breaking", "beat", "beating", "in"}))
            continue;
        std::size_t k = i + 1;
        if (tokens[k].is_symbol('-')) ++k;
        const Tokens rest(tokens.begin() + static_cast<std::ptrdiff_t>(k), tokens.end());
        if (rest.empty() || !rest.front().is_number()) continue;
        if (const auto stated = parse_duration_s(rest, distance_km)) return stated;
        const double n = rest.front().value;
        if (n <= 0 || n >= 600) continue;
        // Minutes or hours: whichever gives a runner's pace over the distance.
        const auto minutes = static_cast<std::int64_t>(std::lround(n * 60));
        const auto hours = static_cast<std::int64_t>(std::lround(n * 3600));
        if (distance_km && *distance_km > 0) {
            const double pace_min = n / *distance_km;  // minutes per km if n is minutes
            return pace_min >= 2.5 && pace_min <= 15.0 ? minutes : hours;
        }
        if (i > 0 || k > 0) return n <= 6 ? hours : minutes;
    }
    return std::nullopt;
}

std::optional<std::size_t> find(const Tokens& tokens, const PhraseList& list, std::size_t from = 0,
                                std::size_t to = kEnd) {
    std::size_t at = 0;
    if (has_phrase(tokens, list, from, to, &at)) return at;
    return std::nullopt;
}

/// The values a side of a correction names.
struct Values {
    std::optional<double> distance_km;
    std::optional<std::int64_t> duration_s;
    std::optional<std::string> effort;
};

Values values_in(const Tokens& tokens, std::size_t from, std::size_t to) {
    to = std::min(to, tokens.size());
    Values v;
    if (from >= to) return v;
    const Tokens side(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                      tokens.begin() + static_cast<std::ptrdiff_t>(to));
    v.distance_km = parse_distance_km(side);
    v.duration_s = parse_duration_s(side, v.distance_km);
    // A bare number on the other side of "not 15k": the same unit ("12 not 15k").
    if (!v.distance_km && !v.duration_s) {
        for (const auto& t : side) {
            if (t.is_number() && t.value > 0 && t.value < 200) {
                v.distance_km = t.value;
                break;
            }
        }
    }
    v.effort = parse_effort(side).effort;
    return v;
}

/// Whether the day named at `at` is the one set aside: "not today", "instead of Sunday", "from
/// Sunday". ("was Sunday" names the run's right day in a correction, unlike in a race's move.)
bool set_aside_at(const Tokens& part, std::size_t at) {
    auto k = static_cast<std::ptrdiff_t>(at) - 1;
    while (k >= 0 && is_any(part[static_cast<std::size_t>(k)], {"on", "the"})) --k;
    const Token& before = token_at(part, k);
    return is_any(before, {"not", "from"}) ||
           (before.is("of") && token_at(part, k - 1).is("instead")) ||
           (before.is("than") && token_at(part, k - 1).is("rather"));
}

/// A delete word, or a run logged "by mistake" with nothing said of what it should be.
bool removes(const Tokens& part) {
    if (has_phrase(part, delete_cues())) return true;
    return has_phrase(part, {"by mistake", "accidentally", "in error", "by accident"}) &&
           !has_phrase(part,
                       {"not", "instead", "should", "meant", "to", "actually", "was", "make"});
}

}  // namespace

Tokens slice(const Tokens& tokens, PartSpan span) {
    const auto end = std::min(span.end, tokens.size());
    const auto begin = std::min(span.begin, end);
    return Tokens(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                  tokens.begin() + static_cast<std::ptrdiff_t>(end));
}

std::string text_of(const Tokens& tokens) {
    std::string text;
    for (const auto& token : tokens) {
        if (!text.empty() && token.spaced) text.push_back(' ');
        text += token.text;
    }
    return text;
}

std::vector<PartSpan> split_parts(const Tokens& tokens) {
    const auto clauses = clauses_of(tokens);
    std::vector<Building> parts;
    for (const auto& c : clauses) {
        if (parts.empty()) {
            parts.push_back(Building::from(c));
            continue;
        }
        auto& current = parts.back();
        // "my watch said 11.8": the runner's own figure stands.
        if (c.device && current.complete() && !c.question) continue;
        const bool new_part =
            c.stands_alone() && current.complete() && !c.continues && !completes(current, c);
        if (!new_part) {
            current.add(c);
            continue;
        }
        // "planned 15k but only did 9k": the plan not kept is not a part of its own.
        if (current.past_plan && c.measure() && !current.correction && !current.question) {
            current = Building::from(c);
            continue;
        }
        parts.push_back(Building::from(c));
    }
    std::vector<PartSpan> spans;
    for (const auto& part : parts) spans.push_back(part.span);
    if (spans.empty()) spans.push_back({0, tokens.size()});
    return spans;
}

PartKind part_kind(const Tokens& part) {
    const bool question = is_question(part);
    const auto distance = parse_distance_km(part);
    const bool measure = distance || parse_duration_s(part, distance);
    const bool day = names_a_day(part);
    // Correction: a delete word about a run, or a change word with what changes.
    if (has_phrase(part, delete_cues()) &&
        (has_phrase(part, run_words()) || measure || day ||
         has_phrase(part, {"that", "it", "last one", "the last", "entry", "log", "one"}))) {
        if (!has_phrase(part, massage_words())) return PartKind::correction;
    }
    const bool pair = [&] {
        // "12k not 15k", "yesterday not today", "not 15k but 12k": two values, one set aside.
        for (std::size_t i = 1; i + 1 < part.size(); ++i) {
            if (!part[i].is("not") && !(part[i].is("instead") && part[i + 1].is("of")) &&
                !(part[i].is("rather") && part[i + 1].is("than")))
                continue;
            const auto left = values_in(part, 0, i);
            const auto right = values_in(part, i + 1, i + 4);
            const bool left_day = names_a_day(slice(part, {0, i}));
            const bool right_day = names_a_day(slice(part, {i + 1, i + 4}));
            const bool left_measure = left.distance_km || left.duration_s;
            const bool right_measure = right.distance_km || right.duration_s;
            if ((left_measure && right_measure) || (left_day && right_day)) return true;
        }
        return false;
    }();
    if (pair && !question) return PartKind::correction;
    if (has_phrase(part, change_cues()) && (measure || day || parse_effort(part).effort) &&
        !has_phrase(part, massage_words()) && !question) {
        // "by mistake", "sorry", "instead of" beside a run told as done are asides, not a change,
        // unless a word of the log itself is named.
        const bool strong =
            !has_phrase(part, {"by mistake", "sorry", "oops", "instead of", "actually ran",
                               "actually did", "i said", "put in", "wrongly", "mistakenly"}) ||
            has_phrase(part, {"logged", "log", "entry", "put", "typed", "wrote", "said"});
        if (strong) return PartKind::correction;
    }
    if (question) return PartKind::other;
    if (has_phrase(part, plan_cues()) && !has_phrase(part, past_plan_cues()) &&
        !has_phrase(part, massage_words())) {
        const bool about_running =
            measure || has_phrase(part, goal_words()) || has_phrase(part, run_words());
        const bool told_as_done =
            has_past_run_verb(part) &&
            !has_phrase(part, {"ill", "i will", "going to", "gonna", "want to", "training for"});
        if (about_running && !told_as_done) return PartKind::plan;
    }
    return PartKind::other;
}

Entities correction_entities(const Tokens& part, date::year_month_day today) {
    Entities e;
    const bool remove = removes(part);
    e.action = remove ? "delete" : "change";
    // Where the new values start and where the old ones are.
    std::size_t new_from = 0, new_to = part.size(), old_from = part.size(), old_to = part.size();
    bool split = false;
    for (std::size_t i = 0; i < part.size() && !split; ++i) {
        const bool not_here = part[i].is("not");
        const bool instead =
            part[i].is("instead") && token_at(part, static_cast<std::ptrdiff_t>(i) + 1).is("of");
        const bool rather =
            part[i].is("rather") && token_at(part, static_cast<std::ptrdiff_t>(i) + 1).is("than");
        if (!not_here && !instead && !rather) continue;
        const std::size_t after = i + (not_here ? 1 : 2);
        const auto left = values_in(part, 0, i);
        const bool left_says =
            left.distance_km || left.duration_s || left.effort || names_a_day(slice(part, {0, i}));
        if (not_here && !left_says) {
            // "not 15k but 12k", "not 15k, 12k": the new value follows.
            const auto but = find(part, {"but", "its", "it's", "was", "it"}, after);
            old_from = after;
            old_to = but ? *but : std::min(part.size(), after + 3);
            new_from = old_to;
            new_to = part.size();
            split = true;
            continue;
        }
        new_from = 0;
        new_to = i;
        old_from = after;
        old_to = std::min(part.size(), after + 3);
        split = true;
    }
    if (!split) {
        // "change Sunday's run to 14k", "15k should be 12k", "make that 1:01".
        if (const auto to = find(part, {"to", "should be", "should have been", "shouldve been",
                                        "should say", "should read", "make that", "make it",
                                        "i meant", "meant", "actually", "as"})) {
            const std::size_t words = part[*to].is("should") ? 2 + (part[*to + 1].is("have")) : 1;
            old_from = 0;
            old_to = *to;
            new_from = *to + words;
            new_to = part.size();
            if (part[*to].is("make")) new_from = *to + 2;
        } else if (remove) {
            old_from = 0;
            old_to = part.size();
            new_from = new_to = 0;
        }
    }
    if (!remove) {
        const auto fresh = values_in(part, new_from, new_to);
        e.distance_km = fresh.distance_km;
        e.duration_s = fresh.duration_s;
        e.effort = fresh.effort;
    }
    const auto old = values_in(part, old_from, old_to);
    // A bare number guessed as km only counts as the old value beside a new distance.
    e.target_distance_km = old.distance_km;
    e.target_duration_s = old.duration_s;
    if (remove) {
        e.target_distance_km = parse_distance_km(part);
        e.target_duration_s = parse_duration_s(part, e.target_distance_km);
    }
    if (e.target_distance_km && e.duration_s && !e.distance_km) e.target_distance_km.reset();
    if (e.target_duration_s && e.distance_km && !e.duration_s) e.target_duration_s.reset();
    if (e.target_distance_km && e.distance_km && *e.target_distance_km == *e.distance_km)
        e.target_distance_km.reset();
    // Days: one set aside ("not today") is the run meant; another named on the new side is its
    // new day; otherwise the day named is the run meant.
    for (const auto& named : past_days_named(part, today)) {
        const bool on_new_side =
            !remove && named.at >= new_from && named.at < new_to && (split || new_from > 0);
        if (set_aside_at(part, named.at)) {
            e.target_date = iso_date(named.day);
        } else if (on_new_side && !e.date) {
            e.date = iso_date(named.day);
        } else if (!e.target_date) {
            e.target_date = iso_date(named.day);
        }
    }
    if (e.date && !e.target_date && !split) {
        e.target_date = e.date;
        e.date.reset();
    }
    return e;
}

Entities plan_entities(const Tokens& part, date::year_month_day today) {
    Entities e;
    e.distance_km = parse_distance_km(part);
    if (const auto goal = goal_time(part, e.distance_km)) {
        e.duration_s = goal;
    } else {
        e.duration_s = parse_duration_s(part, e.distance_km);
    }
    if (const auto day = parse_race_date(part, today)) e.date = iso_date(*day);
    return e;
}

bool is_race_result(const Tokens& part) {
    if (has_phrase(part, plan_cues()) || has_phrase(part, past_plan_cues())) return false;
    if (has_phrase(part, {"sub", "under", "goal", "target", "aiming", "hoping", "signed up",
                          "entered", "registered", "booked"}))
        return false;
    const auto distance = parse_distance_km(part);
    const bool time = parse_duration_s(part, distance).has_value();
    return time || (has_past_run_verb(part) &&
                    has_phrase(part, {"ran", "raced", "finished", "completed", "did", "done"}));
}

}  // namespace rubdown::intents::nlu
