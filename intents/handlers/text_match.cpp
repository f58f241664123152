#include "intents/handlers/text_match.hpp"

#include <cctype>

namespace rubdown::intents::handlers {

std::string padded_words(std::string_view text) {
    std::string out = " ";
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (c == '\'') continue;
        if (std::isalnum(c)) {
            out.push_back(static_cast<char>(std::tolower(c)));
        } else if (out.back() != ' ') {
            out.push_back(' ');
        }
    }
    if (out.back() != ' ') out.push_back(' ');
    return out;
}

bool has_phrase(const std::string& padded, std::string_view phrase) {
    const auto needle = padded_words(phrase);
    return needle.size() > 2 && padded.find(needle) != std::string::npos;
}

bool has_any_phrase(const std::string& padded, std::initializer_list<std::string_view> phrases) {
    for (const auto phrase : phrases) {
        if (has_phrase(padded, phrase)) return true;
    }
    return false;
}

}  // namespace rubdown::intents::handlers
