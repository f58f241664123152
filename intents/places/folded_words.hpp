#pragma once
/// Place names as runners type them and as the gazetteer spells them meet in one form: lower-case
/// ASCII words, Latin accents dropped ("São Paulo", "sao paulo" and "SAO PAULO" are all
/// "sao paulo"), apostrophes dropped, every other character a word break.

#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::places {

/// The plain lower-case letters of one Latin letter (U+00C0..U+017F: "é" is "e", "ł" "l", "ß"
/// "ss"); empty for any other code point and for the signs × and ÷.
std::string_view plain_letters(char32_t code);

/// Whether `a` becomes `b` by one letter left out, added, changed, or two neighbours swapped.
bool one_letter_apart(std::string_view a, std::string_view b);

/// The folded words of `text`, joined by single spaces.
std::string folded(std::string_view text);

/// The folded words of `text`, one by one.
std::vector<std::string> folded_words(std::string_view text);

}  // namespace rubdown::intents::places
