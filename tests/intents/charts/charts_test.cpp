#include <catch2/catch.hpp>

#include <regex>

#include "intents/charts/bar_chart.hpp"
#include "intents/charts/period_totals.hpp"

using namespace rubdown::intents::charts;
using namespace date::literals;

namespace {
const date::sys_days kToday{2026_y / date::December / 9};  // a Wednesday
}

TEST_CASE("mileage: weeks run Monday to Sunday, the last one holding today") {
    const std::vector<std::pair<std::string, double>> km{
        {"2026-11-22", 99},  // a Sunday before the first week: left out
        {"2026-11-23", 10},  // Monday of the first of three weeks
        {"2026-11-29", 5},   // its Sunday
        {"2026-11-30", 8},   // the second week
        {"2026-12-07", 12},  // this week's Monday
        {"2026-12-09", 6.5},
        {"2026-12-10", 50},  // tomorrow: this week too (a run logged ahead is still its week)
        {"not a date", 7},
    };
    const auto weeks = weekly_totals(km, kToday, 3, false);
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].first_day == "2026-11-23");
    CHECK(weeks[0].label == "Nov 23");
    CHECK(weeks[0].distance == Approx(15));
    CHECK(weeks[1].first_day == "2026-11-30");
    CHECK(weeks[1].distance == Approx(8));
    CHECK(weeks[2].first_day == "2026-12-07");
    CHECK(weeks[2].distance == Approx(68.5));
    CHECK(first_day_of_weeks(kToday, 3) == "2026-11-23");
    const auto miles = weekly_totals(km, kToday, 3, true);
    CHECK(miles[1].distance == Approx(8 / kKmPerMile));
}

TEST_CASE("mileage: months, across a new year") {
    const std::vector<std::pair<std::string, double>> km{
        {"2025-10-31", 40}, {"2025-11-01", 10}, {"2025-12-31", 21.1}, {"2026-01-01", 5}};
    const date::sys_days today{2026_y / date::January / 15};
    const auto months = monthly_totals(km, today, 3, false);
    REQUIRE(months.size() == 3);
    CHECK(months[0].label == "Nov 2025");
    CHECK(months[0].distance == Approx(10));
    CHECK(months[1].label == "Dec 2025");
    CHECK(months[1].distance == Approx(21.1));
    CHECK(months[2].label == "Jan 2026");
    CHECK(months[2].distance == Approx(5));
    CHECK(first_day_of_months(today, 3) == "2025-11-01");
}

TEST_CASE("mileage: the chart has a bar per period, scaled to a round top, its text escaped") {
    const std::vector<PeriodTotal> bars{
        {"Nov 23", "2026-11-23", 15}, {"Nov 30", "2026-11-30", 0}, {"Dec 07", "2026-12-07", 37}};
    const auto svg = bar_chart_svg(bars, "Ana's <weeks>", "km");
    CHECK_THAT(svg, Catch::StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK_THAT(svg, Catch::EndsWith("</svg>"));
    const std::regex rect("<rect ");
    CHECK(std::distance(std::sregex_iterator(svg.begin(), svg.end(), rect),
                        std::sregex_iterator()) == 3);
    CHECK_THAT(svg, Catch::Contains("Ana&#39;s &lt;weeks&gt;"));
    CHECK_THAT(svg, !Catch::Contains("<weeks>"));
    // The top of the scale is 50 (the round number above 37), and the tallest bar reaches 37/50.
    CHECK_THAT(svg, Catch::Contains(">50.0</text>"));
    CHECK_THAT(svg, Catch::Contains(">37.0</text>"));
    // An empty period has a bar of no height and no value written above it.
    CHECK_THAT(svg, Catch::Contains("height=\"0\""));
    // Nothing run at all still draws (a scale up to 10).
    CHECK_THAT(bar_chart_svg({{"Dec 07", "2026-12-07", 0}}, "none", "mi"),
               Catch::Contains(">10.0<"));
}

TEST_CASE("mileage: the PNG chart is an image of the size asked, not blank") {
    const std::vector<PeriodTotal> bars{{"Nov 23", "2026-11-23", 15}, {"Nov 30", "2026-11-30", 37}};
    const auto png = bar_chart_png(bars, "weeks", "km", 400, 200);
    REQUIRE(png.size() > 100);
    // The PNG signature, then the IHDR chunk with the width and height (big-endian).
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    const auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
    };
    CHECK(be32(16) == 400);
    CHECK(be32(20) == 200);
    // Not blank: an image with bars compresses worse than an empty one of the same size.
    const auto empty = bar_chart_png({}, "weeks", "km", 400, 200);
    CHECK(png.size() > empty.size());
}
