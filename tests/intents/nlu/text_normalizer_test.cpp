#include <catch2/catch.hpp>

#include <string>

#include "intents/nlu/text_normalizer.hpp"

using rubdown::intents::nlu::kMaxUtteranceBytes;
using rubdown::intents::nlu::normalize_text;
using rubdown::intents::nlu::to_valid_utf8;

TEST_CASE(
    "normalising lower-cases, plains Latin-1 letters, strips mentions and odd bytes: emojis and "
    "line breaks end clauses",
    "[nlu][normalize]") {
    struct Case {
        std::string in;
        std::string out;
    };
    const Case cases[] = {
        {"Ran 10K Today", "ran 10k today"},
        {"<@U024BE7LH> ran 5k", "ran 5k"},
        {"<@U024BE7LH|ana> hi", "hi"},
        {"hey <!here> stats", "hey stats"},
        {"see <https://example.com|this> link", "see link"},
        {"in <#C123|running> what's up", "in what's up"},
        // An emoji or a line break ends what was being said: one '\n', none at the ends.
        {"5k \xF0\x9F\x8F\x83 done \xF0\x9F\x92\xAA", "5k\ndone"},
        {"Thu: 7k easy\r\n\nFri: 10k", "thu: 7k easy\nfri: 10k"},
        {"\xE2\x9C\x85 done \xE2\x9D\xA4", "done"},
        {"don\xE2\x80\x99t remind me", "don't remind me"},
        {"10k \xE2\x80\x93 easy", "10k - easy"},
        // Latin-1 letters read as their plain letters: "café", "días", "São Paulo".
        {"caf\xC3\xA9 run", "cafe run"},
        {"Buenos d\xC3\xAD"
         "as, S\xC3\xA3o Paulo \xC3\x97 2",
         "buenos dias, sao paulo 2"},
        {"  lots   of\tspace\n", "lots of space"},
        {"a < b", "a < b"},
        {"\xFF\xFE broken \xC3", "broken"},
        {"", ""},
    };
    for (const auto& c : cases) {
        INFO(c.in);
        CHECK(normalize_text(c.in) == c.out);
    }
}

TEST_CASE("normalising bounds the text it reads", "[nlu][normalize]") {
    const std::string huge(10 * 1024, 'a');
    CHECK(normalize_text(huge).size() == kMaxUtteranceBytes);
}

TEST_CASE("invalid UTF-8 becomes replacement characters", "[nlu][normalize]") {
    CHECK(to_valid_utf8("ok") == "ok");
    CHECK(to_valid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(to_valid_utf8("a\xFF"
                        "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(to_valid_utf8("\xC3") == "\xEF\xBF\xBD");
    // An overlong encoding of '/' and a UTF-16 surrogate are not valid UTF-8.
    CHECK(to_valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(to_valid_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}
