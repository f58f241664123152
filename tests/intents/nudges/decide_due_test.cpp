#include <catch2/catch.hpp>

#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_rules.hpp"
#include "nudge_test_support.hpp"

using namespace rubdown;
using namespace rubdown::intents::nudges;
using namespace rubdown::intents::nudges::testing;
using rubdown::intents::Seconds;
using std::chrono::hours;
using std::chrono::minutes;
using storage::NudgeKind;

namespace {

struct Scenario {
    storage::Nudge nudge;
    storage::User user = runner_in("Europe/Berlin");
    NudgeFacts facts;
};

/// A pre-race nudge of a race on Fri 2026-10-30 in Berlin, due D-5 09:00 CET (08:00 UTC).
Scenario pre_race_first() {
    Scenario s;
    s.nudge.id = 1;
    s.nudge.user_id = s.user.id;
    s.nudge.kind = NudgeKind::pre_race_first;
    s.nudge.due_at = unix_utc(2026, 10, 25, 8);
    s.nudge.not_after = unix_utc(2026, 10, 29, 23);
    s.nudge.race_id = 3;
    storage::Race race;
    race.id = 3;
    race.user_id = s.user.id;
    race.date = "2026-10-30";
    race.name = "Lakeside Half";
    s.facts.race = race;
    return s;
}

Scenario after_hard_session(Seconds due) {
    Scenario s;
    s.nudge.id = 2;
    s.nudge.user_id = s.user.id;
    s.nudge.kind = NudgeKind::after_hard_session;
    s.nudge.due_at = due.time_since_epoch().count();
    return s;
}

storage::Booking booking_on(const std::string& day) {
    storage::Booking booking;
    booking.user_id = 7;
    booking.date = day;
    booking.recorded_at = unix_utc(2026, 10, 1, 12);
    return booking;
}

DueDecision decide(const Scenario& s, Seconds now) {
    return decide_due(s.nudge, s.user, s.facts, now, NudgePolicy{});
}

}  // namespace

TEST_CASE("a due nudge is sent when nothing stands in the way") {
    auto s = pre_race_first();
    const auto decision = decide(s, utc(2026, 10, 25, 8));
    CHECK(decision.action == DueAction::send);
    // Up to the grace period late is still fine.
    CHECK(decide(s, utc(2026, 10, 25, 14)).action == DueAction::send);
}

TEST_CASE("a nudge asked about before its due instant waits for it") {
    auto s = pre_race_first();
    const auto decision = decide(s, utc(2026, 10, 25, 7));
    CHECK(decision.action == DueAction::postpone);
    CHECK(decision.until == utc(2026, 10, 25, 8));
}

TEST_CASE("the recovery nudge is not stopped by the pre-race massage") {
    auto s = pre_race_first();
    s.nudge.kind = NudgeKind::post_race;
    s.nudge.due_at = unix_utc(2026, 10, 31, 9);  // D+1 10:00 CET
    s.nudge.not_after = unix_utc(2026, 11, 1, 23);
    s.facts.bookings = {booking_on("2026-10-27")};
    CHECK(decide(s, utc(2026, 10, 31, 9)).action == DueAction::send);
    s.facts.bookings = {booking_on("2026-11-01")};
    CHECK(decide(s, utc(2026, 10, 31, 9)).action == DueAction::cancel);
}

TEST_CASE("a due nudge expires when late past grace or past not_after") {
    auto s = pre_race_first();
    CHECK(decide(s, utc(2026, 10, 25, 14, 1)).action == DueAction::expire);

    // Never after not_after, even within grace.
    s.nudge.not_after = unix_utc(2026, 10, 25, 9);
    CHECK(decide(s, utc(2026, 10, 25, 9)).action == DueAction::expire);
    CHECK(decide(s, utc(2026, 10, 25, 8, 59)).action == DueAction::send);

    // A postponement that would land after not_after expires instead: quiet until 08:00 CET
    // the next day, but the race starts at midnight.
    auto late = pre_race_first();
    late.nudge.due_at = unix_utc(2026, 10, 29, 19, 30);  // 20:30 CET on D-1
    const auto decision = decide(late, utc(2026, 10, 29, 20, 30));
    CHECK(decision.action == DueAction::expire);
}

TEST_CASE("a due nudge is cancelled when it became pointless") {
    const auto now = utc(2026, 10, 25, 8);
    struct Case {
        const char* what;
        void (*change)(Scenario&);
        std::string_view reason;
    };
    const Case cases[] = {
        {"runner blocked the bot", [](Scenario& s) { s.user.active = false; }, "inactive"},
        {"runner stopped nudges", [](Scenario& s) { s.user.nudges_stopped = true; }, "stopped"},
        {"race cancelled", [](Scenario& s) { s.facts.race->cancelled = true; }, "race_cancelled"},
        {"massage tomorrow", [](Scenario& s) { s.facts.bookings = {booking_on("2026-10-26")}; },
         "booked"},
        // D-2 is more than 48 h away but is a pre-race massage all the same.
        {"massage on D-2", [](Scenario& s) { s.facts.bookings = {booking_on("2026-10-28")}; },
         "booked"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto s = pre_race_first();
        c.change(s);
        const auto decision = decide(s, now);
        CHECK(decision.action == DueAction::cancel);
        CHECK(decision.reason == c.reason);
    }
    // The same booking on D-2 does not stop a general reminder: it is days away.
    auto general = after_hard_session(now);
    general.facts.bookings = {booking_on("2026-10-28")};
    CHECK(decide(general, now).action == DueAction::send);
    // A massage booked weeks later does not stop the pre-race nudges.
    auto s = pre_race_first();
    s.facts.bookings = {booking_on("2026-11-20")};
    CHECK(decide(s, now).action == DueAction::send);
}

TEST_CASE("a due nudge is postponed out of quiet hours, the pause and the daily cap") {
    SECTION("quiet hours: due at 22:00 CEST goes out at 08:00 CET after the change") {
        auto s = after_hard_session(utc(2026, 10, 24, 20));
        const auto decision = decide(s, utc(2026, 10, 24, 20));
        CHECK(decision.action == DueAction::postpone);
        CHECK(decision.until == utc(2026, 10, 25, 7));
        CHECK(decision.reason == "quiet_hours");
    }
    SECTION("custom quiet hours wrapping midnight in New York") {
        auto s = after_hard_session(utc(2026, 11, 1, 4));  // 00:00 EDT
        s.user = runner_in("America/New_York");
        s.user.quiet_start_minute = 23 * 60;
        s.user.quiet_end_minute = 7 * 60;
        const auto decision = decide(s, utc(2026, 11, 1, 4));
        CHECK(decision.action == DueAction::postpone);
        CHECK(decision.until == utc(2026, 11, 1, 12));  // 07:00 EST
    }
    SECTION("paused: postponed to the end of a short pause") {
        auto s = pre_race_first();
        s.user.nudges_paused_until = unix_utc(2026, 10, 25, 10);
        const auto decision = decide(s, utc(2026, 10, 25, 8));
        CHECK(decision.action == DueAction::postpone);
        CHECK(decision.until == utc(2026, 10, 25, 10));
        CHECK(decision.reason == "paused");
    }
    SECTION("paused: a pause ending in quiet hours waits for the morning") {
        auto s = after_hard_session(utc(2026, 10, 25, 15));
        s.user.nudges_paused_until = unix_utc(2026, 10, 25, 20, 30);  // 21:30 CET
        const auto decision = decide(s, utc(2026, 10, 25, 15));
        CHECK(decision.action == DueAction::postpone);
        CHECK(decision.until == utc(2026, 10, 26, 7));
    }
    SECTION("paused: nudges due while paused for long are not sent") {
        auto s = pre_race_first();
        s.user.nudges_paused_until = unix_utc(2026, 10, 27, 0);
        const auto decision = decide(s, utc(2026, 10, 25, 8));
        CHECK(decision.action == DueAction::expire);
        CHECK(decision.reason == "paused");
    }
    SECTION("daily cap: one sent 10 h ago holds this one until a day after it") {
        auto s = after_hard_session(utc(2026, 6, 3, 12));
        s.user = runner_in("UTC");
        s.facts.last_sent = unix_utc(2026, 6, 3, 2);
        const auto decision = decide(s, utc(2026, 6, 3, 12));
        CHECK(decision.action == DueAction::postpone);
        CHECK(decision.until == utc(2026, 6, 4, 2) + hours{6});  // 02:00 is quiet: 08:00
        CHECK(decision.reason == "daily_cap");
    }
    SECTION("daily cap: 23 h after the last one is a day later") {
        auto s = after_hard_session(utc(2026, 6, 3, 12));
        s.user = runner_in("UTC");
        s.facts.last_sent = unix_utc(2026, 6, 2, 13);
        CHECK(decide(s, utc(2026, 6, 3, 12)).action == DueAction::send);
    }
    SECTION("daily cap: the D-4 nudge goes 23 h after D-5 across the spring change") {
        // Race on Thu 2026-04-02 in Berlin: D-5 09:00 CET = 08:00 UTC, D-4 09:00 CEST = 07:00 UTC.
        auto s = pre_race_first();
        s.nudge.kind = NudgeKind::pre_race_second;
        s.nudge.due_at = unix_utc(2026, 3, 29, 7);
        s.nudge.not_after = unix_utc(2026, 4, 1, 22);
        s.facts.race->date = "2026-04-02";
        s.facts.last_sent = unix_utc(2026, 3, 28, 8) + 20;  // sent a few seconds late
        CHECK(decide(s, utc(2026, 3, 29, 7) + std::chrono::seconds{5}).action == DueAction::send);
    }
}

TEST_CASE("booking_is_recent looks 48 h either side of now, in the runner's local days") {
    const NudgePolicy policy;
    const auto user = runner_in("America/New_York");
    // Now: 2026-11-01 14:00 UTC = 09:00 EST. 48 h either side: Oct 30 14:00 .. Nov 3 14:00 UTC.
    const auto now = utc(2026, 11, 1, 14);
    CHECK(booking_is_recent(booking_on("2026-11-03"), user, now, policy));
    // Nov 4 local starts at 05:00 UTC, after the window.
    CHECK_FALSE(booking_is_recent(booking_on("2026-11-04"), user, now, policy));
    // Oct 30 local ends at Oct 31 04:00 UTC, inside the window.
    CHECK(booking_is_recent(booking_on("2026-10-30"), user, now, policy));
    CHECK_FALSE(booking_is_recent(booking_on("2026-10-29"), user, now, policy));
    storage::Booking undated;
    undated.recorded_at = unix_utc(2026, 10, 30, 15);
    CHECK(booking_is_recent(undated, user, now, policy));
    undated.recorded_at = unix_utc(2026, 10, 30, 13);
    CHECK_FALSE(booking_is_recent(undated, user, now, policy));
}

TEST_CASE("a nudge that waited in the outbox: sent in time, held out of quiet hours, or dropped") {
    const NudgePolicy policy;
    // Due 20:00 CET (19:00 UTC); the runner's quiet hours are 21:00-08:00.
    auto s = after_hard_session(utc(2026, 11, 3, 19));
    CHECK(decide_queued_nudge(s.nudge, s.user, utc(2026, 11, 3, 19, 30), policy).action ==
          DueAction::send);
    // Delayed into the quiet hours: 08:00 is 12 h after it was due, past the 6 h grace.
    auto decision = decide_queued_nudge(s.nudge, s.user, utc(2026, 11, 3, 20, 5), policy);
    CHECK(decision.action == DueAction::expire);
    CHECK(decision.reason == "quiet_hours");

    // With quiet hours 22:00-23:00 the same delay only holds it until 23:00.
    s.user.quiet_start_minute = 22 * 60;
    s.user.quiet_end_minute = 23 * 60;
    decision = decide_queued_nudge(s.nudge, s.user, utc(2026, 11, 3, 21, 5), policy);
    CHECK(decision.action == DueAction::postpone);
    CHECK(decision.until == utc(2026, 11, 3, 22));

    // Out of quiet hours but later than the grace period (a long outage): dropped.
    decision = decide_queued_nudge(s.nudge, s.user, utc(2026, 11, 4, 9, 1), policy);
    CHECK(decision.action == DueAction::expire);
    CHECK(decision.reason == "late");

    // A pre-race nudge never goes out once the race day has begun.
    const auto race = pre_race_first();
    CHECK(decide_queued_nudge(race.nudge, race.user, utc(2026, 10, 25, 9), policy).action ==
          DueAction::send);
    CHECK(decide_queued_nudge(race.nudge, race.user, utc(2026, 10, 29, 23), policy).action ==
          DueAction::expire);
}
