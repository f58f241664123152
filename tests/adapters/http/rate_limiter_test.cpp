#include <catch2/catch.hpp>

#include <chrono>

#include "adapters/http/rate_limiter.hpp"

using rubdown::http::RateLimiter;
using namespace std::chrono_literals;

TEST_CASE("rate limiter: a burst, then one a second at 60 a minute, each key apart") {
    RateLimiter limiter(60, 5);
    const auto start = RateLimiter::Clock::time_point{} + 1h;
    for (int i = 0; i < 5; ++i) CHECK(limiter.allow("10.0.0.1", start));
    CHECK_FALSE(limiter.allow("10.0.0.1", start));
    CHECK(limiter.seconds_until_allowed("10.0.0.1", start) == 1);
    CHECK(limiter.allow("10.0.0.2", start));  // another address has its own bucket
    CHECK_FALSE(limiter.allow("10.0.0.1", start + 500ms));
    CHECK(limiter.allow("10.0.0.1", start + 1s));
    CHECK_FALSE(limiter.allow("10.0.0.1", start + 1s));
    // Quiet for long enough, the bucket is full again, and no fuller than the burst.
    for (int i = 0; i < 5; ++i) CHECK(limiter.allow("10.0.0.1", start + 1h));
    CHECK_FALSE(limiter.allow("10.0.0.1", start + 1h));
}

TEST_CASE("rate limiter: Retry-After counts the seconds to the next token") {
    RateLimiter limiter(6, 1);  // one every ten seconds
    const auto start = RateLimiter::Clock::time_point{} + 1h;
    CHECK(limiter.allow("a", start));
    CHECK_FALSE(limiter.allow("a", start));
    CHECK(limiter.seconds_until_allowed("a", start) == 10);
    CHECK(limiter.seconds_until_allowed("a", start + 7s) == 3);
    CHECK(limiter.seconds_until_allowed("unknown", start) == 1);
}

TEST_CASE("rate limiter: keys whose bucket filled again are forgotten past the sweep size") {
    RateLimiter limiter(60, 2);
    const auto start = RateLimiter::Clock::time_point{} + 1h;
    // Held: each has spent a token. The first sweep (past 4,096 keys) finds none to forget.
    for (int i = 0; i < 5000; ++i) limiter.allow("key" + std::to_string(i), start);
    CHECK(limiter.tracked() == 5000);
    // A minute later they are all full again: a sweep past twice what the last one kept
    // forgets them, and keeps the new keys, which are not.
    for (int i = 0; i < 4000; ++i) limiter.allow("late" + std::to_string(i), start + 1min);
    CHECK(limiter.tracked() == 4000);
}

TEST_CASE("rate limiter: a key still short of tokens is kept through a sweep") {
    RateLimiter limiter(1, 1);  // one a minute
    const auto start = RateLimiter::Clock::time_point{} + 1h;
    CHECK(limiter.allow("held", start));
    for (int i = 0; i < 5000; ++i) limiter.allow("key" + std::to_string(i), start + 10s);
    CHECK_FALSE(limiter.allow("held", start + 11s));
    CHECK(limiter.allow("held", start + 61s));
}
