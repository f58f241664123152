#pragma once
/// Transport-neutral HTTP request and response, so the adapters' verification and parsing are pure
/// functions tested without sockets. The server in bot/ converts Beast messages to and from these.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/awaitable.hpp>

namespace rubdown::http {

/// ASCII case-insensitive equality, as HTTP header names compare.
bool header_name_equals(std::string_view a, std::string_view b);

struct HttpRequest {
    std::string method;  ///< "GET", "POST"
    std::string target;  ///< path and query as received
    std::string path;    ///< target without the query
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string remote_address;  ///< peer IP, for loopback-only endpoints

    /// Case-insensitive lookup; empty when absent.
    std::string_view header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

/// Writes the next piece of a streamed body; completes with false once it cannot (the client has
/// gone, or the server is stopping), and the stream should then end.
using StreamWriter = std::function<boost::asio::awaitable<bool>(std::string)>;
/// A body written over time, such as server-sent events: the server writes the headers and the
/// response's `body` (its first piece), then runs the stream until it returns, and closes the
/// connection (the body is delimited by the close, so it needs no length and no chunking).
using StreamBody = std::function<boost::asio::awaitable<void>(const StreamWriter& write)>;

struct HttpResponse {
    int status = 200;
    std::string content_type = "text/plain; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    StreamBody stream;  ///< optional: the rest of the body, written as it comes

    static HttpResponse text(int status, std::string body);
    static HttpResponse json(int status, std::string body);
};

}  // namespace rubdown::http
