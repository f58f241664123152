#include "intents/message.hpp"

#include <nlohmann/json.hpp>

namespace rubdown::intents {

std::string tidy_display_name(std::string_view name) {
    std::string tidy;
    std::size_t characters = 0;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool continues_a_character = (byte & 0xC0) == 0x80;
        if (!continues_a_character && ++characters > kMaxDisplayNameChars) break;
        tidy += byte < 0x20 || byte == 0x7F ? ' ' : c;
    }
    const auto first = tidy.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return tidy.substr(first, tidy.find_last_not_of(' ') - first + 1);
}

std::string buttons_to_json(const std::vector<Button>& buttons) {
    auto array = nlohmann::json::array();
    for (const auto& button : buttons) {
        nlohmann::json item{{"label", button.label}};
        if (!button.action.empty()) item["action"] = button.action;
        if (!button.url.empty()) item["url"] = button.url;
        array.push_back(std::move(item));
    }
    return array.dump();
}

std::vector<Button> buttons_from_json(const std::string& json) {
    std::vector<Button> buttons;
    const auto array = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (!array.is_array()) return buttons;
    for (const auto& item : array) {
        if (!item.is_object()) continue;
        buttons.push_back(
            Button{item.value("label", ""), item.value("action", ""), item.value("url", "")});
    }
    return buttons;
}

}  // namespace rubdown::intents
