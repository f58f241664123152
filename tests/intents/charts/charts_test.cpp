#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <regex>

#include <cairo.h>

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

namespace {

/// A PNG decoded by cairo's own reader (not the writer's code path): its size and pixels.
struct DecodedImage {
    int width = 0, height = 0;
    std::vector<std::uint32_t> pixels;  ///< 0x00RRGGBB, row by row
    std::uint32_t at(int x, int y) const {
        return pixels[static_cast<std::size_t>(y * width + x)] & 0xffffffu;
    }
};

DecodedImage decode_png(const std::string& png) {
    struct Reader {
        const std::string& bytes;
        std::size_t at = 0;
    } reader{png};
    const auto read = [](void* closure, unsigned char* data, unsigned int length) {
        auto& from = *static_cast<Reader*>(closure);
        if (from.bytes.size() - from.at < length) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, from.bytes.data() + from.at, length);
        from.at += length;
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read, &reader);
    DecodedImage image;
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        image.width = cairo_image_surface_get_width(surface);
        image.height = cairo_image_surface_get_height(surface);
        const int stride = cairo_image_surface_get_stride(surface);
        const unsigned char* data = cairo_image_surface_get_data(surface);
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) {
                std::uint32_t pixel = 0;
                std::memcpy(&pixel, data + y * stride + x * 4, 4);
                image.pixels.push_back(pixel);
            }
    }
    cairo_surface_destroy(surface);
    return image;
}

/// Rows of column `x` whose pixel is the bars' green.
int green_rows(const DecodedImage& image, int x) {
    int rows = 0;
    for (int y = 0; y < image.height; ++y) {
        const auto pixel = image.at(x, y);
        const int red = static_cast<int>(pixel >> 16),
                  green = static_cast<int>((pixel >> 8) & 0xff),
                  blue = static_cast<int>(pixel & 0xff);
        if (green > red + 60 && green > blue + 30) ++rows;
    }
    return rows;
}

}  // namespace

TEST_CASE("mileage: the PNG chart decodes to the size asked, its bars as tall as their distance") {
    const std::vector<PeriodTotal> bars{{"Nov 23", "2026-11-23", 15}, {"Nov 30", "2026-11-30", 37}};
    const auto png = bar_chart_png(bars, "Distance by week", "km", 400, 200);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    const auto image = decode_png(png);
    REQUIRE(image.width == 400);
    REQUIRE(image.height == 200);
    // Where the layout puts each bar, the decoded image is green for the bar's height.
    const auto layout = lay_out_bar_chart(bars, "Distance by week", "km", 400, 200, true);
    REQUIRE(layout.bars.size() == 2);
    const auto middle = [&](std::size_t index) {
        return static_cast<int>(layout.bars[index].x + layout.bars[index].width / 2);
    };
    const int first = green_rows(image, middle(0)), second = green_rows(image, middle(1));
    CHECK(first > 5);
    CHECK(second > first);
    CHECK(static_cast<double>(second) / first == Approx(37.0 / 15).epsilon(0.1));
    // Between the bars, no green: the bars are drawn where the layout says.
    CHECK(green_rows(image, static_cast<int>(layout.bars[0].x - 2)) == 0);
    // Text is drawn (a font was found): grey pixels left of the plot, where the scale is.
    int dark = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < static_cast<int>(layout.plot_left); ++x)
            if ((image.at(x, y) & 0xff) < 0xc0) ++dark;
    CHECK(dark > 20);
    // And the title, dark, above the plot in the middle.
    int title = 0;
    for (int y = 0; y < static_cast<int>(layout.title_y) + 2; ++y)
        for (int x = image.width / 3; x < image.width * 2 / 3; ++x)
            if ((image.at(x, y) & 0xff) < 0x80) ++title;
    CHECK(title > 20);
}

TEST_CASE("mileage: a chart of weeks with no running is a readable empty chart, not an error") {
    const auto image =
        decode_png(bar_chart_png({{"Nov 30", "2026-11-30", 0}}, "t", "mi", 300, 150));
    CHECK(image.width == 300);
    CHECK(green_rows(image, 150) == 0);
}
