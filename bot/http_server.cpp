#include "bot/http_server.hpp"

#include <array>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace rubdown::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct HttpServer::Connection {
    explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
    beast::tcp_stream stream;
    /// True while a request is being read past its first byte, handled or answered. Only touched
    /// on the connection's strand.
    bool busy = false;
};

namespace {

http::HttpRequest to_neutral(bhttp::request<bhttp::string_body>&& request,
                             const std::string& remote_address) {
    http::HttpRequest neutral;
    neutral.method = std::string(request.method_string());
    neutral.target = std::string(request.target());
    neutral.path = neutral.target.substr(0, neutral.target.find('?'));
    neutral.headers.reserve(8);
    for (const auto& field : request)
        neutral.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    neutral.body = std::move(request.body());
    neutral.remote_address = remote_address;
    return neutral;
}

bhttp::response<bhttp::string_body> to_beast(http::HttpResponse&& response, unsigned version,
                                             bool keep_alive) {
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
    out.set(bhttp::field::server, "rubdown");
    out.set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) out.set(name, value);
    out.body() = std::move(response.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    return out;
}

}  // namespace

HttpServer::HttpServer(asio::io_context& io, ServerLimits limits, const Router& router)
    : io_(io), limits_(limits), router_(router), acceptor_(asio::make_strand(io)) {}

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
    return ServerStats{requests_.load(), rejected_.load(), connections_.size()};
}

asio::awaitable<void> HttpServer::accept_loop() {
    while (!stopping_) {
        boost::system::error_code error;
        // Each connection gets its own strand: its steps never run concurrently.
        auto socket = co_await acceptor_.async_accept(
            asio::make_strand(io_), asio::redirect_error(asio::use_awaitable, error));
        if (error) {
            if (stopping_ || error == asio::error::operation_aborted) break;
            // Out of file descriptors and the like: back off briefly instead of spinning.
            spdlog::warn("event=accept_failed error=\"{}\"", error.message());
            asio::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(50));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
            continue;
        }
        auto connection = std::make_shared<Connection>(std::move(socket));
        {
            std::lock_guard lock(mutex_);
            if (connections_.size() >= limits_.max_connections) {
                ++rejected_;
                beast::error_code ignored;
                connection->stream.socket().close(ignored);
                continue;
            }
            connections_.insert(connection);
        }
        auto executor = connection->stream.get_executor();
        asio::co_spawn(executor, serve(connection), asio::detached);
    }
}

void HttpServer::forget(const std::shared_ptr<Connection>& connection) {
    {
        std::lock_guard lock(mutex_);
        connections_.erase(connection);
    }
    maybe_drained();
}

void HttpServer::maybe_drained() {
    std::function<void()> callback;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_ || !connections_.empty() || !on_drained_) return;
        callback = std::move(on_drained_);
        on_drained_ = nullptr;
    }
    callback();
}

// A lingering close: after our answer and FIN, read and drop what the client is still sending
// until it closes too, for a bounded time and amount, so the answer is not lost to a reset.
asio::awaitable<void> HttpServer::discard_unread_input(beast::tcp_stream& stream) {
    constexpr std::size_t kMaxDiscardedBytes = 4 * 1024 * 1024;
    std::array<char, 16 * 1024> sink{};
    std::size_t discarded = 0;
    beast::error_code error;
    stream.expires_after(limits_.lingering_close);
    while (discarded < kMaxDiscardedBytes) {
        discarded += co_await stream.async_read_some(
            asio::buffer(sink), asio::redirect_error(asio::use_awaitable, error));
        if (error) break;
    }
}

asio::awaitable<void> HttpServer::serve(std::shared_ptr<Connection> connection) {
    auto& stream = connection->stream;
    beast::flat_buffer buffer;
    beast::error_code error;
    std::string remote_address;
    {
        auto endpoint = stream.socket().remote_endpoint(error);
        remote_address = error ? "" : endpoint.address().to_string();
    }

    // Set when the server answers an error before reading the whole request: the rest of it may
    // still be arriving, and closing over unread bytes makes the kernel reset the connection, which
    // can destroy the answer before the client reads it.
    bool unread_input = false;
    while (!stopping_) {
        // Wait for the first byte of the next request under the idle time-out...
        connection->busy = false;
        if (buffer.size() == 0) {
            stream.expires_after(limits_.idle_timeout);
            const auto received = co_await stream.async_read_some(
                buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, error));
            if (error) break;
            buffer.commit(received);
        }
        // ...then give it the (shorter) header time-out, so a client trickling headers is cut off.
        connection->busy = true;
        const auto started = std::chrono::steady_clock::now();
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
        parser.body_limit(limits_.max_body_bytes);
        stream.expires_after(limits_.header_timeout);
        co_await bhttp::async_read_header(stream, buffer, parser,
                                          asio::redirect_error(asio::use_awaitable, error));
        if (error == bhttp::error::header_limit || error == bhttp::error::body_limit) {
            // The parser already knows from Content-Length that the body is too large.
            auto response =
                to_beast(error == bhttp::error::body_limit
                             ? http::HttpResponse::text(413, "request body too large\n")
                             : http::HttpResponse::text(431, "request headers too large\n"),
                         11, false);
            co_await bhttp::async_write(stream, response,
                                        asio::redirect_error(asio::use_awaitable, error));
            unread_input = true;
            break;
        }
        if (error) {
            if (error != beast::error::timeout && error != bhttp::error::end_of_stream &&
                error != asio::error::eof && error != asio::error::connection_reset) {
                auto response =
                    to_beast(http::HttpResponse::text(400, "malformed request\n"), 11, false);
                co_await bhttp::async_write(stream, response,
                                            asio::redirect_error(asio::use_awaitable, error));
                unread_input = true;
            }
            break;
        }

        http::HttpResponse response;
        bool keep_alive = false;
        const unsigned version = parser.get().version();
        const auto method = std::string(parser.get().method_string());
        const auto target = std::string(parser.get().target());
        // Refuse an oversized body before reading it: the declared length is enough to know.
        if (parser.content_length() && *parser.content_length() > limits_.max_body_bytes) {
            response = http::HttpResponse::text(413, "request body too large\n");
        } else {
            stream.expires_after(limits_.body_timeout);
            co_await bhttp::async_read(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, error));
            if (error == bhttp::error::body_limit) {
                response = http::HttpResponse::text(413, "request body too large\n");
            } else if (error) {
                if (error != beast::error::timeout && error != asio::error::eof &&
                    error != bhttp::error::end_of_stream) {
                    auto refusal = to_beast(http::HttpResponse::text(400, "malformed request\n"),
                                            version, false);
                    co_await bhttp::async_write(stream, refusal,
                                                asio::redirect_error(asio::use_awaitable, error));
                    unread_input = true;
                }
                break;
            } else {
                keep_alive = parser.get().keep_alive();
                auto request = to_neutral(parser.release(), remote_address);
                try {
                    response = co_await router_.route(request);
                } catch (const std::exception& failure) {
                    spdlog::error("event=handler_failed path={} error=\"{}\"", request.path,
                                  failure.what());
                    response = http::HttpResponse::text(500, "internal error\n");
                }
            }
        }
        // After a 413 the rest of the body is still on the wire: close rather than resync.
        if (response.status == 413) {
            keep_alive = false;
            unread_input = true;
        }
        if (stopping_) keep_alive = false;
        const int status = response.status;
        auto out = to_beast(std::move(response), version, keep_alive);
        const auto bytes = out.body().size();
        stream.expires_after(limits_.body_timeout);
        co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, error));
        ++requests_;
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
        spdlog::info("event=request method={} path={} status={} bytes={} duration_us={} remote={}",
                     method, target.substr(0, target.find('?')), status, bytes, micros,
                     remote_address);
        if (error || !keep_alive) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (unread_input) co_await discard_unread_input(stream);
    stream.socket().close(ignored);
    forget(connection);
}

void HttpServer::shutdown(std::chrono::milliseconds deadline, std::function<void()> on_drained) {
    stopping_ = true;
    {
        std::lock_guard lock(mutex_);
        on_drained_ = std::move(on_drained);
    }
    asio::post(acceptor_.get_executor(), [this] {
        beast::error_code ignored;
        acceptor_.close(ignored);
    });
    std::vector<std::shared_ptr<Connection>> open;
    {
        std::lock_guard lock(mutex_);
        open.assign(connections_.begin(), connections_.end());
    }
    // Idle connections are closed now; busy ones close after answering (stopping_ is set).
    for (auto& connection : open) {
        asio::post(connection->stream.get_executor(), [connection] {
            if (!connection->busy) connection->stream.cancel();
        });
    }
    // A connection that never finishes is cut at the deadline.
    auto timer = std::make_shared<asio::steady_timer>(io_, deadline);
    timer->async_wait([this, timer](const boost::system::error_code&) {
        std::vector<std::shared_ptr<Connection>> left;
        {
            std::lock_guard lock(mutex_);
            left.assign(connections_.begin(), connections_.end());
        }
        for (auto& connection : left)
            asio::post(connection->stream.get_executor(),
                       [connection] { connection->stream.cancel(); });
        std::function<void()> callback;
        {
            std::lock_guard lock(mutex_);
            callback = std::move(on_drained_);
            on_drained_ = nullptr;
        }
        if (callback) callback();
    });
    maybe_drained();
}

}  // namespace rubdown::bot
