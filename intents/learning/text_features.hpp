#pragma once
/// Hashed bag-of-words features of a short text for a SoftmaxClassifier: lower-cased words
/// (letters and digits; an apostrophe joins, so "what's" is "whats"), word pairs, and the
/// character 3- and 4-grams of each word, which carry typos and word forms ("msasage", "massages").

#include <string>
#include <string_view>
#include <vector>

#include "intents/learning/softmax_classifier.hpp"

namespace rubdown::intents::learning {

/// The words of `text` as above.
std::vector<std::string> plain_words(std::string_view text);

FeatureIndices text_features(std::string_view text);

}  // namespace rubdown::intents::learning
