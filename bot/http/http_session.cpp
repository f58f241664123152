#include "bot/http/http_session.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "bot/http/wire_format.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

bool is_limit_error(const beast::error_code& error) {
    return error == bhttp::error::header_limit || error == bhttp::error::body_limit;
}

/// Read errors that end a connection without an answer: the client left or was too slow.
bool is_silent_read_error(const beast::error_code& error) {
    return error == beast::error::timeout || error == bhttp::error::end_of_stream ||
           error == asio::error::eof || error == asio::error::connection_reset;
}

void log_request(const http::HttpRequest& request, int status, std::size_t bytes,
                 std::chrono::steady_clock::time_point started) {
    if (!spdlog::should_log(spdlog::level::info)) return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    spdlog::info("event=request method={} path={} status={} bytes={} duration_us={} remote={}",
                 request.method, request.path, status, bytes, micros, request.remote_address);
}

}  // namespace

namespace {
std::int64_t steady_ticks_now() {
    // Never 0, which means "not waiting".
    return std::max<std::int64_t>(1, std::chrono::steady_clock::now().time_since_epoch().count());
}
}  // namespace

// Waiting from the moment it is accepted, before run() has started: a crowd accepted faster
// than its sessions start is still evicted oldest first.
HttpSession::HttpSession(tcp::socket socket, SessionContext context)
    : stream_(std::move(socket)), context_(context), waiting_since_(steady_ticks_now()) {}

void HttpSession::close_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
        if (self->busy_) return;
        // Also before run() has issued its first read (a cancel would find nothing to cancel).
        self->close_requested_ = true;
        self->stream_.cancel();
    });
}

void HttpSession::close_now() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] { self->stream_.cancel(); });
}

bool HttpSession::evict_if_waiting() {
    if (waiting_since_.exchange(0) == 0) return false;
    close_if_idle();
    return true;
}

void HttpSession::refuse() {
    beast::error_code ignored;
    stream_.socket().close(ignored);
}

asio::awaitable<void> HttpSession::run() {
    beast::error_code error;
    std::string remote_address;
    {
        auto endpoint = stream_.socket().remote_endpoint(error);
        remote_address = error ? "" : endpoint.address().to_string();
    }
    auto next = Next::another;
    bool first_request = true;
    while (next == Next::another && !context_.stopping && !close_requested_) {
        // Wait for the first byte of the next request: a new connection under the header
        // time-out (one that sends nothing must not hold a slot for the idle minute), a kept-alive
        // one under the idle time-out. serve_one then holds the rest to the header and body
        // time-outs.
        busy_ = false;
        if (buffer_.size() == 0) {
            // The first wait began at the accept (and may have been claimed for eviction since).
            if (!first_request) waiting_since_.store(steady_ticks_now(), std::memory_order_relaxed);
            stream_.expires_after(first_request ? context_.limits.header_timeout
                                                : context_.limits.idle_timeout);
            const auto received = co_await stream_.async_read_some(
                buffer_.prepare(4096), asio::redirect_error(asio::use_awaitable, error));
            waiting_since_.store(0, std::memory_order_relaxed);
            if (error) break;
            buffer_.commit(received);
        }
        busy_ = true;
        first_request = false;
        next = co_await serve_one(remote_address);
    }
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    // An error answered before the whole request was read: the rest of it may still be
    // arriving, and closing over unread bytes makes the kernel reset the connection, which can
    // destroy the answer before the client reads it.
    if (next == Next::close_after_draining) co_await discard_unread_input();
    stream_.socket().close(ignored);
}

asio::awaitable<HttpSession::Next> HttpSession::serve_one(const std::string& remote_address) {
    const auto started = std::chrono::steady_clock::now();
    RequestParser parser;
    parser.header_limit(static_cast<std::uint32_t>(context_.limits.max_header_bytes));
    parser.body_limit(context_.limits.max_body_bytes);
    HeadDecision decision{remote_address, std::nullopt, {}};
    auto error = co_await read_request(parser, decision);
    const unsigned version = parser.is_header_done() ? parser.get().version() : 11;
    if (decision.refusal && !error) {
        // Refused on its headers: the body was never read, and the connection closes after the
        // answer (the unread bytes are drained for a moment so the answer is not lost).
        const int status = decision.refusal->status;
        co_await write_answer(serialize(std::move(*decision.refusal), version, false), error);
        spdlog::debug("event=request_refused_before_body path={} status={} remote={}",
                      std::string(parser.get().target()), status, remote_address);
        co_return Next::close_after_draining;
    }
    if (is_limit_error(error)) {
        // Known from Content-Length (or a chunk) before the body is read: refuse it unread.
        auto refusal = error == bhttp::error::body_limit
                           ? http::HttpResponse::text(413, "request body too large\n")
                           : http::HttpResponse::text(431, "request headers too large\n");
        co_await write_answer(serialize(std::move(refusal), version, false), error);
        co_return Next::close_after_draining;
    }
    if (error) {
        if (is_silent_read_error(error)) co_return Next::close;
        auto malformed = http::HttpResponse::text(400, "malformed request\n");
        co_await write_answer(serialize(std::move(malformed), version, false), error);
        co_return Next::close_after_draining;
    }
    bool keep_alive = parser.get().keep_alive();
    auto request = to_neutral(parser.release(), remote_address);
    http::HttpResponse response;
    try {
        response = co_await context_.router.route(request);
    } catch (const std::exception& failure) {
        spdlog::error("event=handler_failed path={} error=\"{}\"", request.path, failure.what());
        response = http::HttpResponse::text(500, "internal error\n");
    }
    // The handler is done with the body: its memory and its share of the budget go back now,
    // before the answer is written, so a client that reads the answer and sends its next body at
    // once finds the budget free (and a slow reader of a long stream holds none of it).
    std::string().swap(request.body);
    decision.body_bytes = {};
    if (context_.stopping) keep_alive = false;
    const int status = response.status;
    const auto bytes = response.body.size();
    const bool head = request.method == "HEAD";
    if (head) response.stream = nullptr;
    // A copy: serialize() also looks at the stream (a streamed answer has no length).
    const auto stream = response.stream;
    if (stream) keep_alive = false;
    co_await write_answer(serialize(std::move(response), version, keep_alive, head), error);
    ++context_.requests;
    log_request(request, status, bytes, started);
    if (stream && !error) co_await run_stream(stream);
    co_return error || !keep_alive ? Next::close : Next::another;
}

asio::awaitable<void> HttpSession::run_stream(const http::StreamBody& stream) {
    // Each piece has the body time-out to leave. A client that stops reading is only cut off
    // there once the kernel's send buffer is full; the stream's own lifetime ends it before.
    const http::StreamWriter write = [this](std::string piece) -> asio::awaitable<bool> {
        if (context_.stopping || close_requested_) co_return false;
        beast::error_code error;
        co_await write_answer(std::move(piece), error);
        co_return !error;
    };
    try {
        co_await stream(write);
    } catch (const std::exception& failure) {
        spdlog::error("event=stream_failed error=\"{}\"", failure.what());
    }
}

std::optional<http::HttpResponse> HttpSession::admit_head(RequestParser& parser,
                                                          HeadDecision& decision) {
    const auto declared = parser.content_length();
    const bool has_body = parser.chunked() || (declared && *declared > 0);
    if (!has_body) return std::nullopt;
    const auto admission =
        context_.router.admit(to_neutral_head(parser.get(), decision.remote_address));
    if (!admission.route) return admission.refusal;
    const auto server_limit = context_.limits.max_body_bytes;
    const auto route_limit = admission.route->max_body_bytes;
    const std::size_t limit = route_limit == 0 ? server_limit : std::min(route_limit, server_limit);
    if (declared && *declared > limit)
        return http::HttpResponse::text(413, "request body too large\n");
    parser.body_limit(limit);  // a chunked body is held to it as its chunks arrive
    auto reservation = context_.bodies.try_reserve(declared ? *declared : limit);
    if (!reservation) {
        ++context_.bodies_refused;
        auto busy = http::HttpResponse::text(503, "too many requests at once, try again\n");
        busy.headers.emplace_back("Retry-After", "1");
        return busy;
    }
    decision.body_bytes = std::move(*reservation);
    return std::nullopt;
}

asio::awaitable<beast::error_code> HttpSession::read_request(RequestParser& parser,
                                                             HeadDecision& decision) {
    // Parse what is already buffered first and read from the socket only when it is not enough:
    // a request that arrived in one piece (the usual case) then costs no asynchronous step beyond
    // the read that brought it. The header and the body each have a deadline for all their reads.
    const auto& limits = context_.limits;
    // The first put stops after the headers: the request is admitted on them before its body
    // is read (Beast sizes a body's storage by its declared length when it starts reading it).
    parser.eager(false);
    std::optional<std::chrono::steady_clock::time_point> body_deadline;
    const auto header_deadline = std::chrono::steady_clock::now() + limits.header_timeout;
    beast::error_code error;
    bool admitted = false;
    for (;;) {
        if (buffer_.size() > 0) {
            error = {};
            const auto used = parser.put(buffer_.data(), error);
            buffer_.consume(used);
            if (parser.is_header_done() && !admitted) {
                admitted = true;
                if (!has_unambiguous_framing(parser.get()))
                    co_return bhttp::error::bad_transfer_encoding;
                if ((decision.refusal = admit_head(parser, decision)))
                    co_return beast::error_code{};
                parser.eager(true);
            }
            if (parser.is_done()) co_return beast::error_code{};
            if (error && error != bhttp::error::need_more) co_return error;
            // Progress and bytes left (the next chunk of a chunked body): parse on.
            if (!error && used > 0 && buffer_.size() > 0) continue;
        }
        // Beast holds the body to its limit by chunk sizes only: a chunk line or a trailer that
        // never ends would grow the buffer without bound. Nothing legitimate waits unparsed
        // after the headers for longer than a header block.
        if (parser.is_header_done() && buffer_.size() > limits.max_header_bytes)
            co_return bhttp::error::body_limit;
        if (parser.is_header_done() && !body_deadline) {
            body_deadline = std::chrono::steady_clock::now() + limits.body_timeout;
            // A client that asked to be told before it sends the body (curl does for a large
            // one) waits for this; a body too large was refused above without it.
            if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
                static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                stream_.expires_at(*body_deadline);
                co_await asio::async_write(stream_, asio::buffer(kContinue),
                                           asio::redirect_error(asio::use_awaitable, error));
                if (error) co_return error;
            }
        }
        stream_.expires_at(body_deadline ? *body_deadline : header_deadline);
        const auto received =
            co_await stream_.async_read_some(buffer_.prepare(beast::read_size(buffer_, 65536)),
                                             asio::redirect_error(asio::use_awaitable, error));
        buffer_.commit(received);
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

asio::awaitable<void> HttpSession::write_answer(std::string bytes, beast::error_code& error) {
    stream_.expires_after(context_.limits.body_timeout);
    co_await asio::async_write(stream_, asio::buffer(bytes),
                               asio::redirect_error(asio::use_awaitable, error));
}

// A lingering close: after our answer and FIN, read and drop what the client is still sending
// until it closes too, for a bounded time and amount, so the answer is not lost to a reset.
asio::awaitable<void> HttpSession::discard_unread_input() {
    constexpr std::size_t kMaxDiscardedBytes = 4 * 1024 * 1024;
    std::array<char, 16 * 1024> sink{};
    std::size_t discarded = 0;
    beast::error_code error;
    stream_.expires_after(context_.limits.lingering_close);
    while (discarded < kMaxDiscardedBytes) {
        discarded += co_await stream_.async_read_some(
            asio::buffer(sink), asio::redirect_error(asio::use_awaitable, error));
        if (error) break;
    }
}

}  // namespace rubdown::bot
