#pragma once
/// The data of the safety triage: which words, together, are a medical red flag, and what the bot
/// says about each. Kept apart from the matcher (safety_triage.cpp) so the lists can grow without
/// touching code, and so tests can check the data itself (every topic has a reply, every pattern
/// parses).
///
/// A pattern is a phrase of space-separated word patterns, matched on consecutive words of the
/// message (lower case, apostrophes dropped: "can't" is "cant"): "word" matches that word only,
/// "word*" any word starting with it, "?" any one word.

#include <string_view>
#include <vector>

namespace rubdown::intents::safety {

enum class Level { none, medical, urgent };

/// What a red flag is about; each has its own reply.
struct Topic {
    std::string_view id;
    Level level;
    /// Completes "That sounds like ..." / names the problem in the reply.
    std::string_view reply;
};

/// A red flag: one phrase of every group, within `window` words of each other, none of them
/// negated ("no chest pain") and none next to an `unless` phrase ("chest strap", "pace collapsed").
struct Rule {
    std::string_view topic;
    std::vector<std::vector<std::string_view>> groups;
    int window = 6;
    /// Phrases that, within `unless_window` words of the match, show it is not a red flag.
    std::vector<std::string_view> unless = {};
    /// Whether "healed", "years ago", "ruled out" and the like clear it (a past or ruled-out
    /// injury; never a medication or a symptom that needs help now).
    bool clearable = true;
    int unless_window = 3;
};

const std::vector<Topic>& topics();
const std::vector<Rule>& rules();

/// Words that negate a red flag a few words after them ("no", "didn't", "without").
const std::vector<std::string_view>& negators();
/// Phrases that place an injury in the healed past or rule it out ("fully healed", "2 years
/// ago", "ruled out").
const std::vector<std::string_view>& cleared_markers();
/// Idioms removed before matching ("pain in the neck", "shed a tear", "fever pitch").
const std::vector<std::string_view>& idioms();

}  // namespace rubdown::intents::safety
