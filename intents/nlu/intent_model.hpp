#pragma once
/// The intent classifier's training: its samples (each labelled utterance and a typo'd copy), its
/// passes and the fingerprint of its data. The NLU and the build's trainer (intents/trainer) both
/// use it, so the classifier the build trains and compiles in is the one the NLU would train.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "intents/nlu/intent_classifier.hpp"

namespace rubdown::intents::nlu {

inline constexpr int kIntentEpochs = 5;

/// The index of an intent label in kIntents; throws std::invalid_argument naming an unknown one.
std::size_t intent_index(std::string_view label);

/// The features and labels the classifier learns from (intents/nlu/training/*.tsv).
std::vector<TrainingSample> intent_training_samples();

/// What the classifier is trained on: the embedded training data and the number of passes.
std::uint64_t intent_fingerprint();

/// The classifier as the build's trainer wrote it, embedded in the binary. Defined only in
/// rubdown_nlu, which the trainer itself does not link.
std::string_view trained_intent_model();

}  // namespace rubdown::intents::nlu
