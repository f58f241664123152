#include "intents/nudges/nudge_planner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "intents/nudges/local_time.hpp"
#include "nudge_test_support.hpp"
#include "planner_fixture.hpp"

using namespace rubdown;
using namespace rubdown::intents::nudges;
using namespace rubdown::intents::nudges::testing;
using rubdown::intents::Seconds;
using storage::NudgeKind;

namespace {

using K = NudgeKind;

}  // namespace

TEST_CASE_METHOD(PlannerFixture, "a logged hard run plans one nudge 2 h later, once a day") {
    const auto now = utc(2026, 6, 3, 10);
    apply_run_logged(repos, user, add_run("2026-06-03", 5, storage::Effort::easy, now), now,
                     policy);
    CHECK(pending().empty());

    const auto hard = add_run("2026-06-03", 10, storage::Effort::hard, now);
    apply_run_logged(repos, user, hard, now, policy);
    auto nudges = pending();
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == K::after_hard_session);
    CHECK(from_unix(nudges[0].due_at) == utc(2026, 6, 3, 12));  // 14:00 CEST
    CHECK(nudges[0].run_id == hard.id);

    // A second hard session the same evening does not add another nudge.
    const auto later = utc(2026, 6, 3, 16);
    apply_run_logged(repos, user, add_run("2026-06-03", 8, storage::Effort::hard, later), later,
                     policy);
    CHECK(pending().size() == 1);
}

TEST_CASE_METHOD(PlannerFixture, "a run much longer than the stored usual counts as hard") {
    const auto earlier = utc(2026, 5, 20, 7);
    for (double km : {6.0, 5.0, 7.0, 6.0})
        add_run("2026-05-20", km, storage::Effort::unknown, earlier);
    const auto now = utc(2026, 6, 3, 9);
    apply_run_logged(repos, user, add_run("2026-06-03", 8.5, storage::Effort::unknown, now), now,
                     policy);
    CHECK(pending().empty());
    apply_run_logged(repos, user, add_run("2026-06-03", 21, storage::Effort::unknown, now), now,
                     policy);
    CHECK(pending_kinds() == std::vector<K>{K::after_hard_session});
}

TEST_CASE_METHOD(PlannerFixture, "only the ten most recent runs say what is usual") {
    // Long runs in May, then ten short ones: the short ones are the runner's usual now.
    for (int i = 0; i < 11; ++i)
        add_run("2026-05-01", 20, storage::Effort::unknown, utc(2026, 5, 1, 7));
    for (int i = 0; i < 10; ++i)
        add_run("2026-05-25", 4, storage::Effort::unknown, utc(2026, 5, 25, 7));
    const auto now = utc(2026, 6, 3, 9);
    apply_run_logged(repos, user, add_run("2026-06-03", 7, storage::Effort::unknown, now), now,
                     policy);
    CHECK(pending_kinds() == std::vector<K>{K::after_hard_session});
}

TEST_CASE_METHOD(PlannerFixture, "setting, moving and cancelling a race re-plans its nudges") {
    const auto now = utc(2026, 10, 1, 12);
    auto race = add_race("2026-10-30", "Lakeside Half");
    apply_race_changed(repos, user, race, now, policy);
    auto nudges = pending();
    REQUIRE(nudges.size() == 3);
    CHECK(from_unix(nudges[0].due_at) == utc(2026, 10, 25, 8));  // D-5 09:00 CET
    CHECK(from_unix(nudges[0].not_after) == utc(2026, 10, 29, 23));
    CHECK(nudges[0].race_id == race.id);

    race.date = "2026-11-06";
    repos.races.update(race);
    apply_race_changed(repos, user, race, now, policy);
    nudges = pending();
    REQUIRE(nudges.size() == 3);
    CHECK(from_unix(nudges[0].due_at) == utc(2026, 11, 1, 8));
    CHECK(from_unix(nudges[1].due_at) == utc(2026, 11, 2, 8));
    CHECK(from_unix(nudges[2].due_at) == utc(2026, 11, 7, 9));
    for (const auto& nudge : nudges) CHECK(nudge.race_id == race.id);

    // Another race's nudges are left alone when this one is cancelled.
    const auto other = add_race("2026-12-14", "Winter 10K");
    apply_race_changed(repos, user, other, now, policy);
    REQUIRE(pending().size() == 6);
    race.cancelled = true;
    repos.races.update(race);
    apply_race_changed(repos, user, race, now, policy);
    nudges = pending();
    REQUIRE(nudges.size() == 3);
    for (const auto& nudge : nudges) CHECK(nudge.race_id == other.id);
}

TEST_CASE_METHOD(PlannerFixture, "planning a race again never repeats a reminder already sent") {
    auto race = add_race("2026-12-14", "Winter Half");
    apply_race_changed(repos, user, race, utc(2026, 12, 1, 12), policy);
    // D-5, 09:00 CET.
    REQUIRE(send_due(utc(2026, 12, 9, 8)) == std::vector<K>{K::pre_race_first});

    // In New York, D-5 09:00 is still ahead (14:00 UTC); it went out already, D-4 has not.
    move_to("America/New_York", race, utc(2026, 12, 9, 8, 30));
    auto nudges = pending();
    REQUIRE(pending_kinds() == std::vector<K>{K::pre_race_second, K::post_race});
    CHECK(from_unix(nudges[0].due_at) == utc(2026, 12, 10, 14));  // D-4 09:00 EST
    std::vector<K> sent;
    for (auto now = utc(2026, 12, 9, 9); now < utc(2026, 12, 17, 0); now += std::chrono::hours{1}) {
        for (const auto kind : send_due(now)) sent.push_back(kind);
    }
    CHECK(sent == std::vector<K>{K::pre_race_second, K::post_race});

    // Planned again with nothing changed (say, reminders resumed): nothing new.
    apply_race_changed(repos, user, race, utc(2026, 12, 16, 0), policy);
    CHECK(pending().empty());
}

TEST_CASE_METHOD(PlannerFixture, "a race moved by more than its week gets its reminders again") {
    auto race = add_race("2026-12-14", "Winter Half");
    apply_race_changed(repos, user, race, utc(2026, 12, 1, 12), policy);
    REQUIRE(send_due(utc(2026, 12, 9, 8)) == std::vector<K>{K::pre_race_first});

    // A day later: the reminder of Dec 9 was in the new race's last week too.
    race.date = "2026-12-15";
    repos.races.update(race);
    apply_race_changed(repos, user, race, utc(2026, 12, 9, 10), policy);
    CHECK(pending_kinds() == std::vector<K>{K::pre_race_second, K::post_race});

    // A week later: D-5 comes again.
    race.date = "2026-12-22";
    repos.races.update(race);
    apply_race_changed(repos, user, race, utc(2026, 12, 9, 10), policy);
    CHECK(pending_kinds() == std::vector<K>{K::pre_race_first, K::pre_race_second, K::post_race});
}

TEST_CASE_METHOD(PlannerFixture,
                 "a new zone that puts a pending reminder's hour behind us sends it now") {
    user.time_zone = "America/New_York";
    repos.users.update(user);
    const auto race = add_race("2026-12-14", "Winter Half");
    apply_race_changed(repos, user, race, utc(2026, 12, 1, 12), policy);
    // At 10:00 UTC on D-5 New York's 09:00 (14:00 UTC) is ahead; Berlin's (08:00 UTC) is past.
    const auto now = utc(2026, 12, 9, 10);
    move_to("Europe/Berlin", race, now);
    auto nudges = pending();
    REQUIRE(pending_kinds() == std::vector<K>{K::pre_race_first, K::pre_race_second, K::post_race});
    CHECK(from_unix(nudges[0].due_at) == now);
    CHECK(send_due(now) == std::vector<K>{K::pre_race_first});

    // Not so a reminder that was never planned: a race set on its D-5 afternoon skips D-5.
    const auto other = add_race("2027-01-10", "New Year 10K");
    apply_race_changed(repos, user, other, utc(2027, 1, 5, 12), policy);
    std::size_t of_other = 0;
    for (const auto& nudge : pending()) {
        if (nudge.race_id != other.id) continue;
        ++of_other;
        CHECK(nudge.kind != K::pre_race_first);
    }
    CHECK(of_other == 2);
}

TEST_CASE_METHOD(PlannerFixture, "a snooze stays when its race is planned again") {
    auto race = add_race("2026-10-31", "Lakeside Half");
    apply_race_changed(repos, user, race, utc(2026, 10, 1, 12), policy);
    REQUIRE(send_due(utc(2026, 10, 26, 8)) == std::vector<K>{K::pre_race_first});
    REQUIRE(send_due(utc(2026, 10, 27, 8)) == std::vector<K>{K::pre_race_second});
    REQUIRE(apply_snooze(repos, user, utc(2026, 10, 27, 8, 5), policy) == SnoozeOutcome::planned);
    REQUIRE(pending_kinds() == std::vector<K>{K::snoozed, K::post_race});

    // A new zone: the snooze stays, its limit the end of D-3 in London (Oct 29 00:00 GMT).
    move_to("Europe/London", race, utc(2026, 10, 27, 10));
    auto nudges = pending();
    REQUIRE(pending_kinds() == std::vector<K>{K::snoozed, K::post_race});
    CHECK(from_unix(nudges[0].due_at) == utc(2026, 10, 28, 8, 5));
    CHECK(from_unix(nudges[0].not_after) == utc(2026, 10, 29, 0));

    SECTION("moved so close that tomorrow is past its window: the snooze goes") {
        race.date = "2026-10-30";
        repos.races.update(race);
        apply_race_changed(repos, user, race, utc(2026, 10, 27, 11), policy);
        CHECK(pending_kinds() == std::vector<K>{K::post_race});
    }
    SECTION("cancelled: the snooze goes with it") {
        race.cancelled = true;
        repos.races.update(race);
        apply_race_changed(repos, user, race, utc(2026, 10, 27, 11), policy);
        CHECK(pending().empty());
    }
}

TEST_CASE_METHOD(PlannerFixture, "a booking cancels what it makes pointless") {
    const auto now = utc(2026, 10, 22, 10);
    const auto race = add_race("2026-10-30", "Lakeside Half");
    apply_race_changed(repos, user, race, now, policy);
    apply_run_logged(repos, user, add_run("2026-10-22", 12, storage::Effort::hard, now), now,
                     policy);
    REQUIRE(pending_kinds() == std::vector<K>{K::after_hard_session, K::pre_race_first,
                                              K::pre_race_second, K::post_race});

    SECTION("a massage far from the race only stops the general reminder") {
        apply_booking(repos, user, add_booking("2026-11-20", now), now);
        CHECK(pending_kinds() ==
              std::vector<K>{K::pre_race_first, K::pre_race_second, K::post_race});
    }
    SECTION("a massage in the window stops the pre-race nudges too") {
        apply_booking(repos, user, add_booking("2026-10-26", now), now);
        CHECK(pending_kinds() == std::vector<K>{K::post_race});
    }
    SECTION("a booking without a date, a week before the race, counts as the pre-race one") {
        apply_booking(repos, user, add_booking(std::nullopt, now + std::chrono::hours{24}), now);
        CHECK(pending_kinds() == std::vector<K>{K::post_race});
    }
}

TEST_CASE_METHOD(PlannerFixture, "stopping nudges cancels every pending one") {
    const auto now = utc(2026, 10, 1, 12);
    apply_race_changed(repos, user, add_race("2026-10-30", "Lakeside Half"), now, policy);
    apply_run_logged(repos, user, add_run("2026-10-01", 12, storage::Effort::hard, now), now,
                     policy);
    REQUIRE(pending().size() == 4);
    apply_nudges_stopped(repos, user);
    CHECK(pending().empty());
}

TEST_CASE_METHOD(PlannerFixture, "snoozing replaces the general reminder with one tomorrow") {
    const auto now = utc(2026, 6, 3, 12);
    apply_run_logged(repos, user, add_run("2026-06-03", 12, storage::Effort::hard, now), now,
                     policy);
    REQUIRE(pending_kinds() == std::vector<K>{K::after_hard_session});
    apply_snooze(repos, user, now, policy);
    auto nudges = pending();
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == K::snoozed);
    CHECK(from_unix(nudges[0].due_at) == utc(2026, 6, 4, 12));
    CHECK_FALSE(nudges[0].race_id);

    SECTION("a race within the week ties the snooze to it") {
        const auto race = add_race("2026-06-08", "Park Run");
        apply_snooze(repos, user, now, policy);
        nudges = pending();
        REQUIRE(nudges.size() == 1);
        CHECK(nudges[0].race_id == race.id);
        // The end of D-3: 00:00 CEST on Jun 6.
        CHECK(from_unix(nudges[0].not_after) == utc(2026, 6, 5, 22));
    }
    SECTION("stopped runners get no snooze") {
        user.nudges_stopped = true;
        apply_nudges_stopped(repos, user);
        apply_snooze(repos, user, now, policy);
        CHECK(pending().empty());
    }
}

TEST_CASE_METHOD(PlannerFixture, "the scheduler's loop: read facts, decide, record") {
    const auto now = utc(2026, 10, 1, 12);
    const auto race = add_race("2026-10-30", "Lakeside Half");
    apply_race_changed(repos, user, race, now, policy);

    // D-5 09:00 comes: the first pre-race nudge is sent.
    auto due = repos.nudges.due(unix_utc(2026, 10, 25, 8), 10);
    REQUIRE(due.size() == 1);
    auto facts = read_due_facts(repos, due[0]);
    REQUIRE(facts.race);
    CHECK(facts.race->name == "Lakeside Half");
    CHECK_FALSE(facts.last_sent);
    REQUIRE(decide_due(due[0], user, facts, utc(2026, 10, 25, 8), policy).action ==
            DueAction::send);
    auto sent = due[0];
    sent.state = storage::NudgeState::sent;
    sent.sent_at = unix_utc(2026, 10, 25, 8);
    repos.nudges.update(sent);

    // The runner pauses until 12:00 on D-4; the second one waits for the end of the pause.
    user.nudges_paused_until = unix_utc(2026, 10, 26, 11);
    due = repos.nudges.due(unix_utc(2026, 10, 26, 8), 10);
    REQUIRE(due.size() == 1);
    CHECK(due[0].kind == K::pre_race_second);
    facts = read_due_facts(repos, due[0]);
    CHECK(facts.last_sent == unix_utc(2026, 10, 25, 8));
    auto decision = decide_due(due[0], user, facts, utc(2026, 10, 26, 8), policy);
    REQUIRE(decision.action == DueAction::postpone);
    CHECK(decision.until == utc(2026, 10, 26, 11));
    record_due_decision(repos, due[0], decision);
    CHECK(repos.nudges.due(unix_utc(2026, 10, 26, 10), 10).empty());
    CHECK(repos.nudges.next_due() == unix_utc(2026, 10, 26, 11));

    // Booked in the meantime: at 12:00 the postponed nudge is cancelled instead.
    add_booking("2026-10-27", utc(2026, 10, 26, 10));
    due = repos.nudges.due(unix_utc(2026, 10, 26, 11), 10);
    REQUIRE(due.size() == 1);
    facts = read_due_facts(repos, due[0]);
    decision = decide_due(due[0], user, facts, utc(2026, 10, 26, 11), policy);
    CHECK(decision.action == DueAction::cancel);
    record_due_decision(repos, due[0], decision);
    CHECK(pending_kinds() == std::vector<K>{K::post_race});
}
