#pragma once
/// The safety triage that runs on every incoming text before intent handling: does the message
/// carry a medical red flag, and how urgent is it? Pure and stateless; its words and phrases are
/// data (red_flag_rules.hpp). Its verdict may override the bot's reply and suppress nudges, never
/// the other way round.

#include <string>
#include <string_view>

#include "intents/safety/red_flag_rules.hpp"

namespace rubdown::intents::safety {

struct Verdict {
    Level level = Level::none;
    std::string topic;  ///< the red flag's topic id, empty for none
    explicit operator bool() const { return level != Level::none; }
};

/// The most urgent red flag in `text`, if any.
Verdict triage(std::string_view text);

/// What the bot says about a red flag: what to do, plainly (empty for none).
std::string safety_reply(const Verdict& verdict);

/// "urgent", "medical", or "" for none (the `safety` field of `rubdown nlu`).
std::string_view level_name(Level level);

}  // namespace rubdown::intents::safety
