#pragma once
/// Mileage by period: the distance run per week or per month, from the log's distances by day,
/// for the charts a runner asks for and the operator's dashboard. Pure.

#include <string>
#include <utility>
#include <vector>

#include <date/date.h>

namespace rubdown::intents::charts {

/// One bar: its period's label ("Nov 30", "Dec 2026"), first day and distance (in the chart's
/// unit).
struct PeriodTotal {
    std::string label;
    std::string first_day;  ///< ISO date
    double distance = 0;
};

/// Kilometres in a mile.
inline constexpr double kKmPerMile = 1.609344;

/// The `weeks` weeks (Monday to Sunday) ending with the one holding `today`, oldest first, from
/// kilometres by ISO day; in miles when `miles`.
std::vector<PeriodTotal> weekly_totals(const std::vector<std::pair<std::string, double>>& km_by_day,
                                       date::sys_days today, int weeks, bool miles);
/// The same by calendar month, `months` months ending with today's.
std::vector<PeriodTotal> monthly_totals(
    const std::vector<std::pair<std::string, double>>& km_by_day, date::sys_days today, int months,
    bool miles);
/// The first day of the oldest period weekly_totals() (or monthly_totals()) covers.
std::string first_day_of_weeks(date::sys_days today, int weeks);
std::string first_day_of_months(date::sys_days today, int months);

}  // namespace rubdown::intents::charts
