#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/text_normalizer.hpp"

using rubdown::intents::nlu::lex;
using rubdown::intents::nlu::normalize_text;
using rubdown::intents::nlu::parse_distance_km;
using rubdown::intents::nlu::parse_duration_s;

namespace {

/// Duration as the NLU reads it: with the distance of the same text for the pace check.
std::optional<std::int64_t> duration(const std::string& text) {
    const auto tokens = lex(normalize_text(text));
    return parse_duration_s(tokens, parse_distance_km(tokens));
}

struct DurationCase {
    const char* text;
    std::int64_t seconds;
};

}  // namespace

TEST_CASE("durations in the contract's forms", "[nlu][duration]") {
    const DurationCase cases[] = {
        {"52:30", 3150},
        {"1:05:00", 3900},
        {"1h05", 3900},
        {"45 min", 2700},
        {"an hour", 3600},
        {"1.5 hours", 5400},
        {"ran 10k in 52:30", 3150},
        {"5k in 24:10", 1450},
        {"a half in 1:49", 6540},
        {"half marathon 1:52:14", 6734},
        {"10k in 1:02", 3720},
        {"marathon in 3:59", 14340},
        {"1k in 3:10", 190},
        {"ran for 1:45", 6300},
        {"ran 45:00", 2700},
        {"1h 5m", 3900},
        {"1 hr 40 min", 6000},
        {"2 hours 15 minutes", 8100},
        {"1 hour and 5 minutes", 3900},
        {"an hour and a half", 5400},
        {"hour and a half", 5400},
        {"half an hour", 1800},
        {"2h", 7200},
        {"90 min", 5400},
        {"90 mins long run", 5400},
        {"forty minutes easy", 2400},
        {"twenty five minutes", 1500},
        {"45m30s", 2730},
        {"45 min 30 sec", 2730},
        {"34m", 2040},
        {"1hr run", 3600},
        {"2 and a half hours", 9000},
        {"ran 10km 55min", 3300},
        {"1h20", 4800},
        {"in 47 minutes", 2820},
        {"19:45 for 5k", 1185},
        {"12km, 1:05:00, moderate", 3900},
        {"10k at 5:15/km pace, 52:30", 3150},
        {"this morning at 7:15 did 5k in 25:03", 1503},
        {"6:30am run, 10k in 50:00", 3000},
        {"4x5 min hard with 2 min jog recovery, 9km in 45 min", 2700},
        {"warm up, 3x10min at threshold, total 1h10", 4200},
        {"ran for 50 minutes, 5 min per km", 3000},
        {"a time of 52:30", 3150},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto seconds = duration(c.text);
        REQUIRE(seconds.has_value());
        CHECK(*seconds == c.seconds);
    }
}

TEST_CASE("paces, times of day, rests, repetitions and nonsense are not durations",
          "[nlu][duration]") {
    const char* cases[] = {
        "",
        "at 5:15/km",
        "5:15 /km",
        "5:15 per km",
        "5:20 pace",
        "pace of 5:20",
        "avg 5:20",
        "averaging 8:30",
        "8:30 a mile",
        "4:30 km",
        "5 min/km",
        "5 mins per km",
        "8 minute miles",
        "6:30am",
        "6:30 am",
        "at 6:30",
        "at 7pm",
        "2 min rest",
        "90 sec recovery",
        "with 2:00 rest",
        "3x10min",
        "3 x 10 min",
        "4x 5 minutes",
        "10 min x 3",
        "every 10 min",
        "52:99",
        "1:75",
        "1:2:3:4",
        "99999 hours",
        "heart rate 150 bpm",
        "hr 165",
        "10k",
        "in 3 weeks",
        "14/12",
        "2026-12-14",
    };
    for (const char* text : cases) {
        INFO(text);
        CHECK_FALSE(duration(text).has_value());
    }
}

TEST_CASE("a clock with an implausible pace either way is dropped", "[nlu][duration]") {
    // 42 km in 5 min or in 5 hours... 5:00 as h:mm fits; 0:30 fits neither for a marathon.
    CHECK(duration("marathon in 5:00") == 18000);
    CHECK_FALSE(duration("marathon in 0:30").has_value());
}
