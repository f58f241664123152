#pragma once
/// The HTTP/1.1 server's listener: async accept on Boost.Asio, a cap on connections (in all and
/// per remote address), one HttpSession per connection (reading, routing and answering its
/// requests), and a graceful shutdown that lets requests in flight finish.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "bot/http/http_session.hpp"
#include "bot/http/router.hpp"

namespace rubdown::bot {

struct ServerStats {
    std::uint64_t requests = 0;
    std::uint64_t rejected_connections = 0;  ///< at either limit
    std::uint64_t rejected_per_address = 0;  ///< of those, at max_connections_per_address
    /// Waiting connections closed at the cap to make room for a new one (oldest first).
    std::uint64_t evicted_waiting = 0;
    std::size_t waiting_connections = 0;  ///< open now and waiting for a request's first byte
    /// Requests refused (503) because the bodies being read had reserved the whole budget.
    std::uint64_t bodies_refused = 0;
    std::size_t open_connections = 0;
    std::size_t counted_addresses = 0;  ///< remote addresses with a connection open now
};

/// The address a connection counts against: an IPv4-mapped IPv6 address (an IPv4 client of a
/// dual-stack listener) as the IPv4 address it is, any other address as it is.
boost::asio::ip::address counted_address(const boost::asio::ip::address& remote);

class HttpServer {
  public:
    /// Where each new connection runs. The default gives each connection a strand on `io`, which
    /// any number of threads may run; a source of single-threaded contexts (IoPool) needs none.
    using ConnectionExecutors = std::function<boost::asio::any_io_executor()>;

    HttpServer(boost::asio::io_context& io, ServerLimits limits, const Router& router,
               ConnectionExecutors connection_executors = {});
    ~HttpServer();

    /// Binds and listens without accepting yet (connections wait in the backlog), so that a
    /// taken port stops the process before it does anything else. Throws std::system_error
    /// naming the address when it cannot.
    void listen(const boost::asio::ip::tcp::endpoint& endpoint);
    /// Starts accepting on the address listen() bound.
    void start();
    /// listen(), then start().
    void start(const boost::asio::ip::tcp::endpoint& endpoint);
    boost::asio::ip::tcp::endpoint local_endpoint() const;

    /// Stops accepting, closes idle connections, and lets busy ones finish their request.
    /// `on_drained` runs (on an IO thread) once no connection is left, or after `deadline`.
    void shutdown(std::chrono::milliseconds deadline, std::function<void()> on_drained);

    ServerStats stats() const;

  private:
    boost::asio::awaitable<void> accept_loop();
    /// Admits a new connection under both limits, counting it, or refuses it (closes it). At the
    /// cap, the connection that has waited longest for a request is closed to make room; only
    /// when none waits is the new one refused.
    bool admit(const std::shared_ptr<HttpSession>& session,
               const boost::asio::ip::address& address);
    /// Runs the session, then forgets it, however the session ends.
    boost::asio::awaitable<void> serve(std::shared_ptr<HttpSession> session,
                                       boost::asio::ip::address address);
    void forget(const std::shared_ptr<HttpSession>& session,
                const boost::asio::ip::address& address);
    /// Under mutex_: closes the session that has waited longest for a request; whether one was.
    bool evict_oldest_waiting();
    void maybe_drained();
    /// Runs on_drained_ once (at the deadline, or once the last session is gone).
    void run_on_drained();
    SessionContext session_context() {
        return {limits_, router_, stopping_, requests_, bodies_, bodies_refused_};
    }

    boost::asio::io_context& io_;
    ServerLimits limits_;
    const Router& router_;
    ConnectionExecutors connection_executors_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::uint64_t> rejected_{0};
    std::atomic<std::uint64_t> rejected_per_address_{0};
    std::atomic<std::uint64_t> evicted_waiting_{0};
    BodyBudget bodies_;
    std::atomic<std::uint64_t> bodies_refused_{0};
    struct AddressCount {
        std::size_t open = 0;
        bool refusal_logged = false;  ///< one log line per address at its limit, not a flood
    };
    mutable std::mutex mutex_;
    std::set<std::shared_ptr<HttpSession>> sessions_;
    /// Open connections per remote address, kept with sessions_ under mutex_: an entry exists
    /// only while its address has a session in sessions_, so it never outgrows max_connections.
    std::unordered_map<boost::asio::ip::address, AddressCount> open_per_address_;
    std::function<void()> on_drained_;
};

}  // namespace rubdown::bot
