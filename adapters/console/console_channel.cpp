#include "adapters/console/console_channel.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace rubdown::console {

namespace {
std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}
}  // namespace

std::string user_key_for(const std::string& name) {
    return std::string(kChannel) + ":" + name;
}

intents::IncomingMessage message_from_line(const std::string& name, std::string_view line,
                                           const std::vector<intents::Button>& last_choices,
                                           const std::string& session, std::uint64_t sequence) {
    intents::IncomingMessage message;
    message.channel = kChannel;
    message.user_key = user_key_for(name);
    message.chat_id = name;
    message.display_name = name;
    // The session (64 random bits) makes the key unique; the name stays out of it, so that a
    // forgotten runner's name does not outlive them in the inbox's kept keys.
    message.dedup_key = "console:session:" + session + ":" + std::to_string(sequence);
    const auto text = trim(line);
    std::size_t choice = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), choice);
    if (error == std::errc{} && end == text.data() + text.size() && choice >= 1 &&
        choice <= last_choices.size() && !last_choices[choice - 1].action.empty()) {
        message.action = last_choices[choice - 1].action;
        message.text = last_choices[choice - 1].label;
        return message;
    }
    message.text = std::string(text);
    return message;
}

std::string render(const storage::OutboxMessage& message) {
    std::string shown = message.text;
    // A terminal shows no picture: its description says what the chart shows.
    if (!message.image_png.empty()) shown += "\n[" + message.image_alt + "]";
    const auto buttons = intents::buttons_from_json(message.buttons_json);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        shown += "\n  [" + std::to_string(i + 1) + "] " + buttons[i].label;
        if (!buttons[i].url.empty()) shown += ": " + buttons[i].url;
    }
    return shown;
}

}  // namespace rubdown::console
