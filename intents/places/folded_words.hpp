#pragma once
/// Place names as runners type them and as the gazetteer spells them meet in one form: lower-case
/// ASCII words, Latin accents dropped ("São Paulo", "sao paulo" and "SAO PAULO" are all
/// "sao paulo"), apostrophes dropped, every other character a word break.

#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::places {

/// The folded words of `text`, joined by single spaces.
std::string folded(std::string_view text);

/// The folded words of `text`, one by one.
std::vector<std::string> folded_words(std::string_view text);

}  // namespace rubdown::intents::places
