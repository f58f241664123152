#include "bot/http_server.hpp"

#include <array>
#include <optional>
#include <string_view>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
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
    /// on the connection's executor (a strand, or a context run by one thread).
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

/// The answer as bytes on the wire, written with one plain socket write. Beast's serializer would
/// do the same through several layers of buffer views per answer; the bot's answers are small,
/// whole strings, so one contiguous buffer is simpler and cheaper.
/// An answer to HEAD keeps its Content-Length but carries no body (RFC 9110, 9.3.2): a client
/// reads none, and bytes after the headers would be taken for the next answer.
std::string serialize(http::HttpResponse&& response, unsigned version, bool keep_alive,
                      bool head = false) {
    const auto status = static_cast<unsigned>(response.status);
    const std::string_view reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
    std::string out;
    out.reserve(160 + response.body.size());
    out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    out.append(std::to_string(status)).append(" ").append(reason).append("\r\n");
    out.append("Server: rubdown\r\nContent-Type: ").append(response.content_type).append("\r\n");
    for (const auto& [name, value] : response.headers)
        out.append(name).append(": ").append(value).append("\r\n");
    // 1xx, 204 and 304 answers carry no body and no length (RFC 9110, 8.6).
    const bool bodiless = status < 200 || status == 204 || status == 304;
    if (!bodiless) out.append("Content-Length: ").append(std::to_string(response.body.size()));
    if (!bodiless) out.append("\r\n");
    // HTTP/1.1 keeps a connection open unless told; HTTP/1.0 closes it unless told.
    if (version == 10 && keep_alive) out.append("Connection: keep-alive\r\n");
    if (version != 10 && !keep_alive) out.append("Connection: close\r\n");
    out.append("\r\n");
    if (!bodiless && !head) out.append(response.body);
    return out;
}

bool is_limit_error(const beast::error_code& error) {
    return error == bhttp::error::header_limit || error == bhttp::error::body_limit;
}

/// Read errors that end a connection without an answer: the client left or was too slow.
bool is_silent_read_error(const beast::error_code& error) {
    return error == beast::error::timeout || error == bhttp::error::end_of_stream ||
           error == asio::error::eof || error == asio::error::connection_reset;
}

}  // namespace

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
    return ServerStats{requests_.load(), rejected_.load(), connections_.size()};
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

asio::awaitable<beast::error_code> HttpServer::read_request(beast::tcp_stream& stream,
                                                            beast::flat_buffer& buffer,
                                                            RequestParser& parser) {
    // Parse what is already buffered first and read from the socket only when it is not enough:
    // a request that arrived in one piece (the usual case) then costs no asynchronous step beyond
    // the read that brought it. The header and the body each have a deadline for all their reads.
    parser.eager(true);
    std::optional<std::chrono::steady_clock::time_point> body_deadline;
    const auto header_deadline = std::chrono::steady_clock::now() + limits_.header_timeout;
    beast::error_code error;
    for (;;) {
        if (buffer.size() > 0) {
            error = {};
            const auto used = parser.put(buffer.data(), error);
            buffer.consume(used);
            if (parser.is_done()) co_return beast::error_code{};
            if (error && error != bhttp::error::need_more) co_return error;
            // Progress and bytes left (the next chunk of a chunked body): parse on.
            if (!error && used > 0 && buffer.size() > 0) continue;
        }
        // Beast holds the body to its limit by chunk sizes only: a chunk line or a trailer that
        // never ends would grow the buffer without bound. Nothing legitimate waits unparsed
        // after the headers for longer than a header block.
        if (parser.is_header_done() && buffer.size() > limits_.max_header_bytes)
            co_return bhttp::error::body_limit;
        if (parser.is_header_done() && !body_deadline) {
            body_deadline = std::chrono::steady_clock::now() + limits_.body_timeout;
            // A client that asked to be told before it sends the body (curl does for a large
            // one) waits for this; a body too large was refused above without it.
            if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
                static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                stream.expires_at(*body_deadline);
                co_await asio::async_write(stream, asio::buffer(kContinue),
                                           asio::redirect_error(asio::use_awaitable, error));
                if (error) co_return error;
            }
        }
        stream.expires_at(body_deadline ? *body_deadline : header_deadline);
        const auto received =
            co_await stream.async_read_some(buffer.prepare(beast::read_size(buffer, 65536)),
                                            asio::redirect_error(asio::use_awaitable, error));
        buffer.commit(received);
        if (error == asio::error::eof) {
            // The client closed its side: a body delimited by the end of the stream is complete.
            if (!parser.got_some()) co_return bhttp::error::end_of_stream;
            error = {};
            parser.put_eof(error);
            co_return error;
        }
        if (error) co_return error;
    }
}

asio::awaitable<void> HttpServer::write_answer(beast::tcp_stream& stream, std::string bytes,
                                               beast::error_code& error) {
    stream.expires_after(limits_.body_timeout);
    co_await asio::async_write(stream, asio::buffer(bytes),
                               asio::redirect_error(asio::use_awaitable, error));
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
        // ...then the (shorter) header and body time-outs, so a trickling client is cut off.
        connection->busy = true;
        const auto started = std::chrono::steady_clock::now();
        RequestParser parser;
        parser.header_limit(static_cast<std::uint32_t>(limits_.max_header_bytes));
        parser.body_limit(limits_.max_body_bytes);
        error = co_await read_request(stream, buffer, parser);
        const unsigned version = parser.is_header_done() ? parser.get().version() : 11;
        if (is_limit_error(error)) {
            // Known from Content-Length (or a chunk) before the body is read: refuse it unread.
            auto refusal = error == bhttp::error::body_limit
                               ? http::HttpResponse::text(413, "request body too large\n")
                               : http::HttpResponse::text(431, "request headers too large\n");
            co_await write_answer(stream, serialize(std::move(refusal), version, false), error);
            unread_input = true;
            break;
        }
        if (error) {
            if (!is_silent_read_error(error)) {
                co_await write_answer(
                    stream,
                    serialize(http::HttpResponse::text(400, "malformed request\n"), version, false),
                    error);
                unread_input = true;
            }
            break;
        }
        bool keep_alive = parser.get().keep_alive();
        auto request = to_neutral(parser.release(), remote_address);
        http::HttpResponse response;
        try {
            response = co_await router_.route(request);
        } catch (const std::exception& failure) {
            spdlog::error("event=handler_failed path={} error=\"{}\"", request.path,
                          failure.what());
            response = http::HttpResponse::text(500, "internal error\n");
        }
        if (stopping_) keep_alive = false;
        const int status = response.status;
        const auto bytes = response.body.size();
        co_await write_answer(
            stream, serialize(std::move(response), version, keep_alive, request.method == "HEAD"),
            error);
        ++requests_;
        if (spdlog::should_log(spdlog::level::info)) {
            const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                    std::chrono::steady_clock::now() - started)
                                    .count();
            spdlog::info(
                "event=request method={} path={} status={} bytes={} duration_us={} remote={}",
                request.method, request.path, status, bytes, micros, remote_address);
        }
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
