#pragma once
/// A chart of the runner's distance, week by week (the last 12 weeks) or month by month (the
/// last 12 months), in their units: "/stats chart", "graph my miles by month", or the button
/// under a stats answer. The reply carries the chart as a PNG image, and says the same in words
/// (its text and the image's description), for channels and people that cannot show it.

#include <string_view>

#include "intents/engine.hpp"
#include "intents/handlers/run_format.hpp"

namespace rubdown::intents::handlers {

/// The buttons' actions: a chart by week, by month.
inline constexpr std::string_view kChartWeeksAction = "chart:weeks";
inline constexpr std::string_view kChartMonthsAction = "chart:months";

/// Periods a chart covers.
inline constexpr int kChartWeeks = 12;
inline constexpr int kChartMonths = 12;

/// The chart reply, with a button for the other span.
Reply mileage_chart(HandlerContext& context, bool by_month, Units units);

/// The button offering a chart, for a stats answer.
Button chart_button();

}  // namespace rubdown::intents::handlers
