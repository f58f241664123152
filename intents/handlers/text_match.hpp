#pragma once
/// Keyword matching on whole words for the handlers' small decisions ("cancel", "booked",
/// "quiet hours"): the text is reduced to lower-case words between single spaces.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::handlers {

/// " delete my last run ": lower case, apostrophes dropped ("don't" -> "dont"), every other
/// non-alphanumeric byte a separator, padded with one space each side.
std::string padded_words(std::string_view text);

/// The words of `padded` (from padded_words), as views into it.
std::vector<std::string_view> words_of(std::string_view padded);

/// Whether `padded` (from padded_words) contains the words of `phrase` in a row.
bool has_phrase(const std::string& padded, std::string_view phrase);
bool has_any_phrase(const std::string& padded, std::initializer_list<std::string_view> phrases);

}  // namespace rubdown::intents::handlers
