#pragma once
/// The planner tests' fixture: a fresh SQLite file per test with one runner in Berlin, and the
/// scheduler's part in a few lines. Shared by the planner's test files.

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace rubdown::intents::nudges::testing {

/// A fresh SQLite file per test, removed afterwards, with one runner in Berlin.
class PlannerFixture {
  public:
    PlannerFixture()
        : path_(std::filesystem::temp_directory_path() /
                ("rubdown-nudges-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++) +
                 ".db")),
          db_(std::make_unique<storage::SqliteDatabase>(path_.string())),
          repos(db_->repositories()) {
        user = repos.users.find_or_create("console:ana", "console", "ana", "Ana", 0);
        user.time_zone = "Europe/Berlin";
        user.time_zone_known = true;
        repos.users.update(user);
    }
    ~PlannerFixture() {
        db_.reset();
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path_.string() + suffix, ignored);
        }
    }

    std::vector<storage::Nudge> pending() { return repos.nudges.pending_for_user(user.id); }

    std::vector<storage::NudgeKind> pending_kinds() {
        std::vector<storage::NudgeKind> kinds;
        for (const auto& nudge : pending()) kinds.push_back(nudge.kind);
        return kinds;
    }

    storage::Run add_run(const std::string& day, double km, storage::Effort effort,
                         Seconds logged) {
        storage::Run run;
        run.user_id = user.id;
        run.date = day;
        run.distance_km = km;
        run.effort = effort;
        run.hard = effort == storage::Effort::hard;
        run.logged_at = to_unix(logged);
        run.id = repos.runs.add(run);
        return run;
    }

    storage::Race add_race(const std::string& day, const std::string& name) {
        storage::Race race;
        race.user_id = user.id;
        race.date = day;
        race.name = name;
        race.id = repos.races.add(race);
        return race;
    }

    /// The scheduler's part, at `now`: decides every due nudge, marks those to send as sent and
    /// returns their kinds.
    std::vector<storage::NudgeKind> send_due(Seconds now) {
        std::vector<storage::NudgeKind> sent;
        for (auto nudge : repos.nudges.due(to_unix(now), 100)) {
            const auto decision =
                decide_due(nudge, user, read_due_facts(repos, nudge), now, policy);
            if (decision.action != DueAction::send) {
                record_due_decision(repos, nudge, decision);
                continue;
            }
            nudge.state = storage::NudgeState::sent;
            nudge.sent_at = to_unix(now);
            repos.nudges.update(nudge);
            sent.push_back(nudge.kind);
        }
        return sent;
    }

    /// Moves to `zone`, as set_time_zone does, and plans `race` again at `now`.
    void move_to(const std::string& zone, const storage::Race& race, Seconds now) {
        user.time_zone = zone;
        repos.users.update(user);
        apply_race_changed(repos, user, race, now, policy);
    }

    storage::Booking add_booking(std::optional<std::string> day, Seconds recorded) {
        storage::Booking booking;
        booking.user_id = user.id;
        booking.date = std::move(day);
        booking.recorded_at = to_unix(recorded);
        booking.id = repos.bookings.add(booking);
        return booking;
    }

  private:
    static inline std::atomic<int> counter_{0};
    std::filesystem::path path_;
    std::unique_ptr<storage::SqliteDatabase> db_;

  public:
    storage::Repositories& repos;
    storage::User user;
    NudgePolicy policy;
};

}  // namespace rubdown::intents::nudges::testing
