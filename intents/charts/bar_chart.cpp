#include "intents/charts/bar_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <cairo.h>

#include "intents/html_escape.hpp"

namespace rubdown::intents::charts {

namespace {

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

ChartLayout lay_out_bar_chart(const std::vector<PeriodTotal>& bars, const std::string& title,
                              const std::string& unit, int width, int height, bool titled) {
    ChartLayout layout;
    layout.width = width;
    layout.height = height;
    layout.unit = unit;
    layout.title = title;
    // Margins in proportion to the size, so that the PNG (larger) reads like the SVG.
    const double scale = height / 240.0;
    // A titled chart (an image on its own in a chat) keeps a band above the plot for its title.
    const double left = 48 * scale, right = 8 * scale, top = (titled ? 40 : 20) * scale,
                 bottom = 36 * scale;
    if (titled) layout.title_y = 18 * scale;
    layout.plot_left = left;
    layout.plot_right = width - right;
    layout.label_y = height - bottom + 16 * scale;
    const double plot_width = width - left - right;
    const double plot_height = height - top - bottom;
    double highest = 0;
    for (const auto& bar : bars) highest = std::max(highest, bar.distance);
    const double ceiling = nice_ceiling(highest);
    for (int i = 0; i <= 4; ++i)
        layout.lines.push_back(
            {top + plot_height - std::round(plot_height * i / 4.0), number(ceiling * i / 4)});
    const double slot = bars.empty() ? 0 : plot_width / static_cast<double>(bars.size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& bar = bars[i];
        const double bar_height = std::round(plot_height * bar.distance / ceiling);
        const double x = std::round(left + slot * i + slot * 0.15);
        const double bar_width = std::max(1.0, std::round(slot * 0.7));
        layout.bars.push_back({x, top + plot_height - bar_height, bar_width, bar_height,
                               bar.distance > 0 ? number(bar.distance) : std::string{}, bar.label,
                               bar.label + ": " + number(bar.distance) + " " + unit});
    }
    return layout;
}

std::string bar_chart_svg(const std::vector<PeriodTotal>& bars, const std::string& title,
                          const std::string& unit) {
    const auto layout = lay_out_bar_chart(bars, title, unit);
    std::ostringstream svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 "
        << layout.width << " " << layout.height << "\" role=\"img\" aria-label=\""
        << html_escape(title) << "\"><title>" << html_escape(title) << "</title>";
    for (const auto& line : layout.lines)
        svg << "<line x1=\"" << layout.plot_left << "\" x2=\"" << layout.plot_right << "\" y1=\""
            << line.y << "\" y2=\"" << line.y << "\" stroke=\"#c8ced6\" stroke-width=\"1\"/>"
            << "<text x=\"" << layout.plot_left - 6 << "\" y=\"" << line.y + 4
            << "\" text-anchor=\"end\" font-size=\"11\" fill=\"#5d6875\">" << line.value
            << "</text>";
    svg << "<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#5d6875\">" << html_escape(unit)
        << "</text>";
    for (const auto& bar : layout.bars) {
        svg << "<rect x=\"" << bar.x << "\" y=\"" << bar.y << "\" width=\"" << bar.width
            << "\" height=\"" << bar.height << "\" fill=\"#0a7d5a\"><title>"
            << html_escape(bar.tooltip) << "</title></rect>";
        const double middle = bar.x + bar.width / 2;
        if (!bar.value.empty())
            svg << "<text x=\"" << middle << "\" y=\"" << bar.y - 4
                << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1d232b\">" << bar.value
                << "</text>";
        svg << "<text x=\"" << middle << "\" y=\"" << layout.label_y
            << "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5d6875\">"
            << html_escape(bar.label) << "</text>";
    }
    svg << "</svg>";
    return svg.str();
}

std::string bar_chart_png(const std::vector<PeriodTotal>& bars, const std::string& title,
                          const std::string& unit, int width, int height) {
    const auto layout = lay_out_bar_chart(bars, title, unit, width, height, /*titled=*/true);
    const double scale = height / 240.0;
    const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy);
    const std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                                cairo_destroy);
    cairo_t* c = cr.get();
    cairo_set_source_rgb(c, 1, 1, 1);
    cairo_paint(c);
    cairo_select_font_face(c, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    // Text centred on x, or ending at x.
    const auto text = [c](const std::string& words, double x, double y, double size, bool centre,
                          bool end) {
        cairo_set_font_size(c, size);
        cairo_text_extents_t extents;
        cairo_text_extents(c, words.c_str(), &extents);
        const double start = centre ? x - extents.x_advance / 2 : (end ? x - extents.x_advance : x);
        cairo_move_to(c, start, y);
        cairo_show_text(c, words.c_str());
    };
    cairo_set_line_width(c, 1);
    for (const auto& line : layout.lines) {
        cairo_set_source_rgb(c, 0.78, 0.81, 0.84);
        cairo_move_to(c, layout.plot_left, line.y + 0.5);
        cairo_line_to(c, layout.plot_right, line.y + 0.5);
        cairo_stroke(c);
        cairo_set_source_rgb(c, 0.36, 0.41, 0.46);
        text(line.value, layout.plot_left - 6 * scale, line.y + 4 * scale, 11 * scale, false, true);
    }
    text(unit, 4 * scale, layout.title_y > 0 ? 28 * scale : 12 * scale, 11 * scale, false, false);
    cairo_set_source_rgb(c, 0.11, 0.14, 0.17);
    text(layout.title, width / 2.0, layout.title_y, 14 * scale, true, false);
    // Labels wider than their slot would run into each other: then every other one, counting
    // back from the last (the current period).
    cairo_set_font_size(c, 10 * scale);
    double widest = 0;
    for (const auto& bar : layout.bars) {
        cairo_text_extents_t extents;
        cairo_text_extents(c, bar.label.c_str(), &extents);
        widest = std::max(widest, extents.x_advance);
    }
    const double slot = layout.bars.empty() ? 0
                                            : (layout.plot_right - layout.plot_left) /
                                                  static_cast<double>(layout.bars.size());
    const std::size_t label_every = widest > slot * 0.95 ? 2 : 1;
    for (std::size_t i = 0; i < layout.bars.size(); ++i) {
        const auto& bar = layout.bars[i];
        cairo_set_source_rgb(c, 0.04, 0.49, 0.35);
        cairo_rectangle(c, bar.x, bar.y, bar.width, bar.height);
        cairo_fill(c);
        const double middle = bar.x + bar.width / 2;
        cairo_set_source_rgb(c, 0.11, 0.14, 0.17);
        if (!bar.value.empty()) text(bar.value, middle, bar.y - 4 * scale, 10 * scale, true, false);
        cairo_set_source_rgb(c, 0.36, 0.41, 0.46);
        if ((layout.bars.size() - 1 - i) % label_every == 0)
            text(bar.label, middle, layout.label_y, 10 * scale, true, false);
    }
    cairo_surface_flush(surface.get());
    std::string png;
    const auto append = [](void* closure, const unsigned char* data,
                           unsigned int length) -> cairo_status_t {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("the chart could not be drawn");
    return png;
}

}  // namespace rubdown::intents::charts
