#pragma once
/// The outbound HTTP(S) client through which the platform adapters call the Telegram Bot API and
/// the Slack Web API. Asynchronous (C++20 coroutines on Boost.Asio), HTTP/1.1 over TCP or TLS, with
/// a small keep-alive pool per origin, time-outs and a response size limit.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace rubdown::http {

/// One outbound request. Only `url` is required.
struct ClientRequest {
    std::string method = "POST";
    std::string url;  ///< absolute http:// or https:// URL; may hold a token, so never logged raw
    std::vector<std::pair<std::string, std::string>>
        headers;  ///< added as given (Authorization...)
    std::string body;
    std::string content_type = "application/json";  ///< sent when the body is not empty
    std::chrono::milliseconds timeout{
        30000};  ///< whole request: resolve, connect, TLS, send, answer
    /// True when sending the request twice is harmless (getUpdates, getMe, auth.test). GET, HEAD,
    /// OPTIONS, PUT and DELETE count as idempotent anyway. See stale_connection_retry.hpp.
    bool idempotent = false;
};

/// The answer as received: any status (4xx and 5xx included) is a response, not an error.
struct ClientResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// Case-insensitive header lookup; empty when absent.
    std::string header(std::string_view name) const;
};

/// Why a request got no response. Every failure of HttpClient::request is an HttpClientError
/// carrying one of these.
enum class ClientErrc {
    invalid_url = 1,     ///< not an absolute http(s) URL
    invalid_request,     ///< a method or header that cannot go on the wire (line breaks...)
    resolve_failed,      ///< the host name did not resolve
    connect_failed,      ///< refused, unreachable
    tls_failed,          ///< TLS handshake or certificate verification failed
    timed_out,           ///< the request's or the connection's time-out expired
    connection_closed,   ///< the server closed or reset the connection before a full answer
    response_too_large,  ///< the answer's body or headers exceeded the configured limits
    protocol_error,      ///< the answer was not valid HTTP/1.1
    stopped,             ///< HttpClient::stop() was called
    io_error,            ///< any other network failure
};

const std::error_category& client_error_category();
std::error_code make_error_code(ClientErrc code);

/// True for failures that may go away by themselves, so a later attempt can succeed (time-outs,
/// refused or dropped connections, DNS trouble); false for invalid URLs, oversized answers, TLS
/// verification failures and a stopped client.
bool is_transient(ClientErrc code);

/// The error thrown by HttpClient::request. what() names the failing step and the redacted URL,
/// never the raw URL, the headers or the body.
class HttpClientError : public std::system_error {
  public:
    HttpClientError(ClientErrc code, const std::string& what);
    ClientErrc errc() const { return static_cast<ClientErrc>(code().value()); }
};

/// The seam the platform clients depend on, so their tests can answer requests without sockets.
class HttpTransport {
  public:
    virtual ~HttpTransport() = default;
    /// Sends one request and returns the answer; throws HttpClientError when there is none.
    virtual boost::asio::awaitable<ClientResponse> request(ClientRequest request) = 0;
};

/// Limits and defaults of an HttpClient, validated at construction.
struct HttpClientOptions {
    std::chrono::milliseconds connect_timeout{10000};  ///< TCP connect + TLS handshake, per try
    std::size_t max_response_body_bytes = 16 * 1024 * 1024;
    std::size_t max_response_header_bytes = 64 * 1024;
    std::size_t max_idle_per_origin = 4;  ///< kept-alive connections parked per origin
    /// Parked connections older than this are closed rather than reused: servers drop idle
    /// connections after a while, and a connection that old is likely to be dead.
    std::chrono::milliseconds max_idle_time{30000};
    std::string user_agent = "rubdown";
    /// PEM certificates trusted in addition to the system store (a private CA, a test server).
    std::string extra_trusted_ca_pem;
};

/// The Beast/Asio client.
///
/// Threading: the client is not thread-safe. Every call (request, stop, the destructor) must be
/// made from the executor given to the constructor, and request coroutines must run on it: a
/// strand, or an io_context run by one thread. Several request coroutines may be in flight at
/// once on that executor; each uses its own connection.
///
/// Failures: request() returns every HTTP answer, whatever its status, and throws HttpClientError
/// when there is no answer.
///
/// Lifetime: outstanding request coroutines keep the client's internals alive, so destroying the
/// client (which stops it) while requests are in flight is safe; they complete with `stopped`.
class HttpClient final : public HttpTransport {
  public:
    HttpClient(boost::asio::any_io_executor executor, HttpClientOptions options = {});
    ~HttpClient() override;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    boost::asio::awaitable<ClientResponse> request(ClientRequest request) override;

    /// Closes parked connections and aborts in-flight requests, which complete with
    /// ClientErrc::stopped; later requests throw ClientErrc::stopped at once.
    void stop();

    /// Number of parked kept-alive connections, over all origins.
    std::size_t idle_connection_count() const;

  private:
    class Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace rubdown::http

template <>
struct std::is_error_code_enum<rubdown::http::ClientErrc> : std::true_type {};
