#pragma once
/// The server's IO threads: one io_context per thread instead of one io_context shared by all.
///
/// Why: on a shared io_context every connection needs a strand so that its steps never run
/// concurrently, and each step then pays the strand's lock and an extra queueing. On a context
/// run by exactly one thread, a connection's steps are serialised by construction. Measured on
/// the Telegram webhook without processing (bench/README.md): about a third more requests/s.
///
/// Context 0 is the main one: signals, timers and the channels' strands live there, and the
/// caller's thread runs it in run(). Connections are spread over all contexts, round robin.

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

namespace rubdown::bot {

class IoPool {
  public:
    /// `threads` contexts (at least one).
    explicit IoPool(unsigned threads);
    ~IoPool();
    IoPool(const IoPool&) = delete;
    IoPool& operator=(const IoPool&) = delete;

    boost::asio::io_context& main_context() { return *contexts_.front(); }
    std::size_t size() const { return contexts_.size(); }

    /// The executor for the next connection: the contexts in turn. Thread-safe.
    boost::asio::any_io_executor next_executor();

    /// Runs context 0 on the calling thread and every other context on a thread of its own, and
    /// returns once all have stopped: after stop(), or once the main context runs out of work
    /// (the others then stop too, so keep the main one busy, as a signal set does).
    void run();
    /// Lets every context stop; callable from any thread, also from a handler.
    void stop();

  private:
    using WorkGuard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
    std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
    /// Keep the contexts other than the main one running while they have no connection.
    std::vector<WorkGuard> idle_guards_;
    std::atomic<std::size_t> next_{0};
};

}  // namespace rubdown::bot
