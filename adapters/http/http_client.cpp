// Longer than 400 lines (553) because the connection pool, the TLS and plain streams and the
// request/response exchange share the private Connection and Impl types; a split would have to
// publish them.
#include "adapters/http/http_client.hpp"
#include "adapters/http/http_message.hpp"

#include "adapters/http/client_url.hpp"
#include "adapters/http/stale_connection_retry.hpp"

#include <openssl/ssl.h>
#include <spdlog/spdlog.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

namespace rubdown::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

// ---------------------------------------------------------------------------------------------
// Errors

namespace {

class ClientErrorCategory final : public std::error_category {
  public:
    const char* name() const noexcept override { return "rubdown.http_client"; }
    std::string message(int value) const override {
        switch (static_cast<ClientErrc>(value)) {
            case ClientErrc::invalid_url:
                return "invalid URL";
            case ClientErrc::invalid_request:
                return "invalid request";
            case ClientErrc::resolve_failed:
                return "host name did not resolve";
            case ClientErrc::connect_failed:
                return "could not connect";
            case ClientErrc::tls_failed:
                return "TLS handshake failed";
            case ClientErrc::timed_out:
                return "timed out";
            case ClientErrc::connection_closed:
                return "connection closed before a full answer";
            case ClientErrc::response_too_large:
                return "response too large";
            case ClientErrc::protocol_error:
                return "malformed HTTP answer";
            case ClientErrc::stopped:
                return "HTTP client stopped";
            case ClientErrc::io_error:
                return "network error";
        }
        return "unknown HTTP client error";
    }
};

}  // namespace

const std::error_category& client_error_category() {
    static const ClientErrorCategory category;
    return category;
}

std::error_code make_error_code(ClientErrc code) {
    return {static_cast<int>(code), client_error_category()};
}

bool is_transient(ClientErrc code) {
    switch (code) {
        case ClientErrc::resolve_failed:
        case ClientErrc::connect_failed:
        case ClientErrc::timed_out:
        case ClientErrc::connection_closed:
        case ClientErrc::io_error:
            return true;
        default:
            return false;
    }
}

HttpClientError::HttpClientError(ClientErrc code, const std::string& what)
    : std::system_error(make_error_code(code), what) {}

// ---------------------------------------------------------------------------------------------
// Response

std::string ClientResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (header_name_equals(key, name)) return value;
    return {};
}

// ---------------------------------------------------------------------------------------------
// Building blocks

namespace {

using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using OutgoingMessage = bhttp::request<bhttp::string_body>;

/// One connection to an origin, plain or TLS, with the bytes read past the last answer.
struct Connection {
    Connection(const asio::any_io_executor& executor, ssl::context* tls_context) {
        if (tls_context)
            tls = std::make_unique<TlsStream>(executor, *tls_context);
        else
            plain = std::make_unique<beast::tcp_stream>(executor);
    }

    beast::tcp_stream& tcp() { return tls ? beast::get_lowest_layer(*tls) : *plain; }

    /// Abrupt close: also aborts whatever operation is pending on the connection.
    void close() {
        error_code ignored;
        tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
        tcp().socket().close(ignored);
    }

    std::unique_ptr<beast::tcp_stream> plain;
    std::unique_ptr<TlsStream> tls;
    beast::flat_buffer buffer;
    Clock::time_point parked_at{};
};

/// What happened on one request/answer exchange over a connection.
struct Exchange {
    error_code error;
    bool fully_sent = false;
    bool response_bytes_received = false;
    bool keep_alive = false;
    ClientResponse response;
};

enum class Step { resolve, connect, tls_handshake, send, receive };

const char* describe(Step step) {
    switch (step) {
        case Step::resolve:
            return "resolving the host of";
        case Step::connect:
            return "connecting to";
        case Step::tls_handshake:
            return "TLS handshake with";
        case Step::send:
            return "sending the request to";
        case Step::receive:
            return "reading the answer from";
    }
    return "requesting";
}

bool is_peer_closed(const error_code& error) {
    return error == asio::error::eof || error == asio::error::connection_reset ||
           error == asio::error::broken_pipe || error == asio::error::connection_aborted ||
           error == bhttp::error::end_of_stream || error == bhttp::error::partial_message ||
           error == ssl::error::stream_truncated;
}

ClientErrc classify(const error_code& error, Step step) {
    if (error == beast::error::timeout) return ClientErrc::timed_out;
    if (error == bhttp::error::body_limit || error == bhttp::error::header_limit ||
        error == bhttp::error::buffer_overflow)
        return ClientErrc::response_too_large;
    switch (step) {
        case Step::resolve:
            return ClientErrc::resolve_failed;
        case Step::connect:
            return ClientErrc::connect_failed;
        case Step::tls_handshake:
            return is_peer_closed(error) ? ClientErrc::connection_closed : ClientErrc::tls_failed;
        case Step::send:
        case Step::receive:
            if (is_peer_closed(error)) return ClientErrc::connection_closed;
            if (error.category() == bhttp::make_error_code(bhttp::error::bad_version).category())
                return ClientErrc::protocol_error;
            return ClientErrc::io_error;
    }
    return ClientErrc::io_error;
}

// The error carries the redacted URL only: the raw one may hold a bot token.
HttpClientError failure(const error_code& error, Step step, const std::string& redacted_url) {
    return HttpClientError(classify(error, step), std::string(describe(step)) + " " + redacted_url +
                                                      " failed: " + error.message());
}

HttpClientError stopped_failure(const std::string& redacted_url) {
    return HttpClientError(ClientErrc::stopped,
                           "request to " + redacted_url + " aborted: the HTTP client stopped");
}

bool method_is_idempotent(std::string_view method) {
    static constexpr std::array<std::string_view, 6> idempotent{"GET", "HEAD",   "OPTIONS",
                                                                "PUT", "DELETE", "TRACE"};
    return std::any_of(idempotent.begin(), idempotent.end(),
                       [&](std::string_view known) { return header_name_equals(known, method); });
}

bool is_token_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), is_token_char);
}

// Line breaks in a header would let a value smuggle extra headers or a second request.
bool is_safe_value(std::string_view text) {
    return text.find_first_of("\r\n") == std::string_view::npos && text.find('\0') == text.npos;
}

OutgoingMessage build_message(const ClientRequest& request, const ClientUrl& url,
                              const std::string& user_agent) {
    if (!is_token(request.method))
        throw HttpClientError(ClientErrc::invalid_request, "invalid HTTP method");
    if (!is_safe_value(request.content_type))
        throw HttpClientError(ClientErrc::invalid_request, "invalid content type");
    for (const auto& [name, value] : request.headers)
        if (!is_token(name) || !is_safe_value(value))
            throw HttpClientError(ClientErrc::invalid_request, "invalid request header");

    OutgoingMessage message;
    const bhttp::verb verb = bhttp::string_to_verb(request.method);
    if (verb == bhttp::verb::unknown)
        message.method_string(request.method);
    else
        message.method(verb);
    message.target(url.target);
    message.version(11);
    message.set(bhttp::field::host, url.host_header);
    message.set(bhttp::field::user_agent, user_agent);
    if (!request.body.empty()) message.set(bhttp::field::content_type, request.content_type);
    for (const auto& [name, value] : request.headers) message.set(name, value);
    message.body() = request.body;
    message.prepare_payload();
    return message;
}

/// Sends the request and reads one answer; never throws for network failures.
template <class Stream>
asio::awaitable<Exchange> exchange(Stream& stream, Connection& connection,
                                   const OutgoingMessage& message, const HttpClientOptions& options,
                                   bool head_request) {
    Exchange result;
    co_await bhttp::async_write(stream, message,
                                asio::redirect_error(asio::use_awaitable, result.error));
    if (result.error) co_return result;
    result.fully_sent = true;

    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(options.max_response_body_bytes);
    parser.header_limit(static_cast<std::uint32_t>(options.max_response_header_bytes));
    parser.skip(head_request);  // a HEAD answer announces a body it does not carry
    co_await bhttp::async_read(stream, connection.buffer, parser,
                               asio::redirect_error(asio::use_awaitable, result.error));
    result.response_bytes_received = parser.got_some() || connection.buffer.size() > 0;
    if (result.error) co_return result;

    auto answer = parser.release();
    result.response.status = static_cast<int>(answer.result_int());
    for (const auto& field : answer)
        result.response.headers.emplace_back(std::string(field.name_string()),
                                             std::string(field.value()));
    result.response.body = std::move(answer.body());
    // Bytes past the answer mean the connection is out of step with the server.
    result.keep_alive =
        answer.keep_alive() && message.keep_alive() && connection.buffer.size() == 0;
    co_return result;
}

/// Whether a parked connection still looks usable: the server has not closed it and sent nothing
/// unasked. Checked without blocking just before reuse.
bool still_open(Connection& connection) {
    auto& socket = connection.tcp().socket();
    if (!socket.is_open()) return false;
    error_code error;
    const bool was_non_blocking = socket.non_blocking();
    socket.non_blocking(true, error);
    if (error) return false;
    char byte = 0;
    socket.receive(asio::buffer(&byte, 1), tcp::socket::message_peek, error);
    bool open = error == asio::error::would_block;  // nothing pending and no end of stream
    if (!error && connection.tls) {
        // TLS records arrived while parked: session tickets (harmless) or the server's
        // close_notify (the connection is dead). Let OpenSSL consume them without blocking.
        connection.tls->read_some(asio::buffer(&byte, 1), error);
        open = error == asio::error::would_block;
    }
    error_code ignored;
    socket.non_blocking(was_non_blocking, ignored);
    return open;
}

/// A resolver with its own deadline: Asio's resolver has no time-out of its own.
struct PendingResolve {
    explicit PendingResolve(const asio::any_io_executor& executor)
        : resolver(executor), timer(executor) {}
    tcp::resolver resolver;
    asio::steady_timer timer;
    bool expired = false;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The client

class HttpClient::Impl {
  public:
    Impl(asio::any_io_executor executor, HttpClientOptions options)
        : executor_(std::move(executor)), options_(std::move(options)) {
        if (options_.connect_timeout.count() <= 0 || options_.max_idle_time.count() < 0 ||
            options_.max_response_body_bytes == 0 || options_.max_response_header_bytes == 0 ||
            options_.max_response_header_bytes > UINT32_MAX)
            throw std::invalid_argument("HttpClientOptions: time-outs and limits must be positive");
        // Extra certificates are checked now, so a bad PEM fails at start-up, not mid-request.
        if (!options_.extra_trusted_ca_pem.empty()) tls_context();
    }

    /// The coroutine behind HttpClient::request; owns a reference so the client may be destroyed
    /// while it runs.
    static asio::awaitable<ClientResponse> run(std::shared_ptr<Impl> self, ClientRequest request) {
        const std::string redacted = redact_url(request.url);
        if (self->stopped_) throw stopped_failure(redacted);
        const auto url = parse_client_url(request.url);
        if (!url) throw HttpClientError(ClientErrc::invalid_url, "invalid URL " + redacted);
        const OutgoingMessage message = build_message(request, *url, self->options_.user_agent);
        const auto deadline = Clock::now() + request.timeout;
        const bool idempotent = request.idempotent || method_is_idempotent(request.method);
        const bool head_request = header_name_equals(request.method, "HEAD");
        const std::string origin = url->origin();

        for (int attempt = 0;; ++attempt) {
            std::unique_ptr<Connection> connection =
                attempt == 0 ? self->take_parked(origin) : nullptr;
            const bool reused = connection != nullptr;
            if (!connection) connection = co_await self->connect(*url, deadline, redacted);

            Exchange result;
            {
                Connection* raw = connection.get();
                const CancelHook hook(*self, [raw] { raw->close(); });
                raw->tcp().expires_at(deadline);
                // Plain if/else: GCC 12 mishandles co_await inside a conditional expression.
                if (raw->tls)
                    result =
                        co_await exchange(*raw->tls, *raw, message, self->options_, head_request);
                else
                    result =
                        co_await exchange(*raw->plain, *raw, message, self->options_, head_request);
            }
            if (self->stopped_) throw stopped_failure(redacted);
            if (!result.error) {
                if (result.keep_alive) self->park(origin, std::move(connection));
                co_return std::move(result.response);
            }

            const FailedAttempt failed{.connection_was_reused = reused,
                                       .request_fully_sent = result.fully_sent,
                                       .response_bytes_received = result.response_bytes_received,
                                       .peer_closed = is_peer_closed(result.error),
                                       .idempotent = idempotent};
            if (attempt == 0 && may_retry_on_fresh_connection(failed)) {
                spdlog::debug(
                    "http client: kept-alive connection to {} was dead ({}); retrying on "
                    "a fresh connection",
                    redacted, result.error.message());
                continue;
            }
            throw failure(result.error, result.fully_sent ? Step::receive : Step::send, redacted);
        }
    }

    void stop() {
        stopped_ = true;
        // Closing or cancelling never runs a handler inline, so the hooks stay valid meanwhile.
        for (auto& [id, cancel] : cancel_hooks_) cancel();
        for (auto& [origin, parked] : parked_)
            for (auto& connection : parked) connection->close();
        parked_.clear();
    }

    std::size_t parked_count() const {
        std::size_t count = 0;
        for (const auto& [origin, parked] : parked_) count += parked.size();
        return count;
    }

  private:
    /// Registers how to abort one pending step, for stop(), for as long as the step runs.
    class CancelHook {
      public:
        CancelHook(Impl& impl, std::function<void()> cancel) : impl_(impl), id_(++impl.next_hook_) {
            impl_.cancel_hooks_.emplace(id_, std::move(cancel));
        }
        ~CancelHook() { impl_.cancel_hooks_.erase(id_); }
        CancelHook(const CancelHook&) = delete;
        CancelHook& operator=(const CancelHook&) = delete;

      private:
        Impl& impl_;
        std::uint64_t id_;
    };

    /// Built on first use: loading the system's trust store takes a noticeable fraction of a
    /// second, which plain-http clients (tests, loopback) should not pay.
    ssl::context& tls_context() {
        if (!tls_context_) {
            tls_context_.emplace(ssl::context::tls_client);
            tls_context_->set_default_verify_paths();
            tls_context_->set_verify_mode(ssl::verify_peer);
            SSL_CTX_set_min_proto_version(tls_context_->native_handle(), TLS1_2_VERSION);
            if (!options_.extra_trusted_ca_pem.empty())
                tls_context_->add_certificate_authority(
                    asio::buffer(options_.extra_trusted_ca_pem));
        }
        return *tls_context_;
    }

    asio::awaitable<std::unique_ptr<Connection>> connect(const ClientUrl& url,
                                                         Clock::time_point deadline,
                                                         const std::string& redacted) {
        const tcp::resolver::results_type endpoints = co_await resolve(url, deadline, redacted);

        auto connection =
            std::make_unique<Connection>(executor_, url.tls ? &tls_context() : nullptr);
        Connection* raw = connection.get();
        const CancelHook hook(*this, [raw] { raw->close(); });
        raw->tcp().expires_at(std::min(deadline, Clock::now() + options_.connect_timeout));
        error_code error;
        co_await raw->tcp().async_connect(endpoints,
                                          asio::redirect_error(asio::use_awaitable, error));
        if (stopped_) throw stopped_failure(redacted);
        if (error) throw failure(error, Step::connect, redacted);

        if (raw->tls) {
            // SNI carries names only; an IP literal is verified against the certificate's
            // addresses instead.
            if (!url.host_is_address &&
                SSL_set_tlsext_host_name(raw->tls->native_handle(), url.host.c_str()) != 1)
                throw HttpClientError(ClientErrc::tls_failed,
                                      "could not set the TLS server name for " + redacted);
            raw->tls->set_verify_mode(ssl::verify_peer);
            raw->tls->set_verify_callback(ssl::host_name_verification(url.host));
            co_await raw->tls->async_handshake(ssl::stream_base::client,
                                               asio::redirect_error(asio::use_awaitable, error));
            if (stopped_) throw stopped_failure(redacted);
            if (error) throw failure(error, Step::tls_handshake, redacted);
        }
        co_return connection;
    }

    asio::awaitable<tcp::resolver::results_type> resolve(const ClientUrl& url,
                                                         Clock::time_point deadline,
                                                         const std::string& redacted) {
        auto pending = std::make_shared<PendingResolve>(executor_);
        const CancelHook hook(*this, [pending] { pending->resolver.cancel(); });
        pending->timer.expires_at(deadline);
        pending->timer.async_wait([weak = std::weak_ptr<PendingResolve>(pending)](error_code e) {
            if (e) return;
            if (auto still_pending = weak.lock()) {
                still_pending->expired = true;
                still_pending->resolver.cancel();
            }
        });
        auto flags = tcp::resolver::numeric_service;
        if (url.host_is_address) flags |= tcp::resolver::numeric_host;
        error_code error;
        auto endpoints = co_await pending->resolver.async_resolve(
            url.host, std::to_string(url.port), flags,
            asio::redirect_error(asio::use_awaitable, error));
        pending->timer.cancel();
        if (stopped_) throw stopped_failure(redacted);
        if (pending->expired) throw failure(beast::error::timeout, Step::resolve, redacted);
        if (error) throw failure(error, Step::resolve, redacted);
        co_return endpoints;
    }

    /// The most recently parked live connection to `origin`, or null; drops stale ones.
    std::unique_ptr<Connection> take_parked(const std::string& origin) {
        const auto found = parked_.find(origin);
        if (found == parked_.end()) return nullptr;
        auto& parked = found->second;
        while (!parked.empty()) {
            std::unique_ptr<Connection> connection = std::move(parked.back());
            parked.pop_back();
            if (Clock::now() - connection->parked_at <= options_.max_idle_time &&
                still_open(*connection))
                return connection;
            connection->close();
        }
        return nullptr;
    }

    void park(const std::string& origin, std::unique_ptr<Connection> connection) {
        if (stopped_) return connection->close();
        connection->parked_at = Clock::now();
        connection->tcp().expires_never();
        auto& parked = parked_[origin];
        parked.push_back(std::move(connection));
        while (parked.size() > options_.max_idle_per_origin) {
            parked.front()->close();
            parked.pop_front();
        }
    }

    asio::any_io_executor executor_;
    HttpClientOptions options_;
    std::optional<ssl::context> tls_context_;
    bool stopped_ = false;
    std::map<std::string, std::deque<std::unique_ptr<Connection>>> parked_;
    std::map<std::uint64_t, std::function<void()>> cancel_hooks_;
    std::uint64_t next_hook_ = 0;
};

HttpClient::HttpClient(asio::any_io_executor executor, HttpClientOptions options)
    : impl_(std::make_shared<Impl>(std::move(executor), std::move(options))) {}

HttpClient::~HttpClient() {
    impl_->stop();
}

asio::awaitable<ClientResponse> HttpClient::request(ClientRequest request) {
    return Impl::run(impl_, std::move(request));
}

void HttpClient::stop() {
    impl_->stop();
}

std::size_t HttpClient::idle_connection_count() const {
    return impl_->parked_count();
}

}  // namespace rubdown::http
