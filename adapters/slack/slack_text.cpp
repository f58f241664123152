#include "adapters/slack/slack_text.hpp"

#include <algorithm>

namespace rubdown::slack {

namespace {

/// Byte length of the UTF-8 sequence starting at `i`, or 1 for a malformed byte.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    else if (lead >= 0xE0)
        length = 3;
    else if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    if (lead >= 0xF5 || (lead >= 0x80 && lead < 0xC2)) return 1;
    if (i + length > text.size()) return 1;
    for (std::size_t k = 1; k < length; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
    return length;
}

/// UTF-16 units of the code point starting at `i`, given its sequence length.
std::size_t utf16_units(std::size_t byte_length) {
    return byte_length == 4 ? 2 : 1;
}

/// Length a single code point adds once escaped for mrkdwn.
std::size_t escaped_units(std::string_view text, std::size_t i, std::size_t byte_length) {
    if (byte_length == 1) {
        if (text[i] == '&') return 5;  // &amp;
        if (text[i] == '<' || text[i] == '>') return 4;
    }
    return utf16_units(byte_length);
}

bool is_blank(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

/// Where to end a part that starts at `start` and may reach `window_end` at most (a code point
/// boundary). The part ends just before a separator, which may sit right at window_end; the next
/// part starts on the separator, which trimming drops. window_end when no separator fits.
std::size_t best_break(std::string_view text, std::size_t start, std::size_t window_end) {
    const std::string_view rest = text.substr(start);
    const std::size_t reach = window_end - start;
    const auto last_at = [&](std::string_view separator) -> std::size_t {
        const auto at = rest.rfind(separator, reach);
        return at == std::string_view::npos || at == 0 ? 0 : start + at;
    };
    if (const auto at = last_at("\n\n")) return at;
    if (const auto at = last_at("\n")) return at;
    // A sentence end: punctuation followed by a blank.
    for (std::size_t i = std::min(reach, rest.size() - 1); i >= 1; --i) {
        if (is_blank(rest[i]) && (rest[i - 1] == '.' || rest[i - 1] == '!' || rest[i - 1] == '?'))
            return start + i;
    }
    if (const auto at = last_at(" ")) return at;
    return window_end;
}

}  // namespace

std::size_t slack_length(std::string_view utf8) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto length = sequence_length(utf8, i);
        units += utf16_units(length);
        i += length;
    }
    return units;
}

std::string escape_mrkdwn(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

std::string unescape_slack_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto rest = text.substr(i);
        if (rest.starts_with("&amp;")) {
            out += '&';
            i += 5;
        } else if (rest.starts_with("&lt;")) {
            out += '<';
            i += 4;
        } else if (rest.starts_with("&gt;")) {
            out += '>';
            i += 4;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string strip_leading_mention(std::string_view text, std::string_view bot_user_id) {
    std::string_view rest = trim(text);
    if (!rest.starts_with("<@")) return std::string(trim(text));
    const auto close = rest.find('>');
    if (close == std::string_view::npos) return std::string(rest);
    std::string_view mentioned = rest.substr(2, close - 2);
    if (const auto bar = mentioned.find('|'); bar != std::string_view::npos)
        mentioned = mentioned.substr(0, bar);
    if (!bot_user_id.empty() && mentioned != bot_user_id) return std::string(rest);
    return std::string(trim(rest.substr(close + 1)));
}

std::vector<std::string> split_text(std::string_view text, std::size_t limit) {
    std::vector<std::string> parts;
    if (limit == 0) return parts;
    const auto push = [&](std::string_view part) {
        part = trim(part);
        if (!part.empty()) parts.emplace_back(part);
    };

    std::size_t start = 0;
    while (start < text.size()) {
        // The separator a part was cut at is dropped, so it must not take room in the next part.
        while (start < text.size() && is_blank(text[start])) ++start;
        if (start == text.size()) break;
        // Walk code points until the escaped length would pass the limit.
        std::size_t end = start;
        std::size_t used = 0;
        while (end < text.size()) {
            const auto length = sequence_length(text, end);
            const auto units = escaped_units(text, end, length);
            if (used + units > limit) break;
            used += units;
            end += length;
        }
        if (end == text.size()) {
            push(text.substr(start));
            break;
        }
        // Even one code point does not fit (limit below 5 and an '&'): take it anyway.
        if (end == start) end += sequence_length(text, start);
        const auto cut = best_break(text, start, end);
        push(text.substr(start, cut - start));
        start = cut;
    }
    return parts;
}

std::string truncate_text(std::string_view text, std::size_t limit) {
    if (slack_length(text) <= limit) return std::string(text);
    if (limit == 0) return {};
    std::size_t end = 0;
    std::size_t used = 0;
    while (end < text.size()) {
        const auto length = sequence_length(text, end);
        if (used + utf16_units(length) > limit - 1) break;  // keep room for the ellipsis
        used += utf16_units(length);
        end += length;
    }
    return std::string(trim(text.substr(0, end))) + "…";
}

}  // namespace rubdown::slack
