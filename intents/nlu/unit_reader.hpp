#pragma once
/// Which unit of distance a runner reads and talks in: asked for ("use miles", "metric please",
/// "I think in miles, not km") or shown by how a run is told ("5 miles" rather than "8k"). Pure,
/// over the lexer's tokens; the words are data lists in unit_reader.cpp.

#include <optional>
#include <string>

#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

/// "km" or "mi" when the words ask for that unit; nothing for a run told in it ("ran 5 miles")
/// or a question about distances ("how many miles this week?").
std::optional<std::string> read_unit_choice(const Tokens& tokens);

/// "km" or "mi": the unit a distance is told in ("6 miles", "10k", "5 km"); nothing when no
/// distance names one ("a half", "marathon").
std::optional<std::string> distance_unit_told(const Tokens& tokens);

}  // namespace rubdown::intents::nlu
