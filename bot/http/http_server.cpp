#include "bot/http/http_server.hpp"

#include <exception>
#include <utility>
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

asio::ip::address counted_address(const asio::ip::address& remote) {
    if (remote.is_v6() && remote.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, remote.to_v6());
    return remote;
}

HttpServer::HttpServer(asio::io_context& io, ServerLimits limits, const Router& router,
                       ConnectionExecutors connection_executors)
    : io_(io),
      limits_(limits),
      router_(router),
      connection_executors_(std::move(connection_executors)),
      acceptor_(asio::make_strand(io)),
      bodies_(limits.max_bodies_in_flight_bytes) {
    if (!connection_executors_)
        connection_executors_ = [&io] { return asio::any_io_executor(asio::make_strand(io)); };
}

HttpServer::~HttpServer() = default;

void HttpServer::start(const tcp::endpoint& endpoint) {
    listen(endpoint);
    start();
}

void HttpServer::listen(const tcp::endpoint& endpoint) {
    try {
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    } catch (const boost::system::system_error& error) {
        throw std::system_error(error.code(), "cannot listen on " + endpoint.address().to_string() +
                                                  ":" + std::to_string(endpoint.port()));
    }
}

void HttpServer::start() {
    asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached);
}

tcp::endpoint HttpServer::local_endpoint() const {
    return acceptor_.local_endpoint();
}

ServerStats HttpServer::stats() const {
    std::lock_guard lock(mutex_);
    std::size_t waiting = 0;
    for (const auto& session : sessions_)
        if (session->waiting_since() != 0) ++waiting;
    return ServerStats{requests_.load(),
                       rejected_.load(),
                       rejected_per_address_.load(),
                       evicted_waiting_.load(),
                       waiting,
                       bodies_refused_.load(),
                       sessions_.size(),
                       open_per_address_.size()};
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
        // A peer that has already reset has no address to count against, and its session would
        // end at its first read: close it now.
        const auto remote = socket.remote_endpoint(error);
        if (error) {
            socket.close(error);
            continue;
        }
        auto address = counted_address(remote.address());
        auto session = std::make_shared<HttpSession>(std::move(socket), session_context());
        if (!admit(session, address)) continue;
        asio::co_spawn(executor, serve(session, std::move(address)), asio::detached);
    }
}

bool HttpServer::admit(const std::shared_ptr<HttpSession>& session,
                       const asio::ip::address& address) {
    bool log_refusal = false;
    {
        std::lock_guard lock(mutex_);
        auto [entry, added] = open_per_address_.try_emplace(address);
        if (entry->second.open >= limits_.max_connections_per_address) {
            ++rejected_;
            ++rejected_per_address_;
            // Once per address while it holds connections: a host hammering at its limit must
            // not flood the log.
            log_refusal = !std::exchange(entry->second.refusal_logged, true);
            if (added) open_per_address_.erase(entry);  // a limit of 0: keep no empty entry
            session->refuse();
        } else if (sessions_.size() >= limits_.max_connections && !evict_oldest_waiting()) {
            ++rejected_;
            if (added) open_per_address_.erase(entry);
            session->refuse();
            return false;
        } else {
            ++entry->second.open;
            sessions_.insert(session);
            return true;
        }
    }
    if (log_refusal)
        spdlog::warn("event=connection_refused reason=per_address_limit remote={} limit={}",
                     address.to_string(), limits_.max_connections_per_address);
    return false;
}

bool HttpServer::evict_oldest_waiting() {
    // A scan of every session, only at the cap: cheaper than keeping them ordered on every
    // request. A session that is evicted stays counted until it has closed, so the count can
    // pass the cap by the connections still closing.
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::shared_ptr<HttpSession> oldest;
        std::int64_t oldest_since = 0;
        for (const auto& session : sessions_) {
            const auto since = session->waiting_since();
            if (since != 0 && (!oldest || since < oldest_since)) {
                oldest = session;
                oldest_since = since;
            }
        }
        if (!oldest) return false;
        if (oldest->evict_if_waiting()) {
            ++evicted_waiting_;
            return true;
        }
        // It began a request (or another evicted it) between the scan and the claim.
    }
    return false;
}

asio::awaitable<void> HttpServer::serve(std::shared_ptr<HttpSession> session,
                                        asio::ip::address address) {
    // The session gives its slots back however it ends: a count never decremented would lock its
    // address out for good. (Its steps report errors as codes; this is for what escapes them.)
    try {
        co_await session->run();
    } catch (const std::exception& failure) {
        spdlog::error("event=session_failed remote={} error=\"{}\"", address.to_string(),
                      failure.what());
    } catch (...) {
        spdlog::error("event=session_failed remote={}", address.to_string());
    }
    forget(session, address);
}

void HttpServer::forget(const std::shared_ptr<HttpSession>& session,
                        const asio::ip::address& address) {
    {
        std::lock_guard lock(mutex_);
        // Tied to the session's own entry, so its address is counted down exactly once.
        if (sessions_.erase(session) == 1) {
            auto entry = open_per_address_.find(address);
            if (entry != open_per_address_.end() && --entry->second.open == 0)
                open_per_address_.erase(entry);
        }
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
