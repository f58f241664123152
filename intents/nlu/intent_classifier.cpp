#include "intents/nlu/intent_classifier.hpp"

#include <algorithm>
#include <string>

namespace rubdown::intents::nlu {
namespace {

using Hasher = learning::FeatureHasher;

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/// Words of the message; digits collapse to one '0' so "10k" and "21k" share a feature.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) words.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            if (current.empty() || current.back() != '0') current.push_back('0');
        } else if (is_word_char(c)) {
            current.push_back(c);
        } else if (c == '\'') {
            continue;  // "don't" == "dont"
        } else {
            flush();
            if (c == '?') words.emplace_back("?");
            if (c == '/' && words.empty() && current.empty()) current.push_back('/');
        }
    }
    flush();
    return words;
}

}  // namespace

FeatureIndices extract_features(std::string_view normalized, const Cues& cues) {
    FeatureIndices features;
    const auto words = words_of(normalized);
    features.reserve(words.size() * 12 + 8);
    const auto add = [&](const Hasher& hasher) { features.push_back(hasher.bucket()); };

    std::string_view previous = "<s>";
    for (const auto& word : words) {
        Hasher unigram('w');
        unigram.feed(word);
        add(unigram);
        Hasher bigram('b');
        bigram.feed(previous);
        bigram.feed(' ');
        bigram.feed(word);
        add(bigram);
        previous = word;
        // Character 3- and 4-grams of the padded word carry typos and word forms ("massge", "ran").
        if (word.size() >= 3) {
            const std::string padded = "<" + word + ">";
            for (std::size_t n = 3; n <= 4; ++n) {
                for (std::size_t i = 0; i + n <= padded.size(); ++i) {
                    Hasher gram('c');
                    gram.feed(std::string_view(padded).substr(i, n));
                    add(gram);
                }
            }
        }
    }
    Hasher last('b');
    last.feed(previous);
    last.feed(" </s>");
    add(last);
    Hasher length('l');
    length.feed(static_cast<char>('0' + std::min<std::size_t>(words.size(), 6)));
    add(length);
    const auto cue = [&](const char* name, bool on) {
        if (!on) return;
        Hasher hasher('q');
        hasher.feed(name);
        add(hasher);
    };
    cue("distance", cues.distance);
    cue("duration", cues.duration);
    cue("measure", cues.distance || cues.duration);
    cue("question", cues.question);
    cue("past_run", cues.past_run_verb);
    cue("past_run_measure", cues.past_run_verb && (cues.distance || cues.duration));
    cue("past_day", cues.past_day);
    cue("past_day_measure", cues.past_day && (cues.distance || cues.duration));
    learning::make_feature_set(features);
    return features;
}

namespace {
constexpr std::string_view kFormat = "rubdown-intent-model-1";
}  // namespace

std::string IntentClassifier::save(std::uint64_t trained_on) const {
    auto out = learning::begin_model(kFormat, trained_on);
    classifier_.write(out);
    return out.bytes();
}

std::optional<IntentClassifier> IntentClassifier::load(std::string_view bytes,
                                                       std::uint64_t trained_on) {
    auto in = learning::open_model(bytes, kFormat, trained_on);
    if (!in) return std::nullopt;
    IntentClassifier model;
    model.classifier_ = learning::SoftmaxClassifier::read(*in);
    if (model.classifier_.classes() != kIntentCount || !in->at_end())
        throw learning::ModelFormatError("intent model: not one class per intent");
    return model;
}

std::array<float, kIntentCount> IntentClassifier::probabilities(
    const FeatureIndices& features) const {
    const auto p = classifier_.probabilities(features);
    std::array<float, kIntentCount> out{};
    std::copy(p.begin(), p.end(), out.begin());
    return out;
}

}  // namespace rubdown::intents::nlu
