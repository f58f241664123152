// Longer than 400 lines (649) because the roles of a correction's words (the run meant, the old
// value, the new one) are read around one pivot by helpers that share its position; split, each
// would need it passed around.
#include "intents/nlu/correction_reader.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {
namespace {

constexpr std::size_t kEnd = static_cast<std::size_t>(-1);

/// The values a side of a correction names.
struct Values {
    std::optional<double> distance_km;
    std::optional<std::int64_t> duration_s;
    std::optional<std::string> effort;
    bool clock = false;  ///< a clock time ("1:41") whatever it measures
};

std::optional<double> bare_number(const Tokens& tokens, std::size_t from, std::size_t to);

Values values_in(const Tokens& tokens, std::size_t from, std::size_t to, bool guess_bare = true,
                 std::optional<double> distance_hint = std::nullopt) {
    to = std::min(to, tokens.size());
    Values v;
    if (from >= to) return v;
    const Tokens side(tokens.begin() + static_cast<std::ptrdiff_t>(from),
                      tokens.begin() + static_cast<std::ptrdiff_t>(to));
    v.distance_km = parse_distance_km(side);
    v.duration_s = parse_duration_s(side, v.distance_km);
    // A bare number on the other side of "not 15k": the same unit ("12 not 15k").
    // "on the 21st" is a day, not 21 km.
    for (std::size_t i = 0; i + 1 < side.size() && v.distance_km; ++i) {
        if (side[i].is_number() && !side[i + 1].spaced &&
            is_any(side[i + 1], {"st", "nd", "rd", "th"}) && side[i].value == *v.distance_km)
            v.distance_km.reset();
    }
    // "1:41" beside "my half": read with the distance the run is known by.
    if (!v.duration_s && distance_hint) v.duration_s = parse_duration_s(side, distance_hint);
    for (std::size_t i = 0; i + 2 < side.size(); ++i) {
        v.clock |= side[i].is_number() && side[i + 1].is_symbol(':') && side[i + 2].is_number();
    }
    if (guess_bare && !v.distance_km && !v.duration_s && !v.clock) {
        if (const auto n = bare_number(side, 0, side.size()); n && *n < 200) v.distance_km = n;
    }
    v.effort = parse_effort(side).effort;
    return v;
}

/// What a word of a correction tells: the run meant (its subject, or a value set aside or
/// entered before), the new value, or nothing.
enum class Role { none, subject, set_aside, entered, fresh };

struct Region {
    Role role = Role::none;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Where a correction's new values start: the first pivot ("was", "should be", "make that", "to"
/// after a verb of changing); "actually" only when there is no other.
std::optional<std::pair<std::size_t, std::size_t>> pivot_of(const Tokens& part) {
    std::size_t change_at = kEnd;
    for (std::size_t i = 0; i < part.size(); ++i) {
        std::size_t at = 0;
        if (change_at == kEnd && has_phrase(part, change_verbs(), i, i + 2, &at) && at == i)
            change_at = i;
        if (change_at != kEnd && i > change_at && (part[i].is("to") || part[i].is("as")))
            return std::pair{i, std::size_t{1}};
        if (const auto words = correction_pivots().longest_at(part, i, part.size()); words > 0) {
            const bool told_on = [&] {
                // "wasn't a run", "was it": not the new value.
                if (part[i].is("was") &&
                    token_at(part, static_cast<std::ptrdiff_t>(i) + 1).is("not"))
                    return false;
                // "the 25k took 2:21": the run meant, then its time; "took a wrong turn",
                // "I took it easy": no run named before it.
                if (part[i].is("took") && (i == 0 || is_any(part[i - 1], {"i", "we"})))
                    return false;
                // "you've got my run down as 10k, it was 7k": what was logged, not the new value.
                if (part[i].is("down") && has_phrase(part, logged_value_cues())) return false;
                return true;
            }();
            if (told_on) return std::pair{i, words};
        }
    }
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i].is("actually")) return std::pair{i, std::size_t{1}};
    }
    return std::nullopt;
}

/// A delete word, or a run logged "by mistake" with nothing said of what it should be ("I
/// logged 6k on Tuesday by mistake, it was my husband's watch"; not "by mistake, it was 8k").
bool removes(const Tokens& part) {
    // Said of a run: "forget the 10k", not "I always forget the app wants km".
    if (cue_about_a_run(part, delete_cues())) {
        // "I did NOT run 30 miles on tuesday, it was 3 miles": not run as logged, but run: a
        // change to the value told after the pivot.
        const auto pivot = pivot_of(part);
        if (pivot && has_phrase(part, {"did not run", "didnt run", "did not do", "didnt do"})) {
            const auto told = values_in(part, pivot->first + pivot->second, part.size(), true);
            if (told.distance_km || told.duration_s) return false;
        }
        return true;
    }
    if (!has_phrase(part, {"by mistake", "accidentally", "in error", "by accident"}) ||
        has_phrase(part, {"not", "instead", "should", "meant", "to", "actually", "make"}))
        return false;
    const auto pivot = pivot_of(part);
    if (!pivot) return true;
    const auto told = values_in(part, pivot->first + pivot->second, part.size(), true);
    const bool day = names_a_day(slice(part, {pivot->first + pivot->second, part.size()}));
    return !told.distance_km && !told.duration_s && !told.effort && !told.clock && !day;
}

bool ends_region(const Token& token) {
    return ends_clause(token) || token.is("but");
}

/// Each word's role in a correction.
std::vector<Role> correction_roles(const Tokens& part) {
    const auto pivot = pivot_of(part);
    std::vector<Role> roles(part.size(), pivot ? Role::subject : Role::fresh);
    std::size_t i = 0;
    Role after = pivot ? Role::subject : Role::fresh;
    Role last_marked = Role::none;
    while (i < part.size()) {
        if (pivot && i == pivot->first) {
            for (std::size_t k = 0; k < pivot->second && i < part.size(); ++k)
                roles[i++] = Role::none;
            after = Role::fresh;
            last_marked = Role::none;
            continue;
        }
        std::size_t at = 0;
        Role marked = Role::none;
        std::size_t skip = 0;
        bool log_says = false;
        // "not bad for a Sunday", "not too hard": a remark, nothing set aside.
        const bool remark =
            part[i].is("not") && is_any(token_at(part, static_cast<std::ptrdiff_t>(i) + 1),
                                        {"bad", "too", "great", "sure", "quite", "much", "many",
                                         "really", "so", "that"});
        if (!remark && has_phrase(part, set_aside_markers(), i, i + 2, &at) && at == i) {
            marked = Role::set_aside;
            // As many words as the marker has: "not", "wasn't", "instead of", "and not".
            skip = set_aside_markers().longest_at(part, i, std::min(part.size(), i + 2));
        } else if (has_phrase(part, logged_value_cues(), i, i + 4, &at) && at == i) {
            marked = Role::entered;
            skip = 1;
            // "it says my run on tuesday was 17k, it was 7k": what the log says runs on past
            // its "was" (not "the run I logged for today was actually yesterday").
            log_says =
                has_phrase(part,
                           {"it says", "log says", "it shows", "its showing", "it is showing",
                            "it said", "it showed", "log has", "your log has"},
                           i, i + 4, &at) &&
                at == i;
        }
        if (marked == Role::none) {
            roles[i] = ends_region(part[i]) ? Role::none : after;
            if (ends_region(part[i]) && after == Role::subject && !pivot) after = Role::fresh;
            ++i;
            continue;
        }
        // "I entered 3 km instead of 13 km": set aside against what was typed is the new value.
        if (marked == Role::set_aside && last_marked == Role::entered) marked = Role::fresh;
        last_marked = marked;
        for (std::size_t k = 0; k < skip && i < part.size(); ++k) roles[i++] = Role::none;
        while (i < part.size() && !ends_region(part[i]) &&
               !(pivot && i == pivot->first && !log_says)) {
            // "not 15k it was 12k": the set-aside value ends where a new one is told.
            if (i > 0 && (part[i].is("it") || part[i].is("its"))) break;
            if (marked == Role::entered && has_phrase(part, set_aside_markers(), i, i + 2, &at) &&
                at == i)
                break;
            roles[i++] = marked;
        }
        // After a value set aside or entered before, what follows is the new one.
        after = Role::fresh;
    }
    return roles;
}

std::vector<Region> regions_of(const std::vector<Role>& roles) {
    std::vector<Region> regions;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (regions.empty() || regions.back().role != roles[i] || regions.back().end != i) {
            regions.push_back({roles[i], i, i + 1});
        } else {
            regions.back().end = i + 1;
        }
    }
    return regions;
}

/// A bare number ("not 50", "was 11.5") in [from, to); not an RPE ("RPE 8", "8/10").
std::optional<double> bare_number(const Tokens& tokens, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < std::min(to, tokens.size()); ++i) {
        const auto at = static_cast<std::ptrdiff_t>(i);
        if (!tokens[i].is_number() || tokens[i].value <= 0 || tokens[i].value >= 600) continue;
        const Token& next = token_at(tokens, at + 1);
        // "on the 21st", "feb 26", "26 feb" are days.
        const bool ordinal = (!next.spaced && is_any(next, {"st", "nd", "rd", "th"})) ||
                             is_month_name(next) || is_month_name(token_at(tokens, at - 1));
        if (is_any(token_at(tokens, at - 1), {"rpe", "effort", "rating", "at", "by", "around"}) ||
            token_at(tokens, at - 1).is_symbol('/') || next.is_symbol('/') || next.is_symbol('%') ||
            ordinal)
            continue;
        return tokens[i].value;
    }
    return std::nullopt;
}

/// "that 6 was miles not km", "the 3 from this morning is miles": a figure logged in the wrong
/// unit. The number as told (in the unit named) and as logged (in the other unit).
struct UnitFix {
    double fresh_km = 0;
    double logged_km = 0;
};

std::optional<UnitFix> unit_fix(const Tokens& part) {
    // "10 miles not 10k" is read as values; "ran 5 today, in miles" tells a run, not a fix.
    if (parse_distance_km(part) || has_phrase(part, run_done_verbs())) return std::nullopt;
    static const PhraseList miles{"miles", "mile", "mi", "mls"};
    static const PhraseList kilometres{"km", "kms", "k", "kilometres", "kilometers", "kilometre"};
    for (std::size_t i = 0; i < part.size(); ++i) {
        const auto word = slice(part, {i, i + 1});
        const bool in_miles = has_phrase(word, miles);
        const bool in_km = !in_miles && has_phrase(word, kilometres);
        if (!in_miles && !in_km) continue;
        // The unit named as what the figure was: "was miles", "is in miles", "should be km".
        const auto before = slice(part, {i >= 3 ? i - 3 : 0, i});
        if (!has_phrase(before, {"was", "is", "were", "be", "in", "meant", "its", "thats"}))
            continue;
        const auto number = bare_number(part, 0, i);
        if (!number) return std::nullopt;
        const double unit = in_miles ? kMileKm : 1.0;
        const double other = in_miles ? 1.0 : kMileKm;
        return UnitFix{*number * unit, *number * other};
    }
    return std::nullopt;
}

/// Whether what follows a verb of changing or deleting at `j` is a run or a value of one ("change
/// my last run", "delete the second 10k", "fix yesterday"), not something else ("change route",
/// "changed my mind", "fix my laces", "remove the word rest").
bool run_object_at(const Tokens& part, std::size_t j) {
    if (j >= part.size()) return true;  // "undo", "scrap that" said last
    static const PhraseList direct{
        "it",         "that",     "this", "to",        "last",     "them",     "one",   "both",
        "entry",      "entries",  "run",  "runs",      "log",      "distance", "time",  "date",
        "day",        "effort",   "pace", "duplicate", "dupe",     "those",    "these", "from",
        "yesterdays", "todays",   "on",   "easy",      "moderate", "steady",   "hard",  "tempo",
        "intervals",  "recovery", "an",   "a"};
    static const PhraseList nouns{
        "run",     "runs",      "last",  "log",      "entry",   "entries",    "distance",
        "time",    "date",      "day",   "effort",   "pace",    "long",       "morning",
        "evening", "duplicate", "dupe",  "second",   "first",   "extra",      "one",
        "other",   "mileage",   "total", "number",   "numbers", "figure",     "record",
        "parkrun", "tempo",     "race",  "recovery", "easy",    "yesterdays", "todays",
        "latest",  "previous",  "wrong", "km",       "k",       "miles",      "mile",
        "half",    "marathon",  "jog",   "recent"};
    const auto is_run_word = [&](std::size_t k) {
        if (k >= part.size()) return false;
        return part[k].is_number() || names_a_day(slice(part, {k, k + 1})) ||
               nouns.matches_at(part, k, part.size());
    };
    // "fix yesterday: tempo not easy", "delete pls", "should be deleted, that was ...".
    if (!part[j].is_word() && !part[j].is_number()) return true;
    if (is_any(part[j], {"pls", "please", "plz", "everything", "all", "asap"})) return true;
    if (part[j].is_number() || names_a_day(slice(part, {j, j + 1})) ||
        direct.matches_at(part, j, part.size()))
        return true;
    if (is_any(part[j], {"the", "my", "your", "a", "an", "that", "this", "every", "each"}))
        return is_run_word(j + 1) ||
               // "the most recent entry", "my sat run" (a short day name reads as one before a
               // run word only).
               (is_any(part[j + 1 < part.size() ? j + 1 : j],
                       {"last", "most", "sat", "sun", "mon", "tue", "tues", "wed", "thu", "thur",
                        "thurs", "fri"}) &&
                is_run_word(j + 2));
    return false;
}

/// "RPE was 8 not 5": a number in [from, to) told as an RPE that the part names elsewhere.
std::optional<std::string> rpe_told(const Tokens& part, std::size_t from, std::size_t to) {
    if (!has_phrase(part, {"rpe", "effort", "exertion"})) return std::nullopt;
    // "the effort was fine, it was 8k": a distance, not an RPE.
    const auto told = slice(part, {from, to});
    const auto distance = parse_distance_km(told);
    if (distance || parse_duration_s(told, distance)) return std::nullopt;
    for (std::size_t i = from; i < std::min(to, part.size()); ++i) {
        if (!part[i].is_number()) continue;
        const Tokens said{Token{Token::Kind::word, "rpe", 0.0, true}, part[i]};
        return parse_effort(said).effort;
    }
    return std::nullopt;
}
}  // namespace

/// A verb of changing or deleting said of a run; other cues ("typo", "wrong distance") as they
/// stand.
bool cue_about_a_run(const Tokens& part, const PhraseList& cues) {
    static const PhraseList verbs{"change",
                                  "changed",
                                  "edit",
                                  "update",
                                  "amend",
                                  "modify",
                                  "fix",
                                  "adjust",
                                  "delete",
                                  "deleted",
                                  "remove",
                                  "scrap",
                                  "erase",
                                  "kill",
                                  "nuke",
                                  "forget",
                                  "drop",
                                  "bin",
                                  "wipe",
                                  "strike",
                                  "scratch",
                                  "get rid of",
                                  "take off",
                                  "take out",
                                  "correct",
                                  "move",
                                  "was actually",
                                  "it was actually",
                                  "actually was",
                                  "actually it",
                                  "actually it was",
                                  "was really",
                                  "really was",
                                  "switch",
                                  "changing",
                                  "ignore",
                                  "disregard",
                                  "chnage",
                                  "cahnge",
                                  "chnge",
                                  "chaneg",
                                  "udpate",
                                  "updte",
                                  "delte",
                                  "deleet",
                                  "detele",
                                  "remvoe",
                                  "dlete"};
    std::vector<bool> covered(part.size(), false);
    for (std::size_t i = 0; i < part.size(); ++i) {
        const auto words = change_idioms().longest_at(part, i, part.size());
        // "was meant to say": a cue longer than the idiom ("was meant to") it begins with.
        if (words == 0 || cues.longest_at(part, i, part.size()) > words) continue;
        for (std::size_t k = i; k < std::min(part.size(), i + words); ++k) covered[k] = true;
    }
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (covered[i]) continue;
        const auto words = cues.longest_at(part, i, part.size());
        if (words == 0) continue;
        const bool verb_alone = verbs.longest_at(part, i, part.size()) == words;
        // "fix my ...", "move the ...": the run must follow ("fix my laces" is no correction).
        const bool verb_and_determiner = verbs.longest_at(part, i, part.size()) > 0 &&
                                         is_any(part[i + words - 1], {"my", "the", "your"});
        if (verb_and_determiner) {
            if (run_object_at(part, i + words - 1)) return true;
            continue;
        }
        if (!verb_alone || run_object_at(part, i + words)) return true;
    }
    return false;
}

std::optional<double> bare_figure(const Tokens& part) {
    return bare_number(part, 0, part.size());
}

bool reads_as_correction(const Tokens& part) {
    const bool question = is_question(part);
    const auto distance = parse_distance_km(part);
    const bool measure = distance || parse_duration_s(part, distance);
    const bool day = names_a_day(part);
    // Correction: a delete word about a run, or a change word with what changes.
    // "can you delete runs or change them?": how the bot works, no run meant.
    // "you have me running 30k on thursday?? it was 13": the log quoted in disbelief.
    const bool quotes_log = has_phrase(part, logged_value_cues());
    const bool asked = (question && !is_request(part) && !quotes_log) ||
                       (question && !measure && !day &&
                        !has_phrase(part, {"that", "it", "last", "my", "this", "the", "todays",
                                           "yesterdays", "one"}));
    if (cue_about_a_run(part, delete_cues()) && !asked &&
        (has_phrase(part, run_words()) || measure || day ||
         has_phrase(part, {"that", "it", "last one", "the last", "entry", "log", "one", "duplicate",
                           "dupe"}) ||
         // "I didn't go in the end": the run meant goes without saying.
         has_phrase(part, {"didnt go", "didnt run", "never went", "never ran", "only walked",
                           "didnt make it out", "didnt actually go"}))) {
        if (!has_phrase(part, massage_words())) return true;
    }
    // "that 6 was miles not km!": the figure logged in the wrong unit.
    if (!asked && unit_fix(part) && !has_phrase(part, reminder_words())) return true;
    const auto pivot_at = pivot_of(part);
    const bool pair = [&] {
        // "12k not 15k", "yesterday not today", "not 15k but 12k", "steady, not easy": a new
        // value and one of the same kind set aside. "the 1:30 run on Sunday was 1:40": the run
        // meant and its new value, of the same kind.
        const bool pivot = pivot_at.has_value();
        // Most messages have none of these: reading their roles would find nothing.
        if (!pivot && !has_phrase(part, set_aside_markers()) &&
            !has_phrase(part, logged_value_cues()))
            return false;
        // "entered the Seville marathon, Feb 21, goal sub 3:15": a race entered, not a log.
        if (has_phrase(part, not_logged_before())) return false;
        const auto roles = correction_roles(part);
        const bool set_aside =
            std::any_of(roles.begin(), roles.end(), [](Role r) { return r == Role::set_aside; });
        // "16k instead of 13" is a run that went long; "it was 16k instead of 13" a correction.
        if (set_aside && !pivot && !has_phrase(part, {"not"})) return false;
        // "ran 8k, not the 10k i wanted": a run told short of its plan.

        // "ran 7k. not 10 but still happy": a run told short of something, no correction.
        const bool ran_short =
            set_aside && !pivot &&
            has_phrase(part, {"ran", "did", "done", "jogged", "managed", "got", "finished"});
        // "ran 5k, not the 10k I wanted": a plan not kept.
        if (set_aside && has_phrase(part, past_plan_cues())) return false;
        Values fresh, aside, subject, entered;
        bool fresh_day = false, aside_day = false, entered_day = false;
        for (const auto& region : regions_of(roles)) {
            Values* side = nullptr;
            if (region.role == Role::fresh) side = &fresh;
            if (region.role == Role::set_aside) side = &aside;
            if (region.role == Role::subject) side = &subject;
            if (region.role == Role::entered) side = &entered;
            if (side == nullptr) continue;
            // Only the set-aside side may be a bare number ("12 not 15k"); a clock time is read
            // with the distance the message names ("my half was 1:47 not 1:41").
            const auto values =
                values_in(part, region.begin, region.end, region.role == Role::set_aside, distance);
            // A day to come ("I'm not running tomorrow") is no day of a run to correct.
            const auto region_words = slice(part, {region.begin, region.end});
            const bool day = names_a_day(region_words) &&
                             !has_phrase(region_words, {"tomorrow", "tmrw", "next", "tonight"});
            if (!side->distance_km) side->distance_km = values.distance_km;
            if (!side->duration_s) side->duration_s = values.duration_s;
            if (!side->effort) side->effort = values.effort;
            if (!side->effort && region.role == Role::fresh)
                side->effort = rpe_told(part, region.begin, region.end);
            side->clock |= values.clock;
            if (region.role == Role::set_aside) aside_day |= day;
            if (region.role == Role::entered) entered_day |= day;
            if (region.role == Role::fresh || region.role == Role::subject) fresh_day |= day;
        }
        // "ran 5k, was meant to do 8k" tells a plan not kept, not a correction.
        const bool retold = pivot && !has_phrase(part, past_plan_cues()) &&
                            ((subject.distance_km && fresh.distance_km) ||
                             (subject.duration_s && fresh.duration_s));
        if (retold) return true;
        // "you logged 10km but i ran 10 miles", "i entered 42 mins, it was 24": what was
        // logged, and what it should be.
        bool fresh_bare = false;
        for (const auto& region : regions_of(roles)) {
            if (region.role == Role::fresh && bare_number(part, region.begin, region.end))
                fresh_bare = true;
        }
        if ((entered.distance_km && (fresh.distance_km || fresh_bare)) ||
            (entered.duration_s && (fresh.duration_s || fresh_bare)) || (entered_day && fresh_day))
            return true;
        if (!set_aside) return false;
        if (!fresh.distance_km) fresh.distance_km = subject.distance_km;
        if (!fresh.duration_s) fresh.duration_s = subject.duration_s;
        if (!fresh.effort) fresh.effort = subject.effort;
        bool fresh_measure = fresh.distance_km || fresh.duration_s || fresh.clock;
        const bool aside_measure = aside.distance_km || aside.duration_s || aside.clock;
        // "15 not 51k": a bare number in the unit of the one set aside.
        if (!fresh_measure && (aside.distance_km || aside.duration_s)) {
            for (const auto& region : regions_of(roles)) {
                if (region.role == Role::fresh && bare_number(part, region.begin, region.end))
                    fresh_measure = true;
            }
        }
        // "that was RPE 4 not 7": the number set aside is an RPE too.
        bool rpe_aside = false;
        if (fresh.effort && has_phrase(part, {"rpe", "effort"})) {
            for (const auto& region : regions_of(roles)) {
                if (region.role == Role::set_aside &&
                    bare_number(part, region.begin, region.end).value_or(99) <= 10)
                    rpe_aside = true;
            }
        }
        const bool efforts = (fresh.effort && aside.effort && pivot) || rpe_aside;
        // "I ran that on the 17th not the 18th" moves a run.
        if (fresh_day && aside_day) return true;
        if (ran_short) return false;

        return (fresh_measure && aside_measure) || efforts;
    }();
    // A request ("can you change my last run to 42:15") is not a question to answer.
    const bool asks = asked;
    // "the reminder time is wrong, it should be 7 not 8": no run to correct.
    const bool about_reminders = has_phrase(part, reminder_words());
    if (pair && !asks && !about_reminders) return true;
    // What the words after a pivot tell ("make it 14k"; "next week should be a bigger one" tells
    // nothing), and what comes before it ("whoops, sunday's run was 28k").
    Values after_pivot, before_pivot;
    bool day_before_pivot = false;
    const bool late_log = has_phrase(part, late_log_cues());
    const bool aside = has_phrase(part, aside_cues()) && !late_log;
    const bool pivot_changes = has_phrase_outside(part, pivot_change_cues(), change_idioms());
    // "the dog run on friday was 5.5k actually": the new value, said with "actually" last.
    // So is "actually that run was 15k": said first, of a run already told, not "actually ran 10k".
    const bool actually_last =
        part.back().is("actually") ||
        (part.front().is("actually") &&
         !has_phrase(part, {"ran", "did", "done", "jogged", "raced"}) &&
         has_phrase(part, {"that run", "that one", "the run", "my run", "the time", "it was"}));
    if (const auto& pivot = pivot_at; pivot && (pivot_changes || aside || actually_last)) {
        // What the pivot's own clause tells: "should be sore tomorrow, 25k long run" sets no 25k.
        // (A value in a later clause still counts: "yesterday run distance is mistake. Correct is
        // 12km.")
        std::size_t end = pivot->first + pivot->second;
        while (end < part.size() && !ends_clause(part[end])) ++end;
        if (!has_phrase(slice(part, {pivot->first, end}), plan_cues())) end = part.size();
        after_pivot = values_in(part, pivot->first + pivot->second, end, true, distance);
        before_pivot = values_in(part, 0, pivot->first, false);
        day_before_pivot = names_a_day(slice(part, {0, pivot->first}));
        // "should be sore tomorrow" tells no day of a run.
        const auto after = slice(part, {pivot->first + pivot->second, end});
        after_pivot.clock |= names_a_day(after) && !has_phrase(after, plan_cues());
    }
    const bool told_after_pivot = after_pivot.distance_km || after_pivot.duration_s ||
                                  after_pivot.effort || after_pivot.clock;
    const bool says_change =
        cue_about_a_run(part, change_cues()) ||
        ((pivot_changes || actually_last) && told_after_pivot) ||
        (aside && has_phrase(part, {"logged", "log", "entry", "put", "typed", "wrote", "said",
                                    "entered"})) ||
        (aside && told_after_pivot && (day_before_pivot || before_pivot.distance_km));
    if (says_change && (measure || day || parse_effort(part).effort) &&
        !has_phrase(part, massage_words()) && !asks && !about_reminders)
        return true;
    return false;
}

Entities correction_entities(const Tokens& part, date::year_month_day today) {
    Entities e;
    const bool remove = removes(part);
    e.action = remove ? "delete" : "change";
    const auto roles = correction_roles(part);
    const auto regions = regions_of(roles);
    Values fresh, old, subject;
    std::optional<double> bare_old;    // "not 50": a number whose unit is the new value's
    std::optional<double> bare_fresh;  // "was actually 22": in the unit of the run meant
    for (const auto& region : regions) {
        const auto values = values_in(part, region.begin, region.end, false);
        if (region.role == Role::fresh && !remove) {
            if (!fresh.distance_km) fresh.distance_km = values.distance_km;
            if (!fresh.duration_s) fresh.duration_s = values.duration_s;
            if (!fresh.effort) fresh.effort = values.effort;
            if (!fresh.effort) fresh.effort = rpe_told(part, region.begin, region.end);
            if (!bare_fresh) bare_fresh = bare_number(part, region.begin, region.end);
        } else if (region.role != Role::none) {
            // What is set aside or was typed names the old value better than the subject does
            // ("the parkrun was 5k not 6k": the parkrun's 5k is not what was logged).
            auto& side = region.role == Role::subject ? subject : old;
            if (!side.distance_km) side.distance_km = values.distance_km;
            if (!side.duration_s) side.duration_s = values.duration_s;
            // "not 50", "I typed 19": a number in the unit of the new value.
            if ((region.role == Role::set_aside || region.role == Role::entered) &&
                !values.distance_km && !values.duration_s && !values.clock && !bare_old)
                bare_old = bare_number(part, region.begin, region.end);
        }
    }
    if (!old.distance_km) old.distance_km = subject.distance_km;
    if (!old.duration_s) old.duration_s = subject.duration_s;
    if (!remove) {
        e.distance_km = fresh.distance_km;
        e.duration_s = fresh.duration_s;
        e.effort = fresh.effort;
    }
    e.target_distance_km = old.distance_km;
    e.target_duration_s = old.duration_s;
    if (const auto fix = unit_fix(part); fix && !remove && !e.distance_km) {
        e.distance_km = fix->fresh_km;
        e.target_distance_km = fix->logged_km;
    }
    // "that 20k was actually 22", "the distance yesterday was 11.5 not 15.1": a bare new number
    // in the unit of the run meant, or a distance.
    if (bare_fresh && !remove && !e.distance_km && !e.duration_s && !e.effort) {
        if (e.target_duration_s && !e.target_distance_km) {
            e.duration_s = static_cast<std::int64_t>(std::lround(*bare_fresh * 60));
        } else {
            e.distance_km = *bare_fresh;
        }
    }
    // "12 not 15k", "40 mins, not 50": a bare number in the same unit as the new value.
    if (bare_old && !remove) {
        if (e.distance_km && !e.target_distance_km) {
            // "was 15 miles, not 14": in miles too.
            const bool miles = has_phrase(part, {"mi", "mile", "miles", "miler"}) &&
                               !has_phrase(part, {"k", "km", "kms"});
            e.target_distance_km = *bare_old * (miles ? kMileKm : 1.0);
        } else if (e.duration_s && !e.target_duration_s && !e.distance_km) {
            e.target_duration_s = static_cast<std::int64_t>(std::lround(*bare_old * 60));
        }
    }
    // A new value that repeats the old one says nothing new ("my 10k on Sunday was 10k"?).
    if (e.target_distance_km && e.distance_km && *e.target_distance_km == *e.distance_km &&
        !e.duration_s && !e.effort) {
        e.target_distance_km.reset();
    }
    const auto days = past_days_named(part, today);
    const auto day_in = [&](Role role) {
        return std::any_of(days.begin(), days.end(), [&](const NamedDay& d) {
            return d.at < roles.size() && roles[d.at] == role;
        });
    };
    const bool day_set_aside = day_in(Role::set_aside);
    // "log says today but i ran it on saturday": the day typed before is the run meant's.
    const bool day_entered = day_in(Role::entered);
    // "wrong date, I did that 10k on wednesday": only the day changes.
    const bool day_fix = has_phrase(part, day_fix_cues());
    // "I gave you the wrong time: 57:02 for the 12k": only the time changes.
    const bool time_fix = has_phrase(part, {"wrong time", "times wrong", "time is wrong"});
    // "38:40 for the 8k, not 48:40", "the 13k belongs to friday, not saturday": a distance
    // beside a time or a day that changes names the run.
    if (e.distance_km && !e.target_distance_km && !bare_old &&
        ((e.target_duration_s && e.duration_s) || day_set_aside || day_fix ||
         (time_fix && e.duration_s))) {
        e.target_distance_km = e.distance_km;
        e.distance_km.reset();
    }
    // Days: on the new side a run's new day ("it was wednesday", "saturday, not friday") when
    // nothing else changes; anywhere else ("it was 16k on the 15th, not 6k", "edit saturday:
    // 35:20"), the run meant.
    const bool nothing_else = !e.distance_km && !e.duration_s && !e.effort;
    const auto pivot = pivot_of(part);
    const bool new_day_said =
        day_set_aside || day_entered || day_fix || (pivot.has_value() && nothing_else);
    for (const auto& named : days) {
        const Role role = named.at < roles.size() ? roles[named.at] : Role::none;
        // "the 8k on Thursday was actually Wednesday and it was 9k": a day told right after
        // the pivot is the new one.
        const bool right_after_pivot = pivot && named.at >= pivot->first + pivot->second &&
                                       named.at <= pivot->first + pivot->second + 1;
        if (role == Role::fresh && !remove && (new_day_said || right_after_pivot)) {
            if (!e.date) e.date = iso_date(named.day);
        } else if (!e.target_date) {
            e.target_date = iso_date(named.day);
        }
    }
    return e;
}

}  // namespace rubdown::intents::nlu
