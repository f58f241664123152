#pragma once
/// A loopback HTTP/1.1 server for tests that stands in for Telegram's and Slack's servers. It
/// listens on 127.0.0.1 on an ephemeral port, runs on its own thread, records every request and
/// answers through a handler the test supplies (status, headers, body, a delay, or a dropped
/// connection).

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace rubdown::testing {

/// One request as the server received it.
struct RecordedRequest {
    std::size_t connection = 0;  ///< 1 for the first accepted connection, 2 for the next...
    std::string method;
    std::string target;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// Case-insensitive lookup; empty when absent.
    std::string header(std::string_view name) const;
};

/// How the server answers one request.
struct FakeReply {
    int status = 200;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body = "{}";
    std::chrono::milliseconds delay{0};  ///< wait this long before answering
    bool drop_connection = false;        ///< close the connection without answering
    /// Answer (announcing keep-alive), then close the connection silently, as a server whose idle
    /// time-out expires does.
    bool close_after_answer = false;

    static FakeReply json(int status, std::string body);
};

using FakeHandler = std::function<FakeReply(const RecordedRequest&)>;

struct FakeHttpServerOptions {
    /// Close a connection that has been idle this long (0: never). Over TLS the server first sends
    /// close_notify, as real servers do.
    std::chrono::milliseconds idle_timeout{0};
    /// When both are set the server speaks HTTPS with this identity (see
    /// self_signed_certificate.hpp).
    std::string tls_certificate_pem;
    std::string tls_private_key_pem;
};

class FakeHttpServer {
  public:
    /// Starts listening at once; without a handler every request gets 200 "{}".
    explicit FakeHttpServer(FakeHandler handler = {}, FakeHttpServerOptions options = {});
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    std::uint16_t port() const;
    /// "http://127.0.0.1:<port>", or https:// when the server speaks TLS.
    std::string base_url() const;

    /// Replaces the handler; takes effect for the next request.
    void set_handler(FakeHandler handler);

    std::vector<RecordedRequest> requests() const;
    std::size_t connections_accepted() const;
    /// Blocks until at least `count` requests arrived or `timeout` passed; true when they did.
    bool wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const;

  private:
    struct State;
    std::shared_ptr<State> state_;
    std::thread thread_;
};

}  // namespace rubdown::testing
