#pragma once
// Shared by the Slack channel tests: an io_context on its own thread, signed requests as Slack
// sends them, and a shared engine (its classifier trains once per test run).

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "adapters/http/http_client.hpp"
#include "adapters/slack/slack_signature.hpp"
#include "intents/engine.hpp"

namespace rubdown::testing::slack_support {

inline constexpr const char* kSigningSecret = "test-signing-secret";
inline constexpr const char* kBotToken = "xoxb-test-0000-secret-token";

/// A form field's value percent-encoded as Slack sends it (application/x-www-form-urlencoded).
inline std::string form_encode(const std::string& text) {
    std::string encoded;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            char escape[4];
            std::snprintf(escape, sizeof escape, "%%%02X", c);
            encoded += escape;
        }
    }
    return encoded;
}

inline std::string read_slack_fixture(const std::string& name) {
    const std::string path = std::string(RUBDOWN_FIXTURES_DIR) + "/slack/" + name;
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("missing fixture " + path);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

/// The engine trains its classifier when made; one is enough for every test.
inline intents::Engine& shared_engine() {
    static const auto engine = intents::make_engine({});
    return *engine;
}

/// An io_context run by one background thread until destroyed.
class IoThread {
  public:
    IoThread() : work_(boost::asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}
    ~IoThread() { stop(); }
    IoThread(const IoThread&) = delete;
    IoThread& operator=(const IoThread&) = delete;

    boost::asio::io_context& io() { return io_; }
    boost::asio::any_io_executor executor() { return io_.get_executor(); }

    /// Runs `task` on the thread and waits for it (at most a minute, then throws).
    template <typename T>
    T await(boost::asio::awaitable<T> task) {
        auto future = boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future);
        if (future.wait_for(std::chrono::minutes(1)) != std::future_status::ready)
            throw std::runtime_error("task did not finish within a minute");
        return future.get();
    }

    void stop() {
        if (!thread_.joinable()) return;
        work_.reset();
        io_.stop();
        thread_.join();
    }

  private:
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::thread thread_;
};

/// Headers Slack puts on a request: timestamp and the signature over it and the body.
inline std::vector<std::pair<std::string, std::string>> slack_headers(
    const std::string& body, std::int64_t timestamp, const std::string& secret = kSigningSecret) {
    const auto stamp = std::to_string(timestamp);
    return {{"X-Slack-Request-Timestamp", stamp},
            {"X-Slack-Signature", slack::compute_signature(secret, stamp, body)}};
}

/// POSTs to the bot's server with a client of its own; the answer whatever its status.
class BotPoster {
  public:
    explicit BotPoster(std::string base_url) : base_url_(std::move(base_url)) {}
    ~BotPoster() {
        // The client belongs to its thread: destroy it there.
        io_.await([this]() -> boost::asio::awaitable<int> {
            client_.reset();
            co_return 0;
        }());
    }

    http::ClientResponse post(const std::string& path, std::string body,
                              std::vector<std::pair<std::string, std::string>> headers,
                              std::string content_type = "application/json") {
        http::ClientRequest request;
        request.url = base_url_ + path;
        request.body = std::move(body);
        request.headers = std::move(headers);
        request.content_type = std::move(content_type);
        request.timeout = std::chrono::seconds(30);
        return io_.await(client_->request(std::move(request)));
    }

  private:
    std::string base_url_;
    IoThread io_;
    std::unique_ptr<http::HttpClient> client_ = std::make_unique<http::HttpClient>(io_.executor());
};

}  // namespace rubdown::testing::slack_support
