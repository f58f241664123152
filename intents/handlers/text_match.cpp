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

std::vector<std::string_view> words_of(std::string_view padded) {
    std::vector<std::string_view> words;
    while (!padded.empty()) {
        const auto end = padded.find(' ');
        if (end != 0) words.push_back(padded.substr(0, end));
        padded = end == std::string_view::npos ? std::string_view{} : padded.substr(end + 1);
    }
    return words;
}

namespace {

/// Whether padded_words would only add the two spaces: lower-case ASCII words, single spaces.
bool is_plain_words(std::string_view phrase) {
    if (phrase.empty() || phrase.front() == ' ' || phrase.back() == ' ') return false;
    char previous = 0;
    for (const char c : phrase) {
        const bool word_byte = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word_byte && (c != ' ' || previous == ' ')) return false;
        previous = c;
    }
    return true;
}

}  // namespace

bool has_phrase(const std::string& padded, std::string_view phrase) {
    // The handlers' phrases are written as plain words already: matching them in place, between
    // spaces, spares a padded copy of every phrase for every message.
    if (is_plain_words(phrase)) {
        for (auto at = padded.find(phrase, 1); at != std::string::npos;
             at = padded.find(phrase, at + 1)) {
            const auto end = at + phrase.size();
            if (padded[at - 1] == ' ' && end < padded.size() && padded[end] == ' ') return true;
        }
        return false;
    }
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
