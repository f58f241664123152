#include "intents/handlers/runs_export.hpp"

#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rubdown::intents::handlers {
namespace {

std::string csv_field(const std::string& raw) {
    // A cell a spreadsheet would take for a formula ("=HYPERLINK(...)", "+1+2", "@SUM") is
    // read as text once it starts with an apostrophe: a runner's words never run as code in
    // the operator's or the runner's spreadsheet.
    const bool formula_like =
        !raw.empty() && std::string_view("=+-@\t\r").find(raw.front()) != std::string_view::npos;
    const std::string text = formula_like ? "'" + raw : raw;
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string distance_text(double km) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", km);
    std::string text = buffer;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

std::string effort_text(storage::Effort effort) {
    return effort == storage::Effort::unknown ? std::string{} : storage::to_string(effort);
}

}  // namespace

std::string runs_to_csv(const std::vector<storage::Run>& runs) {
    std::string csv = "date,distance_km,duration_s,effort,text\n";
    for (const auto& run : runs) {
        csv += csv_field(run.date) + ',';
        if (run.distance_km) csv += distance_text(*run.distance_km);
        csv += ',';
        if (run.duration_s) csv += std::to_string(*run.duration_s);
        csv += ',' + effort_text(run.effort) + ',' + csv_field(run.text) + '\n';
    }
    return csv;
}

std::string runs_to_json(const std::vector<storage::Run>& runs) {
    auto array = nlohmann::json::array();
    for (const auto& run : runs) {
        nlohmann::json item{{"date", run.date}};
        item["distance_km"] = run.distance_km ? nlohmann::json(*run.distance_km) : nlohmann::json();
        item["duration_s"] = run.duration_s ? nlohmann::json(*run.duration_s) : nlohmann::json();
        const auto effort = effort_text(run.effort);
        item["effort"] = effort.empty() ? nlohmann::json() : nlohmann::json(effort);
        item["text"] = run.text;
        array.push_back(std::move(item));
    }
    // Replacement of invalid UTF-8 keeps an export working whatever bytes a runner once sent.
    return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rubdown::intents::handlers
