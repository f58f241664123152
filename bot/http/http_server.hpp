#pragma once
/// The HTTP/1.1 server's listener: async accept on Boost.Asio, a cap on connections, one
/// HttpSession per connection (reading, routing and answering its requests), and a graceful
/// shutdown that lets requests in flight finish.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "bot/http/http_session.hpp"
#include "bot/http/router.hpp"

namespace rubdown::bot {

struct ServerStats {
    std::uint64_t requests = 0;
    std::uint64_t rejected_connections = 0;
    std::size_t open_connections = 0;
};

class HttpServer {
  public:
    /// Where each new connection runs. The default gives each connection a strand on `io`, which
    /// any number of threads may run; a source of single-threaded contexts (IoPool) needs none.
    using ConnectionExecutors = std::function<boost::asio::any_io_executor()>;

    HttpServer(boost::asio::io_context& io, ServerLimits limits, const Router& router,
               ConnectionExecutors connection_executors = {});
    ~HttpServer();

    /// Binds and starts accepting. Throws std::system_error naming the address when it cannot.
    void start(const boost::asio::ip::tcp::endpoint& endpoint);
    boost::asio::ip::tcp::endpoint local_endpoint() const;

    /// Stops accepting, closes idle connections, and lets busy ones finish their request.
    /// `on_drained` runs (on an IO thread) once no connection is left, or after `deadline`.
    void shutdown(std::chrono::milliseconds deadline, std::function<void()> on_drained);

    ServerStats stats() const;

  private:
    boost::asio::awaitable<void> accept_loop();
    /// Runs the session, then forgets it.
    boost::asio::awaitable<void> serve(std::shared_ptr<HttpSession> session);
    void forget(const std::shared_ptr<HttpSession>& session);
    void maybe_drained();
    /// Runs on_drained_ once (at the deadline, or once the last session is gone).
    void run_on_drained();
    SessionContext session_context() { return {limits_, router_, stopping_, requests_}; }

    boost::asio::io_context& io_;
    ServerLimits limits_;
    const Router& router_;
    ConnectionExecutors connection_executors_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::uint64_t> rejected_{0};
    mutable std::mutex mutex_;
    std::set<std::shared_ptr<HttpSession>> sessions_;
    std::function<void()> on_drained_;
};

}  // namespace rubdown::bot
