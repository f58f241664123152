#include "intents/nlu/text_normalizer.hpp"

#include "intents/places/folded_words.hpp"

#include <cstdint>

namespace rubdown::intents::nlu {
namespace {

/// Length of the well-formed UTF-8 sequence starting at `i`, or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    std::uint32_t min_code = 0;
    std::uint32_t code = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, min_code = 0x80, code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min_code = 0x800, code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min_code = 0x10000, code = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > s.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
}

/// Skips a Slack angle-bracket token (`<@U1>`, `<#C1|name>`, `<!here>`, `<https://x|label>`) at
/// `i`; returns the index after it, or `i` when the text there is not one.
std::size_t skip_slack_token(std::string_view s, std::size_t i) {
    if (s[i] != '<' || i + 1 >= s.size()) return i;
    const char kind = s[i + 1];
    const bool slack_kind = kind == '@' || kind == '#' || kind == '!' ||
                            s.substr(i + 1, 4) == "http" || s.substr(i + 1, 7) == "mailto:";
    if (!slack_kind) return i;
    const auto close = s.find('>', i);
    // Mentions are short; a lone '<' followed by prose is kept as text.
    if (close == std::string_view::npos || close - i > 200) return i;
    return close + 1;
}

}  // namespace

std::string normalize_text(std::string_view text) {
    if (text.size() > kMaxUtteranceBytes) text = text.substr(0, kMaxUtteranceBytes);
    std::string out;
    out.reserve(text.size());
    const auto put_space = [&] {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    };
    // A line break or an emoji ends what was being said: "10k easy 🎉 next up the marathon",
    // "Thu: 7k\nFri: 10k". Kept as one '\n', which the parts reader splits at.
    const auto put_break = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out.push_back('\n');
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t after_slack = skip_slack_token(text, i);
        if (after_slack != i) {
            put_space();
            i = after_slack;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                out.push_back(static_cast<char>(c - 'A' + 'a'));
            } else if (c == ',' && i > 0 && i + 1 < text.size() && text[i - 1] >= '0' &&
                       text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9' &&
                       (i + 2 >= text.size() || text[i + 2] < '0' || text[i + 2] > '9' ||
                        i + 3 >= text.size() || text[i + 3] < '0' || text[i + 3] > '9')) {
                // "10,5 km" is 10.5; "5,000" (three digits after) stays a thousands mark.
                out.push_back('.');
            } else if (c == '\n' || c == '\r') {
                put_break();
            } else if (c < 0x20 || c == 0x7F) {
                put_space();
            } else if (c == ' ') {
                put_space();
            } else {
                out.push_back(static_cast<char>(c));
            }
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            const auto third = static_cast<unsigned char>(text[i + 2]);
            if (third == 0x98 || third == 0x99) {  // ‘ ’ typed by phones in "don’t"
                out.push_back('\'');
                i += 3;
                continue;
            }
            if (third == 0x93 || third == 0x94) {  // – —
                out.push_back('-');
                i += 3;
                continue;
            }
        }
        if (length == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x88 &&
            static_cast<unsigned char>(text[i + 2]) == 0x92) {  // − the minus sign: "UTC−4"
            out.push_back('-');
            i += 3;
            continue;
        }
        if (length == 3 && c == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x86 &&
            static_cast<unsigned char>(text[i + 2]) == 0x92) {  // → written "->": "15k → 16k"
            out += "->";
            i += 3;
            continue;
        }
        if (length == 2 && c >= 0xC3 && c <= 0xC5) {
            // Latin letters with accents, as place names carry them ("Gdańsk", "São Paulo").
            const auto code = static_cast<char32_t>(
                (c & 0x1F) << 6 | (static_cast<unsigned char>(text[i + 1]) & 0x3F));
            const auto plain = places::plain_letters(code);
            if (plain.empty()) {
                put_space();
            } else {
                out.append(plain);
            }
            i += 2;
            continue;
        }
        // Emoji (U+1F000 and up, and the U+2600-27BF symbols: ☀ ✅ ❤) end a clause; accented
        // letters and broken bytes carry no signal the NLU uses.
        const auto second = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        const bool emoji =
            length == 4 || (length == 3 && c == 0xE2 && second >= 0x98 && second <= 0x9F);
        if (emoji) {
            put_break();
        } else {
            put_space();
        }
        i += length == 0 ? 1 : length;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

}  // namespace rubdown::intents::nlu
