/// The entry point: parses the command line and the environment, sets up logging and runs the
/// chosen subcommand. The server's parts are wired in serve_command.cpp.

#include <unistd.h>

#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "bot/cli/chat_command.hpp"
#include "bot/cli/command_line.hpp"
#include "bot/cli/serve_command.hpp"
#include "bot/cli/subcommands.hpp"
#include "intents/knowledge/knowledge_file.hpp"

using namespace rubdown;

namespace {

void configure_logging(const std::string& level) {
    // Logs go to stderr: stdout belongs to `chat`, `nlu` and `export` output.
    auto logger = spdlog::stderr_logger_mt("rubdown");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(logger);
}

int run(const bot::CommandLine& line) {
    switch (line.command) {
        case bot::Command::serve:
            return bot::run_serve(line.config);
        case bot::Command::chat:
            return bot::run_chat(line.config, line.chat_user, std::cin, std::cout,
                                 isatty(STDIN_FILENO) != 0);
        case bot::Command::nlu:
            return bot::run_nlu(line);
        case bot::Command::migrate:
            return bot::run_migrate(line.config);
        case bot::Command::export_runs:
            return bot::run_export(line);
        case bot::Command::nudges:
            return bot::run_nudges(line);
        case bot::Command::knowledge_check:
            return bot::run_knowledge_check(line.knowledge_file);
        case bot::Command::knowledge_ask:
            return bot::run_knowledge_ask(line.config, line.question);
        case bot::Command::backup:
            return bot::run_backup(line.config, line.backup_path);
    }
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    const auto parsed = bot::parse_command_line(argc, argv, bot::read_environment());
    if (const auto* early = std::get_if<bot::EarlyExit>(&parsed)) {
        (early->exit_code == 0 ? std::cout : std::cerr) << early->text << "\n";
        return early->exit_code;
    }
    const auto& line = std::get<bot::CommandLine>(parsed);
    configure_logging(line.config.log_level);
    try {
        return run(line);
    } catch (const intents::knowledge::KnowledgeFileError& error) {
        // A bad RUBDOWN_KNOWLEDGE file is a bad setting: stop before serving, naming file and line.
        std::cerr << "rubdown: RUBDOWN_KNOWLEDGE: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "rubdown: " << error.what() << "\n";
        return 1;
    }
}
