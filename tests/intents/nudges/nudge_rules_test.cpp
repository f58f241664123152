#include "intents/nudges/nudge_rules.hpp"

#include <catch2/catch.hpp>

#include "intents/nudges/local_time.hpp"
#include "nudge_test_support.hpp"

using namespace rubdown;
using namespace rubdown::intents::nudges;
using namespace rubdown::intents::nudges::testing;
using rubdown::intents::Seconds;
using std::chrono::hours;
using storage::NudgeKind;

namespace {

storage::Run run_of(double km, storage::Effort effort = storage::Effort::unknown,
                    std::int64_t id = 0) {
    storage::Run run;
    run.id = id;
    run.user_id = 7;
    run.distance_km = km;
    run.effort = effort;
    return run;
}

std::vector<storage::Run> runs_of(std::initializer_list<double> kms) {
    std::vector<storage::Run> runs;
    std::int64_t id = 100;
    for (double km : kms) runs.push_back(run_of(km, storage::Effort::unknown, id++));
    return runs;
}

storage::Run hard_run_logged(Seconds logged, const std::string& day) {
    auto run = run_of(12, storage::Effort::hard, 1);
    run.hard = true;
    run.date = day;
    run.logged_at = logged.time_since_epoch().count();
    return run;
}

storage::Booking booking_on(const std::string& day, Seconds recorded) {
    storage::Booking booking;
    booking.user_id = 7;
    booking.date = day;
    booking.recorded_at = recorded.time_since_epoch().count();
    return booking;
}

storage::Booking undated_booking(Seconds recorded) {
    storage::Booking booking;
    booking.user_id = 7;
    booking.recorded_at = recorded.time_since_epoch().count();
    return booking;
}

storage::Nudge pending_nudge(NudgeKind kind, Seconds due) {
    storage::Nudge nudge;
    nudge.id = 50;
    nudge.user_id = 7;
    nudge.kind = kind;
    nudge.due_at = due.time_since_epoch().count();
    return nudge;
}

storage::Race race_on(const std::string& day, const std::string& name = "Lakeside Half") {
    storage::Race race;
    race.id = 3;
    race.user_id = 7;
    race.date = day;
    race.name = name;
    return race;
}

Seconds due_of(const storage::Nudge& nudge) {
    return from_unix(nudge.due_at);
}

}  // namespace

TEST_CASE("a hard session is hard effort or a run much longer than the usual") {
    CHECK(is_hard_session(run_of(5, storage::Effort::hard), {}));
    auto flagged = run_of(5);
    flagged.hard = true;
    CHECK(is_hard_session(flagged, {}));
    CHECK_FALSE(is_hard_session(run_of(5, storage::Effort::easy), runs_of({5, 6, 5})));

    const auto usual = runs_of({5, 6, 5, 7, 6});  // median 6 km
    CHECK(is_hard_session(run_of(9.1), usual));
    CHECK_FALSE(is_hard_session(run_of(9.0), usual));
    CHECK(is_hard_session(run_of(13), runs_of({8, 8, 9, 10})));  // median 8.5: 12.75 is the line
    CHECK_FALSE(is_hard_session(run_of(12.7), runs_of({8, 8, 9, 10})));
    // Two earlier runs are too few to know what is usual.
    CHECK_FALSE(is_hard_session(run_of(30), runs_of({5, 5})));
    // The run itself, when already stored, does not count towards its own usual.
    auto long_run = run_of(20, storage::Effort::unknown, 1);
    CHECK_FALSE(is_hard_session(long_run, {long_run, run_of(5, {}, 2), run_of(5, {}, 3)}));

    // Without distances, durations are compared (median 2000 s).
    std::vector<storage::Run> timed;
    for (std::int64_t seconds : {1800, 2000, 2200}) {
        storage::Run run;
        run.id = seconds;
        run.duration_s = seconds;
        timed.push_back(run);
    }
    storage::Run longer;
    longer.duration_s = 3100;
    CHECK(is_hard_session(longer, timed));
    longer.duration_s = 2900;
    CHECK_FALSE(is_hard_session(longer, timed));
}

TEST_CASE("the after-hard-session nudge comes 2 h after logging, outside quiet hours") {
    const NudgePolicy policy;
    struct Case {
        const char* what;
        const char* zone;
        int quiet_start;
        int quiet_end;
        Seconds logged;
        const char* run_day;
        Seconds expected_due;
    };
    const Case cases[] = {
        {"midday in Berlin", "Europe/Berlin", 21 * 60, 8 * 60, utc(2026, 10, 24, 10), "2026-10-24",
         utc(2026, 10, 24, 12)},
        {"evening in Berlin waits for 08:00 after the autumn change", "Europe/Berlin", 21 * 60,
         8 * 60, utc(2026, 10, 24, 18, 30), "2026-10-24", utc(2026, 10, 25, 7)},
        {"evening in New York waits for 08:00 EST", "America/New_York", 21 * 60, 8 * 60,
         utc(2026, 10, 31, 23, 30), "2026-10-31", utc(2026, 11, 1, 13)},
        {"custom quiet 19:00-06:00, before it", "UTC", 19 * 60, 6 * 60, utc(2026, 6, 3, 16),
         "2026-06-03", utc(2026, 6, 3, 18)},
        {"custom quiet 19:00-06:00, into it", "UTC", 19 * 60, 6 * 60, utc(2026, 6, 3, 17, 30),
         "2026-06-03", utc(2026, 6, 4, 6)},
        {"a run from yesterday still counts", "UTC", 21 * 60, 8 * 60, utc(2026, 6, 3, 9),
         "2026-06-02", utc(2026, 6, 3, 11)},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto user = runner_in(c.zone);
        user.quiet_start_minute = c.quiet_start;
        user.quiet_end_minute = c.quiet_end;
        const auto run = hard_run_logged(c.logged, c.run_day);
        const auto nudge = plan_after_hard_session(user, run, {}, {}, c.logged, policy);
        REQUIRE(nudge);
        CHECK(nudge->kind == NudgeKind::after_hard_session);
        CHECK(due_of(*nudge) == c.expected_due);
        CHECK(nudge->run_id == run.id);
        CHECK(nudge->user_id == user.id);
        CHECK(nudge->state == storage::NudgeState::pending);
        CHECK(nudge->not_after == 0);
    }
}

TEST_CASE("no after-hard-session nudge when something makes it unwelcome") {
    const NudgePolicy policy;
    const auto now = utc(2026, 6, 3, 10);
    const auto run = hard_run_logged(now, "2026-06-03");
    const auto plan = [&](const storage::User& user, const NudgeFacts& facts) {
        return plan_after_hard_session(user, run, {}, facts, now, policy).has_value();
    };
    const auto user = runner_in("UTC");
    REQUIRE(plan(user, {}));

    SECTION("easy run") {
        auto easy = run_of(5, storage::Effort::easy, 1);
        easy.date = "2026-06-03";
        CHECK_FALSE(plan_after_hard_session(user, easy, runs_of({5, 6, 5}), {}, now, policy));
    }
    SECTION("nudges stopped, inactive, paused") {
        auto stopped = user;
        stopped.nudges_stopped = true;
        CHECK_FALSE(plan(stopped, {}));
        auto blocked = user;
        blocked.active = false;
        CHECK_FALSE(plan(blocked, {}));
        auto paused = user;
        paused.nudges_paused_until = unix_utc(2026, 6, 5, 0);
        CHECK_FALSE(plan(paused, {}));
        paused.nudges_paused_until = unix_utc(2026, 6, 3, 9);  // a pause that is over
        CHECK(plan(paused, {}));
        // The nudge is due at 12:00: a pause over by then, or within the grace period after it
        // (the nudge then waits for its end), does not drop it.
        paused.nudges_paused_until = unix_utc(2026, 6, 3, 11);
        CHECK(plan(paused, {}));
        paused.nudges_paused_until = unix_utc(2026, 6, 3, 18);
        CHECK(plan(paused, {}));
        paused.nudges_paused_until = unix_utc(2026, 6, 3, 18, 1);
        CHECK_FALSE(plan(paused, {}));
    }
    SECTION("a massage booked within 48 h, either side") {
        const auto recorded = utc(2026, 5, 20, 12);
        CHECK_FALSE(plan(user, {{booking_on("2026-06-04", recorded)}, {}, {}, {}}));
        CHECK_FALSE(plan(user, {{booking_on("2026-06-05", recorded)}, {}, {}, {}}));
        CHECK_FALSE(plan(user, {{booking_on("2026-06-02", recorded)}, {}, {}, {}}));
        CHECK(plan(user, {{booking_on("2026-06-06", recorded)}, {}, {}, {}}));
        CHECK(plan(user, {{booking_on("2026-05-31", recorded)}, {}, {}, {}}));
        CHECK_FALSE(plan(user, {{undated_booking(now - hours{47})}, {}, {}, {}}));
        CHECK(plan(user, {{undated_booking(now - hours{49})}, {}, {}, {}}));
    }
    SECTION("at most one nudge a day") {
        // The nudge is due at 12:00; yesterday's must be a day before that, less the 2 h slack
        // the send-time check allows (decide_due).
        CHECK_FALSE(plan(user, {{}, storage::UnixSeconds{unix_utc(2026, 6, 2, 14, 1)}, {}, {}}));
        CHECK(plan(user, {{}, storage::UnixSeconds{unix_utc(2026, 6, 2, 14)}, {}, {}}));
        // A runner who logs a hard session at the same hour every day gets a nudge every day.
        CHECK(plan(user, {{}, storage::UnixSeconds{unix_utc(2026, 6, 2, 12)}, {}, {}}));
        // Another nudge already pending within a day of 12:00 today.
        CHECK_FALSE(
            plan(user, {{}, {}, {pending_nudge(NudgeKind::post_race, utc(2026, 6, 4, 10))}, {}}));
        CHECK_FALSE(
            plan(user, {{}, {}, {pending_nudge(NudgeKind::snoozed, utc(2026, 6, 2, 13))}, {}}));
        CHECK(plan(user, {{}, {}, {pending_nudge(NudgeKind::post_race, utc(2026, 6, 4, 12))}, {}}));
    }
    SECTION("a hard run logged days later") {
        auto old = run;
        old.date = "2026-06-01";
        CHECK_FALSE(plan_after_hard_session(user, old, {}, {}, now, policy));
    }
}

TEST_CASE("race nudges: D-5 and D-4 at 09:00 and D+1 at 10:00, local, across DST changes") {
    struct Case {
        const char* what;
        const char* zone;
        const char* race_day;
        Seconds first;
        Seconds second;
        Seconds post;
        Seconds race_start;
        Seconds post_not_after;
    };
    const Case cases[] = {
        {"Berlin, D-5 on the autumn change day", "Europe/Berlin", "2026-10-30",
         utc(2026, 10, 25, 8), utc(2026, 10, 26, 8), utc(2026, 10, 31, 9), utc(2026, 10, 29, 23),
         utc(2026, 11, 1, 23)},
        {"Berlin, D-4 on the autumn change day", "Europe/Berlin", "2026-10-29",
         utc(2026, 10, 24, 7), utc(2026, 10, 25, 8), utc(2026, 10, 30, 9), utc(2026, 10, 28, 23),
         utc(2026, 10, 31, 23)},
        {"Berlin, D-4 on the spring change day", "Europe/Berlin", "2026-04-02", utc(2026, 3, 28, 8),
         utc(2026, 3, 29, 7), utc(2026, 4, 3, 8), utc(2026, 4, 1, 22), utc(2026, 4, 4, 22)},
        {"New York, D-5 on the autumn change day", "America/New_York", "2026-11-06",
         utc(2026, 11, 1, 14), utc(2026, 11, 2, 14), utc(2026, 11, 7, 15), utc(2026, 11, 6, 5),
         utc(2026, 11, 9, 5)},
        {"New York, D-4 on the autumn change day", "America/New_York", "2026-11-05",
         utc(2026, 10, 31, 13), utc(2026, 11, 1, 14), utc(2026, 11, 6, 15), utc(2026, 11, 5, 5),
         utc(2026, 11, 8, 5)},
        {"unknown zone is UTC", "Nowhere/City", "2026-12-14", utc(2026, 12, 9, 9),
         utc(2026, 12, 10, 9), utc(2026, 12, 15, 10), utc(2026, 12, 14, 0), utc(2026, 12, 17, 0)},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto user = runner_in(c.zone);
        const auto planned = plan_race_nudges(user, race_on(c.race_day), {}, utc(2026, 3, 1, 12));
        REQUIRE(planned.size() == 3);
        CHECK(planned[0].kind == NudgeKind::pre_race_first);
        CHECK(due_of(planned[0]) == c.first);
        CHECK(from_unix(planned[0].not_after) == c.race_start);
        CHECK(planned[1].kind == NudgeKind::pre_race_second);
        CHECK(due_of(planned[1]) == c.second);
        CHECK(from_unix(planned[1].not_after) == c.race_start);
        CHECK(planned[2].kind == NudgeKind::post_race);
        CHECK(due_of(planned[2]) == c.post);
        CHECK(from_unix(planned[2].not_after) == c.post_not_after);
        for (const auto& nudge : planned) {
            CHECK(nudge.race_id == 3);
            CHECK(nudge.user_id == user.id);
        }
    }
}

TEST_CASE("race nudges already past, cancelled races, bookings and quiet hours") {
    const auto user = runner_in("Europe/Berlin");
    const auto race = race_on("2026-10-30");
    const auto kinds = [](const std::vector<storage::Nudge>& nudges) {
        std::vector<NudgeKind> result;
        for (const auto& nudge : nudges) result.push_back(nudge.kind);
        return result;
    };
    using K = NudgeKind;
    // D-5 09:00 is 08:00 UTC on Oct 25, D-4 09:00 is 08:00 UTC on Oct 26.
    CHECK(kinds(plan_race_nudges(user, race, {}, utc(2026, 10, 25, 7, 59))) ==
          std::vector<K>{K::pre_race_first, K::pre_race_second, K::post_race});
    CHECK(kinds(plan_race_nudges(user, race, {}, utc(2026, 10, 25, 8))) ==
          std::vector<K>{K::pre_race_second, K::post_race});
    CHECK(kinds(plan_race_nudges(user, race, {}, utc(2026, 10, 26, 8))) ==
          std::vector<K>{K::post_race});
    CHECK(plan_race_nudges(user, race, {}, utc(2026, 10, 31, 9)).empty());

    auto cancelled = race;
    cancelled.cancelled = true;
    CHECK(plan_race_nudges(user, cancelled, {}, utc(2026, 10, 1, 0)).empty());
    CHECK(plan_race_nudges(user, race_on("sometime"), {}, utc(2026, 10, 1, 0)).empty());
    auto stopped = user;
    stopped.nudges_stopped = true;
    CHECK(plan_race_nudges(stopped, race, {}, utc(2026, 10, 1, 0)).empty());

    // A massage already booked for the week before the race leaves only the recovery nudge.
    const NudgeFacts booked{{booking_on("2026-10-26", utc(2026, 10, 1, 0))}, {}, {}, {}};
    CHECK(kinds(plan_race_nudges(user, race, booked, utc(2026, 10, 1, 0))) ==
          std::vector<K>{K::post_race});
    const NudgeFacts booked_long_before{
        {booking_on("2026-10-20", utc(2026, 10, 1, 0))}, {}, {}, {}};
    CHECK(plan_race_nudges(user, race, booked_long_before, utc(2026, 10, 1, 0)).size() == 3);

    // Quiet until 10:00 moves the 09:00 nudges to 10:00 (09:00 UTC after the change).
    auto late_riser = user;
    late_riser.quiet_start_minute = 22 * 60;
    late_riser.quiet_end_minute = 10 * 60;
    const auto planned = plan_race_nudges(late_riser, race, {}, utc(2026, 10, 1, 0));
    REQUIRE(planned.size() == 3);
    CHECK(due_of(planned[0]) == utc(2026, 10, 25, 9));
    CHECK(due_of(planned[2]) == utc(2026, 10, 31, 9));
}

TEST_CASE("the pre-race window is open until D-3 is over, local to the runner") {
    const auto user = runner_in("Europe/Berlin");
    // D-3 of a race on Oct 30 is Oct 27; it ends at Oct 28 00:00 CET = Oct 27 23:00 UTC.
    CHECK(pre_race_window_open(user, "2026-10-30", utc(2026, 10, 1, 0)));
    CHECK(pre_race_window_open(user, "2026-10-30", utc(2026, 10, 27, 22, 59)));
    CHECK_FALSE(pre_race_window_open(user, "2026-10-30", utc(2026, 10, 27, 23)));
    CHECK_FALSE(pre_race_window_open(user, "not a date", utc(2026, 10, 1, 0)));
    CHECK(race_day_start(user, "2026-10-30") == utc(2026, 10, 29, 23));
}

TEST_CASE("a booking covers a race when the massage is in the week before it") {
    const auto user = runner_in("UTC");
    const auto race = race_on("2026-10-30");
    const auto recorded = utc(2026, 10, 1, 12);
    CHECK(booking_covers_race(booking_on("2026-10-23", recorded), user, race));
    CHECK(booking_covers_race(booking_on("2026-10-27", recorded), user, race));
    CHECK(booking_covers_race(booking_on("2026-10-29", recorded), user, race));
    CHECK_FALSE(booking_covers_race(booking_on("2026-10-22", recorded), user, race));
    CHECK_FALSE(booking_covers_race(booking_on("2026-10-30", recorded), user, race));
    CHECK_FALSE(booking_covers_race(booking_on("2026-11-02", recorded), user, race));
    CHECK(booking_covers_race(undated_booking(utc(2026, 10, 25, 9)), user, race));
    CHECK_FALSE(booking_covers_race(undated_booking(utc(2026, 10, 20, 9)), user, race));
}

TEST_CASE("a booking cancels general reminders and the pre-race nudges it covers") {
    const auto user = runner_in("UTC");
    const std::optional<storage::Race> race = race_on("2026-10-30");
    const auto recorded = utc(2026, 10, 20, 12);
    const auto in_window = booking_on("2026-10-26", recorded);
    const auto much_later = booking_on("2026-11-20", recorded);
    const auto due = utc(2026, 10, 25, 9);
    struct Case {
        NudgeKind kind;
        const storage::Booking& booking;
        bool with_race;
        bool cancels;
    };
    const Case cases[] = {
        {NudgeKind::after_hard_session, much_later, false, true},
        {NudgeKind::snoozed, much_later, false, true},
        {NudgeKind::pre_race_first, in_window, true, true},
        {NudgeKind::pre_race_second, in_window, true, true},
        {NudgeKind::pre_race_first, much_later, true, false},
        {NudgeKind::pre_race_second, in_window, false, false},
        {NudgeKind::post_race, in_window, true, false},
    };
    for (const auto& c : cases) {
        INFO("kind " << static_cast<int>(c.kind) << " with race " << c.with_race);
        CHECK(booking_cancels(pending_nudge(c.kind, due), c.booking, user,
                              c.with_race ? race : std::nullopt) == c.cancels);
    }
}

TEST_CASE("snooze: 24 h later, out of quiet hours, tied to a race that is near") {
    const NudgePolicy policy;
    const auto user = runner_in("Europe/Berlin");

    auto plan = plan_snooze(user, std::nullopt, {}, utc(2026, 10, 24, 10), policy);
    CHECK(plan.outcome == SnoozeOutcome::planned);
    auto snoozed = plan.nudge;
    REQUIRE(snoozed);
    CHECK(snoozed->kind == NudgeKind::snoozed);
    CHECK(due_of(*snoozed) == utc(2026, 10, 25, 10));
    CHECK(snoozed->not_after == 0);
    CHECK_FALSE(snoozed->race_id);

    // 24 h after 22:00 CEST is 21:00 CET, quiet: it moves to 08:00 CET the next morning.
    snoozed = plan_snooze(user, std::nullopt, {}, utc(2026, 10, 24, 20), policy).nudge;
    REQUIRE(snoozed);
    CHECK(due_of(*snoozed) == utc(2026, 10, 26, 7));

    // Tied to a race within the week, until its massage window ends: the end of D-3 (Oct 25,
    // 00:00 CET on Oct 26 = Oct 25 23:00 UTC).
    snoozed = plan_snooze(user, race_on("2026-10-28"), {}, utc(2026, 10, 24, 10), policy).nudge;
    REQUIRE(snoozed);
    CHECK(snoozed->race_id == 3);
    CHECK(from_unix(snoozed->not_after) == utc(2026, 10, 25, 23));

    // Tomorrow is past the window (a race on D+2 or D+3): no snooze, and the reply says why.
    for (const char* race_day : {"2026-10-25", "2026-10-26", "2026-10-27"}) {
        INFO(race_day);
        plan = plan_snooze(user, race_on(race_day), {}, utc(2026, 10, 24, 10), policy);
        CHECK(plan.outcome == SnoozeOutcome::race_too_close);
        CHECK_FALSE(plan.nudge);
    }
    snoozed = plan_snooze(user, race_on("2026-12-25"), {}, utc(2026, 10, 24, 10), policy).nudge;
    REQUIRE(snoozed);
    CHECK_FALSE(snoozed->race_id);

    // A race nudge the next day reminds anyway; a general one is replaced by the snooze.
    const NudgeFacts race_nudge_pending{
        {}, {}, {pending_nudge(NudgeKind::pre_race_second, utc(2026, 10, 25, 8))}, {}, {}};
    plan = plan_snooze(user, std::nullopt, race_nudge_pending, utc(2026, 10, 24, 10), policy);
    CHECK(plan.outcome == SnoozeOutcome::reminder_coming);
    CHECK_FALSE(plan.nudge);
    const NudgeFacts general_pending{
        {}, {}, {pending_nudge(NudgeKind::after_hard_session, utc(2026, 10, 24, 12))}, {}, {}};
    CHECK(plan_snooze(user, std::nullopt, general_pending, utc(2026, 10, 24, 10), policy).nudge);
    CHECK(replaced_by_snooze(NudgeKind::after_hard_session));
    CHECK_FALSE(replaced_by_snooze(NudgeKind::post_race));

    auto stopped = user;
    stopped.nudges_stopped = true;
    plan = plan_snooze(stopped, std::nullopt, {}, utc(2026, 10, 24, 10), policy);
    CHECK(plan.outcome == SnoozeOutcome::reminders_off);
    CHECK_FALSE(plan.nudge);
}

TEST_CASE("the daily cap's slack shrinks with a shorter minimum gap") {
    NudgePolicy policy;
    CHECK(cap_slack(policy) == std::chrono::hours{2});
    const auto last = utc(2026, 6, 3, 10);
    CHECK(too_soon_after_last_sent(last, last + std::chrono::hours{21}, policy));
    CHECK_FALSE(too_soon_after_last_sent(last, last + std::chrono::hours{22}, policy));

    policy.min_gap_between_nudges = std::chrono::hours{12};
    CHECK(cap_slack(policy) == std::chrono::hours{1});
    CHECK(too_soon_after_last_sent(last, last + std::chrono::minutes{10 * 60 + 30}, policy));
    CHECK_FALSE(too_soon_after_last_sent(last, last + std::chrono::hours{11}, policy));

    // With a 2 h gap two nudges at the same instant are still spaced.
    policy.min_gap_between_nudges = std::chrono::hours{2};
    CHECK(cap_slack(policy) == std::chrono::minutes{10});
    CHECK(too_soon_after_last_sent(last, last, policy));
    CHECK_FALSE(too_soon_after_last_sent(last, last + std::chrono::minutes{110}, policy));

    policy.min_gap_between_nudges = std::chrono::seconds{0};
    CHECK_FALSE(too_soon_after_last_sent(last, last, policy));
}
