#pragma once
/// The total time of a run: "52:30", "1:05:00", "1h05", "45 min", "an hour", "1.5 hours".

#include <cstdint>
#include <optional>

#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

/// Longer than any run a person logs; anything past it is not a run's time.
inline constexpr std::int64_t kMaxDurationS = 48 * 3600;

/// The total time of the run in seconds. Paces ("5:15/km", "5 min/km"), times of day ("6:30am",
/// "at 7:15"), rest periods ("2 min rest") and repetitions ("3x10min") are not durations. A clock
/// "a:b" is h:mm or mm:ss, whichever gives a plausible pace over `distance_km`; without a distance,
/// "1:45" (a <= 3) reads as h:mm and "24:10" as mm:ss. A stated total wins, else the longest.
std::optional<std::int64_t> parse_duration_s(const Tokens& tokens,
                                             std::optional<double> distance_km);

}  // namespace rubdown::intents::nlu
