#include "intents/nlu/intent_model.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "intents/learning/model_bytes.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/text_normalizer.hpp"

using namespace rubdown::intents::nlu;

TEST_CASE("the intent classifier the build trained is the one the training data trains",
          "[nlu]") {
    // The NLU reads the build's classifier instead of training; were the build's step stale, or
    // the format lossy, it would classify differently from the classifier nlu_eval measured.
    REQUIRE(IntentClassifier::load(trained_intent_model(), intent_fingerprint()));
    IntentClassifier trained_now;
    trained_now.train(intent_training_samples(), kIntentEpochs);
    CHECK(trained_now.save(intent_fingerprint()) == trained_intent_model());
}

TEST_CASE("a saved intent classifier reads back with the same probabilities", "[nlu]") {
    IntentClassifier model;
    model.train(intent_training_samples(), 1);
    const auto bytes = model.save(5);
    const auto loaded = IntentClassifier::load(bytes, 5);
    REQUIRE(loaded);
    for (const auto* text : {"ran 10k this morning", "what is deep tissue massage", "hi", ""}) {
        const auto normalized = normalize_text(text);
        const auto features = extract_features(normalized, analyse(normalized).cues);
        CHECK(loaded->probabilities(features) == model.probabilities(features));
    }
    CHECK_FALSE(IntentClassifier::load(bytes, 6));
    CHECK_FALSE(IntentClassifier::load("", 5));
    CHECK_THROWS_AS(IntentClassifier::load(bytes.substr(0, bytes.size() / 2), 5),
                    rubdown::intents::learning::ModelFormatError);
}

TEST_CASE("every intent label is known, and an unknown one is named", "[nlu]") {
    CHECK(intent_index("log_run") < kIntentCount);
    CHECK_THROWS_WITH(intent_index("log_walk"), Catch::Contains("log_walk"));
}
