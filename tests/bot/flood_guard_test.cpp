#include <catch2/catch.hpp>

#include "bot/inbox/flood_guard.hpp"

using rubdown::bot::FloodGuard;
using Verdict = FloodGuard::Verdict;

namespace {
/// How many of `count` messages from `runner`, all received at `at`, are acted on.
int acted_on(FloodGuard& guard, const std::string& runner, int count, std::int64_t at) {
    int acted = 0;
    for (int i = 0; i < count; ++i) acted += guard.admit(runner, at) == Verdict::act ? 1 : 0;
    return acted;
}
}  // namespace

TEST_CASE("a burst of the limit is acted on and the next message is set aside with one notice") {
    FloodGuard guard(30);
    CHECK(acted_on(guard, "telegram:1", 30, 1000) == 30);
    CHECK(guard.admit("telegram:1", 1000) == Verdict::set_aside_first);
    CHECK(guard.admit("telegram:1", 1000) == Verdict::set_aside);
    CHECK(guard.admit("telegram:1", 1001) == Verdict::set_aside);
    CHECK(guard.set_aside_total() == 3);
    CHECK(guard.floods_total() == 1);
}

TEST_CASE("one runner's flood leaves another runner alone") {
    FloodGuard guard(10);
    CHECK(acted_on(guard, "telegram:1", 50, 1000) == 10);
    CHECK(acted_on(guard, "telegram:2", 10, 1000) == 10);
}

TEST_CASE("the bucket refills at the limit's rate, so a steady writer is never set aside") {
    FloodGuard guard(30);
    // One message every 2 s is exactly 30 a minute: always a token, for an hour.
    int acted = 0;
    for (int i = 0; i < 1800; ++i) acted += guard.admit("slack:T:U", 1000 + 2 * i) == Verdict::act;
    CHECK(acted == 1800);

    // Flooded: 20 s later, a third of a minute's worth, 10 messages, are allowed again.
    FloodGuard flooded(30);
    CHECK(acted_on(flooded, "r", 40, 5000) == 30);
    CHECK(acted_on(flooded, "r", 20, 5020) == 10);
}

TEST_CASE("a flood ends once the bucket is full again, and the next flood is told again") {
    FloodGuard guard(6);
    CHECK(acted_on(guard, "r", 6, 100) == 6);
    CHECK(guard.admit("r", 100) == Verdict::set_aside_first);
    // 30 s later half the bucket is back, but the runner has not been quiet long enough.
    CHECK(acted_on(guard, "r", 3, 130) == 3);
    CHECK(guard.admit("r", 130) == Verdict::set_aside);
    // A full minute of quiet: the flood is over.
    CHECK(acted_on(guard, "r", 6, 190) == 6);
    CHECK(guard.admit("r", 190) == Verdict::set_aside_first);
    CHECK(guard.floods_total() == 2);
}

TEST_CASE("a message recorded before the last one seen refills nothing") {
    FloodGuard guard(5);
    CHECK(acted_on(guard, "r", 5, 1000) == 5);
    CHECK(guard.admit("r", 400) != Verdict::act);
    CHECK(guard.admit("r", 1000) != Verdict::act);
}

TEST_CASE("no limit: every message is acted on, and a new limit starts everyone afresh") {
    FloodGuard guard(0);
    CHECK(acted_on(guard, "r", 10000, 1) == 10000);
    CHECK(guard.set_aside_total() == 0);
    guard.set_per_minute(2);
    CHECK(acted_on(guard, "r", 5, 1) == 2);
    guard.set_per_minute(3);
    CHECK(acted_on(guard, "r", 5, 1) == 3);
}

TEST_CASE("runners whose bucket filled again are forgotten once many are held") {
    FloodGuard guard(2);
    const auto many = FloodGuard::kSweepAbove + 1;
    for (std::size_t i = 0; i < many; ++i) guard.admit("r" + std::to_string(i), 1000);
    CHECK(guard.tracked_runners() == many);
    // A minute on, every bucket is full: the next admit sweeps them all but the newcomer.
    CHECK(guard.admit("newcomer", 1060) == Verdict::act);
    CHECK(guard.tracked_runners() == 1);
    // A runner still flooding is kept through a sweep, and stays set aside.
    FloodGuard busy(2);
    CHECK(acted_on(busy, "flooder", 3, 1000) == 2);
    for (std::size_t i = 0; i < many; ++i) busy.admit("r" + std::to_string(i), 1000);
    CHECK(busy.admit("flooder", 1001) == Verdict::set_aside);
}

TEST_CASE("an exempt message is acted on in a flood and counts as nothing set aside") {
    FloodGuard guard(2);
    int asked = 0;
    const auto urgent = [&asked] {
        ++asked;
        return true;
    };
    CHECK(acted_on(guard, "r", 2, 1000) == 2);
    CHECK(guard.admit("r", 1000, urgent) == Verdict::act);
    CHECK(guard.set_aside_total() == 0);
    CHECK(guard.floods_total() == 0);
    // Asked only of a message that would be set aside.
    FloodGuard fresh(2);
    CHECK(fresh.admit("r", 1000, urgent) == Verdict::act);
    CHECK(asked == 1);
    // Not exempt: the flood starts with its notice.
    CHECK(guard.admit("r", 1000, [] { return false; }) == Verdict::set_aside_first);
}
