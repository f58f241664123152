#include "intents/learning/text_features.hpp"

#include <cctype>

namespace rubdown::intents::learning {

std::vector<std::string> plain_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            current.push_back(static_cast<char>(std::tolower(u)));
        } else if (c == '\'') {
            continue;
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

FeatureIndices text_features(std::string_view text) {
    const auto words = plain_words(text);
    FeatureIndices features;
    features.reserve(words.size() * 12 + 2);
    std::string_view previous = "<s>";
    for (const auto& word : words) {
        FeatureHasher unigram('w');
        unigram.feed(word);
        features.push_back(unigram.bucket());
        FeatureHasher pair('b');
        pair.feed(previous);
        pair.feed(' ');
        pair.feed(word);
        features.push_back(pair.bucket());
        previous = word;
        if (word.size() < 3) continue;
        const std::string padded = "<" + word + ">";
        for (std::size_t n = 3; n <= 4; ++n) {
            for (std::size_t i = 0; i + n <= padded.size(); ++i) {
                FeatureHasher gram('c');
                gram.feed(std::string_view(padded).substr(i, n));
                features.push_back(gram.bucket());
            }
        }
    }
    make_feature_set(features);
    return features;
}

}  // namespace rubdown::intents::learning
