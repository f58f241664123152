#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "adapters/web/reply_signal.hpp"

using rubdown::web::ReplySignal;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

/// Runs one wait on its own thread's io_context; how long it took.
struct TimedWait {
    asio::io_context io;
    std::chrono::steady_clock::duration took{};
    bool done = false;

    void start(ReplySignal& signal, const std::string& chat, std::uint64_t seen,
               std::chrono::steady_clock::duration timeout) {
        asio::co_spawn(
            io,
            [&, chat, seen, timeout]() -> asio::awaitable<void> {
                const auto began = std::chrono::steady_clock::now();
                co_await signal.wait(chat, seen, timeout);
                took = std::chrono::steady_clock::now() - began;
                done = true;
            },
            asio::detached);
    }
};

}  // namespace

TEST_CASE("reply signal: a notify wakes the chat's waiters and only theirs") {
    ReplySignal signal;
    TimedWait mine, other;
    mine.start(signal, "chat-a", signal.version("chat-a"), 30s);
    other.start(signal, "chat-b", signal.version("chat-b"), 200ms);
    std::thread other_thread([&] { other.io.run(); });
    std::thread waiter([&] { mine.io.run(); });
    while (signal.waiting() < 2) std::this_thread::sleep_for(1ms);
    signal.notify("chat-a");
    waiter.join();
    other_thread.join();
    CHECK(mine.done);
    CHECK(mine.took < 10s);  // woken, not timed out
    CHECK(other.done);
    CHECK(other.took >= 200ms);  // chat-b was never notified: it timed out
}

TEST_CASE("reply signal: a reply released before the wait began is not slept through") {
    ReplySignal signal;
    const auto seen = signal.version("chat");
    signal.notify("chat");  // released while the stream was reading the database
    CHECK(signal.version("chat") != seen);
    TimedWait wait;
    wait.start(signal, "chat", seen, 30s);
    wait.io.run();
    CHECK(wait.done);
    CHECK(wait.took < 10s);
}

TEST_CASE("reply signal: stop ends the waits at once, and every later one") {
    ReplySignal signal;
    TimedWait first;
    first.start(signal, "chat", signal.version("chat"), 30s);
    std::thread runner([&] { first.io.run(); });
    while (signal.waiting() < 1) std::this_thread::sleep_for(1ms);
    signal.stop();
    runner.join();
    CHECK(first.done);
    CHECK(first.took < 10s);
    CHECK(signal.stopped());
    TimedWait later;
    later.start(signal, "chat", signal.version("chat"), 30s);
    later.io.run();
    CHECK(later.done);
    CHECK(later.took < 10s);
}
