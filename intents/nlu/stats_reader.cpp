#include "intents/nlu/stats_reader.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {
namespace {

using date::days;
using date::sys_days;

/// Words that ask for a picture of the mileage.
const PhraseList& chart_words() {
    static const PhraseList words{"chart",     "charts",    "graph",     "graphs",  "plot",
                                  "bar chart", "visualise", "visualize", "diagram", "picture of"};
    return words;
}

/// The figure asked for, tried in this order: the first list with a phrase in the question wins.
/// "how many runs" comes before "how many ... miles"; "how much did I run" before "did I run".
const std::vector<std::pair<std::string_view, PhraseList>>& stat_rules() {
    static const std::vector<std::pair<std::string_view, PhraseList>> rules = [] {
        std::vector<std::pair<std::string_view, PhraseList>> list;
        // A picture of the mileage ("/stats chart", "graph my miles"): by week unless months are
        // named (see read_stats_question).
        list.emplace_back("chart_weeks", chart_words());
        list.emplace_back("records",
                          PhraseList{"pr", "prs", "pb", "pbs", "personal best", "personal bests",
                                     "personal record", "personal records", "fastest", "best time",
                                     "best times", "record", "records", "quickest", "more often",
                                     "what did i do", "what did i run", "how often did"});
        list.emplace_back("streak",
                          PhraseList{"streak", "in a row", "consecutive", "straight days",
                                     "days straight", "weeks straight", "without missing"});
        list.emplace_back(
            "longest", PhraseList{"longest", "furthest", "farthest", "biggest run", "longest run",
                                  "long run record", "longst", "lngest"});
        list.emplace_back("last_run",
                          PhraseList{"last run", "latest run", "most recent run", "previous run",
                                     "when was my last", "when did i last", "most recent"});
        list.emplace_back("pace", PhraseList{"pace", "paces", "speed", "how fast", "per mile",
                                             "per km", "min/km", "min/mi", "avg pace", "avg min",
                                             "min per", "minutes per", "average min"});
        list.emplace_back(
            "runs", PhraseList{"how many runs", "how many times", "number of runs", "total runs",
                               "list my runs", "list", "which runs", "what runs", "more runs",
                               "runs have i", "runs did i", "how often"});
        list.emplace_back("summary",
                          PhraseList{"how am i doing", "overview", "summary", "how did i do",
                                     "hows my", "how is my", "stats", "statistics", "progress",
                                     "going", "recap", "how was my"});
        list.emplace_back(
            "distance", PhraseList{"how far",    "how much",   "mileage",   "distance",  "distnace",
                                   "km",         "kms",        "miles",     "mi",        "total",
                                   "kilometers", "kilometres", "kilometer", "kilometre", "volume",
                                   "how many k", "more",       "less",      "further",   "hw far",
                                   "how farr",   "k"});
        list.emplace_back("runs", PhraseList{"did i run", "runs", "my runs", "show me my runs",
                                             "run", "ran", "show"});
        return list;
    }();
    return rules;
}

/// Periods named by fixed words.
const std::vector<std::pair<std::string_view, PhraseList>>& period_rules() {
    static const std::vector<std::pair<std::string_view, PhraseList>> rules = [] {
        std::vector<std::pair<std::string_view, PhraseList>> list;
        list.emplace_back("last_week", PhraseList{"last week", "last weeks", "last wk", "past week",
                                                  "previous week", "week before"});
        list.emplace_back("this_week",
                          PhraseList{"this week", "this wk", "this weeks", "week so far",
                                     "so far this week", "my week", "the week"});
        list.emplace_back("last_month", PhraseList{"last month", "last mnth", "last mo",
                                                   "previous month", "past month"});
        list.emplace_back("this_month", PhraseList{"this month", "this mnth", "this mo",
                                                   "this months", "my month", "month so far"});
        list.emplace_back("last_year", PhraseList{"last year", "last yr", "previous year"});
        list.emplace_back("this_year", PhraseList{"this year", "this yr", "this years", "my year",
                                                  "year so far", "ytd", "year to date"});
        list.emplace_back("all", PhraseList{"ever", "all time", "alltime", "in total", "overall",
                                            "lifetime", "since i started", "of all time",
                                            "all - time", "all my", "all of my", "to date"});
        list.emplace_back("today", PhraseList{"today", "this morning", "tonight", "this afternoon",
                                              "this evening", "todays"});
        list.emplace_back("yesterday", PhraseList{"yesterday", "yday", "last night", "yesterdays"});
        return list;
    }();
    return rules;
}

const PhraseList& compare_cues() {
    static const PhraseList list{"compare",   "compared",  "comparison", "vs",       "versus",
                                 "than last", "more than", "less than",  "stack up", "against",
                                 "improved",  "up on",     "down on",    "than the", "than in"};
    return list;
}

const PhraseList& last_days_cues() {
    static const PhraseList list{"last", "past", "previous"};
    return list;
}

const PhraseList& range_openers() {
    static const PhraseList list{"between", "from"};
    return list;
}

const PhraseList& week_of_cues() {
    static const PhraseList list{"week of", "week starting", "week beginning", "wk of"};
    return list;
}

const PhraseList& race_question_cues() {
    static const PhraseList list{
        "when is my",      "when s my",       "whens my",      "whens the",      "how many days",
        "how many weeks",  "how long until",  "how long till", "days until",     "days till",
        "days to",         "weeks until",     "weeks till",    "weeks to",       "countdown",
        "what races",      "which races",     "my races",      "races do i",     "races have i",
        "coming up",       "upcoming",        "next race",     "when do i race", "how long to",
        "race day",        "what date is my", "days left",     "weeks left",     "any races",
        "races scheduled", "when s the",      "how soon",      "is my race",     "race calendar",
        "which race",      "first race",      "days away",     "weeks away",     "have i got",
        "do i have",       "remind me when",  "when my race"};
    return list;
}

const PhraseList& race_words_here() {
    static const PhraseList list{"race",  "races",   "half",         "marathon", "10k",   "5k",
                                 "ultra", "parkrun", "halfmarathon", "event",    "events"};
    return list;
}

std::string iso(date::year_month_day day) {
    return iso_date(day);
}

/// "the last 30 days", "past 2 weeks": the range ending today.
std::optional<std::string> last_days(const Tokens& tokens, date::year_month_day today) {
    for (std::size_t i = 0; i + 2 < tokens.size() + 1; ++i) {
        if (!last_days_cues().matches_at(tokens, i, tokens.size())) continue;
        const auto quantity = read_quantity(tokens, i + 1);
        if (!quantity || quantity->value < 1 || quantity->value > 3660) continue;
        const auto& unit = token_at(tokens, static_cast<std::ptrdiff_t>(quantity->end));
        int per_unit = 0;
        if (is_any(unit, {"days", "day", "d"})) per_unit = 1;
        if (is_any(unit, {"weeks", "week", "wks", "wk"})) per_unit = 7;
        if (per_unit == 0) continue;
        const auto span = static_cast<int>(quantity->value) * per_unit;
        const auto first = date::year_month_day{sys_days{today} - days{span - 1}};
        return iso(first) + ".." + iso(today);
    }
    return std::nullopt;
}

/// "in September": the last such month, today's included.
std::optional<std::string> month_period(const Tokens& tokens, date::year_month_day today) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& token = tokens[i];
        const auto month = month_named(token);
        if (!month) continue;
        // "may I see my stats": the verb, unless a month is plainly meant ("in may").
        if (token.is("may") && !is_any(token_at(tokens, static_cast<std::ptrdiff_t>(i) - 1),
                                       {"in", "of", "during", "for", "since", "through"})) {
            continue;
        }
        auto year = today.year();
        if (date::month{*month} > today.month()) --year;
        const date::year_month named{year, date::month{*month}};
        const date::year_month current{today.year(), today.month()};
        if (named == current) return "this_month";
        if (named == current - date::months{1}) return "last_month";
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(named.year()),
                      static_cast<unsigned>(named.month()));
        return std::string{buffer};
    }
    return std::nullopt;
}

/// "in 2026": this year, last year, or that whole year.
std::optional<std::string> year_period(const Tokens& tokens, date::year_month_day today) {
    for (const auto& token : tokens) {
        if (!token.is_number() || token.value < 2000 || token.value > 2100) continue;
        const int year = static_cast<int>(token.value);
        const int current = static_cast<int>(today.year());
        if (year == current) return "this_year";
        if (year == current - 1) return "last_year";
        if (year > current) return std::nullopt;
        return std::to_string(year) + "-01-01.." + std::to_string(year) + "-12-31";
    }
    return std::nullopt;
}

std::optional<std::string> period_of(const Tokens& tokens, date::year_month_day today) {
    if (auto range = last_days(tokens, today)) return range;
    const auto named = past_days_named(tokens, today);
    // "the week of Nov 9": that day's week, Monday to Sunday.
    if (std::size_t at = 0; !named.empty() &&
                            has_phrase(tokens, week_of_cues(), 0, tokens.size(), &at) &&
                            named.front().at > at) {
        const date::weekday weekday{sys_days{named.front().day}};
        const auto monday = sys_days{named.front().day} - days{weekday.iso_encoding() - 1};
        return iso(date::year_month_day{monday}) + ".." +
               iso(date::year_month_day{monday + days{6}});
    }
    // "between Nov 1 and Nov 15", "oct 26 - nov 8", "from oct 10 to oct 20".
    if (named.size() >= 2 && (has_phrase(tokens, range_openers()) ||
                              has_phrase(tokens, {"-", "to", "through", "thru", "till", "until"},
                                         named[0].at + 1, named[1].at + 1))) {
        auto first = named[0].day;
        auto last = named[1].day;
        if (sys_days{last} < sys_days{first}) std::swap(first, last);
        return iso(first) + ".." + iso(last);
    }
    // "since Oct 15": from that day to today.
    if (!named.empty() && has_phrase(tokens, {"since"})) {
        return iso(named.front().day) + ".." + iso(today);
    }
    // "last weekend", "this weekend": its Saturday and Sunday (up to today).
    if (has_phrase(tokens, {"weekend", "wknd"})) {
        const date::weekday weekday{sys_days{today}};
        auto monday = sys_days{today} - days{weekday.iso_encoding() - 1};
        if (has_phrase(tokens, {"last", "past"})) monday -= days{7};
        const auto saturday = monday + days{5};
        if (saturday <= sys_days{today}) {
            const auto sunday = std::min(saturday + days{1}, sys_days{today});
            return iso(date::year_month_day{saturday}) + ".." + iso(date::year_month_day{sunday});
        }
    }
    // The period said first: "this week vs last week" is this week, compared.
    std::optional<std::string> said_first;
    std::size_t first_at = tokens.size();
    for (const auto& [period, phrases] : period_rules()) {
        std::size_t at = 0;
        if (has_phrase(tokens, phrases, 0, tokens.size(), &at) && at < first_at) {
            said_first = std::string{period};
            first_at = at;
        }
    }
    if (said_first) return said_first;
    // "Tuesday's run", "on saturday", "Nov 20".
    if (!named.empty()) {
        const auto day = named.front().day;
        if (day == today) return "today";
        if (sys_days{day} == sys_days{today} - days{1}) return "yesterday";
        return iso(day);
    }
    if (auto month = month_period(tokens, today)) return month;
    if (auto year = year_period(tokens, today)) return year;
    // "how's my year going": the year so far.
    if (has_phrase(tokens, {"year", "yr"})) return "this_year";
    if (has_phrase(tokens, {"month", "mnth"})) return "this_month";
    if (has_phrase(tokens, {"week", "wk"})) return "this_week";
    return std::nullopt;
}

/// A runner's own races, as questions name them.
const PhraseList& own_race_words() {
    static const PhraseList list{"my",     "the",       "next",     "races", "race day",
                                 "i have", "coming up", "upcoming", "i got"};
    return list;
}

/// Questions of advice ("should I", "is it bad to"): out of the bot's scope, not stats.
const PhraseList& advice_words() {
    static const PhraseList list{"should",         "is it bad",  "is it ok", "can i",
                                 "do i need",      "beginner",   "how do i", "massage",
                                 "burn",           "calories",   "gels",     "change",
                                 "move",           "track",      "add",      "cancel",
                                 "do you",         "too",        "sleep",    "remind me to",
                                 "after the race", "what about", "bib"};
    return list;
}

/// Words of a race moved, not called off: "they moved it to dec 6".
const PhraseList& race_moved_words() {
    static const PhraseList list{"moved",       "move",       "postponed", "rescheduled",
                                 "pushed back", "changed to", "now on"};
    return list;
}

const PhraseList& race_cancel_cues() {
    static const PhraseList list{
        "cancel",       "cancelled",    "canceled",    "not doing",       "not running",
        "no longer",    "drop out",     "dropped out", "pulled out",      "pull out",
        "withdrew",     "withdraw",     "any more",    "anymore",         "not racing",
        "deferred",     "defer",        "remove",      "delete",          "scrap",
        "skip",         "skipping",     "dns",         "wont be running", "wont be racing",
        "forget about", "drop my",      "drop the",    "after all",       "not going to run",
        "withdrawn",    "dropping out", "scratch",     "scratched",       "no longer running"};
    return list;
}

}  // namespace

bool cancels_a_race(const Tokens& tokens) {
    return has_phrase(tokens, race_cancel_cues()) && !has_phrase(tokens, {"massage"}) &&
           !has_phrase(tokens, race_moved_words());
}

bool asks_about_races(const Tokens& tokens) {
    // A question, about the runner's own races ("my", "the", "next"), not advice about races in
    // general ("how soon after a marathon should I ...") nor a race told ("race day is Dec 5").
    const bool asked = is_question(tokens) || (tokens.size() <= 3 && tokens.front().is("my")) ||
                       (!tokens.empty() &&
                        is_any(tokens.front(), {"when", "whens", "when's", "how", "what", "whats",
                                                "what's", "which", "any", "do", "countdown", "show",
                                                "list", "give", "is", "remind", "have", "are"}));
    // "races last year?", "what was my race in September": the word race itself, asked of
    // one's own, needs no other cue.
    const bool race_word = has_phrase(tokens, {"race", "races", "racing"});
    return asked && (has_phrase(tokens, race_question_cues()) || race_word) &&
           (race_word || has_phrase(tokens, race_words_here()) || parse_distance_km(tokens)) &&
           (has_phrase(tokens, own_race_words()) || is_question(tokens)) &&
           !has_phrase(tokens, advice_words());
}

bool asks_for_a_chart(const Tokens& tokens) {
    return has_phrase(tokens, chart_words()) &&
           has_phrase(tokens, {"my", "me", "mileage", "miles", "km", "kms", "distance", "running",
                               "runs", "weekly", "monthly", "training"});
}

bool asks_for_a_figure(const Tokens& tokens) {
    // A chart of one's running is asked for however it is put ("can I see a graph of my runs").
    if (asks_for_a_chart(tokens)) return true;
    // The figures no run report tells: a report may say "pace" or "longest", not "my pace?".
    static const PhraseList strong{"pr",
                                   "prs",
                                   "pb",
                                   "pbs",
                                   "personal best",
                                   "personal bests",
                                   "personal record",
                                   "personal records",
                                   "fastest",
                                   "streak",
                                   "in a row",
                                   "longest run",
                                   "my pace",
                                   "avg pace",
                                   "average pace",
                                   "last run",
                                   "my longest",
                                   "my stats",
                                   "my mileage",
                                   "hows my",
                                   "how is my"};
    // Asked, or said of one's own ("my marathon pr"); not "parkrun PB!" or "streak mode".
    const bool asked =
        is_question(tokens) || (tokens.size() <= 6 && has_phrase(tokens, {"my"})) ||
        (!tokens.empty() &&
         is_any(tokens.front(), {"what", "whats", "what's", "how", "hows", "how's", "did", "when",
                                 "which", "show", "give", "list", "am", "have"}));
    // Run reports are neither asked nor short: most messages stop here, before any parsing.
    if (!asked && tokens.size() > 5) return false;
    if (has_phrase(tokens, advice_words())) return false;
    const auto distance = parse_distance_km(tokens);
    // "best half time", "fastest marathon ive run": a record of a distance, no time told.
    const bool short_or_asked = tokens.size() <= 5 || is_question(tokens) ||
                                (!tokens.empty() && is_any(tokens.front(), {"what", "whats"}));
    const bool record_of_distance =
        short_or_asked && has_phrase(tokens, {"best", "fastest", "pb", "pr", "record"}) &&
        distance && !parse_duration_s(tokens, distance) &&
        !has_phrase(tokens, {"shoes", "plan", "training", "world", "prep", "want", "registered",
                             "tips", "way", "for a", "for the"});
    // "did I go for a run on friday", "what pace did i hold on wednesday".
    const bool day_asked = asked && names_a_day(tokens) &&
                           has_phrase(tokens, {"did i", "pace", "how far", "how long"});
    // "pace in august", "avg pace?": a short question of a figure.
    const bool short_figure = tokens.size() <= 4 && has_phrase(tokens, {"pace", "avg", "average"});
    return record_of_distance || day_asked || short_figure ||
           (asked &&
            (has_phrase(tokens, strong) || (has_phrase(tokens, {"pace"}) && names_a_day(tokens))));
}

Entities stats_entities(const StatsQuestion& question) {
    Entities entities;
    entities.stat = question.stat;
    entities.period = question.period;
    if (question.compare) entities.compare = "previous";
    entities.unit = question.unit;
    entities.race_distance_km = question.race_distance_km;
    return entities;
}

StatsQuestion read_stats_question(const Tokens& tokens, date::year_month_day today) {
    StatsQuestion question;
    if (asks_about_races(tokens)) {
        question.stat = "races";
        question.period = period_of(tokens, today);
        return question;
    }
    for (const auto& [stat, phrases] : stat_rules()) {
        if (has_phrase(tokens, phrases)) {
            question.stat = stat;
            break;
        }
    }
    if (question.stat == "chart_weeks") {
        // A chart covers a fixed span (12 weeks, or 12 months), not a period asked.
        if (has_phrase(tokens, {"month", "months", "monthly", "by month", "per month", "year"}))
            question.stat = "chart_months";
        if (has_phrase(tokens, {"mile", "miles", "mi"})) question.unit = "mi";
        if (has_phrase(tokens, {"km", "kms", "kilometers", "kilometres", "kilometer", "kilometre"}))
            question.unit = "km";
        return question;
    }
    question.period = period_of(tokens, today);
    question.compare = has_phrase(tokens, compare_cues());
    // "am I running more than last month?": this month against the last.
    const bool month_named_here =
        std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return is_month_name(t); });
    if (question.compare && question.period && !month_named_here) {
        static const std::array<std::pair<std::string_view, std::string_view>, 3> kThis{
            {{"last_week", "this_week"}, {"last_month", "this_month"}, {"last_year", "this_year"}}};
        for (const auto& [last, current] : kThis) {
            // "last week to the week before": the last one, against the one before it.
            if (*question.period == last &&
                !has_phrase(tokens, {"this", "current", "before", "prior"})) {
                question.period = std::string{current};
            }
        }
    }
    if (has_phrase(tokens, {"mile", "miles", "mi", "per mile", "min/mi"})) question.unit = "mi";
    if (has_phrase(tokens, {"km", "kms", "kilometers", "kilometres", "kilometer", "kilometre",
                            "per km", "min/km"}))
        question.unit = "km";
    // "k this month?": k alone is km; "10k" names a distance.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].is("k") && (i == 0 || !tokens[i - 1].is_number() || tokens[i].spaced)) {
            question.unit = "km";
        }
    }
    // "best 10k time last year?", "my quickest half": a record of that distance.
    if ((question.stat == "summary" || question.stat == "distance") &&
        has_phrase(tokens, {"best", "quickest", "fastest"}) && parse_distance_km(tokens)) {
        question.stat = "records";
    }
    if (question.stat == "records") question.race_distance_km = parse_distance_km(tokens);
    // "all my PBs" lists them all; "my fastest half ever" names the period.
    if (question.stat == "records" && question.period == "all" &&
        has_phrase(tokens, {"all my", "all of my"}) &&
        !has_phrase(tokens, {"ever", "all time", "alltime", "of all time", "lifetime", "overall"}))
        question.period.reset();
    return question;
}

}  // namespace rubdown::intents::nlu
