#include "bot/scheduling/nudge_scheduler.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <date/date.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "bot/cli/nudge_listing.hpp"
#include "intents/button_owner.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_message.hpp"
#include "intents/nudges/nudge_planner.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using bot::FireResult;
using bot::NudgeScheduler;
using intents::Seconds;
using intents::nudges::from_unix;
using intents::nudges::to_unix;
using storage::NudgeKind;
using storage::NudgeState;
using storage::Repositories;

namespace asio = boost::asio;

namespace {

Seconds utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return Seconds{date::sys_days{date::year{year} / month / day}} + std::chrono::hours{hour} +
           std::chrono::minutes{minute};
}

/// A SQLite file behind a Store, a simulated clock and one runner in Berlin.
class SchedulerFixture {
  public:
    SchedulerFixture() : path(dir.file("rubdown.db")), clock(utc(2026, 6, 10, 10)) {
        open();
        user = add_user("console:ana", "Europe/Berlin");
    }

    void open() { store = std::make_unique<storage::Store>(path); }
    void close() { store.reset(); }

    template <typename Job>
    auto db(Job job) {
        return store->run(std::move(job));
    }

    storage::User add_user(const std::string& key, const std::string& zone) {
        return db([&](Repositories& repos) {
            auto created = repos.users.find_or_create(key, "console", key.substr(8), "Runner", 0);
            created.time_zone = zone;
            created.time_zone_known = true;
            repos.users.update(created);
            return created;
        });
    }

    /// Logs a hard run now; the planner schedules the after-hard-session nudge.
    void log_hard_run() {
        db([&](Repositories& repos) {
            storage::Run run;
            run.user_id = user.id;
            run.date = "2026-06-10";
            run.distance_km = 18;
            run.effort = storage::Effort::hard;
            run.hard = true;
            run.logged_at = to_unix(clock.now());
            run.id = repos.runs.add(run);
            intents::nudges::apply_run_logged(repos, user, run, clock.now(), policy);
        });
    }

    storage::Race plan_race(const std::string& day) {
        return db([&](Repositories& repos) {
            storage::Race race;
            race.user_id = user.id;
            race.date = day;
            race.name = "Lakeside Half";
            race.updated_at = to_unix(clock.now());
            race.id = repos.races.add(race);
            intents::nudges::apply_race_changed(repos, user, race, clock.now(), policy);
            return race;
        });
    }

    std::int64_t add_nudge(storage::Nudge nudge) {
        return db([&](Repositories& repos) { return repos.nudges.add(nudge); });
    }

    std::vector<storage::Nudge> pending() {
        return db([&](Repositories& repos) { return repos.nudges.pending(100); });
    }

    /// Pending outbox rows of the console channel (far-future `now` so not_before never hides one).
    std::vector<storage::OutboxMessage> outbox() {
        return db([](Repositories& repos) {
            return repos.outbox.due("console", std::numeric_limits<std::int64_t>::max() / 2,
                                    100000);
        });
    }

    /// What the admin endpoint does after moving the clock: awaits fire_now().
    FireResult fire_now() {
        asio::io_context io;
        NudgeScheduler scheduler(
            io.get_executor(), *store, clock, policy, booking_url,
            [&](const std::set<std::string>& channels) {
                ++notifications;
                notified.insert(channels.begin(), channels.end());
            },
            options);
        std::optional<FireResult> result;
        std::exception_ptr error;
        asio::co_spawn(io, scheduler.fire_now(), [&](std::exception_ptr e, FireResult r) {
            error = e;
            result = std::move(r);
        });
        io.run();
        if (error) std::rethrow_exception(error);
        REQUIRE(result);
        return *result;
    }

    testing::TempDir dir;
    std::string path;
    intents::SimulatedClock clock;
    intents::nudges::NudgePolicy policy;
    bot::NudgeSchedulerOptions options;
    std::string booking_url = "https://book.example/massage";
    std::unique_ptr<storage::Store> store;
    storage::User user;
    int notifications = 0;
    std::set<std::string> notified;
};

/// Runs a job in a child process that dies with SIGKILL inside it: a real crash, no destructor,
/// no commit. The parent must not hold the database open while forking.
template <typename Job>
void crash_inside_job(const std::string& path, Job job) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        storage::Store store(path);
        store.run([&](Repositories& repos) {
            job(repos);
            ::kill(::getpid(), SIGKILL);
            return 0;
        });
        ::_exit(3);  // not reached: the kill comes first
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
}

}  // namespace

TEST_CASE_METHOD(SchedulerFixture, "a hard-run nudge fires at its due time, exactly once") {
    log_hard_run();
    auto planned = pending();
    REQUIRE(planned.size() == 1);
    CHECK(planned[0].kind == NudgeKind::after_hard_session);
    const auto due = from_unix(planned[0].due_at);
    CHECK(due == clock.now() + policy.after_hard_session_delay);

    clock.set(due - std::chrono::seconds{1});
    auto early = fire_now();
    CHECK(early.sent == 0);
    CHECK(outbox().empty());
    CHECK(notifications == 0);

    clock.set(due);
    auto fired = fire_now();
    CHECK(fired.sent == 1);
    CHECK(fired.channels == std::set<std::string>{"console"});
    CHECK(fired.earliest_due_sent == planned[0].due_at);
    CHECK(notified == std::set<std::string>{"console"});
    CHECK(pending().empty());

    auto rows = outbox();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].nudge_id == planned[0].id);
    CHECK(rows[0].user_id == user.id);
    CHECK(rows[0].chat_id == "ana");
    CHECK(rows[0].channel == "console");
    CHECK_FALSE(rows[0].text.empty());
    const auto buttons = intents::buttons_from_json(rows[0].buttons_json);
    bool has_snooze = false;
    bool has_booking_link = false;
    for (const auto& button : buttons) {
        has_snooze |= intents::read_pressed_button(button.action, user.key).action ==
                      intents::nudges::kSnoozeAction;
        has_booking_link |= button.url == booking_url;
    }
    CHECK(has_snooze);
    CHECK(has_booking_link);

    // Firing again, now or a day later, sends nothing more.
    CHECK(fire_now().sent == 0);
    clock.advance(std::chrono::hours{24});
    CHECK(fire_now().sent == 0);
    CHECK(outbox().size() == 1);
    const auto last_sent = db([&](Repositories& repos) { return repos.nudges.last_sent(user.id); });
    CHECK(last_sent == planned[0].due_at);
}

TEST_CASE_METHOD(SchedulerFixture, "two fire_now calls racing on one executor send a nudge once") {
    log_hard_run();
    clock.advance(policy.after_hard_session_delay);
    asio::io_context io;
    NudgeScheduler scheduler(io.get_executor(), *store, clock, policy, booking_url, {});
    std::size_t sent = 0;
    int completed = 0;
    for (int i = 0; i < 2; ++i) {
        asio::co_spawn(io, scheduler.fire_now(), [&](std::exception_ptr error, FireResult result) {
            CHECK_FALSE(error);
            sent += result.sent;
            ++completed;
        });
    }
    io.run();
    CHECK(completed == 2);
    CHECK(sent == 1);
    CHECK(outbox().size() == 1);
    CHECK(scheduler.totals().sent == 1);
}

TEST_CASE_METHOD(SchedulerFixture, "a nudge found later than the grace period expires unsent") {
    log_hard_run();
    clock.advance(policy.after_hard_session_delay + policy.grace_period + std::chrono::minutes{1});
    auto result = fire_now();
    CHECK(result.sent == 0);
    CHECK(result.expired == 1);
    CHECK(pending().empty());
    CHECK(outbox().empty());
    CHECK(notifications == 0);
}

TEST_CASE_METHOD(SchedulerFixture, "pre-race nudges never fire once race day has started") {
    // A long grace period, so only not_after can stop the pre-race nudges.
    policy.grace_period = std::chrono::hours{24 * 30};
    clock.set(utc(2026, 10, 1, 12));
    plan_race("2026-10-30");
    REQUIRE(pending().size() == 3);

    // Race day, 00:30 in Berlin (CET, UTC+1): both pre-race nudges are past their limit.
    clock.set(utc(2026, 10, 29, 23, 30));
    auto result = fire_now();
    CHECK(result.sent == 0);
    CHECK(result.expired == 2);
    CHECK(outbox().empty());
    auto left = pending();
    REQUIRE(left.size() == 1);
    CHECK(left[0].kind == NudgeKind::post_race);

    // D+1 10:00 local: the post-race nudge goes out.
    clock.set(utc(2026, 10, 31, 9));
    CHECK(fire_now().sent == 1);
    auto rows = outbox();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].nudge_id == left[0].id);
}

TEST_CASE_METHOD(SchedulerFixture, "a moved race's nudges fire at the new time only") {
    clock.set(utc(2026, 10, 1, 12));
    auto race = plan_race("2026-10-30");
    db([&](Repositories& repos) {
        race.date = "2026-11-08";
        repos.races.update(race);
        intents::nudges::apply_race_changed(repos, user, race, clock.now(), policy);
    });

    // The old D-5 09:00 (CET): nothing is due any more.
    clock.set(utc(2026, 10, 25, 8));
    auto old_time = fire_now();
    CHECK(old_time.examined == 0);
    CHECK(outbox().empty());

    // The new D-5 09:00 (CET), 3 November: the first pre-race nudge, for the moved race.
    clock.set(utc(2026, 11, 3, 8));
    auto new_time = fire_now();
    CHECK(new_time.sent == 1);
    auto rows = outbox();
    REQUIRE(rows.size() == 1);
    const auto still_pending = pending();
    CHECK(still_pending.size() == 2);  // D-4 and D+1 still to come
    for (const auto& n : still_pending) CHECK(n.id != *rows[0].nudge_id);
}

TEST_CASE_METHOD(SchedulerFixture, "an inactive runner gets no nudge") {
    log_hard_run();
    user.active = false;
    db([&](Repositories& repos) { repos.users.update(user); });
    clock.advance(policy.after_hard_session_delay);
    auto result = fire_now();
    CHECK(result.sent == 0);
    CHECK(result.cancelled == 1);
    CHECK(outbox().empty());
    CHECK(pending().empty());
}

TEST_CASE_METHOD(SchedulerFixture,
                 "two nudges due together for one runner: the second waits a day") {
    // Both are due at 12:00 UTC; the daily cap must see the first one as sent within the batch.
    const auto due = utc(2026, 6, 10, 12);
    for (auto kind : {NudgeKind::after_hard_session, NudgeKind::snoozed}) {
        storage::Nudge n;
        n.user_id = user.id;
        n.kind = kind;
        n.due_at = to_unix(due);
        n.created_at = to_unix(clock.now());
        add_nudge(n);
    }
    clock.set(due);
    auto result = fire_now();
    CHECK(result.sent == 1);
    CHECK(result.postponed == 1);
    CHECK(outbox().size() == 1);
    auto left = pending();
    REQUIRE(left.size() == 1);
    CHECK(from_unix(left[0].due_at) >= due + std::chrono::hours{22});
}

TEST_CASE_METHOD(SchedulerFixture, "more due nudges than one batch are all fired by fire_now") {
    options.batch_size = 100;
    const auto due = utc(2026, 6, 10, 12);
    db([&](Repositories& repos) {
        for (int i = 0; i < 250; ++i) {
            auto runner = repos.users.find_or_create("console:r" + std::to_string(i), "console",
                                                     "r" + std::to_string(i), "", 0);
            storage::Nudge n;
            n.user_id = runner.id;
            n.due_at = to_unix(due) - i;
            repos.nudges.add(n);
        }
    });
    clock.set(due);
    auto result = fire_now();
    CHECK(result.examined == 250);
    CHECK(result.sent == 250);
    CHECK(notifications == 3);  // one wake-up per committed batch
    CHECK(outbox().size() == 250);
    CHECK(db([](Repositories& repos) { return repos.nudges.next_due(); }) == std::nullopt);
}

TEST_CASE_METHOD(SchedulerFixture,
                 "a crash before the firing commit leaves the nudge to fire later") {
    log_hard_run();
    const auto id = pending().at(0).id;
    clock.advance(policy.after_hard_session_delay);
    close();
    crash_inside_job(path, [&](Repositories& repos) {
        auto result = bot::fire_due_nudges(repos, clock.now(), policy, booking_url, 100);
        if (result.sent != 1) ::_exit(4);  // the crash must come after the writes
    });
    open();
    auto left = pending();
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == id);
    CHECK(outbox().empty());

    CHECK(fire_now().sent == 1);
    CHECK(outbox().size() == 1);
}

TEST_CASE_METHOD(
    SchedulerFixture,
    "a crash while the outbox sends a nudge sends that message again, never a second one") {
    log_hard_run();
    clock.advance(policy.after_hard_session_delay);
    REQUIRE(fire_now().sent == 1);
    const auto message_id = outbox().at(0).id;
    close();
    // The sender claims the row and dies during the platform call.
    crash_inside_job(path, [&](Repositories& repos) {
        if (!repos.outbox.claim(message_id)) ::_exit(4);
    });
    // The claim did not commit either: the row is still pending, sent once later.
    open();
    CHECK(outbox().size() == 1);

    // Now the claim commits, then the process dies before recording the send.
    close();
    {
        storage::Store crashed(path);
        CHECK(crashed.run([&](Repositories& repos) { return repos.outbox.claim(message_id); }));
    }
    open();
    auto recovered =
        db([](Repositories& repos) { return repos.outbox.resume_in_flight("console"); });
    CHECK(recovered == 1);
    // The same row goes out again (it may or may not have arrived); the nudge is not fired anew.
    const auto left = outbox();
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == message_id);
    clock.advance(std::chrono::hours{1});
    CHECK(fire_now().examined == 0);
    CHECK(outbox().size() == 1);
    const auto row = db([&](Repositories& repos) { return repos.outbox.find(message_id); });
    REQUIRE(row);
    CHECK(row->status == storage::OutboxStatus::pending);
    CHECK(pending().empty());
}

TEST_CASE_METHOD(SchedulerFixture, "the loop with a simulated clock fires when woken") {
    log_hard_run();
    asio::io_context io;
    int woken_senders = 0;
    NudgeScheduler scheduler(io.get_executor(), *store, clock, policy, booking_url,
                             [&](const std::set<std::string>&) {
                                 ++woken_senders;
                                 scheduler.stop();
                             });
    scheduler.start();
    // Nothing due yet: the loop sleeps until woken, whatever the wall time does.
    io.run_for(std::chrono::milliseconds{300});
    CHECK(woken_senders == 0);
    CHECK(pending().size() == 1);

    clock.advance(policy.after_hard_session_delay);
    scheduler.wake();
    io.run_for(std::chrono::seconds{20});  // returns early once the loop has stopped
    CHECK(woken_senders == 1);
    CHECK(outbox().size() == 1);
}

TEST_CASE_METHOD(SchedulerFixture,
                 "the loop with the system clock wakes itself at the due instant") {
    intents::SystemClock system_clock;
    user.quiet_start_minute = user.quiet_end_minute = 0;  // no quiet hours, whatever the hour
    db([&](Repositories& repos) { repos.users.update(user); });
    const auto due = system_clock.now() + std::chrono::seconds{1};
    storage::Nudge n;
    n.user_id = user.id;
    n.due_at = to_unix(due);
    add_nudge(n);

    asio::io_context io;
    Seconds fired_at{};
    NudgeScheduler scheduler(io.get_executor(), *store, system_clock, policy, booking_url,
                             [&](const std::set<std::string>&) {
                                 fired_at = system_clock.now();
                                 scheduler.stop();
                             });
    scheduler.start();
    io.run_for(std::chrono::seconds{30});  // returns early once the loop has stopped
    REQUIRE(outbox().size() == 1);
    CHECK(fired_at >= due);
    CHECK(scheduler.totals().sent == 1);
}

TEST_CASE_METHOD(
    SchedulerFixture,
    "a planned nudge wakes the sleeping loop only when it is due before the next one") {
    intents::SystemClock system_clock;
    user.quiet_start_minute = user.quiet_end_minute = 0;  // no quiet hours, whatever the hour
    db([&](Repositories& repos) { repos.users.update(user); });
    const auto now = to_unix(system_clock.now());
    storage::Nudge far;
    far.user_id = user.id;
    far.due_at = now + 3600;
    add_nudge(far);

    asio::io_context io;
    int woken_senders = 0;
    NudgeScheduler scheduler(io.get_executor(), *store, system_clock, policy, booking_url,
                             [&](const std::set<std::string>&) {
                                 ++woken_senders;
                                 scheduler.stop();
                             });
    scheduler.start();
    io.run_for(std::chrono::milliseconds{300});  // fired nothing, sleeps towards the hour
    const auto jobs_asleep = store->stats().jobs;

    // Planned later than the instant it sleeps towards: the loop reads nothing.
    far.due_at = now + 7200;
    add_nudge(far);
    const auto jobs_before = store->stats().jobs;
    scheduler.nudge_planned(now + 7200);
    io.run_for(std::chrono::milliseconds{300});
    CHECK(store->stats().jobs == jobs_before);
    CHECK(jobs_before == jobs_asleep + 1);  // only the test's own write ran meanwhile

    // Planned due now: the loop wakes and sends it, long before its safety wake (60 s).
    storage::Nudge soon;
    soon.user_id = user.id;
    soon.due_at = now;
    add_nudge(soon);
    scheduler.nudge_planned(now);
    io.run_for(std::chrono::seconds{20});  // returns early once the loop has stopped
    CHECK(woken_senders == 1);
    CHECK(outbox().size() == 1);
    CHECK(pending().size() == 2);
}

TEST_CASE_METHOD(SchedulerFixture, "rubdown nudges lists pending nudges with UTC and local times") {
    clock.set(utc(2026, 10, 1, 12));
    plan_race("2026-10-30");
    auto bob = add_user("console:bob", "America/New_York");
    add_nudge([&] {
        storage::Nudge n;
        n.user_id = bob.id;
        n.due_at = to_unix(utc(2026, 10, 20, 14));
        return n;
    }());

    const auto all = db([](Repositories& repos) { return bot::format_pending_nudges(repos, {}); });
    // Bob's nudge is the earliest: 14:00 UTC is 10:00 in New York (EDT, UTC-4).
    const auto bob_line = all.find("2026-10-20T14:00:00Z");
    REQUIRE(bob_line != std::string::npos);
    CHECK(all.find("2026-10-20 10:00 EDT", bob_line) != std::string::npos);
    // D-5 09:00 in Berlin falls on the day summer time ends: CET, so 08:00 UTC.
    const auto first_race_line = all.find("2026-10-25T08:00:00Z");
    REQUIRE(first_race_line != std::string::npos);
    CHECK(bob_line < first_race_line);
    CHECK(all.find("2026-10-25 09:00 CET", first_race_line) != std::string::npos);
    CHECK(all.find("pre_race_first", first_race_line) != std::string::npos);
    CHECK(all.find("2026-10-30", first_race_line) != std::string::npos);
    CHECK(all.find("4 pending nudges.") != std::string::npos);

    const auto bobs = db([](Repositories& repos) {
        return bot::format_pending_nudges(repos, std::string{"console:bob"});
    });
    CHECK(bobs.find("console:ana") == std::string::npos);
    CHECK(bobs.find("1 pending nudge for console:bob.") != std::string::npos);

    const auto cut =
        db([](Repositories& repos) { return bot::format_pending_nudges(repos, {}, 2); });
    CHECK(cut.find("2026-10-26") == std::string::npos);  // third and later rows left out
    CHECK(cut.find("more nudges are pending") != std::string::npos);

    const auto nobody = db([](Repositories& repos) {
        return bot::format_pending_nudges(repos, std::string{"console:zoe"});
    });
    CHECK(nobody == "No runner console:zoe.\n");
}

TEST_CASE_METHOD(SchedulerFixture,
                 "a nudge left waiting in the outbox is held out of quiet hours or dropped") {
    // Logged at 12:00 CEST, the nudge fires at 14:00 CEST (12:00 UTC) into the outbox.
    log_hard_run();
    clock.advance(policy.after_hard_session_delay);
    REQUIRE(fire_now().sent == 1);
    auto rows = outbox();
    REQUIRE(rows.size() == 1);
    const auto row = rows[0];
    REQUIRE(row.nudge_id);
    const auto may_go = [&](Seconds now) {
        return db([&](Repositories& repos) {
            return bot::nudge_row_may_go_now(repos, row, now, policy);
        });
    };
    const auto outbox_row = [&] {
        return db([&](Repositories& repos) { return repos.outbox.find(row.id); }).value();
    };
    const auto nudge = [&] {
        return db([&](Repositories& repos) { return repos.nudges.find(*row.nudge_id); }).value();
    };

    // Soon after: it goes, and nothing is written.
    CHECK(may_go(utc(2026, 6, 10, 12, 30)));
    CHECK(outbox_row().status == storage::OutboxStatus::pending);

    // With quiet hours 15:00-16:00, a send tried at 15:30 CEST waits for 16:00 (14:00 UTC).
    user.quiet_start_minute = 15 * 60;
    user.quiet_end_minute = 16 * 60;
    db([&](Repositories& repos) { repos.users.update(user); });
    CHECK_FALSE(may_go(utc(2026, 6, 10, 13, 30)));
    CHECK(outbox_row().status == storage::OutboxStatus::pending);
    CHECK(outbox_row().not_before == to_unix(utc(2026, 6, 10, 14)));

    // After a long outage it is dropped, and its nudge counts as expired, not sent.
    CHECK_FALSE(may_go(utc(2026, 6, 11, 9)));
    CHECK(outbox_row().status == storage::OutboxStatus::failed);
    CHECK(outbox_row().last_error.find("expired") != std::string::npos);
    CHECK(nudge().state == storage::NudgeState::expired);

    // Rows that are not nudges always go.
    storage::OutboxMessage reply;
    reply.id = 999;
    CHECK(db([&](Repositories& repos) {
        return bot::nudge_row_may_go_now(repos, reply, utc(2026, 6, 11, 9), policy);
    }));
}
