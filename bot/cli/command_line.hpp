#pragma once
/// The command line: subcommands, their flags, and the configuration flags shared by all of them.

#include <map>
#include <optional>
#include <string>
#include <variant>

#include "bot/cli/config.hpp"

namespace rubdown::bot {

enum class Command {
    serve,
    chat,
    nlu,
    migrate,
    export_runs,
    nudges,
    knowledge_check,
    knowledge_ask,
    backup
};

struct CommandLine {
    Command command = Command::serve;
    Config config;
    std::string chat_user = "me";       ///< chat --user
    std::string nlu_now;                ///< nlu --now
    std::string nlu_time_zone = "UTC";  ///< nlu --tz
    std::string user_key;               ///< export/nudges --user
    std::string export_format = "csv";  ///< export --format
    std::string knowledge_file;         ///< knowledge check FILE
    std::string question;               ///< knowledge ask "QUESTION"
    std::string backup_path;            ///< backup PATH
};

/// What to do instead of running: print `text` and exit with `exit_code` (help, version, errors).
struct EarlyExit {
    int exit_code;
    std::string text;
};

/// Parses argv against the environment snapshot. Errors come back as one line naming the flag or
/// variable, with exit code 2.
std::variant<CommandLine, EarlyExit> parse_command_line(
    int argc, const char* const* argv, const std::map<std::string, std::string>& environment);

}  // namespace rubdown::bot
