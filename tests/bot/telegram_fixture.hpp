#pragma once
/// Shared pieces of the Telegram channel tests: an event loop on its own thread, a store on a
/// temporary file, a fake Bot API, and small waits for what the loop does in the background.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "storage/store.hpp"
#include "support/fake_http_server.hpp"
#include "support/temp_dir.hpp"

namespace rubdown::testing {

/// An io_context run by one background thread until the object dies.
class LoopThread {
  public:
    LoopThread() : work_(boost::asio::make_work_guard(io)), thread_([this] { io.run(); }) {}
    ~LoopThread() { stop(); }
    void stop() {
        work_.reset();
        io.stop();
        if (thread_.joinable()) thread_.join();
    }

    boost::asio::io_context io;

  private:
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::thread thread_;
};

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds timeout = std::chrono::seconds{10}) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    return condition();
}

/// The Bot API method of a recorded request ("/bot<token>/sendMessage" -> "sendMessage").
inline std::string method_of(const RecordedRequest& request) {
    const auto slash = request.target.rfind('/');
    return slash == std::string::npos ? request.target : request.target.substr(slash + 1);
}

inline nlohmann::json body_of(const RecordedRequest& request) {
    return nlohmann::json::parse(request.body, nullptr, false);
}

/// The chat_id of a sendMessage/editMessageText body, as text.
inline std::string chat_of(const RecordedRequest& request) {
    const auto body = body_of(request);
    if (!body.is_object() || !body.contains("chat_id")) return {};
    const auto& chat = body["chat_id"];
    return chat.is_string() ? chat.get<std::string>() : chat.dump();
}

inline FakeReply bot_api_ok(const std::string& result = R"({"message_id":1})") {
    return FakeReply::json(200, R"({"ok":true,"result":)" + result + "}");
}

inline FakeReply bot_api_error(int code, const std::string& description,
                               std::optional<int> retry_after = std::nullopt) {
    nlohmann::json body{{"ok", false}, {"error_code", code}, {"description", description}};
    if (retry_after) body["parameters"] = {{"retry_after", *retry_after}};
    return FakeReply::json(code, body.dump());
}

}  // namespace rubdown::testing
