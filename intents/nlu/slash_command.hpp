#pragma once
/// Slash commands (/log, /race, /stats, ...) name their intent outright.

#include <optional>
#include <string>
#include <string_view>

namespace rubdown::intents::nlu {

struct SlashCommand {
    std::string name;  ///< "log", without the slash or a "@botname" suffix
    std::string rest;  ///< the text after the command, e.g. "10k easy"
};

/// The command at the start of a normalised message, if it starts with one ("/log@RubdownBot 10k").
std::optional<SlashCommand> read_slash_command(std::string_view normalized);

/// The intent a command names: /log log_run, /race set_race, /stats, /export and /undo
/// run_stats, /book book_massage, /stop /pause /resume /snooze reminders, /start greeting, /help
/// help. Nothing for commands the bot does not know.
std::optional<std::string> intent_of_command(std::string_view name);

}  // namespace rubdown::intents::nlu
