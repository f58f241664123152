#include "intents/handlers/stats_period.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "intents/handlers/local_calendar.hpp"
#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::handlers {
namespace {

using date::days;
using date::local_days;

constexpr std::array<const char*, 12> kMonthNames{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

local_days monday_of(local_days day) {
    return day - days{date::weekday{day}.iso_encoding() - 1};
}

local_days first_of_month(date::year_month ym) {
    return local_days{ym / 1};
}

local_days last_of_month(date::year_month ym) {
    return local_days{ym / date::last};
}

std::string month_label(date::year_month ym, local_days today) {
    std::string label = kMonthNames[static_cast<unsigned>(ym.month()) - 1];
    if (ym.year() != date::year_month_day{today}.year()) {
        // Appended in two steps: GCC 12 warns falsely (-Wrestrict) on " " + std::to_string.
        label += ' ';
        label += std::to_string(static_cast<int>(ym.year()));
    }
    return label;
}

StatsPeriod clipped(StatsPeriod period, local_days today) {
    period.to = std::min(period.to, today);
    return period;
}

}  // namespace

std::optional<StatsPeriod> stats_period(const std::string& period, local_days today) {
    const date::year_month_day ymd{today};
    const date::year_month this_month{ymd.year(), ymd.month()};
    if (period == "today") return StatsPeriod{today, today, "today", "day"};
    if (period == "yesterday")
        return StatsPeriod{today - days{1}, today - days{1}, "yesterday", "day"};
    // The whole calendar week: a run logged on a later local date (logged where the day had
    // already begun, before the runner moved west) still belongs to this week.
    if (period == "this_week")
        return StatsPeriod{monday_of(today), monday_of(today) + days{6}, "this week", "week"};
    if (period == "last_week") {
        const auto monday = monday_of(today) - days{7};
        return StatsPeriod{monday, monday + days{6}, "last week", "week"};
    }
    if (period == "this_month") {
        return StatsPeriod{first_of_month(this_month), today, "this month", "month"};
    }
    if (period == "last_month") {
        const auto last = this_month - date::months{1};
        return StatsPeriod{first_of_month(last), last_of_month(last), "last month", "month"};
    }
    if (period == "this_year") {
        return StatsPeriod{local_days{ymd.year() / 1 / 1}, today, "this year", "year"};
    }
    if (period == "last_year") {
        const auto year = ymd.year() - date::years{1};
        return StatsPeriod{local_days{year / 1 / 1}, local_days{year / 12 / 31}, "last year",
                           "year"};
    }
    if (period == "all") {
        return StatsPeriod{local_days{date::year{1970} / 1 / 1}, today, "all time", "all"};
    }
    if (const auto dots = period.find(".."); dots != std::string::npos) {
        const auto from = nudges::parse_iso_date(period.substr(0, dots));
        const auto to = nudges::parse_iso_date(period.substr(dots + 2));
        if (!from || !to || *to < *from || *from > today) return std::nullopt;
        return clipped(
            StatsPeriod{*from, *to, short_day(*from, today) + " to " + short_day(*to, today),
                        "range"},
            today);
    }
    if (period.size() == 7) {  // "2026-09"
        int year = 0;
        unsigned month = 0;
        if (std::sscanf(period.c_str(), "%d-%u", &year, &month) != 2 || month < 1 || month > 12) {
            return std::nullopt;
        }
        const date::year_month ym{date::year{year}, date::month{month}};
        if (first_of_month(ym) > today) return std::nullopt;
        return clipped(
            StatsPeriod{first_of_month(ym), last_of_month(ym), month_label(ym, today), "month"},
            today);
    }
    if (const auto day = nudges::parse_iso_date(period); day && *day <= today) {
        return StatsPeriod{*day, *day, short_day(*day, today), "day"};
    }
    return std::nullopt;
}

StatsPeriod previous_period(const StatsPeriod& period, local_days today) {
    if (period.kind == "week") {
        const auto monday = monday_of(period.from) - days{7};
        return StatsPeriod{monday, monday + days{6},
                           period.label == "this week" ? "last week" : "the week before", "week"};
    }
    if (period.kind == "month") {
        const date::year_month_day first{period.from};
        const auto before = date::year_month{first.year(), first.month()} - date::months{1};
        return StatsPeriod{first_of_month(before), last_of_month(before),
                           month_label(before, today), "month"};
    }
    if (period.kind == "year") {
        const auto year = date::year_month_day{period.from}.year() - date::years{1};
        return StatsPeriod{local_days{year / 1 / 1}, local_days{year / 12 / 31},
                           std::to_string(static_cast<int>(year)), "year"};
    }
    const auto length = period.to - period.from + days{1};
    const auto to = period.from - days{1};
    const auto from = to - length + days{1};
    return StatsPeriod{from, to,
                       length == days{1} ? short_day(from, today)
                                         : short_day(from, today) + " to " + short_day(to, today),
                       period.kind};
}

}  // namespace rubdown::intents::handlers
