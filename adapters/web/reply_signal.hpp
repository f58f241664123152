#pragma once
/// Wakes the event streams of a chat when a reply for it is released: the channel's sender
/// notifies, each open stream (a browser tab) waits. A stream reads the chat's version before
/// it reads the database and waits only while the version has not moved, so a reply released
/// during its read is never missed. Thread-safe: streams wait on their connections' executors,
/// the sender notifies from its own.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

namespace rubdown::web {

class ReplySignal {
  public:
    /// How many times `chat` was notified (a number that only rises).
    std::uint64_t version(const std::string& chat);
    /// Returns once `chat`'s version differs from `seen`, `timeout` has passed, or stop() was
    /// called. The caller's executor must be a strand or run on one thread (a connection's).
    boost::asio::awaitable<void> wait(const std::string& chat, std::uint64_t seen,
                                      std::chrono::steady_clock::duration timeout);
    /// A reply for `chat` was released: its streams read again.
    void notify(const std::string& chat);
    /// Ends every wait now and every later one at once (the server is stopping).
    void stop();
    bool stopped() const;

    /// Streams waiting now (for tests and metrics).
    std::size_t waiting() const;

  private:
    struct Waiter {
        explicit Waiter(boost::asio::steady_timer timer) : timer(std::move(timer)) {}
        boost::asio::steady_timer timer;
    };
    struct Chat {
        std::uint64_t version = 0;
        std::vector<std::weak_ptr<Waiter>> waiters;
    };
    static void wake(const std::vector<std::weak_ptr<Waiter>>& waiters);
    /// Forgets chats nobody waits on once there are many (the caller holds the lock).
    void sweep();

    mutable std::mutex mutex_;
    std::unordered_map<std::string, Chat> chats_;
    /// A chat created again after a sweep starts above every version handed out before, so a
    /// stream that saw an older one reads once more rather than sleeping through a reply.
    std::uint64_t next_version_ = 1;
    std::size_t sweep_above_ = 4096;  ///< then twice what a sweep kept: its cost is spread
    bool stopped_ = false;
};

}  // namespace rubdown::web
