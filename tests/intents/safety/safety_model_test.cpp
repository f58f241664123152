#include "intents/safety/safety_model.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "intents/safety/safety_triage.hpp"

using namespace rubdown::intents::safety;

namespace {

RuleReading reading_at(Level level) {
    RuleReading reading;
    reading.level = level;
    return reading;
}

}  // namespace

TEST_CASE("labelled lines parse, and a bad one names its line", "[safety]") {
    const auto texts = parse_labelled_texts(
        "# a comment\nurgent\tchest pain now\n\nnone\tlegs are toast\r\nmedical\tcalf "
        "swollen\textra\n",
        "test.tsv");
    REQUIRE(texts.size() == 3);
    CHECK(texts[0].label == Level::urgent);
    CHECK(texts[0].text == "chest pain now");
    CHECK(texts[1].label == Level::none);
    CHECK(texts[1].text == "legs are toast");
    CHECK(texts[2].text == "calf swollen");
    CHECK_THROWS_WITH(parse_labelled_texts("none\tok\nsevere\tbad\n", "x.tsv"),
                      Catch::Contains("x.tsv:2") && Catch::Contains("severe"));
    CHECK_THROWS_WITH(parse_labelled_texts("urgent chest pain\n", "y.tsv"),
                      Catch::Contains("y.tsv:1: no tab"));
}

TEST_CASE("the model raises a level by its thresholds and by default never clears an urgent rule",
          "[safety]") {
    const ModelThresholds thresholds{0.5f, 0.5f, 0.8f};
    // Raising: the rules saw nothing.
    CHECK(combined_level(reading_at(Level::none), {0.9f, 0.05f, 0.05f}, thresholds) == Level::none);
    CHECK(combined_level(reading_at(Level::none), {0.4f, 0.5f, 0.1f}, thresholds) ==
          Level::medical);
    CHECK(combined_level(reading_at(Level::none), {0.2f, 0.2f, 0.6f}, thresholds) == Level::urgent);
    CHECK(combined_level(reading_at(Level::medical), {0.1f, 0.2f, 0.7f}, thresholds) ==
          Level::urgent);
    // Clearing: only a medical flag, only when very sure.
    CHECK(combined_level(reading_at(Level::medical), {0.95f, 0.05f, 0.0f}, thresholds) ==
          Level::none);
    CHECK(combined_level(reading_at(Level::medical), {0.7f, 0.3f, 0.0f}, thresholds) ==
          Level::medical);
    CHECK(combined_level(reading_at(Level::urgent), {0.99f, 0.005f, 0.005f}, thresholds) ==
          Level::urgent);
    // Clearing an urgent flag is off unless asked for (bench/nlu/safety_model_eval --cv shows
    // what it would cost), and then only above its own threshold.
    CHECK(combined_level(reading_at(Level::urgent), {0.99f, 0.005f, 0.005f},
                         {0.5f, 0.5f, 0.8f, 0.98f}) == Level::none);
    CHECK(combined_level(reading_at(Level::urgent), {0.97f, 0.02f, 0.01f},
                         {0.5f, 0.5f, 0.8f, 0.98f}) == Level::urgent);
    CHECK(ModelThresholds{}.clear_urgent > 1.0f);
    // A firm rule's medical flag (the runner's own pregnancy, a blood thinner named) stands
    // however sure the model is.
    auto firm = reading_at(Level::medical);
    firm.firm = true;
    CHECK(combined_level(firm, {0.99f, 0.01f, 0.0f}, thresholds) == Level::medical);
}

TEST_CASE("a match the rules' exceptions stopped needs a surer model to raise it again",
          "[safety]") {
    // "collapsed" is urgent, but not next to a tent: the rule matched and its exception held.
    const auto tent = read_rules("the whole tent collapsed in the wind at the ultra camp", false);
    CHECK(tent.level == Level::none);
    CHECK(tent.excepted == Level::urgent);
    const auto runner = read_rules("i collapsed at the finish", false);
    CHECK(runner.level == Level::urgent);
    CHECK(read_rules("legs are toast after the hills", false).excepted == Level::none);

    const ModelThresholds thresholds{0.3f, 0.6f, 0.85f, 2.0f, 0.9f, 0.8f};
    auto excepted = reading_at(Level::none);
    excepted.excepted = Level::urgent;
    CHECK(combined_level(excepted, {0.4f, 0.1f, 0.5f}, thresholds) == Level::none);
    CHECK(combined_level(reading_at(Level::none), {0.4f, 0.1f, 0.5f}, thresholds) == Level::urgent);
    CHECK(combined_level(excepted, {0.02f, 0.03f, 0.95f}, thresholds) == Level::urgent);
    // The same for a medical rule stopped by its exception.
    auto excepted_medical = reading_at(Level::none);
    excepted_medical.excepted = Level::medical;
    CHECK(combined_level(excepted_medical, {0.3f, 0.7f, 0.0f}, thresholds) == Level::none);
    CHECK(combined_level(reading_at(Level::none), {0.3f, 0.7f, 0.0f}, thresholds) ==
          Level::medical);
    CHECK(combined_level(excepted_medical, {0.1f, 0.9f, 0.0f}, thresholds) == Level::medical);
}

TEST_CASE("a firm rule marks the reading, and outranks a plain rule of its level", "[safety]") {
    // "blood thinners" is firm; "swollen" alone (acute injury) is not.
    const auto both = read_rules("my ankle is swollen and I'm on blood thinners", false);
    CHECK(both.level == Level::medical);
    CHECK(both.firm);
    CHECK(both.topic == "blood_thinners");
    const auto plain = read_rules("my ankle is swollen after I went over on it", false);
    CHECK(plain.level == Level::medical);
    CHECK_FALSE(plain.firm);
}

TEST_CASE("a model learns from its examples", "[safety]") {
    std::vector<LabelledText> examples;
    for (int i = 0; i < 5; ++i) {
        examples.push_back({Level::urgent, "my ticker went haywire and i went down"});
        examples.push_back({Level::medical, "the wound on my knee is weeping yellow stuff"});
        examples.push_back({Level::none, "legs are toast after the hills"});
    }
    const SafetyModel model{examples};
    const auto urgent = model.probabilities(read_rules("ticker went haywire", true));
    CHECK(urgent[2] > urgent[0]);
    CHECK(urgent[2] > urgent[1]);
    const auto medical = model.probabilities(read_rules("knee is weeping", true));
    CHECK(medical[1] > medical[0]);
    const auto none = model.probabilities(read_rules("toast after the hills", true));
    CHECK(none[0] > none[1]);
    CHECK(none[0] > none[2]);
}

TEST_CASE("a saved model reads back with the same probabilities, and only for its own data",
          "[safety]") {
    std::vector<LabelledText> examples;
    for (int i = 0; i < 3; ++i) {
        examples.push_back({Level::urgent, "my ticker went haywire and i went down"});
        examples.push_back({Level::medical, "the wound on my knee is weeping yellow stuff"});
        examples.push_back({Level::none, "legs are toast after the hills"});
    }
    const SafetyModel model{examples, 5};
    const auto bytes = model.save(42);
    const auto loaded = SafetyModel::load(bytes, 42);
    REQUIRE(loaded);
    for (const auto* text : {"ticker went haywire", "knee is weeping", "a new message", ""}) {
        const auto reading = read_rules(text, true);
        CHECK(loaded->probabilities(reading) == model.probabilities(reading));
    }
    CHECK_FALSE(SafetyModel::load(bytes, 43));  // trained on other data
    CHECK_FALSE(SafetyModel::load("", 42));     // no model at all
    CHECK_THROWS_AS(SafetyModel::load(bytes.substr(0, bytes.size() - 1), 42),
                    rubdown::intents::learning::ModelFormatError);
    CHECK_THROWS_AS(SafetyModel::load(bytes + "x", 42),
                    rubdown::intents::learning::ModelFormatError);
    CHECK_THROWS_AS(SafetyModel::load("not a model at all", 42),
                    rubdown::intents::learning::ModelFormatError);
}

TEST_CASE("the model the build trained is the one the built-in examples train, byte for byte",
          "[safety]") {
    // The bot reads the build's model instead of training; were the build's step stale, or the
    // format lossy, the bot would answer differently from the model its thresholds were chosen on.
    REQUIRE(SafetyModel::load(trained_safety_model(), built_in_fingerprint()));
    const SafetyModel trained_now{built_in_examples()};
    CHECK(trained_now.save(built_in_fingerprint()) == trained_safety_model());
}

TEST_CASE("the built-in examples are all the labelled sets, embedded", "[safety]") {
    const auto examples = parse_labelled_texts(safety_examples(), "embedded");
    int count[3] = {0, 0, 0};
    for (const auto& example : examples) ++count[static_cast<int>(example.label)];
    // The sets hold over 3,000 messages; an embedding that dropped files would show here.
    CHECK(examples.size() >= 3000);
    CHECK(count[static_cast<int>(Level::urgent)] >= 400);
    CHECK(count[static_cast<int>(Level::medical)] >= 600);
    CHECK(count[static_cast<int>(Level::none)] >= 900);
}

TEST_CASE("the model flags what no rule names, with a general reply of its level", "[safety]") {
    // From the development sets: said in words no rule holds.
    const std::string wheeze =
        "breathing is really bad, I can only get a few words out at a time and I finished an hour "
        "ago";
    CHECK(read_rules(wheeze, false).level == Level::none);
    const auto verdict = triage(wheeze);
    CHECK(verdict.level == Level::urgent);
    CHECK(verdict.topic == "urgent_other");
    CHECK(safety_reply(verdict).find("emergency services") != std::string::npos);
    // A rule's flag on words that only sound medical, cleared by the model.
    const std::string phone =
        "my phone had to go in for surgery lol, new battery, so no gps data today";
    CHECK(read_rules(phone, false).level == Level::medical);
    CHECK(triage(phone).level == Level::none);
}
