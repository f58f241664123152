#pragma once
/// The intent classifier: a softmax classifier (learning/softmax_classifier.hpp) over hashed word,
/// word-pair and character n-gram features of a message and the entity parsers' cues.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "intents/learning/softmax_classifier.hpp"

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

using learning::FeatureIndices;
using learning::TrainingSample;

/// Builds the features of a normalised message (see normalize_text).
FeatureIndices extract_features(std::string_view normalized, const Cues& cues);

class IntentClassifier {
  public:
    /// Trains from scratch; the same samples in the same order give the same model. The samples
    /// are consumed.
    void train(std::vector<TrainingSample> samples, int epochs) {
        classifier_.train(std::move(samples), epochs);
    }

    /// Probability per intent (indices of kIntents), summing to 1.
    std::array<float, kIntentCount> probabilities(const FeatureIndices& features) const;

    /// The classifier as bytes, marked with `trained_on` (intent_fingerprint for the built-in
    /// one); `load` gives it back, or nothing when `bytes` is empty or was trained on other data,
    /// and throws learning::ModelFormatError on damaged bytes.
    std::string save(std::uint64_t trained_on) const;
    static std::optional<IntentClassifier> load(std::string_view bytes, std::uint64_t trained_on);

  private:
    learning::SoftmaxClassifier classifier_{kIntentCount};
};

}  // namespace rubdown::intents::nlu
