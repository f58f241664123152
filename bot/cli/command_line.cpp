#include "bot/cli/command_line.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "bot/version.hpp"

namespace rubdown::bot {

namespace {

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

const std::vector<std::string> kCommands{"serve",  "chat",   "nlu",       "migrate",
                                         "export", "nudges", "knowledge", "backup"};

/// The first word that is neither a flag nor a configuration flag's value: the command.
std::optional<std::string> find_command(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("-", 0) != 0) return arg;
        const bool takes_value =
            arg.find('=') == std::string::npos &&
            std::any_of(all_settings().begin(), all_settings().end(),
                        [&](const Setting& setting) { return arg == setting.flag; });
        if (takes_value) ++i;
    }
    return std::nullopt;
}

}  // namespace

std::variant<CommandLine, EarlyExit> parse_command_line(
    int argc, const char* const* argv, const std::map<std::string, std::string>& environment) {
    CommandLine result;
    CLI::App app{"Rubdown: a recovery coach for runners on Telegram and Slack", "rubdown"};
    app.set_version_flag("--version", std::string("rubdown ") + kVersion);
    app.require_subcommand(1);
    app.fallthrough();  // configuration flags may follow the subcommand too

    // Configuration flags collect raw text; load_config validates them after the environment.
    std::map<std::string, std::string> flags;
    std::vector<std::string> raw(all_settings().size());
    for (std::size_t i = 0; i < all_settings().size(); ++i) {
        const auto& setting = all_settings()[i];
        app.add_option(setting.flag, raw[i],
                       std::string(setting.help) + " [env " + setting.env + "]")
            ->group("Configuration");
    }

    auto* serve = app.add_subcommand("serve", "run the server: HTTP endpoints, channels, nudges");
    auto* chat = app.add_subcommand("chat", "talk to the bot on stdin/stdout (works piped)");
    chat->add_option("--user", result.chat_user, "who you are in the chat (default: me)");
    auto* nlu = app.add_subcommand("nlu", "one utterance a line in, one JSON parse a line out");
    nlu->add_option("--now", result.nlu_now, "reference instant, e.g. 2026-11-23T10:00:00Z")
        ->required();
    nlu->add_option("--tz", result.nlu_time_zone, "the user's IANA time zone (default UTC)");
    auto* migrate = app.add_subcommand("migrate", "apply database migrations and exit");
    auto* export_runs = app.add_subcommand("export", "print a user's runs");
    export_runs->add_option("--user", result.user_key, "CHANNEL:ID, e.g. telegram:42 or console:me")
        ->required();
    export_runs->add_option("--format", result.export_format, "csv or json (default csv)")
        ->check(CLI::IsMember({"csv", "json"}));
    auto* nudges = app.add_subcommand("nudges", "list pending nudges with their due times");
    nudges->add_option("--user", result.user_key, "only this user (CHANNEL:ID)");
    auto* knowledge = app.add_subcommand("knowledge", "check or try an operator's knowledge file");
    knowledge->require_subcommand(1);
    auto* check = knowledge->add_subcommand("check", "validate a knowledge file (exit 1 if bad)");
    check->add_option("FILE", result.knowledge_file, "the Markdown file")->required();
    auto* ask = knowledge->add_subcommand(
        "ask", "which entry would answer a question (with RUBDOWN_KNOWLEDGE), or abstain");
    ask->add_option("QUESTION", result.question, "the question, in quotes")->required();
    auto* backup = app.add_subcommand(
        "backup", "copy the database, consistently, while the server runs (restore: see README)");
    backup->add_option("PATH", result.backup_path, "where the copy goes (replaced if it exists)")
        ->required();

    // CLI11's own message for a missing or unknown command is unclear; say it plainly.
    const auto command = find_command(argc, argv);
    const bool asks_for_help_or_version = std::any_of(argv + 1, argv + argc, [](const char* arg) {
        const std::string_view view(arg);
        return view == "--help" || view == "-h" || view == "--version";
    });
    if (!asks_for_help_or_version) {
        if (!command)
            return EarlyExit{2,
                             "rubdown: a command is required: serve, chat, nlu, migrate, export, "
                             "nudges, knowledge or backup (see rubdown --help)"};
        if (std::find(kCommands.begin(), kCommands.end(), *command) == kCommands.end())
            return EarlyExit{2, "rubdown: unknown command '" + *command + "' (see rubdown --help)"};
    }

    std::vector<std::string> args;
    for (int i = argc - 1; i > 0; --i) args.emplace_back(argv[i]);  // CLI11 wants them reversed
    try {
        app.parse(args);
    } catch (const CLI::CallForHelp&) {
        const CLI::App* target = &app;
        // The innermost subcommand named: "knowledge ask --help" is about ask.
        while (!target->get_subcommands().empty()) target = target->get_subcommands().front();
        return EarlyExit{0, target->help()};
    } catch (const CLI::CallForVersion& version) {
        return EarlyExit{0, version.what()};
    } catch (const CLI::ParseError& error) {
        return EarlyExit{2, "rubdown: " + first_line(error.what())};
    }

    for (std::size_t i = 0; i < all_settings().size(); ++i)
        if (app.get_option(all_settings()[i].flag)->count() > 0)
            flags[all_settings()[i].flag] = raw[i];
    try {
        result.config = load_config(environment, flags);
    } catch (const ConfigError& error) {
        return EarlyExit{2, std::string("rubdown: ") + error.what()};
    }

    if (*serve) result.command = Command::serve;
    if (*chat) result.command = Command::chat;
    if (*nlu) {
        result.command = Command::nlu;
        if (!parse_iso_instant(result.nlu_now))
            return EarlyExit{2, "rubdown: --now: '" + result.nlu_now +
                                    "' is not an ISO instant like 2026-11-23T10:00:00Z"};
    }
    if (*migrate) result.command = Command::migrate;
    if (*export_runs) result.command = Command::export_runs;
    if (*nudges) result.command = Command::nudges;
    if (*check) result.command = Command::knowledge_check;
    if (*ask) result.command = Command::knowledge_ask;
    if (*backup) result.command = Command::backup;
    return result;
}

}  // namespace rubdown::bot
