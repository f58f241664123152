#include "intents/safety/safety_triage.hpp"

#include "intents/safety/rule_matcher.hpp"
#include "intents/safety/safety_model.hpp"

namespace rubdown::intents::safety {

const SafetyModel& built_in_model() {
    static const SafetyModel model = [] {
        if (auto trained = SafetyModel::load(trained_safety_model(), built_in_fingerprint()))
            return std::move(*trained);
        return SafetyModel{built_in_examples()};
    }();
    return model;
}

Verdict triage(std::string_view text) {
    auto reading = read_rules(text, true);
    const auto level =
        combined_level(reading, built_in_model().probabilities(reading), ModelThresholds{});
    if (level == reading.level) return {reading.level, std::move(reading.topic)};
    if (level == Level::none) return {};  // the model cleared the rules' flag
    // The model raised it: a rule's own topic keeps its reply when it names the level, else a
    // general one of that level.
    return {level, level == Level::urgent ? "urgent_other" : "medical_other"};
}

std::string safety_reply(const Verdict& verdict) {
    const auto* topic = find_topic(verdict.topic);
    if (!verdict || topic == nullptr) return {};
    return "⚠️ " + std::string{topic->reply};
}

std::string_view level_name(Level level) {
    switch (level) {
        case Level::urgent:
            return "urgent";
        case Level::medical:
            return "medical";
        case Level::none:
            break;
    }
    return "";
}

}  // namespace rubdown::intents::safety
