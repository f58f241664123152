#include "intents/nlu/parse.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "intents/nlu/text_normalizer.hpp"

namespace rubdown::intents::nlu {
namespace {

double rounded(double value, double scale) {
    return std::round(value * scale) / scale;
}

}  // namespace

nlohmann::json to_json(const Parse& parse) {
    nlohmann::json entities = nlohmann::json::object();
    const Entities& e = parse.entities;
    // Four decimals keep 21.0975 exact and drop float noise from mile conversions.
    if (e.distance_km) entities["distance_km"] = rounded(*e.distance_km, 1e4);
    if (e.duration_s) entities["duration_s"] = *e.duration_s;
    if (e.effort) entities["effort"] = *e.effort;
    if (e.date) entities["date"] = *e.date;
    if (e.race_date) entities["race_date"] = *e.race_date;
    if (e.race_distance_km) entities["race_distance_km"] = rounded(*e.race_distance_km, 1e4);
    return nlohmann::json{{"text", to_valid_utf8(parse.text)},
                          {"intent", parse.intent},
                          {"confidence", rounded(parse.confidence, 100.0)},
                          {"entities", std::move(entities)}};
}

}  // namespace rubdown::intents::nlu
