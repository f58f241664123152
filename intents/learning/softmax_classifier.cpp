#include "intents/learning/softmax_classifier.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace rubdown::intents::learning {

std::uint32_t FeatureHasher::bucket() const {
    std::uint32_t x = h_;
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x & (kFeatureBuckets - 1);
}

void make_feature_set(FeatureIndices& features) {
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
}

void SoftmaxClassifier::train(std::vector<TrainingSample> samples, int epochs) {
    const std::size_t k_count = classes_;
    // Give every bucket the samples hit a row, in bucket order, and renumber the samples' features
    // to rows; sorted features stay sorted, so every sum runs in the same order as over buckets.
    row_of_bucket_.assign(kFeatureBuckets, kNoRow);
    for (const auto& sample : samples)
        for (const auto f : sample.features) row_of_bucket_[f] = 0;
    std::uint32_t rows = 0;
    for (auto& row : row_of_bucket_)
        if (row != kNoRow) row = rows++;
    for (auto& sample : samples)
        for (auto& f : sample.features) f = row_of_bucket_[f];
    weights_.assign(static_cast<std::size_t>(rows) * k_count, 0.0f);
    bias_.assign(k_count, 0.0f);
    // Averaged SGD: `sums` accumulates step * update so the average is weights - sums / steps.
    std::vector<float> sums(weights_.size(), 0.0f);
    std::vector<float> bias_sums(k_count, 0.0f);
    std::vector<float> scores(k_count);
    std::vector<float> update(k_count);
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
            std::copy(bias_.begin(), bias_.end(), scores.begin());
            for (const auto f : sample.features) {
                const float* row = &weights_[static_cast<std::size_t>(f) * k_count];
                for (std::size_t k = 0; k < k_count; ++k) scores[k] += row[k] * value;
            }
            const float top = *std::max_element(scores.begin(), scores.end());
            float total = 0.0f;
            for (auto& s : scores) total += (s = std::exp(s - top));
            for (std::size_t k = 0; k < k_count; ++k) {
                const float gradient = scores[k] / total - (k == sample.label ? 1.0f : 0.0f);
                update[k] = -rate * gradient;
                bias_[k] += update[k];
                bias_sums[k] += step * update[k];
            }
            // Feature-major: one feature's weights for every class sit together in memory.
            for (const auto f : sample.features) {
                float* row = &weights_[static_cast<std::size_t>(f) * k_count];
                float* sum_row = &sums[static_cast<std::size_t>(f) * k_count];
                for (std::size_t k = 0; k < k_count; ++k) {
                    const float change = update[k] * value - rate * l2 * row[k];
                    row[k] += change;
                    sum_row[k] += step * change;
                }
            }
            step += 1.0f;
        }
    }
    for (std::size_t i = 0; i < weights_.size(); ++i) weights_[i] -= sums[i] / step;
    for (std::size_t k = 0; k < k_count; ++k) bias_[k] -= bias_sums[k] / step;
}

void SoftmaxClassifier::write(ModelWriter& out) const {
    out.tag("softmax");
    out.u32(static_cast<std::uint32_t>(classes_));
    // Rows are numbered in bucket order, so the buckets that have one are all the table needs.
    std::vector<std::uint32_t> buckets;
    for (std::uint32_t bucket = 0; bucket < row_of_bucket_.size(); ++bucket)
        if (row_of_bucket_[bucket] != kNoRow) buckets.push_back(bucket);
    out.words(buckets);
    out.floats(weights_);
    out.floats(bias_);
}

SoftmaxClassifier SoftmaxClassifier::read(ModelReader& in) {
    in.expect_tag("softmax");
    SoftmaxClassifier model(in.u32());
    const auto buckets = in.words();
    model.weights_ = in.floats();
    model.bias_ = in.floats();
    if (model.classes_ == 0 || model.bias_.size() != model.classes_ ||
        model.weights_.size() != buckets.size() * model.classes_)
        throw ModelFormatError("model: the softmax table's sizes disagree");
    model.row_of_bucket_.assign(kFeatureBuckets, kNoRow);
    std::uint32_t row = 0;
    for (const auto bucket : buckets) {
        // In bucket order, each once, as `write` lists them.
        if (bucket >= kFeatureBuckets || (row > 0 && bucket <= buckets[row - 1]))
            throw ModelFormatError("model: the buckets are out of range or order");
        model.row_of_bucket_[bucket] = row++;
    }
    return model;
}

std::vector<float> SoftmaxClassifier::probabilities(const FeatureIndices& features) const {
    std::vector<float> scores = bias_;
    if (!features.empty() && !weights_.empty()) {
        const float value = 1.0f / std::sqrt(static_cast<float>(features.size()));
        for (const auto f : features) {
            const auto index = row_of_bucket_[f];
            if (index == kNoRow) continue;  // never seen in training: a zero weight
            const float* row = &weights_[static_cast<std::size_t>(index) * classes_];
            for (std::size_t k = 0; k < classes_; ++k) scores[k] += row[k] * value;
        }
    }
    const float top = *std::max_element(scores.begin(), scores.end());
    float total = 0.0f;
    for (auto& s : scores) total += (s = std::exp(s - top));
    for (auto& s : scores) s /= total;
    return scores;
}

}  // namespace rubdown::intents::learning
