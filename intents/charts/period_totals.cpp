#include "intents/charts/period_totals.hpp"

#include <algorithm>
#include <optional>
#include <sstream>

namespace rubdown::intents::charts {

namespace {

using date::days;
using date::sys_days;

sys_days monday_of(sys_days day) {
    const date::weekday weekday{day};
    return day - (weekday - date::Monday);
}

std::optional<sys_days> parse_day(const std::string& text) {
    std::istringstream in(text);
    sys_days day;
    in >> date::parse("%F", day);
    if (in.fail()) return std::nullopt;
    return day;
}

std::string iso(sys_days day) {
    return date::format("%F", day);
}

/// Adds each day's distance to the period holding it; `index_of` gives the period, or -1.
template <typename IndexOf>
void add_days(std::vector<PeriodTotal>& periods,
              const std::vector<std::pair<std::string, double>>& km_by_day, bool miles,
              IndexOf index_of) {
    for (const auto& [text, km] : km_by_day) {
        const auto day = parse_day(text);
        if (!day) continue;
        const auto index = index_of(*day);
        if (index < 0 || index >= static_cast<long>(periods.size())) continue;
        periods[static_cast<std::size_t>(index)].distance += miles ? km / kKmPerMile : km;
    }
}

}  // namespace

std::string first_day_of_weeks(sys_days today, int weeks) {
    return iso(monday_of(today) - days{7 * (weeks - 1)});
}

std::string first_day_of_months(sys_days today, int months) {
    const date::year_month_day ymd{today};
    const auto first = date::year_month{ymd.year(), ymd.month()} - date::months{months - 1};
    return iso(sys_days{first / 1});
}

std::vector<PeriodTotal> weekly_totals(const std::vector<std::pair<std::string, double>>& km_by_day,
                                       sys_days today, int weeks, bool miles) {
    const auto first = monday_of(today) - days{7 * (weeks - 1)};
    std::vector<PeriodTotal> periods;
    for (int i = 0; i < weeks; ++i) {
        const auto start = first + days{7 * i};
        // "Nov 30", "Dec 7": the week by its Monday, the day unpadded.
        periods.push_back({date::format("%b ", start) + std::to_string(static_cast<unsigned>(
                                                            date::year_month_day{start}.day())),
                           iso(start), 0});
    }
    add_days(periods, km_by_day, miles,
             [&](sys_days day) { return day < first ? -1L : (day - first).count() / 7; });
    return periods;
}

std::vector<PeriodTotal> monthly_totals(
    const std::vector<std::pair<std::string, double>>& km_by_day, sys_days today, int months,
    bool miles) {
    const date::year_month_day now{today};
    const auto last = date::year_month{now.year(), now.month()};
    const auto first = last - date::months{months - 1};
    std::vector<PeriodTotal> periods;
    for (int i = 0; i < months; ++i) {
        const auto month = first + date::months{i};
        periods.push_back(
            {date::format("%b %Y", sys_days{month / 1}), iso(sys_days{month / 1}), 0});
    }
    add_days(periods, km_by_day, miles, [&](sys_days day) {
        const date::year_month_day ymd{day};
        const auto month = date::year_month{ymd.year(), ymd.month()};
        return month < first ? -1L : static_cast<long>((month - first).count());
    });
    return periods;
}

}  // namespace rubdown::intents::charts
