#pragma once
/// The result of understanding one utterance, exactly the shape of the NLU contract.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace rubdown::intents::nlu {

/// The labels of the contract, and nothing else.
inline constexpr const char* kIntents[] = {"massage_question", "log_run",   "set_race",
                                           "book_massage",     "run_stats", "reminders",
                                           "greeting",         "help",      "out_of_scope"};

/// Labels that rules give before the classifier runs, beside kIntents (the classifier's): small
/// talk is a closed set of phrases, not something to learn from examples.
inline constexpr const char* kSmallTalkIntent = "smalltalk";

/// Whether `label` is one `rubdown nlu` may print: a classifier label or a rule label.
inline bool is_contract_intent(std::string_view label) {
    for (const char* known : kIntents) {
        if (label == known) return true;
    }
    return label == kSmallTalkIntent;
}

struct Entities {
    std::optional<double> distance_km;
    std::optional<std::int64_t> duration_s;
    std::optional<std::string> effort;  ///< "easy", "moderate", "hard"
    std::optional<std::string> date;    ///< ISO date of the run
    std::optional<std::string> race_date;
    std::optional<double> race_distance_km;
    std::optional<int> rpe;  ///< 1-10 when the runner gave one (not in the contract's JSON)
    bool operator==(const Entities&) const = default;
};

struct Parse {
    std::string text;
    std::string intent = "out_of_scope";
    double confidence = 0.0;
    Entities entities;
};

/// The contract's JSON line: {"text","intent","confidence","entities":{...}} (absent entities
/// omitted).
nlohmann::json to_json(const Parse& parse);

}  // namespace rubdown::intents::nlu
