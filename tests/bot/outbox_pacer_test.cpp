#include "bot/outbox/outbox_pacer.hpp"

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

TEST_CASE("pacer: a key holds at most its cap of rows, and says when it is full") {
    auto limits = unlimited();
    limits.max_held_per_key = 2;
    OutboxPacer pacer(limits);
    CHECK(pacer.push("flood", row(1, "flood")));
    CHECK(pacer.keys_at_capacity().empty());
    CHECK(pacer.push("flood", row(2, "flood")));
    CHECK_FALSE(pacer.push("flood", row(3, "flood")));
    CHECK_FALSE(pacer.knows(3));
    CHECK(pacer.push("quiet", row(4, "quiet")));
    CHECK(pacer.keys_at_capacity() == std::vector<std::string>{"flood"});
    // The row in flight still counts; once it is finished, the key has room again.
    const auto first = pacer.next_ready(OutboxPacer::Time{});
    REQUIRE(first);
    REQUIRE(first->chat_id == "flood");
    CHECK_FALSE(pacer.push("flood", row(3, "flood")));
    pacer.finish("flood", first->id, OutboxPacer::Time{});
    CHECK(pacer.keys_at_capacity().empty());
    CHECK(pacer.push("flood", row(3, "flood")));
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

TEST_CASE("pacer: a shared chat gets at most its cap in any sliding minute") {
    using rubdown::bot::PacingCharge;
    // One message a second per chat with a burst of 3, and a group cap of 20 a minute.
    OutboxPacer pacer(PacingLimits{1000ms, 3, 0.0, 16, 20});
    const OutboxPacer::Time t0 = OutboxPacer::Time{} + 10s;
    const PacingCharge group{1, true};
    for (int id = 1; id <= 30; ++id) pacer.push("-100", row(id, "-100"), group);
    for (int id = 101; id <= 130; ++id) pacer.push("7", row(id, "7"));

    // Walk a second at a time: the per-chat bucket alone would let 3 + 59 = 62 through in the
    // first minute; the group gets 20 (3 at once, then one a second), the private chat its 62.
    std::vector<OutboxPacer::Time> group_sent;
    std::size_t private_sent = 0;
    for (auto now = t0; now < t0 + 120s; now += 1s) {
        while (auto next = pacer.next_ready(now)) {
            if (next->chat_id == "-100")
                group_sent.push_back(now);
            else
                ++private_sent;
            pacer.finish(next->chat_id, next->id, now);
        }
    }
    REQUIRE(group_sent.size() == 30);
    CHECK(private_sent == 30);
    for (std::size_t i = 20; i < group_sent.size(); ++i) {
        INFO("message " << i);
        CHECK(group_sent[i] - group_sent[i - 20] >= 60s);
    }
    // The 21st waits for the first to leave the window, not longer.
    CHECK(group_sent[20] == group_sent[0] + 60s);
}

TEST_CASE("pacer: a row of several messages is charged for each") {
    using rubdown::bot::PacingCharge;
    OutboxPacer pacer(PacingLimits{1000ms, 3, 0.0, 16, 20});
    const OutboxPacer::Time t0 = OutboxPacer::Time{} + 10s;
    pacer.push("7", row(1, "7"), PacingCharge{3, false});  // a reply sent in three parts
    pacer.push("7", row(2, "7"));
    CHECK(drain(pacer, t0) == std::vector<std::int64_t>{1});
    // The burst of three went on the parts: the next row waits a full interval.
    const auto wake = pacer.next_wakeup(t0);
    REQUIRE(wake);
    CHECK(*wake == t0 + 1000ms);
    CHECK(drain(pacer, t0 + 1000ms) == std::vector<std::int64_t>{2});

    // In a group, a row of more parts than the cap waits for an empty window, then goes.
    pacer.push("-5", row(3, "-5"), PacingCharge{1, true});
    pacer.push("-5", row(4, "-5"), PacingCharge{25, true});
    CHECK(drain(pacer, t0) == std::vector<std::int64_t>{3});
    const auto group_wake = pacer.next_wakeup(t0 + 1s);
    REQUIRE(group_wake);
    CHECK(*group_wake == t0 + 60s);
    CHECK(drain(pacer, t0 + 60s) == std::vector<std::int64_t>{4});
}
