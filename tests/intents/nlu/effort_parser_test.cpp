#include <catch2/catch.hpp>

#include <string>

#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/text_normalizer.hpp"

using rubdown::intents::nlu::edit_distance_capped;
using rubdown::intents::nlu::EffortReading;
using rubdown::intents::nlu::lex;
using rubdown::intents::nlu::normalize_text;
using rubdown::intents::nlu::parse_effort;

namespace {

EffortReading effort(const std::string& text) {
    return parse_effort(lex(normalize_text(text)));
}

struct EffortCase {
    const char* text;
    const char* effort;
};

}  // namespace

TEST_CASE("effort keywords of the contract, misspellings included", "[nlu][effort]") {
    const EffortCase cases[] = {
        {"10k hard", "hard"},
        {"HARD 10k", "hard"},
        {"intervals tonight", "hard"},
        {"8x400 repeats", "hard"},
        {"tempo run", "hard"},
        {"threshold 12k", "hard"},
        {"ran my race today", "hard"},
        {"raced a half", "hard"},
        {"5k at race pace", "hard"},
        {"4 miles @ race-pace", "hard"},
        {"all out 5k", "hard"},
        {"all-out effort", "hard"},
        {"brutal hills", "hard"},
        {"killer session", "hard"},
        {"easy 5k", "easy"},
        {"recovery run", "easy"},
        {"jog 3 miles", "easy"},
        {"jogged to the park", "easy"},
        {"shakeout 3k", "easy"},
        {"shake out run", "easy"},
        {"steady 12k", "moderate"},
        {"moderate 10k", "moderate"},
        {"intervls 10k", "hard"},
        {"tempoo run", "hard"},
        {"threshhold", "hard"},
        {"treshold run", "hard"},
        {"hrad 10k", "hard"},
        {"eazy 5k", "easy"},
        {"esay 6k", "easy"},
        {"recovry jog", "easy"},
        {"stedy 8k", "moderate"},
        {"moderat 10k", "moderate"},
        {"brutall run", "hard"},
        {"easy warm up then hard intervals", "hard"},
        {"easy 2k warm up, tempo 5k", "hard"},
        {"6x800 with jog recovery", "hard"},
        {"steady with an easy cool down", "moderate"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto reading = effort(c.text);
        REQUIRE(reading.effort.has_value());
        CHECK(*reading.effort == c.effort);
    }
}

TEST_CASE("RPE numbers set effort and rpe", "[nlu][effort]") {
    struct RpeCase {
        const char* text;
        int rpe;
        const char* effort;
    };
    const RpeCase cases[] = {
        {"ran 10k, rpe 7", 7, "hard"},
        {"RPE 8 intervals", 8, "hard"},
        {"rpe7", 7, "hard"},
        {"rpe: 10", 10, "hard"},
        {"rpe of 6", 6, "moderate"},
        {"effort 5", 5, "moderate"},
        {"effort 4/10", 4, "easy"},
        {"effort was 9/10", 9, "hard"},
        {"felt like a 6/10", 6, "moderate"},
        {"8/10 effort", 8, "hard"},
        {"7 out of 10", 7, "hard"},
        {"rpe 3, nice and easy", 3, "easy"},
        {"easy pace but rpe 7 in the wind", 7, "hard"},
        {"rpe 1", 1, "easy"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto reading = effort(c.text);
        REQUIRE(reading.rpe.has_value());
        CHECK(*reading.rpe == c.rpe);
        REQUIRE(reading.effort.has_value());
        CHECK(*reading.effort == c.effort);
    }
}

TEST_CASE("no effort from other words, future races or negations", "[nlu][effort]") {
    const char* cases[] = {
        "",
        "ran 10k",
        "long run 25k",
        "parkrun 24:10",
        "new pb!",
        "time trial 3k",
        "race on Sunday",
        "before my race next week",
        "my race is on 14 dec",
        "hard to say how far",
        "not hard at all",
        "wasn't easy",
        "rpe 11",
        "rpe 0",
        "effort 15/10",
        "ran on 7/10",
        "hardly ran",
        "the weather was nice",
        "easily the best run",
    };
    for (const char* text : cases) {
        INFO(text);
        CHECK_FALSE(effort(text).effort.has_value());
    }
}

TEST_CASE("edit distance allows one typo", "[nlu][effort]") {
    CHECK(edit_distance_capped("tempo", "tempo") == 0);
    CHECK(edit_distance_capped("tmepo", "tempo") == 1);
    CHECK(edit_distance_capped("tempoo", "tempo") == 1);
    CHECK(edit_distance_capped("temp", "tempo") == 1);
    CHECK(edit_distance_capped("tampa", "tempo") == 2);
    CHECK(edit_distance_capped("", "tempo") == 2);
}
