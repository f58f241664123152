#pragma once
/// Reads what a runner asks of their own running: which figure (distance, runs, pace, longest,
/// records, streak, last run, races, summary), over which period ("last week", "in September",
/// "the last 30 days", "Tuesday's run", "between Nov 1 and Nov 15"), compared with the period
/// before or not, in which unit, and for records which distance. Pure, over the lexer's tokens;
/// the words are data lists in stats_reader.cpp.

#include <optional>
#include <string>

#include <date/date.h>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::nlu {

struct StatsQuestion {
    /// "distance", "runs", "pace", "longest", "records", "streak", "last_run", "races", "summary";
    /// "chart_weeks" or "chart_months" for a chart of the distance by week (12 weeks) or by month
    /// (12 months), which has no period.
    std::string stat = "summary";
    /// "today", "yesterday", "this_week", "last_week", "this_month", "last_month", "this_year",
    /// "last_year", "all"; a day "2026-11-17", a month "2026-09", a range "2026-11-01..2026-11-15".
    std::optional<std::string> period;
    bool compare = false;                    ///< against the period before ("vs last week")
    std::optional<std::string> unit;         ///< "km" or "mi" when the question names one
    std::optional<double> race_distance_km;  ///< records of one distance ("fastest 5k")
};

StatsQuestion read_stats_question(const Tokens& tokens, date::year_month_day today);

/// The question as the parse's entities (stat, period, compare, unit, race_distance_km).
Entities stats_entities(const StatsQuestion& question);

/// Whether the words ask about the runner's races: "when is my race?", "how many days until my
/// half", "what races do I have coming up".
bool asks_about_races(const Tokens& tokens);

/// Whether the words ask for a chart of the runner's own running: "show me a chart", "graph my
/// miles by month" (not a unit to use, though miles are named).
bool asks_for_a_chart(const Tokens& tokens);

/// Whether the words ask for a figure of the runner's own running that no report tells: "what
/// are my PRs", "fastest 5k?", "am I on a streak?", "pace friday?".
bool asks_for_a_figure(const Tokens& tokens);

/// Whether the words call a race off: "cancel my race", "not doing the 10k any more".
bool cancels_a_race(const Tokens& tokens);

}  // namespace rubdown::intents::nlu
