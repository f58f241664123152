#include <catch2/catch.hpp>

#include "adapters/slack/slack_text.hpp"

using namespace rubdown;

namespace {

/// True when every byte sequence in `text` is complete UTF-8.
bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (lead >= 0x80 && lead < 0xC2) return false;
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

std::string repeat(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

TEST_CASE("lengths count UTF-16 units", "[slack][text]") {
    CHECK(slack::slack_length("") == 0);
    CHECK(slack::slack_length("abc") == 3);
    CHECK(slack::slack_length("Jürgen") == 6);
    CHECK(slack::slack_length("✓") == 1);
    CHECK(slack::slack_length("🏃") == 2);  // outside the BMP
}

TEST_CASE("mrkdwn escaping round-trips", "[slack][text]") {
    CHECK(slack::escape_mrkdwn("5 < 6 & 7 > 2") == "5 &lt; 6 &amp; 7 &gt; 2");
    CHECK(slack::unescape_slack_text("5 &lt; 6 &amp; 7 &gt; 2") == "5 < 6 & 7 > 2");
    CHECK(slack::unescape_slack_text("&amp;lt;") == "&lt;");  // one level only
    CHECK(slack::unescape_slack_text("&nbsp; & ;") == "&nbsp; & ;");
}

TEST_CASE("leading mentions are stripped", "[slack][text]") {
    struct Case {
        const char* text;
        const char* bot;
        const char* expected;
    };
    const std::vector<Case> cases = {
        {"<@U0BOT> hello", "U0BOT", "hello"},
        {"  <@U0BOT|rubdown>   hello  ", "U0BOT", "hello"},
        {"<@U0BOT>", "U0BOT", ""},
        {"<@U0OTHER> hello", "U0BOT", "<@U0OTHER> hello"},
        {"<@U0OTHER> hello", "", "hello"},
        {"hello <@U0BOT>", "U0BOT", "hello <@U0BOT>"},
        {"<@U0BOT", "U0BOT", "<@U0BOT"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(slack::strip_leading_mention(c.text, c.bot) == c.expected);
    }
}

TEST_CASE("short text stays whole", "[slack][text]") {
    const auto parts = slack::split_text("  Easy run logged.\n", 3000);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0] == "Easy run logged.");
    CHECK(slack::split_text("", 3000).empty());
    CHECK(slack::split_text(" \n\n ", 3000).empty());
}

TEST_CASE("text splits at paragraphs first", "[slack][text]") {
    const std::string first = "First paragraph. It has two sentences.";
    const std::string second = "Second paragraph.\nWith a line break.";
    const auto parts = slack::split_text(first + "\n\n" + second, 60);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == first);
    CHECK(parts[1] == second);
}

TEST_CASE("the separator at a cut takes no room in the next part", "[slack][text]") {
    CHECK(slack::split_text("Part 9.\n\nPart 10.", 8) ==
          std::vector<std::string>{"Part 9.", "Part 10."});
}

TEST_CASE("text splits at sentences when a paragraph is too long", "[slack][text]") {
    const auto parts = slack::split_text("One two three. Four five six! Seven eight nine?", 32);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == "One two three. Four five six!");
    CHECK(parts[1] == "Seven eight nine?");
}

TEST_CASE("text splits at spaces, then anywhere between code points", "[slack][text]") {
    const auto words = slack::split_text("aaaa bbbb cccc", 9);
    CHECK(words == std::vector<std::string>{"aaaa bbbb", "cccc"});
    const auto cut = slack::split_text("abcdefghij", 4);
    CHECK(cut == std::vector<std::string>{"abcd", "efgh", "ij"});
}

TEST_CASE("splitting never cuts a UTF-8 sequence and respects the limit", "[slack][text]") {
    // No spaces at all: the split must fall between code points of 2, 3 and 4 bytes.
    const std::string text = repeat("ü€🏃", 500);
    for (std::size_t limit : {1u, 2u, 3u, 4u, 7u, 100u, 3000u}) {
        INFO("limit " << limit);
        const auto parts = slack::split_text(text, limit);
        std::string joined;
        for (const auto& part : parts) {
            CHECK(valid_utf8(part));
            // A 2-unit code point alone may exceed a limit of 1; otherwise the limit holds.
            CHECK(slack::slack_length(part) <= std::max<std::size_t>(limit, 2));
            joined += part;
        }
        CHECK(joined == text);
    }
}

TEST_CASE("the limit counts text as escaped", "[slack][text]") {
    // 10 ampersands are 50 characters once escaped.
    const auto parts = slack::split_text(std::string(10, '&'), 25);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0] == std::string(5, '&'));
    for (const auto& part : parts) CHECK(slack::escape_mrkdwn(part).size() <= 25);
}

TEST_CASE("a long reply splits into sections of at most 3000 characters", "[slack][text]") {
    std::string text;
    for (int i = 0; i < 400; ++i) text += "Sentence number " + std::to_string(i) + " is here. ";
    const auto parts = slack::split_text(text, 3000);
    REQUIRE(parts.size() >= 3);
    for (const auto& part : parts) {
        CHECK(slack::slack_length(part) <= 3000);
        CHECK(part.back() == '.');  // every part ends at a sentence end
    }
}

TEST_CASE("truncation keeps code points whole and marks the cut", "[slack][text]") {
    CHECK(slack::truncate_text("Book now", 75) == "Book now");
    const auto cut = slack::truncate_text(repeat("🏃", 50), 75);
    CHECK(valid_utf8(cut));
    CHECK(slack::slack_length(cut) <= 75);
    CHECK(cut.ends_with("…"));
}
