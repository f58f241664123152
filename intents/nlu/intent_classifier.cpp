#include "intents/nlu/intent_classifier.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

namespace rubdown::intents::nlu {
namespace {

constexpr std::uint32_t kFnvOffset = 2166136261u;
constexpr std::uint32_t kFnvPrime = 16777619u;

/// FNV-1a over a kind tag and the parts, so "w:run" and "b:run" land in different buckets.
struct Hasher {
    std::uint32_t h = kFnvOffset;
    explicit Hasher(char kind) { feed(kind); }
    void feed(char c) {
        h ^= static_cast<unsigned char>(c);
        h *= kFnvPrime;
    }
    void feed(std::string_view s) {
        for (char c : s) feed(c);
    }
    std::uint32_t bucket() const {
        // Final avalanche so short strings spread over the whole table.
        std::uint32_t x = h;
        x ^= x >> 16;
        x *= 0x7feb352dU;
        x ^= x >> 15;
        x *= 0x846ca68bU;
        x ^= x >> 16;
        return x & (IntentClassifier::kBuckets - 1);
    }
};

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
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    return features;
}

void IntentClassifier::train(std::vector<TrainingSample> samples, int epochs) {
    // Give every bucket the samples hit a row, in bucket order, and renumber the samples' features
    // to rows; sorted features stay sorted, so every sum runs in the same order as over buckets.
    row_of_bucket_.assign(kBuckets, kNoRow);
    for (const auto& sample : samples)
        for (const auto f : sample.features) row_of_bucket_[f] = 0;
    std::uint32_t rows = 0;
    for (auto& row : row_of_bucket_)
        if (row != kNoRow) row = rows++;
    for (auto& sample : samples)
        for (auto& f : sample.features) f = row_of_bucket_[f];
    weights_.assign(static_cast<std::size_t>(rows) * kIntentCount, 0.0f);
    bias_.fill(0.0f);
    // Averaged SGD: `sums` accumulates step * update so the average is weights - sums / steps.
    std::vector<float> sums(weights_.size(), 0.0f);
    std::array<float, kIntentCount> bias_sums{};
    std::vector<std::size_t> order(samples.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 shuffle_rng(20261123u);
    float step = 1.0f;
    const float l2 = 1e-5f;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), shuffle_rng);
        const float rate = 0.8f / (1.0f + 0.3f * static_cast<float>(epoch));
        for (const std::size_t index : order) {
            const auto& sample = samples[index];
            if (sample.features.empty()) continue;
            const float value = 1.0f / std::sqrt(static_cast<float>(sample.features.size()));
            std::array<float, kIntentCount> scores = bias_;
            for (const auto f : sample.features) {
                const float* row = &weights_[static_cast<std::size_t>(f) * kIntentCount];
                for (std::size_t k = 0; k < kIntentCount; ++k) scores[k] += row[k] * value;
            }
            const float top = *std::max_element(scores.begin(), scores.end());
            float total = 0.0f;
            for (auto& s : scores) total += (s = std::exp(s - top));
            std::array<float, kIntentCount> update{};
            for (std::size_t k = 0; k < kIntentCount; ++k) {
                const float gradient = scores[k] / total - (k == sample.label ? 1.0f : 0.0f);
                update[k] = -rate * gradient;
                bias_[k] += update[k];
                bias_sums[k] += step * update[k];
            }
            // Feature-major: one feature's nine weights sit together in memory.
            for (const auto f : sample.features) {
                float* row = &weights_[static_cast<std::size_t>(f) * kIntentCount];
                float* sum_row = &sums[static_cast<std::size_t>(f) * kIntentCount];
                for (std::size_t k = 0; k < kIntentCount; ++k) {
                    const float change = update[k] * value - rate * l2 * row[k];
                    row[k] += change;
                    sum_row[k] += step * change;
                }
            }
            step += 1.0f;
        }
    }
    for (std::size_t i = 0; i < weights_.size(); ++i) weights_[i] -= sums[i] / step;
    for (std::size_t k = 0; k < kIntentCount; ++k) bias_[k] -= bias_sums[k] / step;
}

std::array<float, kIntentCount> IntentClassifier::probabilities(
    const FeatureIndices& features) const {
    std::array<float, kIntentCount> scores = bias_;
    if (!features.empty() && !weights_.empty()) {
        const float value = 1.0f / std::sqrt(static_cast<float>(features.size()));
        for (const auto f : features) {
            const auto index = row_of_bucket_[f];
            if (index == kNoRow) continue;  // never seen in training: a zero weight
            const float* row = &weights_[static_cast<std::size_t>(index) * kIntentCount];
            for (std::size_t k = 0; k < kIntentCount; ++k) scores[k] += row[k] * value;
        }
    }
    const float top = *std::max_element(scores.begin(), scores.end());
    float total = 0.0f;
    for (auto& s : scores) total += (s = std::exp(s - top));
    for (auto& s : scores) s /= total;
    return scores;
}

}  // namespace rubdown::intents::nlu
