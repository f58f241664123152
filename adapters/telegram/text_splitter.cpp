#include "adapters/telegram/text_splitter.hpp"

#include <algorithm>
#include <cstdint>

namespace rubdown::telegram {

namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

/// Length of the valid UTF-8 sequence starting at `pos`, or 0 when the bytes there are invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    std::uint32_t min_value = 0;
    std::uint32_t value = 0;
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, min_value = 0x80, value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min_value = 0x800, value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min_value = 0x10000, value = lead & 0x07;
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!is_continuation(byte)) return 0;
        value = (value << 6) | (byte & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8.
    if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    return length;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/// Largest byte count of `text` (valid UTF-8) that holds at most `limit` UTF-16 units and ends on
/// a code point boundary.
std::size_t prefix_within(std::string_view text, std::size_t limit) {
    std::size_t units = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto length = valid_sequence_length(text, pos);
        const std::size_t step = length == 0 ? 1 : length;
        const std::size_t cost = step == 4 ? 2 : 1;
        if (units + cost > limit) break;
        units += cost;
        pos += step;
    }
    return pos;
}

/// Where to cut `rest`, as a byte count no greater than `fit` (the longest prefix that fits): the
/// part is rest[0, cut) and the next one starts at `cut`. The character just past `fit` is looked
/// at too, because a space there makes `fit` itself a word boundary.
std::size_t choose_cut(std::string_view rest, std::size_t fit) {
    const auto window = rest.substr(0, fit + 1);
    const std::size_t half = fit / 2;
    // Paragraph: the part ends before the blank line.
    if (const auto p = window.rfind("\n\n"); p != std::string_view::npos && p >= half && p > 0)
        return p;
    // Sentence end (punctuation then whitespace) or line break, whichever comes last.
    for (std::size_t i = window.size(); i-- > half && i > 0;) {
        if (window[i] == '\n') return i;
        if (is_space(window[i]) &&
            (window[i - 1] == '.' || window[i - 1] == '!' || window[i - 1] == '?'))
            return i;
    }
    // Word.
    for (std::size_t i = window.size(); i-- > 1;)
        if (is_space(window[i])) return i;
    return fit;
}

std::string_view trim_end(std::string_view text) {
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string_view trim_start(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    return text;
}

}  // namespace

std::size_t utf16_length(std::string_view utf8) {
    std::size_t units = 0;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_continuation(byte)) continue;
        units += byte >= 0xF0 ? 2 : 1;
    }
    return units;
}

std::string sanitize_utf8(std::string_view text) {
    std::string clean;
    clean.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto length = valid_sequence_length(text, pos);
        if (length == 0) {
            clean.append("\xEF\xBF\xBD");
            ++pos;
        } else {
            clean.append(text.substr(pos, length));
            pos += length;
        }
    }
    return clean;
}

std::vector<std::string> split_message_text(std::string_view text, std::size_t limit) {
    std::vector<std::string> parts;
    if (limit == 0) return parts;
    const std::string clean = sanitize_utf8(text);
    std::string_view rest = clean;
    if (trim_start(rest).empty()) return parts;
    if (utf16_length(rest) <= limit) {
        parts.emplace_back(rest);
        return parts;
    }
    rest = trim_start(rest);
    // Measuring only the allowance each time keeps the split linear in the text's length.
    for (auto fit = prefix_within(rest, limit); fit < rest.size();
         fit = prefix_within(rest, limit)) {
        // A limit smaller than one character still has to make progress.
        if (fit == 0) fit = std::max<std::size_t>(1, valid_sequence_length(rest, 0));
        const auto cut = choose_cut(rest, fit);
        const auto part = trim_end(rest.substr(0, cut));
        if (!part.empty()) parts.emplace_back(part);
        rest = trim_start(rest.substr(cut));
    }
    rest = trim_end(rest);
    if (!rest.empty()) parts.emplace_back(rest);
    return parts;
}

}  // namespace rubdown::telegram
