#include "intents/handlers/mileage_chart.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <utility>
#include <vector>

#include "intents/charts/bar_chart.hpp"
#include "intents/charts/period_totals.hpp"
#include "intents/handlers/local_calendar.hpp"

namespace rubdown::intents::handlers {
namespace {

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

/// "12", "12.5": one decimal, none when it is zero.
std::string trimmed(double value) {
    auto text = one_decimal(value);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}

/// "Sep 14 12, Sep 21 0, ...": every bar, for the image's description.
std::string every_bar(const std::vector<charts::PeriodTotal>& bars) {
    std::string text;
    for (const auto& bar : bars) {
        if (!text.empty()) text += ", ";
        text += bar.label + " " + trimmed(bar.distance);
    }
    return text;
}

}  // namespace

Reply mileage_chart(HandlerContext& context, bool by_month, Units units) {
    const auto today = date::sys_days{local_today(context.user, context.now).time_since_epoch()};
    const bool miles = units == Units::mi;
    const std::string unit = miles ? "mi" : "km";
    const auto from = by_month ? charts::first_day_of_months(today, kChartMonths)
                               : charts::first_day_of_weeks(today, kChartWeeks);
    std::vector<std::pair<std::string, double>> km_by_day;
    for (const auto& run :
         context.repos.runs.between(context.user.id, from, date::format("%F", today))) {
        if (run.distance_km) km_by_day.emplace_back(run.date, *run.distance_km);
    }
    const auto bars = by_month ? charts::monthly_totals(km_by_day, today, kChartMonths, miles)
                               : charts::weekly_totals(km_by_day, today, kChartWeeks, miles);
    const std::string span =
        by_month ? "by month, the last 12 months" : "by week, the last 12 weeks";
    const std::string title =
        std::string{"Distance by "} + (by_month ? "month" : "week") + " (" + unit + ")";

    double total = 0;
    const charts::PeriodTotal* most = nullptr;
    for (const auto& bar : bars) {
        total += bar.distance;
        if (bar.distance > 0 && (!most || bar.distance > most->distance)) most = &bar;
    }
    Reply reply;
    if (!most) {
        reply.text = "No distance logged " + span.substr(span.find(',') + 2) +
                     ", so there is nothing to chart yet. Tell me about a run, like \"10k easy "
                     "this morning\".";
        return reply;
    }
    const double average = total / static_cast<double>(bars.size());
    // The bars are in the runner's unit already.
    const auto amount = [&](double value) { return trimmed(value) + " " + unit; };
    reply.text = "Your distance " + span + ": " + amount(total) + " in all, " + amount(average) +
                 (by_month ? " a month" : " a week") + " on average; the most, " +
                 amount(most->distance) + (by_month ? " in " : " in the week of ") + most->label +
                 ".";
    reply.image.alt = "Bar chart of " + unit + " " + (by_month ? "per month" : "per week") + ": " +
                      every_bar(bars) + ".";
    try {
        reply.image.png = charts::bar_chart_png(bars, title, unit);
    } catch (const std::runtime_error&) {
        // The words carry the figures; the runner still gets them without the picture.
        reply.text += "\n" + reply.image.alt;
        reply.image = {};
    }
    reply.buttons.push_back(by_month
                                ? Button{"Chart by week", std::string{kChartWeeksAction}, ""}
                                : Button{"Chart by month", std::string{kChartMonthsAction}, ""});
    return reply;
}

Button chart_button() {
    return Button{"Chart", std::string{kChartWeeksAction}, ""};
}

}  // namespace rubdown::intents::handlers
