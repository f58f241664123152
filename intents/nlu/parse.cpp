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

Parse as_parse(const Part& part, double confidence) {
    Parse parse;
    parse.text = part.text;
    parse.intent = part.intent;
    parse.entities = part.entities;
    parse.confidence = confidence;
    return parse;
}

nlohmann::json entities_json(const Entities& e) {
    nlohmann::json entities = nlohmann::json::object();
    // Four decimals keep 21.0975 exact and drop float noise from mile conversions.
    if (e.action) entities["action"] = *e.action;
    if (e.target_date) entities["target_date"] = *e.target_date;
    if (e.target_distance_km) entities["target_distance_km"] = rounded(*e.target_distance_km, 1e4);
    if (e.target_duration_s) entities["target_duration_s"] = *e.target_duration_s;
    if (e.distance_km) entities["distance_km"] = rounded(*e.distance_km, 1e4);
    if (e.duration_s) entities["duration_s"] = *e.duration_s;
    if (e.effort) entities["effort"] = *e.effort;
    if (e.date) entities["date"] = *e.date;
    if (e.race_date) entities["race_date"] = *e.race_date;
    if (e.race_distance_km) entities["race_distance_km"] = rounded(*e.race_distance_km, 1e4);
    if (e.zone) entities["zone"] = *e.zone;
    if (!e.zone_choices.empty()) entities["zone_choices"] = e.zone_choices;
    if (e.stat) entities["stat"] = *e.stat;
    if (e.period) entities["period"] = *e.period;
    if (e.compare) entities["compare"] = *e.compare;
    if (e.unit) entities["unit"] = *e.unit;
    if (e.pause_days) entities["pause_days"] = *e.pause_days;
    if (e.quiet_from) entities["quiet_from"] = *e.quiet_from;
    if (e.quiet_until) entities["quiet_until"] = *e.quiet_until;
    if (!e.days.empty()) entities["days"] = e.days;
    return entities;
}

nlohmann::json to_json(const Parse& parse) {
    auto line = nlohmann::json{{"text", to_valid_utf8(parse.text)},
                               {"intent", parse.intent},
                               {"confidence", rounded(parse.confidence, 100.0)},
                               {"entities", entities_json(parse.entities)}};
    if (parse.items.size() > 1) {
        auto items = nlohmann::json::array();
        for (const auto& part : parse.items) {
            items.push_back({{"intent", part.intent}, {"entities", entities_json(part.entities)}});
        }
        line["items"] = std::move(items);
    }
    return line;
}

}  // namespace rubdown::intents::nlu
