#include <catch2/catch.hpp>

#include <map>

#include "adapters/telegram/send_scheduler.hpp"

using namespace rubdown::telegram;
using namespace std::chrono_literals;
using Kind = ResultAction::Kind;

namespace {

SteadyTime at(double seconds) {
    return SteadyTime{} +
           std::chrono::duration_cast<SteadyTime::duration>(std::chrono::duration<double>(seconds));
}

double seconds_of(SteadyTime time) {
    return std::chrono::duration<double>(time - SteadyTime{}).count();
}

/// A scheduler whose jitter is fixed, so backoff instants are exact.
SendScheduler scheduler_with(SendLimits limits = {}, double unit = 0.5) {
    return SendScheduler(limits, [unit] { return unit; });
}

/// Drains everything ready at `now`, reporting each send as delivered at once.
std::vector<std::int64_t> send_all_ready(SendScheduler& scheduler, SteadyTime now) {
    std::vector<std::int64_t> sent;
    while (auto id = scheduler.next_ready(now)) {
        sent.push_back(*id);
        CHECK(scheduler.on_result(*id, ApiOutcome::ok, now).kind == Kind::sent);
    }
    return sent;
}

}  // namespace

TEST_CASE("one chat: a short burst, then about one a second", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    for (std::int64_t id = 1; id <= 5; ++id) REQUIRE(scheduler.push(id, "42", at(0)));
    CHECK(send_all_ready(scheduler, at(0)) == std::vector<std::int64_t>{1, 2, 3});
    CHECK(scheduler.queued() == 2);
    REQUIRE(scheduler.next_wakeup(at(0)).has_value());
    CHECK(seconds_of(*scheduler.next_wakeup(at(0))) == Approx(1.0));
    CHECK(send_all_ready(scheduler, at(0.9)).empty());
    CHECK(send_all_ready(scheduler, at(1.0)) == std::vector<std::int64_t>{4});
    CHECK(send_all_ready(scheduler, at(2.0)) == std::vector<std::int64_t>{5});
    CHECK_FALSE(scheduler.next_wakeup(at(2.0)).has_value());
}

TEST_CASE("a chat has one message in flight at a time, in order", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "42", at(0));
    scheduler.push(2, "42", at(0));
    CHECK(scheduler.next_ready(at(0)) == 1);
    CHECK_FALSE(scheduler.next_ready(at(0)).has_value());
    CHECK(scheduler.in_flight() == 1);
    // Nothing can be woken for while the only chat waits on its answer.
    CHECK_FALSE(scheduler.next_wakeup(at(0)).has_value());
    scheduler.on_result(1, ApiOutcome::ok, at(0.2));
    CHECK(scheduler.next_ready(at(0.2)) == 2);
}

TEST_CASE("a busy chat never delays the others", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    for (std::int64_t id = 1; id <= 20; ++id) scheduler.push(id, "1001", at(0));
    CHECK(send_all_ready(scheduler, at(0)).size() == 3);  // its burst is spent
    scheduler.push(100, "2002", at(0.5));
    scheduler.push(101, "3003", at(0.5));
    CHECK(send_all_ready(scheduler, at(0.5)) == std::vector<std::int64_t>{100, 101});
}

TEST_CASE("chats take turns by how long they have waited", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "A", at(0));
    scheduler.push(2, "A", at(0));
    CHECK(scheduler.next_ready(at(0)) == 1);
    scheduler.push(3, "B", at(0.1));
    scheduler.on_result(1, ApiOutcome::ok, at(1));
    // A's second message started waiting only when the first was done; B has waited since 0.1.
    CHECK(scheduler.next_ready(at(1)) == 3);
    CHECK(scheduler.next_ready(at(1)) == 2);
}

TEST_CASE("a slow answer does not buy a chat an earlier turn", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "Y", at(0));
    scheduler.push(2, "Y", at(0));
    REQUIRE(scheduler.next_ready(at(0)) == 1);  // Y's first answer will take three seconds
    scheduler.push(10, "X", at(1.9));
    REQUIRE(scheduler.next_ready(at(1.9)) == 10);
    scheduler.on_result(10, ApiOutcome::ok, at(1.95));
    scheduler.push(11, "X", at(2));
    scheduler.on_result(1, ApiOutcome::ok, at(3));
    // X's message has waited since 2; Y's second only since its first was answered at 3.
    CHECK(scheduler.next_ready(at(3)) == 11);
    CHECK(scheduler.next_ready(at(3)) == 2);
}

TEST_CASE("about thirty messages a second overall", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    for (std::int64_t id = 1; id <= 45; ++id) scheduler.push(id, std::to_string(id), at(0));
    CHECK(send_all_ready(scheduler, at(0)).size() == 30);
    const auto wakeup = scheduler.next_wakeup(at(0));
    REQUIRE(wakeup.has_value());
    CHECK(seconds_of(*wakeup) == Approx(1.0 / 30));
    CHECK(send_all_ready(scheduler, at(0.1)).size() == 3);
    CHECK(send_all_ready(scheduler, at(1.0)).size() == 12);
}

TEST_CASE("a sender driven by next_wakeup always makes progress", "[telegram][scheduler]") {
    // Rates whose token arithmetic is inexact in floating point (1/30, 1/3...) must still give
    // a wake-up at which next_ready returns something, or the sender would spin.
    for (double rate : {30.0, 7.0, 3.0, 0.3}) {
        INFO("global rate " << rate);
        SendLimits limits;
        limits.global_per_second = rate;
        limits.global_burst = 1.0;
        auto scheduler = scheduler_with(limits);
        const std::int64_t messages = 300;
        for (std::int64_t id = 0; id < messages; ++id)
            scheduler.push(id, std::to_string(id), at(0));
        SteadyTime now = at(0.123456789);
        std::int64_t sent = 0;
        int idle_wakeups = 0;
        while (sent < messages && idle_wakeups < 10) {
            const auto batch = send_all_ready(scheduler, now);
            sent += static_cast<std::int64_t>(batch.size());
            idle_wakeups = batch.empty() ? idle_wakeups + 1 : 0;
            const auto wakeup = scheduler.next_wakeup(now);
            if (!wakeup) break;
            now = *wakeup;
        }
        CHECK(sent == messages);
    }
}

TEST_CASE("group chats: at most twenty in any minute", "[telegram][scheduler]") {
    struct Case {
        std::string chat;
        bool limited;
    };
    for (const auto& c : {Case{"-1001987654321", true}, Case{"-4521", true}, Case{"42", false}}) {
        INFO(c.chat);
        auto scheduler = scheduler_with();
        for (std::int64_t id = 1; id <= 60; ++id) scheduler.push(id, c.chat, at(0));
        std::vector<double> sends;
        SteadyTime now = at(0);
        while (sends.size() < 60) {
            for (auto id : send_all_ready(scheduler, now)) {
                (void)id;
                sends.push_back(seconds_of(now));
            }
            const auto wakeup = scheduler.next_wakeup(now);
            if (!wakeup) break;
            now = *wakeup;
        }
        REQUIRE(sends.size() == 60);
        std::size_t most_in_a_minute = 0;
        for (std::size_t i = 0; i < sends.size(); ++i) {
            std::size_t in_window = 0;
            for (std::size_t k = i; k < sends.size() && sends[k] < sends[i] + 60.0; ++k)
                ++in_window;
            most_in_a_minute = std::max(most_in_a_minute, in_window);
        }
        if (c.limited) {
            CHECK(most_in_a_minute == 20);
            CHECK(sends[20] == Approx(sends[0] + 60.0));  // the 21st waits for the 1st to expire
        } else {
            CHECK(most_in_a_minute > 50);  // one a second, plus the burst
        }
    }
}

TEST_CASE("a reply in several parts pays for all of them", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "42", at(0), 5);
    scheduler.push(2, "42", at(0));
    CHECK(send_all_ready(scheduler, at(0)) == std::vector<std::int64_t>{1});
    // Burst of 3, five messages sent: two tokens in debt, one needed -> three seconds.
    REQUIRE(scheduler.next_wakeup(at(0)).has_value());
    CHECK(seconds_of(*scheduler.next_wakeup(at(0))) == Approx(3.0));
    CHECK(send_all_ready(scheduler, at(2.9)).empty());
    CHECK(send_all_ready(scheduler, at(3.0)) == std::vector<std::int64_t>{2});
}

TEST_CASE("flood control pauses only that chat and costs no attempt", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "42", at(0));
    scheduler.push(2, "42", at(0));
    scheduler.push(3, "77", at(0));
    REQUIRE(scheduler.next_ready(at(0)) == 1);
    const auto action = scheduler.on_result(1, ApiOutcome::retry_after, at(0), 17s);
    CHECK(action.kind == Kind::retry_scheduled);
    CHECK(action.attempts == 0);
    CHECK(seconds_of(action.retry_at) == Approx(17.0));
    CHECK(send_all_ready(scheduler, at(1)) == std::vector<std::int64_t>{3});
    CHECK(send_all_ready(scheduler, at(16.9)).empty());
    REQUIRE(scheduler.next_wakeup(at(16.9)).has_value());
    CHECK(seconds_of(*scheduler.next_wakeup(at(16.9))) == Approx(17.0));
    CHECK(send_all_ready(scheduler, at(17)) == std::vector<std::int64_t>{1, 2});
}

TEST_CASE("pause_chat holds a chat's queue", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "42", at(0));
    scheduler.pause_chat("42", at(30));
    CHECK_FALSE(scheduler.next_ready(at(29)).has_value());
    CHECK(seconds_of(*scheduler.next_wakeup(at(0))) == Approx(30.0));
    CHECK(scheduler.next_ready(at(30)) == 1);

    // A pause set before anything is queued still holds.
    scheduler.pause_chat("55", at(100));
    scheduler.push(2, "55", at(40));
    CHECK_FALSE(scheduler.next_ready(at(99)).has_value());
    CHECK(scheduler.next_ready(at(100)) == 2);
}

TEST_CASE("transient failures back off exponentially with jitter", "[telegram][scheduler]") {
    SendLimits limits;
    limits.backoff_base = 1000ms;
    limits.backoff_cap = 6000ms;
    limits.max_attempts = 6;
    struct Case {
        double unit;
        std::vector<double> delays;  // seconds after each failure
    };
    // Equal jitter: half of base * 2^(n-1) (capped) is kept, the other half scaled by the unit.
    const std::vector<Case> cases = {
        {0.0, {0.5, 1.0, 2.0, 3.0, 3.0}},
        {1.0, {1.0, 2.0, 4.0, 6.0, 6.0}},
        {0.5, {0.75, 1.5, 3.0, 4.5, 4.5}},
    };
    for (const auto& c : cases) {
        INFO("unit " << c.unit);
        auto scheduler = scheduler_with(limits, c.unit);
        scheduler.push(1, "42", at(0));
        double now = 0;
        for (std::size_t failure = 0; failure < c.delays.size(); ++failure) {
            REQUIRE(scheduler.next_ready(at(now)) == 1);
            const auto action = scheduler.on_result(1, ApiOutcome::transient, at(now));
            CHECK(action.kind == Kind::retry_scheduled);
            CHECK(action.attempts == static_cast<int>(failure + 1));
            CHECK(seconds_of(action.retry_at) == Approx(now + c.delays[failure]));
            CHECK_FALSE(scheduler.next_ready(at(now + c.delays[failure] - 0.01)).has_value());
            now += c.delays[failure];
        }
        REQUIRE(scheduler.next_ready(at(now)) == 1);
        const auto last = scheduler.on_result(1, ApiOutcome::transient, at(now));
        CHECK(last.kind == Kind::failed);
        CHECK(last.attempts == 6);
        CHECK(scheduler.queued() == 0);
    }
}

TEST_CASE("attempts made before a restart count", "[telegram][scheduler]") {
    SendLimits limits;
    limits.max_attempts = 3;
    auto scheduler = scheduler_with(limits);
    REQUIRE(scheduler.push(SendScheduler::Send{9, "42", 1, at(50), 2}, at(0)));
    CHECK_FALSE(scheduler.next_ready(at(49)).has_value());  // the row's not_before holds
    REQUIRE(scheduler.next_ready(at(50)) == 9);
    CHECK(scheduler.on_result(9, ApiOutcome::transient, at(50)).kind == Kind::failed);
}

TEST_CASE("outcomes and what the sender does", "[telegram][scheduler]") {
    struct Case {
        ApiOutcome outcome;
        Kind kind;
        std::size_t left_in_chat;  // of the chat's three messages
        bool next_goes_at_once;
    };
    const std::vector<Case> cases = {
        {ApiOutcome::ok, Kind::sent, 2, true},
        {ApiOutcome::permanent, Kind::failed, 2, true},
        {ApiOutcome::blocked, Kind::chat_blocked, 0, false},
        {ApiOutcome::transient, Kind::retry_scheduled, 3, false},
        {ApiOutcome::retry_after, Kind::retry_scheduled, 3, false},
        {ApiOutcome::unauthorized, Kind::channel_paused, 3, false},
    };
    for (const auto& c : cases) {
        INFO(to_string(c.outcome));
        auto scheduler = scheduler_with();
        for (std::int64_t id = 1; id <= 3; ++id) scheduler.push(id, "42", at(0));
        REQUIRE(scheduler.next_ready(at(0)) == 1);
        const auto action = scheduler.on_result(1, c.outcome, at(0), 5s);
        CHECK(action.kind == c.kind);
        CHECK(scheduler.queued() == c.left_in_chat);
        CHECK(scheduler.next_ready(at(0)).has_value() == c.next_goes_at_once);
        if (c.outcome == ApiOutcome::blocked)
            CHECK(action.also_dropped == std::vector<std::int64_t>{2, 3});
    }
}

TEST_CASE("a rejected token stops every chat until the pause ends", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    scheduler.push(1, "42", at(0));
    scheduler.push(2, "77", at(0));
    REQUIRE(scheduler.next_ready(at(0)) == 1);
    const auto action = scheduler.on_result(1, ApiOutcome::unauthorized, at(0));
    CHECK(seconds_of(action.retry_at) == Approx(300.0));
    CHECK_FALSE(scheduler.next_ready(at(299)).has_value());
    CHECK(seconds_of(*scheduler.next_wakeup(at(1))) == Approx(300.0));
    CHECK(send_all_ready(scheduler, at(300)) == std::vector<std::int64_t>{2, 1});
}

TEST_CASE("ids are tracked once", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    CHECK(scheduler.push(1, "42", at(0)));
    CHECK_FALSE(scheduler.push(1, "77", at(0)));
    CHECK(scheduler.on_result(1, ApiOutcome::ok, at(0)).kind == Kind::unknown_id);  // not sent
    CHECK(scheduler.on_result(99, ApiOutcome::ok, at(0)).kind == Kind::unknown_id);
    REQUIRE(scheduler.next_ready(at(0)) == 1);
    CHECK(scheduler.on_result(1, ApiOutcome::ok, at(0)).kind == Kind::sent);
    CHECK(scheduler.on_result(1, ApiOutcome::ok, at(0)).kind == Kind::unknown_id);
    CHECK(scheduler.push(1, "42", at(1)));  // sent ids may come back (a new outbox row)
}

TEST_CASE("idle chats are forgotten once their limits have recovered", "[telegram][scheduler]") {
    auto scheduler = scheduler_with();
    for (std::int64_t id = 0; id < 300; ++id) {
        const auto now = at(static_cast<double>(id) * 10);
        scheduler.push(id, std::to_string(id), now);
        REQUIRE(scheduler.next_ready(now) == id);
        scheduler.on_result(id, ApiOutcome::ok, now);
    }
    CHECK(scheduler.tracked_chats() < 100);
}
