#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include "bot/http/io_pool.hpp"

using namespace rubdown;
namespace asio = boost::asio;

namespace {
const asio::execution_context* context_of(const asio::any_io_executor& executor) {
    return &asio::query(executor, asio::execution::context);
}
}  // namespace

TEST_CASE("an IoPool hands out its contexts in turn") {
    bot::IoPool pool(3);
    REQUIRE(pool.size() == 3);
    std::vector<const asio::execution_context*> seen;
    for (int i = 0; i < 6; ++i) seen.push_back(context_of(pool.next_executor()));
    CHECK(std::set(seen.begin(), seen.end()).size() == 3);
    // The same order again: each context gets every third connection.
    for (int i = 0; i < 3; ++i) CHECK(seen[static_cast<std::size_t>(i)] == seen[i + 3u]);
    CHECK(context_of(pool.main_context().get_executor()) == seen.front());
}

TEST_CASE("an IoPool runs each context on one thread of its own until stopped") {
    bot::IoPool pool(2);
    const auto first = pool.next_executor();
    const auto second = pool.next_executor();
    std::mutex mutex;
    std::set<std::thread::id> first_threads;
    std::set<std::thread::id> second_threads;
    std::promise<std::thread::id> main_thread;
    int left = 101;  // guarded by mutex
    // The last handler to run stops the pool, from a handler, as the server's shutdown does.
    auto note = [&](std::set<std::thread::id>& threads) {
        std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
        if (--left == 0) pool.stop();
    };
    for (int i = 0; i < 50; ++i) {
        asio::post(first, [&] { note(first_threads); });
        asio::post(second, [&] { note(second_threads); });
    }
    asio::post(pool.main_context(), [&] {
        main_thread.set_value(std::this_thread::get_id());
        std::set<std::thread::id> ignored;
        note(ignored);
    });
    // As the server's signal set and acceptor do, something keeps the main context running.
    auto keep_running = asio::make_work_guard(pool.main_context());
    auto runner = std::async(std::launch::async, [&] {
        pool.run();
        return std::this_thread::get_id();
    });
    REQUIRE(runner.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    const auto caller = runner.get();
    CHECK(main_thread.get_future().get() == caller);
    REQUIRE(first_threads.size() == 1);
    REQUIRE(second_threads.size() == 1);
    CHECK(*first_threads.begin() == caller);
    CHECK(*second_threads.begin() != caller);
}
