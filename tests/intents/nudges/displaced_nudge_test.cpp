// A hard run's nudge that another nudge displaced (due within the minimum gap of it) comes back
// when that other nudge is cancelled, where the rules still want it. The runner is in Berlin
// (CEST, UTC+2, quiet 21:00-08:00 local); instants are written in UTC.

#include "intents/nudges/displaced_nudges.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"
#include "nudge_test_support.hpp"
#include "planner_fixture.hpp"

using namespace rubdown;
using namespace rubdown::intents::nudges;
using namespace rubdown::intents::nudges::testing;
using rubdown::intents::Seconds;
using storage::NudgeKind;
using K = NudgeKind;

namespace {

/// A race on Sat 20 June, planned on 1 June: D-5 at 07:00 UTC on Mon 15 June. A hard run logged at
/// 10:00 on Sun 14 June would be nudged at 12:00, 19 h before it: displaced.
class DisplacedFixture : public PlannerFixture {
  public:
    DisplacedFixture() {
        race = add_race("2026-06-20", "Midsummer Half");
        apply_race_changed(repos, user, race, utc(2026, 6, 1, 12), policy);
    }

    /// Logs a hard run at `logged` and requires that the race displaced its nudge.
    storage::Run log_displaced_run(const std::string& day, Seconds logged) {
        const auto run = add_run(day, 15, storage::Effort::hard, logged);
        REQUIRE_FALSE(apply_run_logged(repos, user, run, logged, policy));
        REQUIRE(after_hard_session().empty());
        return run;
    }

    void move_race(const std::string& day, Seconds now) {
        race.date = day;
        repos.races.update(race);
        apply_race_changed(repos, user, race, now, policy);
    }

    std::vector<storage::Nudge> after_hard_session() {
        std::vector<storage::Nudge> found;
        for (const auto& nudge : pending()) {
            if (nudge.kind == K::after_hard_session) found.push_back(nudge);
        }
        return found;
    }

    std::vector<storage::Nudge> of_race() {
        std::vector<storage::Nudge> found;
        for (const auto& nudge : pending()) {
            if (nudge.race_id == race.id) found.push_back(nudge);
        }
        return found;
    }

    storage::Race race;
};

}  // namespace

TEST_CASE_METHOD(DisplacedFixture, "a nudge the race displaced comes back when the race moves") {
    const auto run = log_displaced_run("2026-06-14", utc(2026, 6, 14, 10));

    SECTION("moved far away: the nudge is planned for its own time, 2 h after the run") {
        move_race("2026-07-25", utc(2026, 6, 14, 11));
        const auto nudges = after_hard_session();
        REQUIRE(nudges.size() == 1);
        CHECK(from_unix(nudges[0].due_at) == utc(2026, 6, 14, 12));
        CHECK(nudges[0].run_id == run.id);
        CHECK(nudges[0].not_after == 0);
        // The race's own reminders moved with it.
        const auto race_nudges = of_race();
        REQUIRE(race_nudges.size() == 3);
        CHECK(from_unix(race_nudges[0].due_at) == utc(2026, 7, 20, 7));
    }
    SECTION("called off: the same") {
        race.cancelled = true;
        repos.races.update(race);
        apply_race_changed(repos, user, race, utc(2026, 6, 14, 11), policy);
        CHECK(of_race().empty());
        const auto nudges = after_hard_session();
        REQUIRE(nudges.size() == 1);
        CHECK(from_unix(nudges[0].due_at) == utc(2026, 6, 14, 12));
    }
    SECTION("moved a day earlier: its reminders are still within the gap, so it stays out") {
        // D-5 (owed, so now) and D-4 at 07:00 on Jun 15 are both within 24 h of 12:00 today.
        move_race("2026-06-19", utc(2026, 6, 14, 11));
        CHECK(of_race().size() == 3);
        CHECK(after_hard_session().empty());
    }
    SECTION("another race's change leaves it out: that race displaced nothing") {
        const auto other = add_race("2026-09-20", "Autumn 10K");
        apply_race_changed(repos, user, other, utc(2026, 6, 1, 12), policy);
        auto moved = other;
        moved.date = "2026-09-27";
        repos.races.update(moved);
        apply_race_changed(repos, user, moved, utc(2026, 6, 14, 11), policy);
        CHECK(after_hard_session().empty());
    }
}

TEST_CASE_METHOD(DisplacedFixture, "a booking recorded after the run keeps its nudge out") {
    log_displaced_run("2026-06-14", utc(2026, 6, 14, 10));

    SECTION("a pre-race massage cancels the race reminders, and nothing comes back") {
        apply_booking(repos, user, add_booking("2026-06-17", utc(2026, 6, 14, 10, 30)),
                      utc(2026, 6, 14, 10, 30));
        CHECK(pending_kinds() == std::vector<K>{K::post_race});
    }
    SECTION("a massage after the race keeps the race reminders; moving the race brings none") {
        // Three weeks off, so not a "recent" booking: only its having been recorded since the run
        // keeps the nudge out, as it would have cancelled the nudge then.
        apply_booking(repos, user, add_booking("2026-07-10", utc(2026, 6, 14, 10, 30)),
                      utc(2026, 6, 14, 10, 30));
        REQUIRE(of_race().size() == 3);
        move_race("2026-07-25", utc(2026, 6, 14, 11));
        CHECK(of_race().size() == 3);
        CHECK(after_hard_session().empty());
    }
    SECTION("a booking recorded before the run does not: the nudge comes back") {
        add_booking("2026-07-10", utc(2026, 6, 13, 9));
        move_race("2026-07-25", utc(2026, 6, 14, 11));
        CHECK(after_hard_session().size() == 1);
    }
}

TEST_CASE_METHOD(DisplacedFixture, "a displaced nudge whose time has passed goes out late or not") {
    // Its time was 12:00. As decide_due() would with a nudge found late: it goes now if that is
    // within the grace period (6 h) of its time, and not at all after that.
    log_displaced_run("2026-06-14", utc(2026, 6, 14, 10));

    SECTION("5 h after its time: planned for now") {
        move_race("2026-07-25", utc(2026, 6, 14, 17));
        const auto nudges = after_hard_session();
        REQUIRE(nudges.size() == 1);
        CHECK(from_unix(nudges[0].due_at) == utc(2026, 6, 14, 17));
    }
    SECTION("6.5 h after its time: not planned") {
        move_race("2026-07-25", utc(2026, 6, 14, 18, 30));
        CHECK(of_race().size() == 3);
        CHECK(after_hard_session().empty());
    }
    SECTION("in the quiet hours, which would push it to tomorrow morning: not planned") {
        move_race("2026-07-25", utc(2026, 6, 14, 20));
        CHECK(after_hard_session().empty());
    }
}

TEST_CASE_METHOD(DisplacedFixture, "cancelling again never plans a displaced nudge twice") {
    const auto run = log_displaced_run("2026-06-14", utc(2026, 6, 14, 10));
    move_race("2026-07-25", utc(2026, 6, 14, 11));
    auto nudges = after_hard_session();
    REQUIRE(nudges.size() == 1);
    const auto first = nudges[0].id;

    move_race("2026-08-01", utc(2026, 6, 14, 11, 30));
    race.cancelled = true;
    repos.races.update(race);
    apply_race_changed(repos, user, race, utc(2026, 6, 14, 11, 45), policy);
    nudges = after_hard_session();
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].id == first);
    CHECK(nudges[0].run_id == run.id);
}

TEST_CASE_METHOD(PlannerFixture, "planning a displaced nudge again never plans a second one") {
    // Nudges may be 2 h apart, less than the 6 h grace period: the gap alone would not stop a
    // second nudge for the run 3 h after the first.
    policy.min_gap_between_nudges = std::chrono::hours{2};
    const auto race = add_race("2026-06-20", "Midsummer Half");
    apply_race_changed(repos, user, race, utc(2026, 6, 1, 12), policy);
    // Logged at 07:00 local on D-6: its nudge would be due at 09:00 local, with D-5's.
    const auto run = add_run("2026-06-15", 15, storage::Effort::hard, utc(2026, 6, 15, 5));
    REQUIRE_FALSE(apply_run_logged(repos, user, run, utc(2026, 6, 15, 5), policy));
    const auto displacing = pending();
    REQUIRE(displacing.size() == 3);

    auto moved = race;
    moved.date = "2026-07-25";
    repos.races.update(moved);
    apply_race_changed(repos, user, moved, utc(2026, 6, 15, 6), policy);
    REQUIRE(pending_kinds() == std::vector<K>{K::after_hard_session, K::pre_race_first,
                                              K::pre_race_second, K::post_race});
    CHECK(from_unix(pending()[0].due_at) == utc(2026, 6, 15, 7));

    SECTION("while it is pending") {
        apply_nudges_cancelled(repos, user, displacing, utc(2026, 6, 15, 10), policy);
        CHECK(pending().size() == 4);
    }
    SECTION("after it went out") {
        REQUIRE(send_due(utc(2026, 6, 15, 7)) == std::vector<K>{K::after_hard_session});
        apply_nudges_cancelled(repos, user, displacing, utc(2026, 6, 15, 10), policy);
        CHECK(pending_kinds() ==
              std::vector<K>{K::pre_race_first, K::pre_race_second, K::post_race});
    }
}

TEST_CASE_METHOD(DisplacedFixture, "a displaced nudge stays out once the runner stopped nudges") {
    log_displaced_run("2026-06-14", utc(2026, 6, 14, 10));
    user.nudges_stopped = true;
    apply_nudges_stopped(repos, user);
    REQUIRE(pending().empty());
    // Resumed: the race's reminders are planned anew, after the run.
    user.nudges_stopped = false;
    apply_race_changed(repos, user, race, utc(2026, 6, 14, 10, 30), policy);
    REQUIRE(of_race().size() == 3);

    move_race("2026-07-25", utc(2026, 6, 14, 11));
    CHECK(of_race().size() == 3);
    CHECK(after_hard_session().empty());
}

// ---- the pure rules ----

namespace {

storage::Nudge race_nudge(storage::UnixSeconds due, storage::UnixSeconds created) {
    storage::Nudge nudge;
    nudge.id = 1;
    nudge.user_id = 7;
    nudge.kind = K::pre_race_first;
    nudge.race_id = 3;
    nudge.due_at = due;
    nudge.created_at = created;
    return nudge;
}

storage::Run hard_run(std::int64_t id, const std::string& day, Seconds logged) {
    storage::Run run;
    run.id = id;
    run.user_id = 7;
    run.date = day;
    run.distance_km = 15;
    run.hard = true;
    run.effort = storage::Effort::hard;
    run.logged_at = to_unix(logged);
    return run;
}

}  // namespace

TEST_CASE("a nudge displaced a run's nudge when it was planned first and due within the gap") {
    const auto user = runner_in("Europe/Berlin");
    const NudgePolicy policy;
    const auto run = hard_run(11, "2026-06-14", utc(2026, 6, 14, 10));  // its nudge: 12:00
    const auto planned_before = unix_utc(2026, 6, 1, 12);

    CHECK(displaced(run, race_nudge(unix_utc(2026, 6, 15, 7), planned_before), user, policy));
    // Either side of it.
    CHECK(displaced(run, race_nudge(unix_utc(2026, 6, 13, 12, 1), planned_before), user, policy));
    // 24 h apart is not within the gap.
    CHECK_FALSE(
        displaced(run, race_nudge(unix_utc(2026, 6, 15, 12), planned_before), user, policy));
    // Planned after the run was logged: it was not there to displace anything.
    CHECK_FALSE(displaced(run, race_nudge(unix_utc(2026, 6, 15, 7), unix_utc(2026, 6, 14, 11)),
                          user, policy));

    auto own = race_nudge(unix_utc(2026, 6, 14, 12), unix_utc(2026, 6, 14, 10));
    own.kind = K::after_hard_session;
    own.race_id.reset();
    own.run_id = run.id;
    CHECK_FALSE(displaced(run, own, user, policy));
    auto other_run = own;
    other_run.run_id = 10;
    other_run.created_at = planned_before;
    CHECK(displaced(run, other_run, user, policy));

    auto snooze = race_nudge(unix_utc(2026, 6, 15, 7), planned_before);
    snooze.kind = K::snoozed;
    CHECK_FALSE(displaced(run, snooze, user, policy));
}

TEST_CASE("a displaced nudge is judged again by the rules, each with its reason") {
    auto user = runner_in("Europe/Berlin");
    const NudgePolicy policy;
    const auto run = hard_run(11, "2026-06-14", utc(2026, 6, 14, 10));
    const std::vector<storage::Nudge> cancelled{
        race_nudge(unix_utc(2026, 6, 15, 7), unix_utc(2026, 6, 1, 12))};
    NudgeFacts facts;
    auto now = utc(2026, 6, 14, 11);

    const auto judge = [&] {
        const auto verdicts = plan_displaced(user, cancelled, {run}, facts, now, policy);
        REQUIRE(verdicts.size() == 1);
        CHECK(verdicts[0].run_id == run.id);
        CHECK(verdicts[0].nudge.has_value() == (verdicts[0].reason == "planned"));
        return verdicts[0];
    };

    SECTION("nothing in the way") {
        const auto verdict = judge();
        CHECK(verdict.reason == "planned");
        REQUIRE(verdict.nudge);
        CHECK(from_unix(verdict.nudge->due_at) == utc(2026, 6, 14, 12));
        CHECK(verdict.nudge->run_id == run.id);
        CHECK(verdict.nudge->kind == K::after_hard_session);
    }
    SECTION("planned again already") {
        auto nudge = *judge().nudge;
        facts.pending.push_back(nudge);
        CHECK(judge().reason == "already_planned");
    }
    SECTION("a nudge went out since the run was logged") {
        facts.last_sent = unix_utc(2026, 6, 14, 10, 30);
        CHECK(judge().reason == "reminded_since");
    }
    SECTION("one that went out before it does not count here") {
        facts.last_sent = unix_utc(2026, 6, 13, 9);
        CHECK(judge().reason == "planned");
    }
    SECTION("a booking recorded since, whatever its date") {
        storage::Booking booking;
        booking.date = "2026-08-30";
        booking.recorded_at = unix_utc(2026, 6, 14, 10, 30);
        facts.bookings.push_back(booking);
        CHECK(judge().reason == "booked_since");
    }
    SECTION("later than the grace period after its time") {
        now = utc(2026, 6, 14, 18, 1);
        CHECK(judge().reason == "late");
    }
    SECTION("the planning rules: reminders paused for days") {
        user.nudges_paused_until = unix_utc(2026, 6, 20, 0);
        CHECK(judge().reason == "planning_rules");
    }
    SECTION("a run the cancelled nudges did not displace is not judged") {
        const auto later = hard_run(12, "2026-06-14", utc(2026, 6, 14, 10));
        auto not_displacing = cancelled;
        not_displacing[0].due_at = unix_utc(2026, 6, 16, 7);
        CHECK(plan_displaced(user, not_displacing, {later, run}, facts, now, policy).empty());
    }
}

TEST_CASE("of two runs displaced together, the first comes back and keeps the second out") {
    const auto user = runner_in("Europe/Berlin");
    const NudgePolicy policy;
    // Newest first, as the repository lists them.
    const std::vector<storage::Run> runs{hard_run(12, "2026-06-14", utc(2026, 6, 14, 14)),
                                         hard_run(11, "2026-06-14", utc(2026, 6, 14, 10))};
    const std::vector<storage::Nudge> cancelled{
        race_nudge(unix_utc(2026, 6, 15, 7), unix_utc(2026, 6, 1, 12))};
    // The first one's time (12:00) has passed, within the grace period: it goes now, 14:30, and
    // the second one's (16:00) is within the gap of it.
    const auto verdicts =
        plan_displaced(user, cancelled, runs, NudgeFacts{}, utc(2026, 6, 14, 14, 30), policy);
    REQUIRE(verdicts.size() == 2);
    CHECK(verdicts[0].run_id == 11);
    CHECK(verdicts[0].reason == "planned");
    REQUIRE(verdicts[0].nudge);
    CHECK(from_unix(verdicts[0].nudge->due_at) == utc(2026, 6, 14, 14, 30));
    CHECK(verdicts[1].run_id == 12);
    CHECK(verdicts[1].reason == "planning_rules");
    CHECK_FALSE(verdicts[1].nudge);
}
