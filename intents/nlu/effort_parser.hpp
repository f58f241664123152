#pragma once
/// How hard a run felt: keywords (misspellings included) and RPE numbers.

#include <optional>
#include <string>

#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

struct EffortReading {
    std::optional<std::string> effort;  ///< "easy", "moderate", "hard"
    std::optional<int> rpe;             ///< 1-10 when the runner gave a number
};

/// Effort only from the contract's words (hard, intervals, repeats, tempo, threshold, race, race
/// pace, all out, brutal, killer / easy, recovery, jog, shakeout / steady, moderate) and RPE ("RPE
/// 7", "effort 8/10", "7 out of 10"). An RPE wins over words; a hard session word wins over an easy
/// warm-up; a race mentioned as a future event ("race on Sunday") says nothing about this run.
EffortReading parse_effort(const Tokens& tokens);

/// Damerau-Levenshtein distance capped at 2, for forgiving keyword typos.
int edit_distance_capped(std::string_view a, std::string_view b);

}  // namespace rubdown::intents::nlu
