#include <catch2/catch.hpp>

#include "adapters/telegram/text_splitter.hpp"

using namespace rubdown::telegram;

namespace {

/// True when `text` is valid UTF-8 (checked independently of the code under test's decoder:
/// by the lead bytes' announced lengths only, which is enough to catch a cut sequence).
bool whole_sequences(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if ((lead & 0xC0) == 0x80 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

TEST_CASE("UTF-16 length", "[telegram][split]") {
    CHECK(utf16_length("") == 0);
    CHECK(utf16_length("abc") == 3);
    CHECK(utf16_length("caf\xC3\xA9") == 4);       // é: one unit
    CHECK(utf16_length("\xE2\x9C\x93") == 1);      // ✓: one unit
    CHECK(utf16_length("\xF0\x9F\x8F\x83") == 2);  // 🏃: a surrogate pair
}

TEST_CASE("invalid UTF-8 is replaced, valid text kept", "[telegram][split]") {
    CHECK(sanitize_utf8("Booked \xE2\x9C\x93") == "Booked \xE2\x9C\x93");
    CHECK(sanitize_utf8("a\xFF"
                        "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(sanitize_utf8("\xE2\x9C") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut sequence
    CHECK(sanitize_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
    CHECK(sanitize_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST_CASE("text that fits is one part", "[telegram][split]") {
    CHECK(split_message_text("Logged: 12 km tempo.") ==
          std::vector<std::string>{"Logged: 12 km tempo."});
    const std::string exactly(max_message_length, 'a');
    CHECK(split_message_text(exactly) == std::vector<std::string>{exactly});
    CHECK(split_message_text("").empty());
    CHECK(split_message_text(" \n ").empty());
}

TEST_CASE("long text is cut at the best boundary", "[telegram][split]") {
    struct Case {
        std::string name;
        std::string text;
        std::size_t limit;
        std::vector<std::string> parts;
    };
    const std::vector<Case> cases = {
        {"paragraph", "First para one.\n\nSecond para.", 20, {"First para one.", "Second para."}},
        {"paragraph preferred to a later sentence end",
         "Aaaa bbbb cc.\n\nDd. Ee ff gg",
         22,
         {"Aaaa bbbb cc.", "Dd. Ee ff gg"}},
        {"sentence",
         "One two three. Four five six seven.",
         20,
         {"One two three.", "Four five six seven."}},
        {"line break", "Item one here\nItem two here", 16, {"Item one here", "Item two here"}},
        {"word", "alpha beta gamma delta", 12, {"alpha beta", "gamma delta"}},
        {"space right after the allowance", "abcde fghij", 5, {"abcde", "fghij"}},
        {"no space at all: hard cut", "abcdefghij", 4, {"abcd", "efgh", "ij"}},
        {"early paragraph break is not worth a tiny part",
         "Hi.\n\nthis is a longer tail",
         20,
         {"Hi.\n\nthis is a", "longer tail"}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(split_message_text(c.text, c.limit) == c.parts);
    }
}

TEST_CASE("cuts never fall inside a UTF-8 sequence", "[telegram][split]") {
    const std::string runner = "\xF0\x9F\x8F\x83";  // 4 bytes, 2 UTF-16 units
    const std::string accent = "\xC3\xA9";          // 2 bytes, 1 unit
    for (std::size_t limit : {1u, 2u, 3u, 5u, 7u}) {
        INFO("limit " << limit);
        for (const auto& text : {repeat(runner, 9), repeat(accent, 11), repeat("a" + runner, 6)}) {
            const auto parts = split_message_text(text, limit);
            std::string joined;
            for (const auto& part : parts) {
                CHECK(whole_sequences(part));
                // A lone 2-unit character may exceed a 1-unit limit: nothing smaller exists.
                CHECK(utf16_length(part) <= std::max<std::size_t>(limit, 2));
                joined += part;
            }
            CHECK(joined == text);
        }
    }
}

TEST_CASE("a long reply splits into Telegram-sized parts without losing words",
          "[telegram][split]") {
    std::string text;
    for (int paragraph = 0; paragraph < 12; ++paragraph) {
        for (int sentence = 0; sentence < 30; ++sentence)
            text += "Deep tissue work eases tight calves after a long run. ";
        text += "\n\n";
    }
    const auto parts = split_message_text(text);
    REQUIRE(parts.size() > 1);
    const auto without_spaces = [](const std::string& s) {
        std::string out;
        for (char c : s)
            if (c != ' ' && c != '\n') out += c;
        return out;
    };
    std::string joined;
    for (const auto& part : parts) {
        CHECK(utf16_length(part) <= max_message_length);
        CHECK(utf16_length(part) > max_message_length / 2);  // no needless tiny parts
        CHECK(part.back() == '.');                           // ends at a sentence
        joined += part;
    }
    // Only whitespace at the cuts is dropped.
    CHECK(without_spaces(joined) == without_spaces(text));
}
