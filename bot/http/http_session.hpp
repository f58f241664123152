#pragma once
/// One accepted HTTP connection, from its first byte to its close: reads each request under the
/// limits (header, body and idle time-outs, header and body sizes), routes it, writes the answer
/// with keep-alive, refuses what is too large (413, 431) or malformed (400), logs one line per
/// request, and closes without losing its last answer (a lingering close). The listener that
/// accepts connections and counts them is HttpServer.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "bot/http/body_budget.hpp"
#include "bot/http/router.hpp"

namespace rubdown::bot {

struct ServerLimits {
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::seconds header_timeout{10};  ///< from a request's first byte to its last header
    std::chrono::seconds body_timeout{30};    ///< to receive the body and send the answer
    std::chrono::seconds idle_timeout{60};    ///< a keep-alive connection waiting for a request
    std::chrono::seconds lingering_close{2};  ///< draining a refused request's unread bytes
    std::size_t max_connections = 2048;
    /// Open connections one remote address may hold (at least 1), so that a single host cannot
    /// take every slot of max_connections. A quarter of the default cap; Config derives it.
    std::size_t max_connections_per_address = 512;
    /// Bytes all request bodies being read at once may reserve (BodyBudget); a body that does not
    /// fit is refused with 503 and Retry-After, unread.
    std::size_t max_bodies_in_flight_bytes = 64 * 1024 * 1024;
};

/// What every session of one server shares; the server outlives its sessions.
struct SessionContext {
    const ServerLimits& limits;
    const Router& router;
    const std::atomic<bool>& stopping;           ///< shutting down: answer what is read, then close
    std::atomic<std::uint64_t>& requests;        ///< requests answered
    BodyBudget& bodies;                          ///< shared by every connection
    std::atomic<std::uint64_t>& bodies_refused;  ///< 503s because the budget was spent
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    /// The socket's executor is the session's: a strand, or a context one thread runs, so its
    /// steps never run concurrently.
    HttpSession(boost::asio::ip::tcp::socket socket, SessionContext context);

    /// Serves requests until the connection ends, then closes it. The session must be owned by a
    /// shared_ptr (close_if_idle and close_now keep it alive while they are posted).
    boost::asio::awaitable<void> run();

    /// For shutdown, from any thread: ends the session now if it is waiting for a request (one
    /// being served is answered first, then the connection closes).
    void close_if_idle();
    /// For the shutdown deadline, from any thread: ends whatever the session is doing.
    void close_now();
    /// Closes a connection that is never served (the connection cap). Before run() only.
    void refuse();

    /// Since when (steady clock ticks) the session has been waiting for a request's first byte
    /// (from its accept, for the first request); 0 while it serves one and once claimed by
    /// evict_if_waiting(). Any thread.
    std::int64_t waiting_since() const { return waiting_since_.load(std::memory_order_relaxed); }
    /// Near the connection cap, from any thread: closes the session if it is still waiting for a
    /// request (an idle keep-alive or a silent new connection) and no one claimed it before;
    /// whether it did. A session that began a request meanwhile is left to finish it.
    bool evict_if_waiting();

  private:
    using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;
    enum class Next { another, close, close_after_draining };

    /// Reads, routes and answers one request whose first bytes are in buffer_.
    boost::asio::awaitable<Next> serve_one(const std::string& remote_address);
    /// What a request's headers decided before its body was read.
    struct HeadDecision {
        const std::string& remote_address;
        /// The answer when the request is refused before its body is read (the body is then
        /// never read, and the connection closes after the answer).
        std::optional<http::HttpResponse> refusal;
        BodyBudget::Reservation body_bytes;  ///< held until the request is done
    };
    boost::asio::awaitable<boost::beast::error_code> read_request(RequestParser& parser,
                                                                  HeadDecision& decision);
    /// Routes and authenticates on the headers (Router::admit), checks the declared length
    /// against the route's limit and reserves the body's bytes; the refusal, if any. A request
    /// without a body is never refused here: it is complete, and answered as usual.
    std::optional<http::HttpResponse> admit_head(RequestParser& parser, HeadDecision& decision);
    boost::asio::awaitable<void> write_answer(std::string bytes, boost::beast::error_code& error);
    /// Runs a streamed answer's body (HttpResponse::stream) after its head went out; the
    /// connection closes when it returns.
    boost::asio::awaitable<void> run_stream(const http::StreamBody& stream);
    boost::asio::awaitable<void> discard_unread_input();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    SessionContext context_;
    /// True while a request is being read past its first byte, handled or answered. Only touched
    /// on the session's executor.
    bool busy_ = false;
    /// close_if_idle() found the session waiting: no further read. Only on the executor.
    bool close_requested_ = false;
    std::atomic<std::int64_t> waiting_since_{0};
};

}  // namespace rubdown::bot
