#include "intents/nlu/entity_extractor.hpp"

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"

namespace rubdown::intents::nlu {

Entities extract_entities(const Tokens& tokens, std::string_view intent,
                          date::year_month_day today) {
    Entities entities;
    if (intent == "log_run") {
        entities.distance_km = parse_distance_km(tokens);
        entities.duration_s = parse_duration_s(tokens, entities.distance_km);
        auto effort = parse_effort(tokens);
        entities.effort = std::move(effort.effort);
        entities.rpe = effort.rpe;
        entities.date = iso_date(parse_run_date(tokens, today));
    } else if (intent == "set_race") {
        if (const auto day = parse_race_date(tokens, today)) entities.race_date = iso_date(*day);
        entities.race_distance_km = parse_distance_km(tokens);
    }
    return entities;
}

}  // namespace rubdown::intents::nlu
