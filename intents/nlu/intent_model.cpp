#include "intents/nlu/intent_model.hpp"

#include <stdexcept>
#include <string>

#include "intents/learning/model_bytes.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nlu/text_normalizer.hpp"
#include "intents/nlu/training_data.hpp"
#include "intents/nlu/typo_augmenter.hpp"

namespace rubdown::intents::nlu {

std::size_t intent_index(std::string_view label) {
    for (std::size_t k = 0; k < kIntentCount; ++k) {
        if (label == kIntents[k]) return k;
    }
    throw std::invalid_argument("unknown intent label in training data: " + std::string(label));
}

std::vector<TrainingSample> intent_training_samples() {
    std::vector<TrainingSample> samples;
    const auto utterances = training_utterances();
    samples.reserve(utterances.size() * 2);
    for (const auto& utterance : utterances) {
        const std::size_t label = intent_index(utterance.label);
        const std::string normalized = normalize_text(utterance.text);
        samples.push_back({extract_features(normalized, analyse(normalized).cues), label});
        // A typo'd copy teaches the character n-grams that "massge" is "massage".
        const std::string typo = with_typo(normalized, samples.size());
        if (typo != normalized) {
            samples.push_back({extract_features(typo, analyse(typo).cues), label});
        }
    }
    return samples;
}

std::uint64_t intent_fingerprint() {
    return learning::fingerprint(std::to_string(kIntentEpochs),
                                 learning::fingerprint(training_data_text()));
}

}  // namespace rubdown::intents::nlu
