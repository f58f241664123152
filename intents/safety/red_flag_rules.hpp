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
    /// Whether "healed", "ruled out" and the like clear it (an injury that is over; never a
    /// symptom that needs help now: "passed out, fine now" is still urgent).
    bool clearable = true;
    int unless_window = 3;
    /// Whether "years ago", "on TV", "general question" and the like clear it (not the runner's
    /// now; never a medication, which "since last year" does not end).
    bool history_clears = true;
    /// Whether the words say the condition so plainly ("I'm pregnant", a blood thinner's name,
    /// "peed blood") that the learned model may not clear it, however ordinary the rest sounds.
    bool firm = false;
};

const std::vector<Topic>& topics();
const std::vector<Rule>& rules();

/// Words that negate a red flag a few words after them ("no", "didn't", "without").
const std::vector<std::string_view>& negators();
/// Phrases that say an injury is over: "fully healed", "ruled out", "all good now".
const std::vector<std::string_view>& resolved_markers();
/// Phrases that place a symptom outside the runner's present, or show it is not meant: "years
/// ago", "in 2019", "on TV", "general question", "what should I do if", "from laughing".
const std::vector<std::string_view>& not_now_markers();
/// Idioms removed before matching ("pain in the neck", "shed a tear", "fever pitch").
const std::vector<std::string_view>& idioms();

}  // namespace rubdown::intents::safety
