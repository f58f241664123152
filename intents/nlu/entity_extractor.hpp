#pragma once
/// The entities of one utterance for a given intent, per the NLU contract.

#include <string_view>

#include <date/date.h>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::nlu {

/// log_run: distance_km, duration_s, effort, rpe, date (always: today unless the text names a day).
/// set_race: race_date, race_distance_km. Other intents carry no entities.
Entities extract_entities(const Tokens& tokens, std::string_view intent,
                          date::year_month_day today);

}  // namespace rubdown::intents::nlu
