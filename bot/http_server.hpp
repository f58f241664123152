#pragma once
/// The HTTP/1.1 server: async accept and sessions on Boost.Beast, keep-alive, limits at the edge
/// (body size, header and idle time-outs, a cap on connections), one log line per request, and a
/// graceful shutdown that lets requests in flight finish.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "bot/router.hpp"

namespace rubdown::bot {

struct ServerLimits {
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::seconds header_timeout{10};  ///< from a request's first byte to its last header
    std::chrono::seconds body_timeout{30};    ///< to receive the body and send the answer
    std::chrono::seconds idle_timeout{60};    ///< a keep-alive connection waiting for a request
    std::chrono::seconds lingering_close{2};  ///< draining a refused request's unread bytes
    std::size_t max_connections = 2048;
};

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
    struct Connection;
    using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;
    boost::asio::awaitable<void> accept_loop();
    boost::asio::awaitable<void> serve(std::shared_ptr<Connection> connection);
    boost::asio::awaitable<boost::beast::error_code> read_request(boost::beast::tcp_stream& stream,
                                                                  boost::beast::flat_buffer& buffer,
                                                                  RequestParser& parser);
    boost::asio::awaitable<void> write_answer(boost::beast::tcp_stream& stream, std::string bytes,
                                              boost::beast::error_code& error);
    boost::asio::awaitable<void> discard_unread_input(boost::beast::tcp_stream& stream);
    void forget(const std::shared_ptr<Connection>& connection);
    void maybe_drained();

    boost::asio::io_context& io_;
    ServerLimits limits_;
    const Router& router_;
    ConnectionExecutors connection_executors_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::uint64_t> rejected_{0};
    mutable std::mutex mutex_;
    std::set<std::shared_ptr<Connection>> connections_;
    std::function<void()> on_drained_;
};

}  // namespace rubdown::bot
