#pragma once
/// The result of understanding one utterance, exactly the shape of the NLU contract.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rubdown::intents::nlu {

/// The labels of the contract, and nothing else.
inline constexpr const char* kIntents[] = {"massage_question", "log_run",   "set_race",
                                           "book_massage",     "run_stats", "reminders",
                                           "greeting",         "help",      "out_of_scope"};

/// Labels that rules give before the classifier runs, beside kIntents (the classifier's): small
/// talk is a closed set of phrases, not something to learn from examples.
inline constexpr const char* kSmallTalkIntent = "smalltalk";
/// Rule labels of a message part (message_parts.hpp): a change to a run already logged, and a
/// run or goal still to come. Told by their words ("not 15k", "tomorrow"), which a classifier
/// trained on whole messages would blur with the run reports they resemble.
inline constexpr const char* kCorrectionIntent = "correction";
inline constexpr const char* kPlanIntent = "plan";
/// The runner's time zone, units and the view of their settings: told by a place, an offset or
/// an abbreviation after a cue ("moved to Lima", "I'm on PST"), which the rules read exactly.
inline constexpr const char* kSettingsIntent = "settings";

/// Whether `label` is one `rubdown nlu` may print: a classifier label or a rule label.
inline bool is_contract_intent(std::string_view label) {
    for (const char* known : kIntents) {
        if (label == known) return true;
    }
    return label == kSmallTalkIntent || label == kCorrectionIntent || label == kPlanIntent ||
           label == kSettingsIntent;
}

struct Entities {
    std::optional<double> distance_km;
    std::optional<std::int64_t> duration_s;
    std::optional<std::string> effort;  ///< "easy", "moderate", "hard"
    std::optional<std::string> date;    ///< ISO date of the run
    std::optional<std::string> race_date;
    std::optional<double> race_distance_km;
    std::optional<int> rpe;  ///< 1-10 when the runner gave one (not in the contract's JSON)
    /// A race already run ("did the half in 1:45 on the 8th"): a hard session for the nudges,
    /// whatever the words say of effort (not in the contract's JSON).
    bool race_result = false;
    // A correction: what to do, which run it means (as far as the words say), and the new values
    // in distance_km, duration_s, effort and date.
    std::optional<std::string> action;  ///< "change" or "delete"; for reminders, what to do
    std::optional<std::string> target_date;
    std::optional<double> target_distance_km;
    std::optional<std::int64_t> target_duration_s;
    /// A run told with a weekday and no word of tense ("sunday 30k"): `date` is the last such
    /// day, this the coming one, for the reading as a plan. The log_run handler asks which the
    /// runner means (not in the contract's JSON).
    std::optional<std::string> or_planned_for;
    /// Settings: the zone the runner named (an IANA name, or "+05:30" for an offset), or the zones
    /// a place could mean when it could mean several (then the bot asks with buttons).
    std::optional<std::string> zone;
    std::vector<std::string> zone_choices;
    /// What the buttons and the answer call those zones ("Portland, Oregon"; not in the JSON).
    std::vector<std::string> zone_choice_labels;
    std::optional<std::string> place;
    /// Settings and stats: the unit of distance asked for or asked in, "km" or "mi".
    std::optional<std::string> unit;
    /// Stats: the figure asked for, the period ("last_week", "2026-09", "2026-11-01..2026-11-15")
    /// and "previous" when compared with the period before (nlu/stats_reader.hpp).
    std::optional<std::string> stat;
    std::optional<std::string> period;
    std::optional<std::string> compare;
    /// Reminders (the action is in `action`): a pause's length, quiet hours' ends ("21:00"), the
    /// days without reminders ("sat", "sun").
    std::optional<int> pause_days;
    std::optional<std::string> quiet_from;
    std::optional<std::string> quiet_until;
    std::vector<std::string> days;
    bool operator==(const Entities&) const = default;
};

/// One thing a message says: a run, a race, a question, a correction, a plan.
struct Part {
    std::string text;  ///< the words of this part, normalised
    std::string intent;
    Entities entities;
    bool operator==(const Part&) const = default;
};

struct Parse {
    std::string text;
    std::string intent = "out_of_scope";
    double confidence = 0.0;
    Entities entities;
    /// Every part, in the order written, when the message holds several; empty when it holds one
    /// (then `intent` and `entities` are that one).
    std::vector<Part> items;
};

/// One part of a message as a parse of its own, for the handler of its intent.
Parse as_parse(const Part& part, double confidence = 1.0);

/// The entities' JSON object, with the contract's keys (absent entities omitted).
nlohmann::json entities_json(const Entities& entities);

/// The contract's JSON line: {"text","intent","confidence","entities":{...}}, and "items" when
/// the message holds several parts.
nlohmann::json to_json(const Parse& parse);

}  // namespace rubdown::intents::nlu
