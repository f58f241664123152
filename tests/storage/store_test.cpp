#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <future>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::storage;
using rubdown::testing::TempDir;
namespace asio = boost::asio;

namespace {
Run sample_run(std::int64_t user_id, int n) {
    return Run{.user_id = user_id,
               .date = "2026-11-20",
               .distance_km = 1.0 + n,
               .text = "run " + std::to_string(n),
               .logged_at = n};
}
}  // namespace

TEST_CASE("many concurrent writers: every acknowledged write is durable after a reopen") {
    TempDir dir;
    const auto path = dir.file("group.db");
    constexpr int kWriters = 400;
    std::int64_t user_id = 0;
    std::atomic<int> acknowledged{0};
    StoreStats stats;
    {
        // Declared before the store, so destroyed after it: the store thread may still be inside
        // post() to this context when the IO threads have returned (a TSan report otherwise).
        asio::io_context io;
        Store store(path);
        user_id = store.run([](Repositories& repos) {
            return repos.users.find_or_create("console:ana", "console", "ana", "", 1).id;
        });
        for (int i = 0; i < kWriters; ++i) {
            asio::co_spawn(
                io,
                [&, i]() -> asio::awaitable<void> {
                    co_await store.async_run(
                        [&, i](Repositories& repos) {
                            return repos.runs.add(sample_run(user_id, i));
                        },
                        asio::use_awaitable);
                    ++acknowledged;
                },
                asio::detached);
        }
        // Four IO threads, as the server runs them.
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) threads.emplace_back([&] { io.run(); });
        for (auto& thread : threads) thread.join();
        stats = store.stats();
    }
    CHECK(acknowledged == kWriters);
    // Fewer transactions than jobs: writes queued together were committed together.
    CHECK(stats.jobs == kWriters + 1);
    CHECK(stats.transactions <= stats.jobs);
    SqliteDatabase reopened(path);
    CHECK(reopened.repositories().runs.list(user_id, 10000).size() == kWriters);
}

TEST_CASE("a failing job is rolled back alone: the rest of its batch commits") {
    TempDir dir;
    Store store(dir.file("savepoint.db"));
    const auto user_id = store.run([](Repositories& repos) {
        return repos.users.find_or_create("console:ana", "console", "ana", "", 1).id;
    });

    // Hold the store thread so the next three jobs are queued into one batch.
    std::promise<void> release;
    auto hold = std::async(std::launch::async,
                           [&] { store.run([&](Repositories&) { release.get_future().wait(); }); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));

    auto first = std::async(std::launch::async, [&] {
        return store.run(
            [&](Repositories& repos) { return repos.runs.add(sample_run(user_id, 1)); });
    });
    auto failing = std::async(std::launch::async, [&] {
        store.run([&](Repositories& repos) {
            repos.runs.add(sample_run(user_id, 2));
            throw std::runtime_error("handler bug");
        });
    });
    auto third = std::async(std::launch::async, [&] {
        return store.run(
            [&](Repositories& repos) { return repos.runs.add(sample_run(user_id, 3)); });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    release.set_value();
    hold.get();

    CHECK(first.get() > 0);
    CHECK_THROWS_WITH(failing.get(), "handler bug");
    CHECK(third.get() > 0);
    const auto runs = store.run([&](Repositories& repos) { return repos.runs.list(user_id, 10); });
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].text != "run 2");
    CHECK(runs[1].text != "run 2");
}

TEST_CASE("the store runs every job on one thread that is not the caller's") {
    TempDir dir;
    Store store(dir.file("thread.db"));
    const auto caller = std::this_thread::get_id();
    const auto first = store.run([](Repositories&) { return std::this_thread::get_id(); });
    const auto second = store.run([](Repositories&) { return std::this_thread::get_id(); });
    CHECK(first != caller);
    CHECK(first == second);
}

TEST_CASE("stop drains queued jobs, then refuses new ones") {
    TempDir dir;
    const auto path = dir.file("stop.db");
    Store store(path);
    store.run([](Repositories& repos) {
        repos.users.find_or_create("console:x", "console", "x", "", 1);
    });
    store.stop();
    CHECK_THROWS(store.run([](Repositories&) {}));
    SqliteDatabase reopened(path);
    CHECK(reopened.repositories().users.find_by_key("console:x"));
}

TEST_CASE("a prompt job is not held behind a long queue of background jobs") {
    TempDir dir;
    asio::io_context io;  // outlives the store, whose thread may still be posting to it
    Store store(dir.file("lanes.db"));
    std::vector<std::string> order;  // appended on the store thread only
    std::promise<void> gate;
    auto opened = gate.get_future().share();

    // Holds the store thread so everything below is queued before any of it runs.
    store.async_run([opened](Repositories&) { opened.wait(); }, asio::detached);
    constexpr int kBackground = 100;
    int background_done = 0;
    for (int i = 0; i < kBackground; ++i) {
        store.async_run(
            [&order, i](Repositories&) { order.push_back("b" + std::to_string(i)); },
            asio::bind_executor(io, [&background_done](std::exception_ptr) { ++background_done; }),
            Lane::background);
    }
    bool prompt_done = false;
    store.async_run(
        [&order](Repositories&) { order.push_back("prompt"); },
        asio::bind_executor(io, [&prompt_done](std::exception_ptr) { prompt_done = true; }));
    gate.set_value();
    while (!(prompt_done && background_done == kBackground)) io.run_one();
    // The store thread may still be releasing its hold on `io` after the last handler ran.
    store.stop();

    REQUIRE(order.size() == kBackground + 1);
    // The prompt job ran ahead of almost all the background jobs queued before it: behind at most
    // the share that joins a transaction of prompt jobs (the gate's, when the store thread took
    // the gate before the rest was queued)...
    const auto prompt_at = std::find(order.begin(), order.end(), "prompt") - order.begin();
    CHECK(prompt_at <= static_cast<std::ptrdiff_t>(Store::kBackgroundBesidePrompt));
    // ...and the background jobs still ran, all of them, in the order they were queued.
    order.erase(order.begin() + prompt_at);
    for (int i = 0; i < kBackground; ++i) {
        CHECK(order[static_cast<std::size_t>(i)] == "b" + std::to_string(i));
    }
    // They were spread over several transactions: the prompt job's (with at most
    // kBackgroundBesidePrompt of them; the gate may share it) and then kBackgroundWhenIdle at a
    // time.
    const auto after_prompt = kBackground - Store::kBackgroundBesidePrompt;
    const auto idle_transactions =
        (after_prompt + Store::kBackgroundWhenIdle - 1) / Store::kBackgroundWhenIdle;
    CHECK(store.stats().transactions >= 1 + idle_transactions);
}

TEST_CASE("background work running alone commits as soon as a prompt job arrives") {
    TempDir dir;
    asio::io_context io;  // outlives the store, whose thread may still be posting to it
    Store store(dir.file("yield.db"));
    std::vector<std::string> order;  // appended on the store thread only
    std::promise<void> gate;
    auto opened = gate.get_future().share();
    int done = 0;
    const auto count_done = [&io, &done] {
        return asio::bind_executor(io, [&done](std::exception_ptr) { ++done; });
    };

    // A background job holds the store thread in a transaction with no prompt job in it...
    store.async_run(
        [&order, opened](Repositories&) {
            opened.wait();
            order.push_back("gate");
        },
        count_done(), Lane::background);
    // ...the next background job queues a prompt job while it runs...
    store.async_run(
        [&](Repositories&) {
            order.push_back("b0");
            store.async_run([&order](Repositories&) { order.push_back("prompt"); }, count_done());
        },
        count_done(), Lane::background);
    constexpr int kMore = 10;
    for (int i = 1; i <= kMore; ++i) {
        store.async_run([&order, i](Repositories&) { order.push_back("b" + std::to_string(i)); },
                        count_done(), Lane::background);
    }
    gate.set_value();
    while (done < kMore + 3) io.run_one();
    // The store thread may still be releasing its hold on `io` after the last handler ran.
    store.stop();

    // ...and runs right after it, not after the ten background jobs still queued.
    REQUIRE(order.size() == kMore + 3);
    CHECK(order[0] == "gate");
    CHECK(order[1] == "b0");
    CHECK(order[2] == "prompt");
    CHECK(order[3] == "b1");
    CHECK(order.back() == "b" + std::to_string(kMore));
}

TEST_CASE("a transaction's completions reach each executor in one post, in the jobs' order") {
    TempDir dir;
    Store store(dir.file("completions.db"));
    asio::io_context first_io;
    asio::io_context second_io;
    std::promise<void> gate;
    auto opened = gate.get_future().share();
    std::promise<void> holding;
    // Holds the store thread so the jobs below are queued into one transaction; they are queued
    // only once it holds it, or a slow store thread would take some of them with the gate.
    store.async_run(
        [opened, &holding](Repositories&) {
            holding.set_value();
            opened.wait();
        },
        asio::detached);
    holding.get_future().wait();
    std::vector<int> first_order;
    std::vector<int> second_order;
    constexpr int kJobs = 10;
    for (int i = 0; i < kJobs; ++i) {
        store.async_run([](Repositories&) {},
                        asio::bind_executor(
                            first_io, [&, i](std::exception_ptr) { first_order.push_back(i); }));
        store.async_run([](Repositories&) {},
                        asio::bind_executor(
                            second_io, [&, i](std::exception_ptr) { second_order.push_back(i); }));
    }
    gate.set_value();
    std::size_t first_posts = 0;
    while (first_order.size() < kJobs) first_posts += first_io.run_one();
    std::size_t second_posts = 0;
    while (second_order.size() < kJobs) second_posts += second_io.run_one();
    // The store thread may still be releasing its hold on the contexts.
    store.stop();

    CHECK(first_posts == 1);
    CHECK(second_posts == 1);
    std::vector<int> in_order(kJobs);
    for (int i = 0; i < kJobs; ++i) in_order[static_cast<std::size_t>(i)] = i;
    CHECK(first_order == in_order);
    CHECK(second_order == in_order);
}

namespace {
/// One small transaction that leaves a lookup on its row, as processing does (a find that reads
/// one row); about four pages of log.
void record_and_look_up(Store& store, int i, std::size_t text_bytes) {
    store.run([i, text_bytes](Repositories& repos) {
        InboxEntry entry{.dedup_key = "test:" + std::to_string(i),
                         .channel = "console",
                         .user_key = "console:ana",
                         .chat_id = "ana",
                         .text = std::string(text_bytes, 'x'),
                         .received_at = i};
        repos.inbox.record(entry);
        REQUIRE(repos.inbox.find(entry.id));
    });
}
}  // namespace

TEST_CASE("the write-ahead log is started over after checkpoints, not grown by every write") {
    TempDir dir;
    const auto path = dir.file("wal.db");
    Store store(path);
    // 8,000 transactions append about 110 MB of log when it never starts over; started over, it
    // stays near the store's checkpoint limit (4,000 pages, 16 MB), plus what a loaded machine
    // lets through while the two checkpointing threads get in each other's way.
    for (int i = 0; i < 8000; ++i) record_and_look_up(store, i, 200);
    const auto wal_bytes = std::filesystem::file_size(path + "-wal");
    CHECK(wal_bytes < 48u * 1024 * 1024);
}

TEST_CASE("a burst's long log file is truncated once the store is quiet") {
    TempDir dir;
    const auto path = dir.file("shrink.db");
    Store store(path);
    // About 2,500 pages (10 MB) of log, then nothing. The file reaches the 4 MiB size limit at
    // least: it is cut back to exactly that whenever the log starts over after growing past it,
    // which a loaded machine's checkpoints may do during the burst.
    for (int i = 0; i < 600; ++i) record_and_look_up(store, i, 3000);
    REQUIRE(std::filesystem::file_size(path + "-wal") >= 4u * 1024 * 1024);
    auto shrunk = [&] { return std::filesystem::file_size(path + "-wal") < 64u * 1024; };
    for (int wait = 0; wait < 200 && !shrunk(); ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(shrunk());
    // Nothing was lost on the way.
    store.run([](Repositories& repos) { CHECK(repos.inbox.find(600)); });
}

TEST_CASE("the log is copied into the database file beside the store thread") {
    TempDir dir;
    const auto path = dir.file("checkpointed.db");
    Store store(path);
    const auto initial_bytes = std::filesystem::file_size(path);
    // About 2,500 pages of log: past the checkpointer's 1,000, short of the store thread's own
    // limit, so only the checkpointer can have copied them.
    for (int i = 0; i < 600; ++i) record_and_look_up(store, i, 3000);
    auto copied = [&] { return std::filesystem::file_size(path) > initial_bytes + 1024 * 1024; };
    for (int wait = 0; wait < 100 && !copied(); ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(copied());
}
