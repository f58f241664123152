#include "intents/button_owner.hpp"

#include <cstdint>

namespace rubdown::intents {
namespace {

constexpr char kTagSeparator = '@';
constexpr std::size_t kTagLength = 8;

}  // namespace

std::string owner_tag(std::string_view user_key) {
    // FNV-1a: stable across processes and compilers (std::hash is neither promised).
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : user_key) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    std::string tag;
    for (std::size_t i = 0; i < kTagLength; ++i) {
        tag.push_back(kAlphabet[hash & 31U]);
        hash >>= 5U;
    }
    return tag;
}

void bind_buttons(std::vector<Button>& buttons, std::string_view user_key) {
    const auto tag = owner_tag(user_key);
    for (auto& button : buttons) {
        if (button.action.empty() || button.action.find(kTagSeparator) != std::string::npos)
            continue;
        button.action += kTagSeparator;
        button.action += tag;
    }
}

PressedButton read_pressed_button(std::string_view action, std::string_view presser_key) {
    const auto at = action.rfind(kTagSeparator);
    if (at == std::string_view::npos) return {std::string{action}, false};
    const auto tag = action.substr(at + 1);
    return {std::string{action.substr(0, at)}, tag != owner_tag(presser_key)};
}

}  // namespace rubdown::intents
