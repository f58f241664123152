#include <catch2/catch.hpp>

#include "adapters/slack/slack_pacing.hpp"

using namespace rubdown;
using namespace std::chrono_literals;
using slack::PaceClock;

namespace {
const PaceClock t0{std::chrono::milliseconds{1'700'000'000'000}};
}

TEST_CASE("one message a second per conversation", "[slack][pacing]") {
    slack::ChannelPacer pacer;
    CHECK(pacer.ready_at("C1", t0) == t0);
    pacer.on_sent("C1", t0);
    CHECK(pacer.ready_at("C1", t0 + 200ms) == t0 + 1s);
    CHECK(pacer.ready_at("C1", t0 + 1500ms) == t0 + 1500ms);
    CHECK(pacer.ready_at("C2", t0 + 200ms) == t0 + 200ms);  // others are not held up
}

TEST_CASE("Retry-After pauses one conversation and is never shortened", "[slack][pacing]") {
    slack::ChannelPacer pacer;
    pacer.pause("C1", t0 + 30s);
    pacer.on_sent("C1", t0);  // a send finishing meanwhile must not undo the pause
    pacer.pause("C1", t0 + 5s);
    CHECK(pacer.ready_at("C1", t0) == t0 + 30s);
    CHECK(pacer.ready_at("C2", t0) == t0);
}

TEST_CASE("idle conversations are forgotten", "[slack][pacing]") {
    slack::ChannelPacer pacer;
    pacer.on_sent("C1", t0);
    pacer.pause("C2", t0 + 60s);
    CHECK(pacer.tracked() == 2);
    pacer.forget_idle(t0 + 2s);
    CHECK(pacer.tracked() == 1);
    CHECK(pacer.ready_at("C2", t0 + 2s) == t0 + 60s);
}

TEST_CASE("backoff doubles, is capped, and jitters within its upper half", "[slack][pacing]") {
    slack::RetryPolicy policy;  // 2 s base, 10 min cap
    CHECK(slack::backoff_delay(policy, 1, 0.0) == 1000ms);
    CHECK(slack::backoff_delay(policy, 1, 0.999) > 1990ms);
    CHECK(slack::backoff_delay(policy, 2, 0.0) == 2000ms);
    CHECK(slack::backoff_delay(policy, 3, 0.0) == 4000ms);
    CHECK(slack::backoff_delay(policy, 40, 0.0) == 300000ms);
    CHECK(slack::backoff_delay(policy, 40, 1.0) == 600000ms);
    for (int attempt = 1; attempt < 12; ++attempt)
        CHECK(slack::backoff_delay(policy, attempt, 0.5) <= policy.max_delay);
}

TEST_CASE("the next attempt follows the outcome", "[slack][pacing]") {
    slack::RetryPolicy policy;
    slack::SendOutcome retry;
    retry.verdict = slack::SendOutcome::Verdict::retry;

    auto decision = slack::next_attempt(policy, retry, 1, t0, 0.0);
    CHECK_FALSE(decision.give_up);
    CHECK(decision.retry_at == t0 + 1s);

    retry.retry_after_seconds = 30;  // Slack's own number wins over backoff
    CHECK(slack::next_attempt(policy, retry, 1, t0, 0.0).retry_at == t0 + 30s);

    CHECK(slack::next_attempt(policy, retry, policy.max_attempts, t0, 0.0).give_up);

    slack::SendOutcome fatal;
    fatal.verdict = slack::SendOutcome::Verdict::give_up;
    CHECK(slack::next_attempt(policy, fatal, 1, t0, 0.0).give_up);
}
