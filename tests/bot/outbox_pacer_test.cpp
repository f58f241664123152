#include "bot/outbox_pacer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using rubdown::bot::OutboxPacer;
using rubdown::bot::PacingLimits;
using rubdown::storage::OutboxMessage;
using namespace std::chrono_literals;

namespace {

OutboxMessage row(std::int64_t id, const std::string& chat) {
    OutboxMessage message;
    message.id = id;
    message.chat_id = chat;
    message.text = "m" + std::to_string(id);
    return message;
}

/// Ids handed out at `now`, finishing each one at once (so per-key order is visible).
std::vector<std::int64_t> drain(OutboxPacer& pacer, OutboxPacer::Time now) {
    std::vector<std::int64_t> ids;
    while (auto next = pacer.next_ready(now)) {
        ids.push_back(next->id);
        pacer.finish(next->chat_id, next->id, now);
    }
    return ids;
}

PacingLimits unlimited() {
    return PacingLimits{0ms, 1, 0.0, 16};
}

}  // namespace

TEST_CASE("pacer: a key's rows go in order, one at a time") {
    OutboxPacer pacer(unlimited());
    const OutboxPacer::Time t0{};
    pacer.push("a", row(1, "a"));
    pacer.push("a", row(2, "a"));
    auto first = pacer.next_ready(t0);
    REQUIRE(first);
    CHECK(first->id == 1);
    CHECK_FALSE(pacer.next_ready(t0));  // row 2 waits for row 1 to finish
    pacer.finish("a", 1, t0);
    auto second = pacer.next_ready(t0);
    REQUIRE(second);
    CHECK(second->id == 2);
}

TEST_CASE("pacer: keys take turns, so a busy chat does not starve another") {
    OutboxPacer pacer(unlimited());
    const OutboxPacer::Time t0{};
    for (int id = 1; id <= 3; ++id) pacer.push("busy", row(id, "busy"));
    pacer.push("quiet", row(10, "quiet"));
    const auto order = drain(pacer, t0);
    REQUIRE(order.size() == 4);
    // The quiet chat's only row goes no later than second.
    CHECK((order[0] == 10 || order[1] == 10));
}

TEST_CASE("pacer: a row already queued is not queued twice") {
    OutboxPacer pacer(unlimited());
    CHECK(pacer.push("a", row(1, "a")));
    CHECK_FALSE(pacer.push("a", row(1, "a")));
    CHECK(pacer.known() == 1);
}

TEST_CASE("pacer: per-key burst, then one row per interval") {
    OutboxPacer pacer(PacingLimits{1000ms, 2, 0.0, 16});
    const OutboxPacer::Time t0 = OutboxPacer::Time{} + 10s;
    for (int id = 1; id <= 3; ++id) pacer.push("a", row(id, "a"));
    CHECK(drain(pacer, t0) == std::vector<std::int64_t>{1, 2});
    const auto wake = pacer.next_wakeup(t0);
    REQUIRE(wake);
    CHECK(*wake == t0 + 1000ms);
    CHECK(drain(pacer, t0 + 999ms).empty());
    CHECK(drain(pacer, t0 + 1000ms) == std::vector<std::int64_t>{3});
}

TEST_CASE("pacer: the global limit holds over all keys") {
    OutboxPacer pacer(PacingLimits{0ms, 1, 2.0, 16});
    const OutboxPacer::Time t0 = OutboxPacer::Time{} + 10s;
    for (int id = 1; id <= 4; ++id)
        pacer.push("chat" + std::to_string(id), row(id, "chat" + std::to_string(id)));
    CHECK(drain(pacer, t0).size() == 2);
    CHECK(drain(pacer, t0 + 499ms).empty());
    CHECK(drain(pacer, t0 + 500ms).size() == 1);
}

TEST_CASE("pacer: a retried row pauses its key only and keeps its place") {
    OutboxPacer pacer(unlimited());
    const OutboxPacer::Time t0 = OutboxPacer::Time{} + 10s;
    pacer.push("a", row(1, "a"));
    pacer.push("a", row(2, "a"));
    pacer.push("b", row(3, "b"));
    auto first = pacer.next_ready(t0);
    REQUIRE(first);
    REQUIRE(first->chat_id == "a");
    pacer.retry("a", *first, t0 + 5s);
    CHECK(drain(pacer, t0 + 1s) == std::vector<std::int64_t>{3});
    CHECK(pacer.next_wakeup(t0 + 1s) == t0 + 5s);
    CHECK(drain(pacer, t0 + 5s) == std::vector<std::int64_t>{1, 2});
}

TEST_CASE("pacer: pause_all holds every key") {
    OutboxPacer pacer(unlimited());
    const OutboxPacer::Time t0 = OutboxPacer::Time{} + 10s;
    pacer.push("a", row(1, "a"));
    pacer.pause_all(t0 + 2s);
    CHECK(drain(pacer, t0).empty());
    CHECK(pacer.next_wakeup(t0) == t0 + 2s);
    CHECK(drain(pacer, t0 + 2s) == std::vector<std::int64_t>{1});
}

TEST_CASE("pacer: no more rows in flight than allowed") {
    OutboxPacer pacer(PacingLimits{0ms, 1, 0.0, 2});
    const OutboxPacer::Time t0{};
    for (int id = 1; id <= 3; ++id)
        pacer.push("chat" + std::to_string(id), row(id, "chat" + std::to_string(id)));
    auto a = pacer.next_ready(t0);
    auto b = pacer.next_ready(t0);
    REQUIRE(a);
    REQUIRE(b);
    CHECK_FALSE(pacer.next_ready(t0));
    CHECK_FALSE(pacer.next_wakeup(t0));  // waits for a delivery to finish, not for time
    pacer.finish(a->chat_id, a->id, t0);
    CHECK(pacer.next_ready(t0));
}

TEST_CASE("pacer: drop_queued removes a key's waiting rows but not the one in flight") {
    OutboxPacer pacer(unlimited());
    const OutboxPacer::Time t0{};
    pacer.push("a", row(1, "a"));
    pacer.push("a", row(2, "a"));
    pacer.push("a", row(3, "a"));
    auto first = pacer.next_ready(t0);
    REQUIRE(first);
    const auto dropped = pacer.drop_queued("a");
    CHECK(dropped.size() == 2);
    CHECK(pacer.knows(1));
    CHECK_FALSE(pacer.knows(2));
    pacer.finish("a", 1, t0);
    CHECK(pacer.known() == 0);
    CHECK(pacer.keys() == 0);
}
