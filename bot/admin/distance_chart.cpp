#include "bot/admin/distance_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "bot/admin/html.hpp"

namespace rubdown::bot {

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

/// A round top for the scale: 1, 2 or 5 times a power of ten, at least `value`.
double nice_ceiling(double value) {
    if (value <= 0) return 10;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0})
        if (step * power >= value) return step * power;
    return 10 * power;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, value >= 100 ? "%.0f" : "%.1f", value);
    return text;
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
        periods.push_back({date::format("%b %d", start), iso(start), 0});
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

std::string bar_chart_svg(const std::vector<PeriodTotal>& bars, const std::string& title,
                          const std::string& unit) {
    constexpr int kWidth = 640, kHeight = 240;
    constexpr int kLeft = 48, kRight = 8, kTop = 20, kBottom = 36;
    const int plot_width = kWidth - kLeft - kRight;
    const int plot_height = kHeight - kTop - kBottom;
    double highest = 0;
    for (const auto& bar : bars) highest = std::max(highest, bar.distance);
    const double top = nice_ceiling(highest);
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " << kWidth
        << " " << kHeight << "\" role=\"img\" aria-label=\"" << html_escape(title) << "\">"
        << "<title>" << html_escape(title) << "</title>";
    // The scale: four lines with their values.
    for (int i = 0; i <= 4; ++i) {
        const double value = top * i / 4;
        const int y = kTop + plot_height - static_cast<int>(std::lround(plot_height * i / 4.0));
        svg << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << y
            << "\" y2=\"" << y << "\" stroke=\"#c8ced6\" stroke-width=\"1\"/>"
            << "<text x=\"" << kLeft - 6 << "\" y=\"" << y + 4
            << "\" text-anchor=\"end\" font-size=\"11\" fill=\"#5d6875\">" << number(value)
            << "</text>";
    }
    svg << "<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#5d6875\">" << html_escape(unit)
        << "</text>";
    const double slot = bars.empty() ? 0 : static_cast<double>(plot_width) / bars.size();
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& bar = bars[i];
        const int height = static_cast<int>(std::lround(plot_height * bar.distance / top));
        const int x = kLeft + static_cast<int>(std::lround(slot * i + slot * 0.15));
        const int width = std::max(1, static_cast<int>(std::lround(slot * 0.7)));
        const int y = kTop + plot_height - height;
        svg << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << width << "\" height=\""
            << height << "\" fill=\"#0a7d5a\"><title>" << html_escape(bar.label) << ": "
            << number(bar.distance) << " " << html_escape(unit) << "</title></rect>";
        const int middle = x + width / 2;
        if (bar.distance > 0)
            svg << "<text x=\"" << middle << "\" y=\"" << y - 4
                << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1d232b\">"
                << number(bar.distance) << "</text>";
        svg << "<text x=\"" << middle << "\" y=\"" << kHeight - kBottom + 16
            << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5d6875\">"
            << html_escape(bar.label) << "</text>";
    }
    svg << "</svg>";
    return svg.str();
}

}  // namespace rubdown::bot
