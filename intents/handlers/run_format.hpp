#pragma once
/// How runs read in replies: distances, times, paces and one-line run summaries.

#include <cstdint>
#include <optional>
#include <string>

#include <date/date.h>

#include "storage/records.hpp"

namespace rubdown::intents::handlers {

/// The unit a runner reads distances in. Runs are stored in km whatever it is.
enum class Units { km, mi };

/// The runner's units: miles once they chose them or logged in them, else km.
Units units_of(const storage::User& user);

/// "10 km", "21.1 km", "8.25 km"; in miles "6.21 mi".
std::string format_distance(double km, Units units);
/// "52:30" under an hour, "1:05:00" from an hour.
std::string format_duration(std::int64_t seconds);
/// "5:15 min/km"; in miles "8:27 min/mi".
std::string format_pace(double seconds_per_km, Units units);
/// Seconds per km when both distance and time are known and the distance is positive.
std::optional<double> pace_of(const storage::Run& run);

/// "10 km in 50:00 (5:00 min/km), hard": what was logged, without the date.
std::string describe_run(const storage::Run& run, Units units);
/// describe_run plus the day: "10 km in 50:00 (5:00 min/km), hard, yesterday".
std::string describe_run_on(const storage::Run& run, date::local_days today, Units units);

}  // namespace rubdown::intents::handlers
