#pragma once
/// A softmax (multinomial logistic regression) intent classifier over hashed word, word-pair and
/// character n-gram features, trained in memory by averaged stochastic gradient descent.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rubdown::intents::nlu {

inline constexpr std::size_t kIntentCount = 9;

/// Facts the entity parsers found, given to the classifier as extra features: "10k in 52:30" says
/// log_run whatever the words around it.
struct Cues {
    bool distance = false;
    bool duration = false;
    bool question = false;  ///< a '?' or a leading question word
    bool past_run_verb = false;
    bool past_day = false;  ///< "yesterday", "this morning", "3 days ago"
};

/// Sorted, de-duplicated hashed feature indices of one message.
using FeatureIndices = std::vector<std::uint32_t>;

/// Builds the features of a normalised message (see normalize_text).
FeatureIndices extract_features(std::string_view normalized, const Cues& cues);

struct TrainingSample {
    FeatureIndices features;
    std::size_t label = 0;
};

class IntentClassifier {
  public:
    static constexpr std::uint32_t kBuckets = 1u << 18;

    /// Trains from scratch; the same samples in the same order give the same model. The samples
    /// are consumed (their features are renumbered in place to save a copy).
    void train(std::vector<TrainingSample> samples, int epochs);

    /// Probability per intent (indices of kIntents), summing to 1.
    std::array<float, kIntentCount> probabilities(const FeatureIndices& features) const;

  private:
    static constexpr std::uint32_t kNoRow = 0xffffffffu;

    /// Only the buckets some training sample hit can ever get a weight (the rest stay zero and add
    /// nothing to a score), so only they get a row: a few tens of thousands of the 2^18 buckets.
    /// A dense table of every bucket cost 9 MiB, and as much again for the averages in training,
    /// most of the bot's memory. The model is the same either way.
    std::vector<std::uint32_t> row_of_bucket_;  ///< kBuckets entries: a row, or kNoRow
    std::vector<float> weights_;                ///< rows of kIntentCount
    std::array<float, kIntentCount> bias_{};
};

}  // namespace rubdown::intents::nlu
