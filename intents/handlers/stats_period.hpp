#pragma once
/// The span of days a stats question covers, from the NLU's period ("this_week", "2026-09",
/// "2026-11-01..2026-11-15"), and the span before it for a comparison. Pure.

#include <optional>
#include <string>

#include <date/date.h>

namespace rubdown::intents::handlers {

struct StatsPeriod {
    date::local_days from;
    date::local_days to;  ///< inclusive; never after today
    std::string label;    ///< "this week", "last month", "September", "Tue 17 Nov", "all time"
    std::string kind;     ///< "day", "week", "month", "year", "range", "all"
};

/// The span `period` names, seen from `today`; nothing for a period the NLU never writes.
std::optional<StatsPeriod> stats_period(const std::string& period, date::local_days today);

/// The span just before: the week before a week, the month before a month; a range's length
/// before it. A span that runs to today ("this week") is compared with the whole one before.
StatsPeriod previous_period(const StatsPeriod& period, date::local_days today);

}  // namespace rubdown::intents::handlers
