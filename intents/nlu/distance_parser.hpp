#pragma once
/// Distances in a message: "10k", "6.2 miles", "800m", "half marathon", "parkrun".

#include <optional>

#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

inline constexpr double kMileKm = 1.609344;
inline constexpr double kHalfMarathonKm = 21.0975;
inline constexpr double kMarathonKm = 42.195;
/// Longer than any single run or race a runner logs; anything past it is a typo or a joke.
inline constexpr double kMaxDistanceKm = 500.0;

/// The distance of the whole run or race in km. A stated total wins; otherwise the longest number
/// with a unit; a named race distance ("half", "marathon", "parkrun") only when no number is given.
/// Ignores paces ("5:15/km", "8 min a mile"), single repetitions ("6x800m", "1k repeats") and
/// absurd values.
std::optional<double> parse_distance_km(const Tokens& tokens);

}  // namespace rubdown::intents::nlu
