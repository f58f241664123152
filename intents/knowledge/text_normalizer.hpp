#pragma once
/// Turns a question into search terms: lower case, words only, function words dropped, light
/// suffix stripping and a few synonyms folded together, so "runners' sore calves" and "runner
/// soreness in the calf" meet on the same terms.

#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::knowledge {

/// Lower-case ASCII words (letters, digits, '-' inside a word split it). No stemming.
std::vector<std::string> split_words(std::string_view text);

/// Strips common English inflections ("runners" -> "runner", "cramping" -> "cramp").
std::string light_stem(std::string_view word);

/// The search terms of a text: split, drop function words, stem, fold synonyms.
std::vector<std::string> search_terms(std::string_view text);

}  // namespace rubdown::intents::knowledge
