#pragma once
/// A bar chart of distances per period, laid out once (pure geometry) and drawn either as SVG,
/// which a browser shows inline (the operator's pages), or as a PNG image (cairo), which a chat
/// sends as a photo (Telegram, Slack, the web chat).

#include <string>
#include <vector>

#include "intents/charts/period_totals.hpp"

namespace rubdown::intents::charts {

/// Where everything goes, in pixels from the top left.
struct ChartLayout {
    struct Bar {
        double x, y, width, height;
        std::string value;  ///< written above the bar; empty for an empty period
        std::string label;  ///< under it
        std::string tooltip;
    };
    struct GridLine {
        double y;
        std::string value;  ///< the scale's value, left of the line
    };
    int width = 0, height = 0;
    double plot_left = 0, plot_right = 0, label_y = 0;
    double title_y = 0;  ///< the title's baseline; 0 when the chart shows no title
    std::string unit;
    std::string title;
    std::vector<Bar> bars;
    std::vector<GridLine> lines;
};

/// One bar per period, scaled to a round top (1, 2 or 5 times a power of ten; 10 when nothing
/// was run), its value above and its label below, four scale lines, the unit ("km", "mi") at the
/// top left. A `titled` chart shows its title above the plot (an image that stands alone); an
/// untitled one keeps it for its accessible name (a page that heads it itself).
ChartLayout lay_out_bar_chart(const std::vector<PeriodTotal>& bars, const std::string& title,
                              const std::string& unit, int width = 640, int height = 240,
                              bool titled = false);

/// As SVG, its text escaped.
std::string bar_chart_svg(const std::vector<PeriodTotal>& bars, const std::string& title,
                          const std::string& unit);

/// As a PNG image (the bytes of the file), `width` x `height` pixels, white behind, titled. The
/// default size suits a phone, where a chat shows the picture a few hundred points wide: its text
/// is scaled with the height, so a squarer picture keeps it legible; when the periods' labels
/// would touch, every other one is written (the last period's always). Throws
/// std::runtime_error when cairo cannot draw it.
std::string bar_chart_png(const std::vector<PeriodTotal>& bars, const std::string& title,
                          const std::string& unit, int width = 640, int height = 480);

}  // namespace rubdown::intents::charts
