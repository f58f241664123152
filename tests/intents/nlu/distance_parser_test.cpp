#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/text_normalizer.hpp"

using rubdown::intents::nlu::lex;
using rubdown::intents::nlu::normalize_text;
using rubdown::intents::nlu::parse_distance_km;

namespace {

std::optional<double> distance(const std::string& text) {
    return parse_distance_km(lex(normalize_text(text)));
}

struct DistanceCase {
    const char* text;
    double km;
};

}  // namespace

TEST_CASE("distances are read in km, miles, metres and race names", "[nlu][distance]") {
    const DistanceCase cases[] = {
        {"ran 10k this morning", 10.0},
        {"ran 10 k", 10.0},
        {"did 5km", 5.0},
        {"did 5 km", 5.0},
        {"12.5 kms today", 12.5},
        {"7 kilometres", 7.0},
        {"7 kilometers easy", 7.0},
        {"8 miles", 8.0 * 1.609344},
        {"ran 6.2 mi", 6.2 * 1.609344},
        {"a mile in 7:45", 1.609344},
        {"ran ten k", 10.0},
        {"two miles easy", 2.0 * 1.609344},
        {"twenty five k long run", 25.0},
        {"800m", 0.8},
        {"1500 metres on the track", 1.5},
        {"3000 meters", 3.0},
        {"5000m race", 5.0},
        {"half marathon in 1:49", 21.0975},
        {"ran a half yesterday", 21.0975},
        {"half-marathon pb", 21.0975},
        {"my half is on 14 Dec", 21.0975},
        {"marathon done!", 42.195},
        {"the Berlin marathon", 42.195},
        {"1/2 marathon", 21.0975},
        {"parkrun in 24:10", 5.0},
        {"13.1 miles", 13.1 * 1.609344},
        {"50k ultra", 50.0},
        {"RAN 10K TODAY", 10.0},
        {"10K!!!", 10.0},
        {"🏃 6km easy", 6.0},
        {"two and a half miles", 2.5 * 1.609344},
        {"12,5 km", 12.5},
        {"ran 21,1k", 21.1},
        {"5, 10 km later", 10.0},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto km = distance(c.text);
        REQUIRE(km.has_value());
        CHECK(*km == Approx(c.km).margin(0.001));
    }
}

TEST_CASE("a stated total wins over one repetition: numbers beat race names", "[nlu][distance]") {
    const DistanceCase cases[] = {
        {"16k with 8k at half marathon pace", 16.0},
        {"a solid 10k effort this morning", 10.0},
        {"did intervals: 6x800m, 9km total", 9.0},
        {"8 x 400m with 90s rest, 7k in total", 7.0},
        {"3x1km at threshold, total of 8 km", 8.0},
        {"5x1 mile repeats, 11k total", 11.0},
        {"10 miles at marathon pace", 10.0 * 1.609344},
        {"14k at half marathon pace", 14.0},
        {"ran 12k with the last 3k hard", 12.0},
        {"10k with 6 x 800m", 10.0},
        {"800m repeats then 2k cool down", 2.0},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto km = distance(c.text);
        REQUIRE(km.has_value());
        CHECK(*km == Approx(c.km).margin(0.001));
    }
}

TEST_CASE("paces, repetitions alone, times and absurd values give no distance", "[nlu][distance]") {
    const char* cases[] = {
        "",
        "ran for 45 minutes",
        "at 5:15/km",
        "5 min/km pace",
        "8:30 per mile",
        "8:30 a mile",
        "6x800m",
        "8 x 400 m",
        "1k repeats",
        "4:30 km pace",
        "half an hour",
        "ran for an hour and a half",
        "first half was slow",
        "ran 5000 km",
        "ran -5 km",
        "ran 0 km",
        "ran 999999999999999999 km",
        "ultra marathon on trails",
        "10 minutes",
        "race on Dec 14",
        "heart rate 150",
        "20m easy",
        "what is deep tissue massage",
        "6x800m at 5k pace",
        "marathon pace long run",
        "half marathon pace session",
        "strides at mile race pace",
    };
    for (const char* text : cases) {
        INFO(text);
        CHECK_FALSE(distance(text).has_value());
    }
}

TEST_CASE("negative numbers read as words, never as a negative distance", "[nlu][distance]") {
    // The minus sign is a symbol; "5 km" is still a plausible distance here.
    const auto km = distance("ran -5 km");
    CHECK_FALSE((km && *km < 0));
}
