#pragma once
/// The subcommands that do one thing and exit: `nlu`, `knowledge check`, `knowledge ask`,
/// `migrate`, `export`, `nudges` and `backup` (`serve` and `chat` have files of their own). Each
/// returns the process exit code and writes its answer to stdout, errors to stderr.

#include <string>

#include "bot/cli/command_line.hpp"
#include "bot/cli/config.hpp"

namespace rubdown::bot {

int run_nlu(const CommandLine& line);
int run_knowledge_check(const std::string& path);
int run_knowledge_ask(const Config& config, const std::string& question);
int run_migrate(const Config& config);
int run_export(const CommandLine& line);
int run_nudges(const CommandLine& line);
/// `backup PATH`: a consistent copy of RUBDOWN_DB, safe while the server runs.
int run_backup(const Config& config, const std::string& path);

}  // namespace rubdown::bot
