#pragma once
/// The hand-written half of the safety triage: the red-flag rules (red_flag_rules.hpp) matched on
/// a message. Besides the rules' verdict it reports what it saw, as named pieces of evidence, for
/// the learned half (safety_model.hpp) to weigh: which rule groups occurred, whether negated,
/// idioms and clearing phrases, and the words themselves with their negation marked.

#include <string>
#include <string_view>
#include <vector>

#include "intents/safety/red_flag_rules.hpp"

namespace rubdown::intents::safety {

struct RuleReading {
    Level level = Level::none;
    std::string topic;  ///< the fired rule's topic id, empty for none
    bool firm = false;  ///< the fired rule is firm (Rule::firm): the model may not clear it
    /// The highest level of a rule that matched but was stopped by an exception or a clearing
    /// phrase ("the tent collapsed", "passed out on the sofa"), above the level found; lower
    /// levels are not looked for.
    Level excepted = Level::none;
    /// Named facts about the message ("g12.0": a phrase of rule 12's first group, "ng12.0": only
    /// negated ones; "u12": one of its exceptions; "idiom"; "w:calf"; "nw:pain": a word inside a
    /// negation; "b:calf swollen": a word pair).
    std::vector<std::string> evidence;
};

/// Reads `text` with the rules; with `with_evidence` false only the verdict is filled.
RuleReading read_rules(std::string_view text, bool with_evidence);

/// The topic of that id, or nullptr.
const Topic* find_topic(std::string_view id);

}  // namespace rubdown::intents::safety
