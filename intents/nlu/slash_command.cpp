#include "intents/nlu/slash_command.hpp"

#include <array>
#include <utility>

namespace rubdown::intents::nlu {

std::optional<SlashCommand> read_slash_command(std::string_view text) {
    if (text.size() < 2 || text[0] != '/') return std::nullopt;
    std::size_t end = 1;
    while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || text[end] == '_')) ++end;
    if (end == 1) return std::nullopt;
    SlashCommand command{std::string(text.substr(1, end - 1)), {}};
    // Telegram group chats address commands to one bot: "/log@rubdownbot".
    if (end < text.size() && text[end] == '@') {
        while (end < text.size() && text[end] != ' ') ++end;
    }
    if (end < text.size() && text[end] != ' ') return std::nullopt;  // "/km" inside "5:15/km"
    while (end < text.size() && text[end] == ' ') ++end;
    command.rest = std::string(text.substr(end));
    return command;
}

std::optional<std::string> intent_of_command(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kCommands{{
        {"log", "log_run"},
        {"run", "log_run"},
        {"undo", "run_stats"},
        {"race", "set_race"},
        {"stats", "run_stats"},
        {"settings", "settings"},
        {"export", "run_stats"},
        {"runs", "run_stats"},
        {"book", "book_massage"},
        {"stop", "reminders"},
        {"pause", "reminders"},
        {"resume", "reminders"},
        {"snooze", "reminders"},
        {"reminders", "reminders"},
        {"start", "greeting"},
        {"help", "help"},
    }};
    for (const auto& [command, intent] : kCommands) {
        if (name == command) return std::string(intent);
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::nlu
