#include "intents/places/folded_words.hpp"

#include <string>
#include <utility>

namespace rubdown::intents::places {
namespace {

using namespace std::string_view_literals;

// The ASCII letter under each Latin-1 letter U+00C0..U+00FF ('\0': not a letter, a word break)
// and under each Latin Extended-A letter U+0100..U+017F. Ligatures take their first letter here;
// the three that runners spell out (ß, æ, œ) are handled apart.
constexpr auto kLatin1 =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"sv;
constexpr auto kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"sv;
static_assert(kLatin1.size() == 64 && kLatinExtendedA.size() == 128);

/// Decodes one UTF-8 sequence at `at`; returns the code point (0xFFFD when malformed) and moves on.
char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    int length = lead < 0x80           ? 1
                 : (lead >> 5) == 0x6  ? 2
                 : (lead >> 4) == 0xE  ? 3
                 : (lead >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || at + length > text.size()) {
        ++at;
        return 0xFFFD;
    }
    char32_t code = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) {
            ++at;
            return 0xFFFD;
        }
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    at += length;
    return code;
}

/// What a code point adds to a folded word: letters and digits, or "" for a break. `keep` is
/// set for characters that neither add nor break (apostrophes: "d'Urville" is one word).
std::string_view fold(char32_t code, bool& keep) {
    keep = false;
    static const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    if (code < 0x80) {
        const auto c = static_cast<char>(code);
        if (c >= 'A' && c <= 'Z') return std::string_view{letters}.substr(c - 'A', 1);
        if (c >= 'a' && c <= 'z') return std::string_view{letters}.substr(c - 'a', 1);
        if (c >= '0' && c <= '9') return std::string_view{letters}.substr(26 + c - '0', 1);
        keep = c == '\'';
        return {};
    }
    if (code == 0x2019 || code == 0x2018) {  // typographic apostrophes
        keep = true;
        return {};
    }
    if (code == 0xDF) return "ss";
    if (code == 0xC6 || code == 0xE6) return "ae";
    if (code == 0x152 || code == 0x153) return "oe";
    if (code >= 0xC0 && code <= 0xFF) {
        const char c = kLatin1[code - 0xC0];
        return c == '\0' ? std::string_view{} : std::string_view{letters}.substr(c - 'a', 1);
    }
    if (code >= 0x100 && code <= 0x17F) {
        return std::string_view{letters}.substr(kLatinExtendedA[code - 0x100] - 'a', 1);
    }
    return {};
}

}  // namespace

bool one_letter_apart(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) {
        if (i == a.size()) return false;  // the same
        if (a.substr(i + 1) == b.substr(i + 1)) return true;
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i) == b.substr(i + 1);
}

std::string_view plain_letters(char32_t code) {
    if (code < 0xC0 || code > 0x17F) return {};
    bool keep = false;
    return fold(code, keep);
}

std::vector<std::string> folded_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t at = 0; at < text.size();) {
        bool keep = false;
        const auto piece = fold(next_code_point(text, at), keep);
        if (!piece.empty()) {
            word += piece;
        } else if (!keep && !word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string folded(std::string_view text) {
    std::string out;
    for (const auto& word : folded_words(text)) {
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

}  // namespace rubdown::intents::places
