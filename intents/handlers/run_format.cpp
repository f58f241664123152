#include "intents/handlers/run_format.hpp"

#include <cmath>
#include <cstdio>

#include "intents/handlers/local_calendar.hpp"

namespace rubdown::intents::handlers {

namespace {

constexpr double kKmPerMile = 1.609344;

}  // namespace

Units units_of(const storage::User& user) {
    return user.units == "mi" ? Units::mi : Units::km;
}

std::string format_distance(double km, Units units) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", units == Units::mi ? km / kKmPerMile : km);
    std::string text = buffer;
    // Trailing zeros say nothing: "10.00" -> "10", "21.10" -> "21.1".
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text + (units == Units::mi ? " mi" : " km");
}

std::string format_duration(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    const auto hours = seconds / 3600;
    const auto minutes = (seconds % 3600) / 60;
    const auto secs = seconds % 60;
    char buffer[48];
    if (hours > 0) {
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", static_cast<long long>(hours),
                      static_cast<long long>(minutes), static_cast<long long>(secs));
    } else {
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", static_cast<long long>(minutes),
                      static_cast<long long>(secs));
    }
    return buffer;
}

std::string format_pace(double seconds_per_km, Units units) {
    const double seconds = units == Units::mi ? seconds_per_km * kKmPerMile : seconds_per_km;
    const auto rounded = static_cast<std::int64_t>(std::llround(seconds));
    return format_duration(rounded) + (units == Units::mi ? " min/mi" : " min/km");
}

std::optional<double> pace_of(const storage::Run& run) {
    if (!run.distance_km || !run.duration_s || *run.distance_km <= 0.0) return std::nullopt;
    return static_cast<double>(*run.duration_s) / *run.distance_km;
}

std::string describe_run(const storage::Run& run, Units units) {
    std::string text;
    if (run.distance_km) text = format_distance(*run.distance_km, units);
    if (run.duration_s) {
        text += text.empty() ? format_duration(*run.duration_s)
                             : " in " + format_duration(*run.duration_s);
    }
    if (const auto pace = pace_of(run)) text += " (" + format_pace(*pace, units) + ")";
    if (run.effort != storage::Effort::unknown) text += ", " + storage::to_string(run.effort);
    return text;
}

std::string describe_run_on(const storage::Run& run, date::local_days today, Units units) {
    return describe_run(run, units) + ", " + friendly_day(day_of(run.date, today), today);
}

}  // namespace rubdown::intents::handlers
