#pragma once
/// How runs read in replies: distances, times, paces and one-line run summaries.

#include <cstdint>
#include <optional>
#include <string>

#include <date/date.h>

#include "storage/records.hpp"

namespace rubdown::intents::handlers {

/// "10 km", "21.1 km", "8.25 km".
std::string format_distance(double km);
/// "52:30" under an hour, "1:05:00" from an hour.
std::string format_duration(std::int64_t seconds);
/// "5:15 min/km".
std::string format_pace(double seconds_per_km);
/// Seconds per km when both distance and time are known and the distance is positive.
std::optional<double> pace_of(const storage::Run& run);

/// "10 km in 50:00 (5:00 min/km), hard": what was logged, without the date.
std::string describe_run(const storage::Run& run);
/// describe_run plus the day: "10 km in 50:00 (5:00 min/km), hard, yesterday".
std::string describe_run_on(const storage::Run& run, date::local_days today);

}  // namespace rubdown::intents::handlers
