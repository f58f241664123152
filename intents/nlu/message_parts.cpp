// Longer than 400 lines (753) because splitting a message and judging each part share the
// clause-break and cue helpers; the phrase lists are already apart (part_cues.cpp), as is the
// correction reader.
#include "intents/nlu/message_parts.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "intents/nlu/correction_reader.hpp"
#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {
namespace {

Tokens without_lead(const Tokens& tokens);

constexpr std::size_t kEnd = static_cast<std::size_t>(-1);

/// A clause mark, or a slash or dash standing alone between words: "Thu: 7k easy / Fri: 10k",
/// "today: 5k - tomorrow: 8k"; not "5:30/km", "8 / 10" or "10 - 12k".
bool separates_clauses(const Tokens& tokens, std::size_t i) {
    const Token& token = tokens[i];
    if (ends_clause(token)) return true;
    // "sat 21k steady // sun 8k shakeout", "Fri 5k tempo | Sat off | Sun 25k long run".
    if (token.is_symbol('|')) return true;
    if (token.is_symbol('/') && token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1).is_symbol('/'))
        return true;
    if (token.is_symbol('/') && i > 0 && tokens[i - 1].is_symbol('/')) return true;
    if (!token.is_symbol('/') && !token.is_symbol('-')) return false;
    const Token& next = token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1);
    // "7k easy on Tuesday / 10k intervals Wednesday": after a day, a number starts the next run.
    return token.spaced && next.spaced && i > 0 &&
           (next.is_word() || names_a_day(slice(tokens, {i - 1, i})));
}

bool is_race_distance(double km) {
    return km == kHalfMarathonKm || km == kMarathonKm;
}

/// Training named after a race: "marathon training", "half marathon pace".
const PhraseList& training_names() {
    static const PhraseList list{"marathon training",  "marathon pace",    "marathon plan",
                                 "marathon block",     "marathon prep",    "marathon build",
                                 "marathon programme", "marathon program", "marathon specific",
                                 "half training",      "half pace"};
    return list;
}

/// "6x800", "3 x 10 min", "10 x 400m": a session told by its repetitions.
bool names_repetitions(const Tokens& tokens) {
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i) {
        if ((tokens[i].is("x") || tokens[i].is_symbol('*')) && tokens[i - 1].is_number() &&
            tokens[i + 1].is_number())
            return true;
    }
    return false;
}

bool has_past_run_verb(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return is_any(
            t, {"ran",      "did",      "done",     "finished", "completed", "jogged",   "raced",
                "clocked",  "managed",  "smashed",  "nailed",   "knocked",   "covered",  "banked",
                "crushed",  "survived", "ploughed", "slogged",  "plodded",   "got",      "went",
                "had",      "was",      "hit",      "pbd",      "pb'd",      "squeezed", "reached",
                "achieved", "broke",    "snuck",    "fitted",   "managed"});
    });
}

/// The tokens after a leading joining word or aside: "and can you ...", "also how do I ...".
Tokens without_lead(const Tokens& tokens) {
    std::size_t k = 0;
    while (k < tokens.size() &&
           is_any(tokens[k],
                  {"and",  "also", "plus", "oh",  "btw",   "so",     "but",   "ok",   "okay",
                   "haha", "lol",  "hey",  "hi",  "hello", "thanks", "ty",    "cool", "nice",
                   "yeah", "yes",  "no",   "hmm", "um",    "well",   "right", "then"}))
        ++k;
    return Tokens(tokens.begin() + static_cast<std::ptrdiff_t>(k), tokens.end());
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
    bool own_figure = false;          ///< the runner's figure after a reading: "call it 7.6"
    bool continues = false;           ///< starts with a continuation: "took 45 min", "felt good"
    bool goes_on_correcting = false;  ///< starts as the rest of a correction: "it was 30k"
    bool session_piece = false;       ///< a piece of a session: "2k warm up", "10k total"
    bool goal_remark = false;         ///< "sub 1:30 baby": a remark on the time just told
    bool goal_time = false;           ///< "finally broke 50 min": a goal beaten, not the time
    bool entered = false;             ///< names what was logged before: "you logged 10km"
    bool request = false;             ///< asks about reminders or stats: "show me my stats"
    bool race = false;                ///< tells of a race on a day: "race is on sunday"
    bool run_told = false;            ///< a run told without figures: "did hill repeats today"
    bool session_planned = false;     ///< a session planned for a day: "tempo tomorrow"
    bool set_aside_first = false;     ///< starts with a value set aside: "not 6k"
    bool set_aside = false;           ///< sets a value aside: "my run was not 15k"
    std::optional<double> km;         ///< the distance named, if any
    bool bare_run = false;            ///< a number and a day, the unit left out: "4 on thursday"
    bool deletes = false;             ///< asks to delete: "delete friday's run"
    bool plan = false;                ///< plans a run: "planning 3 runs next week"
    bool kind_plan = false;           ///< read as a plan, with or without an intention
    bool fix_request = false;         ///< asks to fix a run, value to come: "can you fix it?"
    bool sport = false;               ///< another sport: "hiked 15k with poles"
    bool past_verb = false;           ///< tells a run done: "did 10k easy"
    bool instead = false;             ///< what was done instead: "so 10k steady instead"
    bool refers_back = false;         ///< names the run just told: "delete it", "remove that one"
    bool joined_by_but = false;

    bool measure() const { return distance || duration; }
    /// Says something of its own: it can stand as a part.
    bool stands_alone() const {
        return measure() || question || massage || correction || request || race || run_told ||
               plan || session_planned;
    }
};

Clause read_clause(const Tokens& tokens, PartSpan span, bool joined_by_but) {
    const Tokens words = slice(tokens, span);
    Clause c;
    c.span = span;
    c.joined_by_but = joined_by_but;
    const auto distance = parse_distance_km(words);
    // "marathon training run today, 32k": the race names the training, not this run's distance.
    c.distance = distance.has_value() &&
                 !(is_race_distance(*distance) && has_phrase(words, training_names()));
    if (c.distance) c.km = distance;
    c.duration = parse_duration_s(words, distance).has_value();
    c.question = is_question(words) && !(is_request(words) && has_phrase(words, late_log_cues()));
    // "then used the massage gun", "had a massage yesterday": told, not asked for.
    c.massage =
        has_phrase(words, massage_words()) &&
        (c.question || has_phrase(words, {"book", "booking", "booked", "appointment", "need a",
                                          "want a", "get a", "should i", "can i"}));
    c.day = names_a_day(words);
    const auto kind = part_kind(words);
    c.correction = kind == PartKind::correction;
    // "planning 3 runs next week" stands as a part; "hoping for sub 50" or "beat my goal" adds
    // to the one before.
    // "she's doing a marathon next year" is someone else's plan.
    const bool someone_else = has_phrase(
        words, {"she", "he", "shes", "hes", "they", "theyre", "who is", "whos", "who's"});
    c.kind_plan = kind == PartKind::plan && !someone_else;
    c.fix_request = kind == PartKind::other && cue_about_a_run(words, change_cues()) &&
                    !c.distance && !c.duration;
    c.plan = c.kind_plan && has_phrase(words, intention_cues()) &&
             !has_phrase(words, {"sub", "under", "goal", "pb", "log"});
    c.past_plan = has_phrase(words, past_plan_cues());
    c.device = has_phrase(words, device_reading_cues());
    c.own_figure = !c.device && has_phrase(words, own_figure_cues()) &&
                   (c.distance || bare_figure(words).has_value());
    std::size_t at = 0;
    // "and it was 26k not 24k": read after a leading joining word or aside.
    const auto told = without_lead(words);
    c.continues = has_phrase(told, clause_continuations(), 0, kEnd, &at) && at == 0;
    // "show me my stats", "how far this week?"; not "no idea how far, watch died".
    const auto asking = without_lead(words);
    c.request =
        has_phrase(words, reminder_words()) ||
        (has_phrase(words, stats_words()) &&
         (c.question ||
          (!asking.empty() && is_any(asking.front(), {"show", "list", "give", "send", "tell"})) ||
          // "and I want to know my monthly distance"
          has_phrase(words, {"want to know", "like to know", "wanna know", "tell me"})));
    c.race = has_phrase_outside(words, race_words(), change_idioms()) && c.day;
    // "ran on sunday", "intervals yday (RPE 9)": a run told with its day and no figures;
    // "5x1k intervals done": a session told by its repetitions.
    const bool repetitions = names_repetitions(words);
    c.run_told =
        !has_phrase(words, plan_cues()) &&
        ((c.day &&
          ((has_phrase(words, {"did", "done", "went for"}) && has_phrase(words, run_words())) ||
           has_phrase(words,
                      {"ran", "jogged", "raced", "intervals", "repeats", "tempo run", "long run",
                       "hill repeats", "hills", "fartlek", "track session", "hill reps", "reps",
                       "threshold", "speedwork", "progression", "hill sprints"}) ||
           repetitions)) ||
         (repetitions && has_phrase(words, {"did", "done", "ran", "smashed", "nailed"})));
    // "tempo tomorrow, hills thursday": each session planned is a part of its own.
    c.session_planned = c.day && !c.question && has_phrase(words, plan_cues()) &&
                        has_phrase(words, {"intervals", "repeats", "tempo", "threshold", "hills",
                                           "hill repeats", "hill reps", "reps", "fartlek",
                                           "track session", "long run", "speedwork", "x"});
    c.past_verb = has_past_run_verb(words);
    c.instead = has_phrase(words, {"instead"});
    c.refers_back = has_phrase(words, {"it", "that", "that one", "this one", "them"});
    c.goes_on_correcting = has_phrase(told, correction_continuations(), 0, kEnd, &at) && at == 0;
    // "not 6k, 8k", "lol not 100k, 10k obviously": a value set aside before any is told.
    // "last night", "first thing": a time, not the last or first piece of a session.
    c.session_piece = has_phrase_outside(words, session_pieces(), time_idioms()) && !c.question &&
                      !has_phrase(words, stats_words());
    c.goal_remark = has_phrase(words, {"sub", "under", "pb", "pr", "personal best"}) && !c.distance;
    c.goal_time = c.duration && has_phrase(words, {"sub", "under", "broke", "break", "beat",
                                                   "cracked", "went under", "dipped under"});
    c.entered = has_phrase(words, logged_value_cues());
    c.bare_run = elliptic_run(words).has_value();
    c.deletes = has_phrase_outside(words, delete_cues(), change_idioms());
    c.sport = is_other_sport(words);
    c.set_aside = has_phrase(words, set_aside_markers(), 0, kEnd, &at);
    c.set_aside_first = c.set_aside && !parse_distance_km(slice(words, {0, at})) && at <= 2;
    return c;
}

/// Where a message's clauses are: split at sentence marks and commas, and before joining words
/// (the joining word itself left out); whether each was joined by "but".
std::vector<std::pair<PartSpan, bool>> clause_spans(const Tokens& tokens) {
    std::vector<std::pair<PartSpan, bool>> spans;
    std::size_t begin = 0;
    bool but = false;
    const auto close = [&](std::size_t end, bool next_but) {
        // "how many km this week??": a mark alone goes with the clause before it.
        const bool marks_only =
            std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                        tokens.begin() + static_cast<std::ptrdiff_t>(end),
                        [](const Token& t) { return !t.is_word() && !t.is_number(); });
        if (end > begin && marks_only && !spans.empty()) {
            spans.back().first.end = end;
        } else if (end > begin) {
            spans.push_back({{begin, end}, but});
        }
        but = next_but;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (separates_clauses(tokens, i)) {
            // The question mark belongs to its clause: it makes it a question.
            close(token.is_symbol('?') ? i + 1 : i, false);
            begin = i + 1;
            continue;
        }
        std::size_t at = 0;
        // "an hour and 10 minutes", "an hour and a half": one time, not two clauses.
        const bool one_time =
            token.is("and") && i > 0 &&
            is_any(tokens[i - 1],
                   {"hour", "hours", "hr", "hrs", "h", "minute", "minutes", "min", "mins"}) &&
            (token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1).is_number() ||
             is_any(token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1), {"a", "half"}));
        // "can you also ...", "pls also ...": the request goes on.
        const bool request_opening =
            i - begin <= 2 &&
            is_any(tokens[begin], {"can", "could", "would", "will", "pls", "please", "plz"});
        // "does massage help between swim and bike sessions?": inside a question, "and" joins
        // words unless a new question or request starts after it.
        const bool inside_question =
            token.is("and") && is_question(slice(tokens, {begin, i})) &&
            !is_any(token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1),
                    {"can",    "could",  "would", "will", "what",   "how",    "when", "where",
                     "why",    "should", "is",    "are",  "do",     "does",   "i",    "also",
                     "please", "pls",    "my",    "book", "change", "delete", "log",  "add",
                     "remind", "set",    "show",  "tell", "cancel", "move",   "fix",  "update",
                     "send",   "give",   "turn",  "stop", "start",  "remove", "make", "put"});
        if (i > begin && !one_time && !request_opening && !inside_question &&
            has_phrase(tokens, clause_joiners(), i, i + 1, &at)) {
            close(i, token.is("but"));
            // The joining word itself says nothing of the part it starts.
            std::size_t skip = i + 1;
            if (token.is("and") && token_at(tokens, static_cast<std::ptrdiff_t>(i) + 1).is("then"))
                ++skip;
            begin = skip;
            i = skip - 1;
        }
    }
    close(tokens.size(), false);
    return spans;
}

std::vector<Clause> clauses_of(const Tokens& tokens) {
    std::vector<Clause> clauses;
    for (const auto& [span, but] : clause_spans(tokens))
        clauses.push_back(read_clause(tokens, span, but));
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
    bool request = false;
    bool race = false;
    bool run_told = false;
    bool session_planned = false;
    bool device = false;       ///< a device's reading was told in it
    bool own_measure = false;  ///< a figure told by the runner, not read off a device
    bool session = false;
    bool entered = false;
    int clauses = 0;
    bool set_aside_first = false;
    bool set_aside = false;
    bool goal_time = false;
    bool deletes = false;
    bool kind_plan = false;
    bool fix_request = false;
    std::optional<double> km;  ///< the first distance named
    bool sport = true;         ///< every clause so far is of another sport

    bool measure() const { return distance || duration; }
    /// Its only figures were read off a device: "my phone says about 7k".
    bool device_figure_only() const { return device && measure() && !own_measure; }
    bool complete() const {
        return distance || duration || question || massage || correction || request || race ||
               run_told || session_planned;
    }
    void add(const Clause& c) {
        span.end = c.span.end;
        distance |= c.distance;
        duration |= c.duration;
        question |= c.question;
        massage |= c.massage;
        correction |= c.correction;
        past_plan |= c.past_plan;
        day |= c.day;
        request |= c.request;
        race |= c.race;
        run_told |= c.run_told;
        session_planned |= c.session_planned;
        device |= c.device;
        own_measure |= (c.measure() && !c.device) || c.own_figure;
        session |= c.session_piece;
        entered |= c.entered;
        set_aside |= c.set_aside;
        goal_time |= c.goal_time;
        deletes |= c.deletes;
        sport = sport && c.sport;
        kind_plan |= c.kind_plan;
        fix_request |= c.fix_request;
        if (!km) km = c.km;
        ++clauses;
    }
    static Building from(const Clause& c) {
        Building b;
        b.span = c.span;
        b.set_aside_first = c.set_aside_first;
        b.add(c);
        return b;
    }
};

/// A clause that only adds what the part before still lacks.
bool completes(const Building& part, const Clause& c) {
    // "Marathon done!! 3:58:20 yesterday": the time of the run just told.
    if (c.duration && !c.distance && part.distance && !part.duration && !part.day && !c.question &&
        !c.correction)
        return true;
    // "parkrun saturday, 5k in 21:48": the same run's distance said again, with its time.
    if (c.km && part.km && *c.km == *part.km && !part.duration && (c.duration || part.race) &&
        !c.day && !c.question && !c.goal_time && !c.goal_remark)
        return true;
    // "ran for 45 min, about 8k", "long run yesterday: 2:15:00, 24k": the distance of the run
    // whose time was just told.
    if (c.distance && !c.duration && part.duration && !part.distance && !c.day && !c.question)
        return true;
    // "I ran on Sunday though, 12k": the figures of the run just told; "tempo run tomorrow,
    // 40 minutes": of the session just planned.
    if ((part.run_told || part.session_planned) && !part.distance && !part.duration &&
        c.measure() && !c.day && !c.question)
        return true;
    if (c.day || c.question || c.correction) return false;
    // "finally broke 50 min for 10k today! 49:41": the time itself after the goal beaten.
    if (c.duration && !c.distance && part.goal_time) return true;
    // "took 45 min" after "ran 8k": the same run's time.
    if (c.duration && !c.distance && part.distance && !part.duration) return true;
    // "half in 1:29:58, sub 1:30 baby": a remark on the time.
    if (c.goal_remark && part.duration && !c.distance) return true;
    // "2k warm up, 6k tempo, 2k cool down": one session.
    // (Not a plan or a run on its own day after it: "... first run back! Goal is a half".)
    if (part.session && c.measure() && !part.question && !c.kind_plan && !c.day) return true;
    // "race on sunday, it's a 10 miler": the race's distance.
    return part.race && !part.distance && c.distance && !part.question;
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

}  // namespace

bool ends_clause(const Token& token) {
    return token.is_symbol('.') || token.is_symbol('!') || token.is_symbol('?') ||
           token.is_symbol(';') || token.is_symbol(',') || token.is_symbol('\n') ||
           token.is_symbol('+');
}

/// "can you change ...", "could u delete ...", "pls fix ...": asked to do, not to answer.
bool is_request(const Tokens& all) {
    const auto tokens = without_lead(all);
    if (tokens.empty()) return false;
    if (is_any(tokens.front(), {"pls", "please", "plz"})) return true;
    return tokens.size() > 1 && is_any(tokens[0], {"can", "could", "would", "will"}) &&
           is_any(tokens[1], {"you", "u", "ya"});
}

bool is_question(const Tokens& all) {
    if (std::any_of(all.begin(), all.end(), [](const Token& t) { return t.is_symbol('?'); }))
        return true;
    const auto tokens = without_lead(all);
    if (tokens.empty()) return false;
    // "what a course": an exclamation.
    if (tokens.front().is("what") && is_any(token_at(tokens, 1), {"a", "an"})) return false;
    if (is_any(tokens.front(), {"what", "how", "why", "when", "where", "which", "whats", "what's",
                                "hows", "how's"}))
        return true;
    // "should I ...", "will it ...": asked; "will run 10 miles", "should have done 15k": told.
    return is_any(tokens.front(), {"should", "can", "could", "is", "does", "do", "are", "would",
                                   "will", "shall"}) &&
           is_any(token_at(tokens, 1),
                  {"i",   "you",     "u",      "it",    "my",      "a",    "an",
                   "the", "this",    "that",   "there", "we",      "they", "he",
                   "she", "massage", "sports", "deep",  "running", "foam", "ya"});
}

std::optional<double> elliptic_run(const Tokens& part) {
    const auto distance = parse_distance_km(part);
    if (distance || parse_duration_s(part, distance) || !names_a_day(part) || is_question(part))
        return std::nullopt;
    // A number and a day alone: "4 on thursday", "today 3 easy"; not "it's on April 25",
    // "remind me at 7 tomorrow" or "on the 19th".
    if (part.size() > 8 || has_phrase(part, {"st", "nd", "rd", "th", "at"})) return std::nullopt;
    // "+ 4 strides this morning": a count of something else.
    if (has_phrase(part, {"strides", "reps", "repeats", "x", "times", "sets", "hills", "laps",
                          "gels", "people", "of us"}))
        return std::nullopt;
    const auto number =
        std::find_if(part.begin(), part.end(), [](const Token& t) { return t.is_number(); });
    if (number == part.end() || number->value <= 0 || number->value > 100) return std::nullopt;
    const auto at = static_cast<std::size_t>(number - part.begin());
    // The day is named without the number: "7 march" is a date.
    Tokens rest = slice(part, {0, at});
    const auto after = slice(part, {at + 1, part.size()});
    rest.insert(rest.end(), after.begin(), after.end());
    if (!names_a_day(rest) ||
        std::count_if(part.begin(), part.end(), [](const Token& t) { return t.is_number(); }) != 1)
        return std::nullopt;
    return number->value;
}

Tokens without_lead_words(const Tokens& part) {
    return without_lead(part);
}

std::optional<date::year_month_day> day_of_run(const Tokens& part, date::year_month_day today) {
    const auto days = past_days_named(part, today);
    if (days.empty()) return std::nullopt;
    const auto spans = clause_spans(part);
    if (spans.size() < 2) return std::nullopt;
    for (const auto& [span, but] : spans) {
        const auto words = slice(part, span);
        const auto distance = parse_distance_km(words);
        if (!distance && !parse_duration_s(words, distance)) continue;
        for (const auto& named : days) {
            if (named.at >= span.begin && named.at < span.end) return named.day;
        }
        // The run's clause names no day: the others only say since when.
        const bool since_only = std::all_of(days.begin(), days.end(), [&](const NamedDay& d) {
            return is_any(token_at(part, static_cast<std::ptrdiff_t>(d.at) - 1),
                          {"from", "since", "after"});
        });
        if (since_only) return today;
        return std::nullopt;
    }
    return std::nullopt;
}

bool is_other_sport(const Tokens& part) {
    // "5k off the bike" is a brick run.
    return has_phrase(part, other_sport_words()) &&
           !has_phrase(part, {"ran", "run", "jog", "jogged", "running", "runs", "off the bike"});
}

std::optional<double> distance_despite_plan(const Tokens& part) {
    std::size_t plan_at = 0;
    if (!has_phrase(part, past_plan_cues(), 0, part.size(), &plan_at)) return std::nullopt;
    // "ran 10k, not 12k like I planned"; "did 10k (planned 12k, but the rain)".
    std::size_t at = plan_at;
    std::size_t comma = 0;
    if (std::size_t aside = 0; has_phrase(part, set_aside_markers(), 0, part.size(), &aside))
        at = std::min(at, aside);
    if (at > 0) {
        if (const auto done = parse_distance_km(slice(part, {0, at}))) return done;
    }
    // "the plan was 18 km but I stop at 13", "my plan says 20 miles but i bailed at 16": what was
    // done after "but", bare in the plan's unit.
    // ("my plan was 20 km, I did only 15": after a comma too.)
    std::size_t but = 0;
    const bool but_said = has_phrase(part, {"but"}, plan_at, part.size(), &but);
    if (!but_said) {
        if (!has_phrase(part, {","}, plan_at, part.size(), &comma)) return std::nullopt;
        but = comma;
    }
    const auto planned = slice(part, {0, but});
    const auto done = slice(part, {but, part.size()});
    if (const auto told = parse_distance_km(done)) return told;
    if (!parse_distance_km(planned)) return std::nullopt;
    for (const auto& token : done) {
        if (!token.is_number() || token.value <= 0 || token.value >= 200) continue;
        const bool miles = has_phrase(planned, {"mi", "mile", "miles", "miler"});
        return token.value * (miles ? kMileKm : 1.0);
    }
    return std::nullopt;
}

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
    // One clause is one part: nothing to weigh.
    if (clause_spans(tokens).size() <= 1) return {PartSpan{0, tokens.size()}};
    const auto clauses = clauses_of(tokens);
    std::vector<Building> parts;
    for (const auto& c : clauses) {
        if (parts.empty()) {
            parts.push_back(Building::from(c));
            continue;
        }
        auto& current = parts.back();
        // "was going to do intervals but just did 6k easy instead": the plan not kept goes.
        // (A plan with its day, "yesterday was supposed to be a rest day but I ran 6k", keeps
        // the day: the two read as one run.)
        if (current.past_plan && !current.measure() && (!current.day || c.day) &&
            (c.joined_by_but || c.past_verb || c.instead) && (c.measure() || c.day) &&
            !current.correction && !current.question) {
            current = Building::from(c);
            continue;
        }
        // "my watch said 11.8": the runner's own figure stands.
        if (c.device && current.complete() && !c.question) continue;
        // "garmin said 10.3 but I'm calling it 10k flat": the reading gives way to the runner's
        // own figure told after it.
        if (current.device_figure_only() && (c.measure() || c.own_figure) && !c.question &&
            !c.day) {
            // A bare figure ("call it 7.6") keeps the reading beside it for its unit.
            const auto reading_begin = current.span.begin;
            current = Building::from(c);
            if (!c.measure()) current.span.begin = reading_begin;
            continue;
        }
        // The rest of a correction: "..., it was 30k not 3k", "..., i typed 4k", "not 6k, 8k",
        // "the run on the 19th never happened, delete it".
        // A question after a correction is its own part ("... not 16k. Also is foam rolling as
        // good as a massage?").
        const bool correcting =
            (!c.question || c.correction || c.fix_request) &&
            (((current.correction || c.correction || current.request || current.fix_request) &&
              c.goes_on_correcting) ||
             // "could you fix the distance on the last one? It was 11.3k".
             (current.fix_request && c.measure() && !c.day) ||
             // "I put 10k for Saturday but I didn't run Saturday at all".
             (current.entered && c.deletes) ||
             (current.correction && c.correction && !c.day && !c.measure()) ||
             // "tempo run today, 9k, was supposed to be 10k": the plan not kept goes with the run.
             (c.past_plan && current.measure() && !current.correction && !c.day) ||
             // "I ran 7 miles on thursday not 7k, can u fix that"; "the 10k yesterday was
             // tempo, can you change it".
             (c.fix_request && c.refers_back &&
              (current.set_aside || (current.measure() && !c.measure() && !c.day && !c.request))) ||
             // "the 2k this morning was just my warm up, please delete it": "it" is that run.
             (c.correction && c.refers_back && !c.day && !c.measure() && current.measure()) ||
             // "the loop is 7.2 mi not 7, can u fix thursday": the run meant, said after.
             (current.correction && c.correction && !c.measure() && !current.day &&
              (!c.deletes || current.deletes)) ||
             (current.set_aside_first && current.clauses == 1 && !c.day) ||
             // "my run yesterday was not 15k. was 15 miles", "was not 8 km but 9 km".
             (current.set_aside && current.measure() && !c.day &&
              (c.goes_on_correcting || (c.joined_by_but && c.measure()))) ||
             // "you logged 10km but i ran 10 miles", "i put 1h05 for saturday, it was 55 min",
             // "you have 15k for sunday, it was 12".
             (current.entered && (c.joined_by_but || c.goes_on_correcting) && !c.day) ||
             // "the run on the 21st was 16k, you have 6k".
             (c.entered && c.measure() && current.measure() && !c.day) ||
             // "oops duplicate, delete the second 10k": the run meant, said after.
             (current.correction && c.correction && !current.measure() &&
              (!current.day || !c.day)));
        // "2k warm up, 6k tempo": one session; "32k on Sunday, then recovery jog today 5k": two.
        // A session's piece naming its own day or plan is its own run ("... and today was 18k at
        // marathon pace").
        const bool continues = c.continues || (c.session_piece && !c.day && !c.kind_plan &&
                                               !current.question && !current.kind_plan);
        // "3 miles on wednesday and 4 on thursday": the second run's unit goes without saying.
        // "delete friday's run and saturday's too": another run to delete.
        const bool another_deleted = current.deletes && current.correction && c.day &&
                                     !c.measure() && !c.correction && !c.question &&
                                     c.span.end - c.span.begin <= 6;
        // "hiked 15k with poles then ran the last 5k", "walked on saturday, ran 6k on sunday":
        // the sport and the run are two things.
        const bool after_sport = current.sport && !c.sport && c.stands_alone();
        const bool stands_alone = c.stands_alone() || (c.bare_run && current.distance) ||
                                  another_deleted || (c.sport && !current.sport) || after_sport;
        const bool new_part = (after_sport || (c.sport && !current.sport)) ||
                              (stands_alone && current.complete() && !continues &&
                               !completes(current, c) && !correcting);
        if (!new_part) {
            current.add(c);
            // "the long run was yesterday" + "not today": together they correct a run.
            if ((correcting || (c.goes_on_correcting && current.set_aside)) && !current.correction)
                current.correction = part_kind(slice(tokens, current.span)) == PartKind::correction;
            continue;
        }
        // "planned 15k but only did 9k": the plan not kept is not a part of its own.
        if (current.past_plan && (c.measure() || (c.day && c.joined_by_but)) &&
            !current.correction && !current.question) {
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
    if (reads_as_correction(part)) return PartKind::correction;
    const bool question = is_question(part);
    const auto distance = parse_distance_km(part);
    const bool measure = distance || parse_duration_s(part, distance);
    if (question) return PartKind::other;
    if (has_phrase(part, massage_words()) || has_phrase(part, reminder_words()) ||
        (has_phrase_outside(part, past_plan_cues(), {"planned for"}) && !part.back().is("planned")))
        return PartKind::other;
    // "wednesday: 8k easy planned": to come.
    if (part.back().is("planned") && measure && !has_past_run_verb(part) &&
        !is_any(token_at(part, static_cast<std::ptrdiff_t>(part.size()) - 2),
                {"i", "id", "than", "as", "had", "we"}))
        return PartKind::plan;
    // A plan: a clause with a word of the future and a run or a goal in it ("ran 7k. tomorrow
    // I'll be sore" plans nothing).
    const bool told_as_done =
        has_past_run_verb(part) &&
        !has_phrase(part, {"ill", "i will", "going to", "gonna", "want to", "id", "thinking of",
                           "thinking about", "was thinking", "thinking id"});
    if (told_as_done) return PartKind::other;
    // "10k today so tomorrow I can sleep in", "today: 8k. tomorrow: nothing": the run is today's.
    // "gonna run for 45 mins after work today" is to come.
    // (Not "8k today because tomorrow's going to be stormy".)
    const bool intends = has_phrase(
        part, {"gonna run", "going to run", "gonna do", "going to do", "ill run", "heading out",
               "ill do", "i will run", "planning to", "planning a", "going to go", "gonna go",
               "plan to", "i plan", "going for", "after work", "at lunch", "lunchtime"});
    if (has_phrase(part, {"today", "todays", "this morning", "yesterday", "last night"}) &&
        !has_phrase(part, {"later today", "today later", "this evening", "tonight"}) && !intends)
        return PartKind::other;
    const auto spans = clause_spans(part);
    for (std::size_t k = 0; k < spans.size(); ++k) {
        auto span = spans[k].first;
        if (!has_phrase_outside(slice(part, span), plan_cues(), change_idioms())) continue;
        // "I'm going to try and go sub 40 for 10k": the intention goes on after "and".
        if (k + 1 < spans.size() && token_at(part, static_cast<std::ptrdiff_t>(span.end)).is("and"))
            span.end = spans[k + 1].first.end;
        // "sub 3 marathon, that's the dream": the goal told in the clause before.
        if (k > 0 && !parse_distance_km(slice(part, span)) &&
            !has_phrase(slice(part, span), goal_words()) &&
            has_phrase(slice(part, spans[k - 1].first), {"sub", "under", "break"}))
            span.begin = spans[k - 1].first.begin;
        const auto words = slice(part, span);
        const auto distance = parse_distance_km(words);
        const bool clause_measure = distance || parse_duration_s(words, distance);
        if (clause_measure || has_phrase(words, goal_words()) || has_phrase(words, run_words()))
            return PartKind::plan;
    }
    return PartKind::other;
}

/// Times that name no one planned day: "this weekend", "before sunday", "by friday".
const PhraseList& no_one_day() {
    static const PhraseList list{
        "weekend",       "before monday",   "before tuesday", "before wednesday", "before thursday",
        "before friday", "before saturday", "before sunday",  "by monday",        "by tuesday",
        "by wednesday",  "by thursday",     "by friday",      "by saturday",      "by sunday"};
    return list;
}

Entities plan_entities(const Tokens& part, date::year_month_day today) {
    Entities e;
    e.distance_km = parse_distance_km(part);
    if (const auto goal = goal_time(part, e.distance_km)) {
        e.duration_s = goal;
    } else {
        e.duration_s = parse_duration_s(part, e.distance_km);
    }
    // "30k this weekend", "20k in before sunday": no one day is planned.
    if (!has_phrase(part, no_one_day())) {
        if (const auto day = parse_race_date(part, today)) e.date = iso_date(*day);
    }
    return e;
}

bool is_race_result(const Tokens& part) {
    if (has_phrase(part, plan_cues()) || has_phrase(part, past_plan_cues())) return false;
    const auto distance = parse_distance_km(part);
    const bool time = parse_duration_s(part, distance).has_value();
    // "got 2:58:12 at the marathon on the 8th!! sub 3 finally": done, whatever the goal was.
    if (time && has_phrase(part, {"got", "ran", "raced", "finished", "did", "clocked", "done"}) &&
        !has_phrase(part, {"signed up", "registered", "booked", "entered"}))
        return true;
    std::size_t goal_at = 0;
    if (has_phrase(part,
                   {"sub", "under", "goal", "target", "aiming", "hoping", "signed up", "entered",
                    "registered", "booked"},
                   0, part.size(), &goal_at)) {
        // "half in 1:29:58 on the 1st, sub 1:30 baby": the time run, then the goal it beat.
        const auto before = slice(part, {0, goal_at});
        return goal_at > 0 && parse_duration_s(before, parse_distance_km(before)).has_value() &&
               !has_phrase(part, {"signed up", "entered", "registered", "booked"});
    }
    return time || (has_past_run_verb(part) &&
                    has_phrase(part, {"ran", "raced", "finished", "completed", "did", "done"}));
}

bool told_by_repetitions(const Tokens& tokens) {
    return names_repetitions(tokens);
}

}  // namespace rubdown::intents::nlu
