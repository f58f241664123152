#include "storage/sqlite/sqlite_backup.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::storage;
using rubdown::testing::TempDir;

namespace {

std::int64_t add_runner(Store& store) {
    return store.run([](Repositories& repos) {
        return repos.users.find_or_create("console:ana", "console", "ana", "Ana", 0).id;
    });
}

void add_runs(Store& store, std::int64_t user, int from, int count) {
    store.run([&](Repositories& repos) {
        for (int n = from; n < from + count; ++n)
            repos.runs.add(Run{.user_id = user,
                               .date = "2026-11-20",
                               .distance_km = 1.0 + n,
                               .text = "run " + std::to_string(n),
                               .logged_at = n});
    });
}

std::size_t runs_in(const std::string& path) {
    Store copy(path);
    const auto count = copy.run([](Repositories& repos) {
        const auto user = repos.users.find_by_key("console:ana");
        return user ? repos.runs.list(user->id, 1000000).size() : 0;
    });
    copy.stop();
    return count;
}

std::string backup_error(const std::string& source, const std::string& target) {
    try {
        backup_database(source, target);
    } catch (const BackupError& error) {
        return error.what();
    }
    return {};
}

}  // namespace

TEST_CASE("backup: a copy of an open database holds what was committed, and opens by itself") {
    TempDir dir;
    Store live(dir.file("live.db"));
    add_runs(live, add_runner(live), 0, 250);
    const auto report = backup_database(dir.file("live.db"), dir.file("copy.db"));
    CHECK(report.pages > 0);
    CHECK(report.bytes == std::filesystem::file_size(dir.file("copy.db")));
    CHECK_FALSE(std::filesystem::exists(dir.file("copy.db.partial")));
    live.stop();
    CHECK(runs_in(dir.file("copy.db")) == 250);
}

TEST_CASE("backup: taken while a writer commits, the copy is one instant of the database") {
    TempDir dir;
    Store live(dir.file("live.db"));
    const auto user = add_runner(live);
    add_runs(live, user, 0, 100);
    std::atomic<bool> writing{true};
    std::atomic<int> committed{100};
    std::thread writer([&] {
        // Batches of ten in one transaction each: a consistent copy holds whole batches.
        while (writing) {
            add_runs(live, user, committed, 10);
            committed += 10;
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const int before = committed;
    backup_database(dir.file("live.db"), dir.file("copy.db"));
    const int after = committed;
    writing = false;
    writer.join();
    live.stop();
    const auto copied = static_cast<int>(runs_in(dir.file("copy.db")));
    CHECK(copied >= before);
    CHECK(copied <= after + 10);
    CHECK(copied % 10 == 0);
}

TEST_CASE("backup: an existing file at the target is replaced") {
    TempDir dir;
    Store live(dir.file("live.db"));
    add_runs(live, add_runner(live), 0, 3);
    std::ofstream(dir.file("copy.db")) << "an older backup";
    backup_database(dir.file("live.db"), dir.file("copy.db"));
    live.stop();
    CHECK(runs_in(dir.file("copy.db")) == 3);
}

TEST_CASE("backup: a missing database, a missing folder or the database itself are refused") {
    TempDir dir;
    CHECK(backup_error(dir.file("none.db"), dir.file("copy.db")) ==
          "no database at " + dir.file("none.db"));
    CHECK_FALSE(std::filesystem::exists(dir.file("none.db")));

    Store live(dir.file("live.db"));
    add_runner(live);
    const auto nowhere = dir.file("no/such/folder/copy.db");
    CHECK_THAT(backup_error(dir.file("live.db"), nowhere),
               Catch::Contains("cannot write " + nowhere) && Catch::Contains("no folder"));
    CHECK_THAT(backup_error(dir.file("live.db"), dir.file("live.db")),
               Catch::Contains("another file than the database"));
    live.stop();
}
