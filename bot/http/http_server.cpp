#include "bot/http/http_server.hpp"

#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace rubdown::bot {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

HttpServer::HttpServer(asio::io_context& io, ServerLimits limits, const Router& router,
                       ConnectionExecutors connection_executors)
    : io_(io),
      limits_(limits),
      router_(router),
      connection_executors_(std::move(connection_executors)),
      acceptor_(asio::make_strand(io)) {
    if (!connection_executors_)
        connection_executors_ = [&io] { return asio::any_io_executor(asio::make_strand(io)); };
}

HttpServer::~HttpServer() = default;

void HttpServer::start(const tcp::endpoint& endpoint) {
    try {
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    } catch (const boost::system::system_error& error) {
        throw std::system_error(error.code(), "cannot listen on " + endpoint.address().to_string() +
                                                  ":" + std::to_string(endpoint.port()));
    }
    asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached);
}

tcp::endpoint HttpServer::local_endpoint() const {
    return acceptor_.local_endpoint();
}

ServerStats HttpServer::stats() const {
    std::lock_guard lock(mutex_);
    return ServerStats{requests_.load(), rejected_.load(), sessions_.size()};
}

asio::awaitable<void> HttpServer::accept_loop() {
    while (!stopping_) {
        boost::system::error_code error;
        // The connection's steps never run concurrently: its executor is a strand or a context
        // that one thread runs. (A named variable: GCC 12 mishandles some temporaries in co_await.)
        auto executor = connection_executors_();
        auto socket = co_await acceptor_.async_accept(
            executor, asio::redirect_error(asio::use_awaitable, error));
        if (error) {
            if (stopping_ || error == asio::error::operation_aborted) break;
            // Out of file descriptors and the like: back off briefly instead of spinning.
            spdlog::warn("event=accept_failed error=\"{}\"", error.message());
            asio::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(50));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
            continue;
        }
        auto session = std::make_shared<HttpSession>(std::move(socket), session_context());
        {
            std::lock_guard lock(mutex_);
            if (sessions_.size() >= limits_.max_connections) {
                ++rejected_;
                session->refuse();
                continue;
            }
            sessions_.insert(session);
        }
        asio::co_spawn(executor, serve(session), asio::detached);
    }
}

asio::awaitable<void> HttpServer::serve(std::shared_ptr<HttpSession> session) {
    co_await session->run();
    forget(session);
}

void HttpServer::forget(const std::shared_ptr<HttpSession>& session) {
    {
        std::lock_guard lock(mutex_);
        sessions_.erase(session);
    }
    maybe_drained();
}

void HttpServer::maybe_drained() {
    std::function<void()> callback;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_ || !sessions_.empty() || !on_drained_) return;
        callback = std::move(on_drained_);
        on_drained_ = nullptr;
    }
    callback();
}

void HttpServer::shutdown(std::chrono::milliseconds deadline, std::function<void()> on_drained) {
    stopping_ = true;
    std::vector<std::shared_ptr<HttpSession>> open;
    {
        std::lock_guard lock(mutex_);
        on_drained_ = std::move(on_drained);
        open.assign(sessions_.begin(), sessions_.end());
    }
    asio::post(acceptor_.get_executor(), [this] {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
    });
    // Idle sessions close now; busy ones close after answering (stopping_ is set).
    for (auto& session : open) session->close_if_idle();
    // A session that never finishes is cut at the deadline.
    auto timer = std::make_shared<asio::steady_timer>(io_, deadline);
    timer->async_wait([this, timer](const boost::system::error_code&) {
        std::vector<std::shared_ptr<HttpSession>> left;
        {
            std::lock_guard lock(mutex_);
            left.assign(sessions_.begin(), sessions_.end());
        }
        for (auto& session : left) session->close_now();
        run_on_drained();
    });
    maybe_drained();
}

void HttpServer::run_on_drained() {
    std::function<void()> callback;
    {
        std::lock_guard lock(mutex_);
        callback = std::move(on_drained_);
        on_drained_ = nullptr;
    }
    if (callback) callback();
}

}  // namespace rubdown::bot
