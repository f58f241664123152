#include <catch2/catch.hpp>

#include <string>

#include "intents/message.hpp"

using rubdown::intents::kMaxDisplayNameChars;
using rubdown::intents::tidy_display_name;

TEST_CASE("a display name is kept as it is when short and plain") {
    CHECK(tidy_display_name("Ana") == "Ana");
    CHECK(tidy_display_name("José Ñúñez") == "José Ñúñez");
    CHECK(tidy_display_name("") == "");
}

TEST_CASE("a display name loses control characters and surrounding spaces") {
    CHECK(tidy_display_name("  Ana\nBen\t ") == "Ana Ben");
    CHECK(tidy_display_name("\r\n") == "");
    CHECK(tidy_display_name(std::string("A\0B", 3)) == "A B");
}

TEST_CASE("a long display name is cut to its first characters, never inside one") {
    const std::string huge(100 * 1024, 'x');
    CHECK(tidy_display_name(huge) == std::string(kMaxDisplayNameChars, 'x'));
    // 'é' is two bytes: 64 characters are 128 bytes, and the cut falls between two of them.
    std::string accented;
    for (int i = 0; i < 100; ++i) accented += "é";
    const auto cut = tidy_display_name(accented);
    CHECK(cut.size() == 2 * kMaxDisplayNameChars);
    CHECK(cut.substr(cut.size() - 2) == "é");
    // A four-byte character (an emoji) at the limit is kept whole or left out whole.
    const auto emoji = tidy_display_name(std::string(kMaxDisplayNameChars - 1, 'a') + "🏃🏃");
    CHECK(emoji == std::string(kMaxDisplayNameChars - 1, 'a') + "🏃");
}
