#pragma once
/// Deterministic typos for training: the classifier should read "massge" and "intervls" too.

#include <cstddef>
#include <string>
#include <string_view>

namespace rubdown::intents::nlu {

/// A copy of `text` with one letter dropped, doubled or swapped with its neighbour in one word of
/// four letters or more, chosen by `seed`. Returns `text` unchanged when no word is long enough.
std::string with_typo(std::string_view text, std::size_t seed);

}  // namespace rubdown::intents::nlu
