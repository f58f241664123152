#pragma once
/// A softmax (multinomial logistic regression) classifier over hashed sparse features, trained in
/// memory by averaged stochastic gradient descent. Shared by the intent classifier and the safety
/// triage's learned half; each decides its own features and classes.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "intents/learning/model_bytes.hpp"

namespace rubdown::intents::learning {

/// Sorted, de-duplicated hashed feature indices of one message.
using FeatureIndices = std::vector<std::uint32_t>;

inline constexpr std::uint32_t kFeatureBuckets = 1u << 18;

/// FNV-1a over a kind tag and the parts, so "w:run" and "b:run" land in different buckets.
class FeatureHasher {
  public:
    explicit FeatureHasher(char kind) { feed(kind); }
    void feed(char c) {
        h_ ^= static_cast<unsigned char>(c);
        h_ *= 16777619u;
    }
    void feed(std::string_view s) {
        for (char c : s) feed(c);
    }
    /// The bucket, after a final avalanche so short strings spread over the whole table.
    std::uint32_t bucket() const;

  private:
    std::uint32_t h_ = 2166136261u;
};

/// Sorts and de-duplicates features in place.
void make_feature_set(FeatureIndices& features);

struct TrainingSample {
    FeatureIndices features;
    std::size_t label = 0;
};

class SoftmaxClassifier {
  public:
    explicit SoftmaxClassifier(std::size_t classes) : classes_(classes), bias_(classes, 0.0f) {}

    /// Trains from scratch; the same samples in the same order give the same model. The samples
    /// are consumed (their features are renumbered in place to save a copy).
    void train(std::vector<TrainingSample> samples, int epochs);

    /// Probability per class, summing to 1.
    std::vector<float> probabilities(const FeatureIndices& features) const;

    std::size_t classes() const { return classes_; }

    /// The trained weights, for a model built ahead of time; `read` gives back a classifier whose
    /// probabilities are exactly those of the one written.
    void write(ModelWriter& out) const;
    static SoftmaxClassifier read(ModelReader& in);

  private:
    static constexpr std::uint32_t kNoRow = 0xffffffffu;

    std::size_t classes_;
    /// Only the buckets some training sample hit can ever get a weight (the rest stay zero and add
    /// nothing to a score), so only they get a row: a few tens of thousands of the 2^18 buckets.
    /// A dense table of every bucket cost 9 MiB, and as much again for the averages in training,
    /// most of the bot's memory. The model is the same either way.
    std::vector<std::uint32_t> row_of_bucket_;  ///< kFeatureBuckets entries: a row, or kNoRow
    std::vector<float> weights_;                ///< rows of classes_
    std::vector<float> bias_;
};

}  // namespace rubdown::intents::learning
