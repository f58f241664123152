#include "crash/platform_fakes.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace rubdown::testing::crash {

using Json = nlohmann::json;

namespace {

/// "/bot<token>/sendMessage" -> "sendMessage", "/chat.postMessage" -> "chat.postMessage".
std::string method_of(const RecordedRequest& request) {
    const auto slash = request.target.rfind('/');
    return slash == std::string::npos ? request.target : request.target.substr(slash + 1);
}

std::string as_text(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

FakeReply telegram_ok(const Json& result) {
    return FakeReply::json(200, Json{{"ok", true}, {"result", result}}.dump());
}

std::string read_auth_test_fixture() {
    std::ifstream file(std::string(RUBDOWN_FIXTURES_DIR) + "/slack/auth_test_ok.json");
    std::stringstream content;
    content << file.rdbuf();
    return content.str();
}

}  // namespace

PlatformFakes::PlatformFakes(std::chrono::milliseconds send_delay)
    : send_delay_(send_delay),
      telegram_([this](const RecordedRequest& request) { return answer_telegram(request); }),
      slack_([this](const RecordedRequest& request) { return answer_slack(request); }) {}

void PlatformFakes::remember(const std::string& channel, const std::string& chat,
                             const std::string& text) {
    const std::lock_guard lock(mutex_);
    received_.push_back(ReceivedMessage{channel, chat, text, epoch_.load()});
}

std::vector<ReceivedMessage> PlatformFakes::received() const {
    const std::lock_guard lock(mutex_);
    return received_;
}

FakeReply PlatformFakes::answer_telegram(const RecordedRequest& request) {
    const auto method = method_of(request);
    if (method == "getMe")
        return telegram_ok(Json{{"id", 987654},
                                {"is_bot", true},
                                {"first_name", "Rubdown"},
                                {"username", "RubdownBot"}});
    if (method == "setMyCommands" || method == "setWebhook" || method == "deleteWebhook" ||
        method == "answerCallbackQuery")
        return telegram_ok(true);
    if (method == "sendMessage") {
        const auto body = Json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.contains("chat_id") || !body.contains("text"))
            return FakeReply::json(
                400, R"({"ok":false,"error_code":400,"description":"Bad Request: no text"})");
        const auto chat = as_text(body["chat_id"]);
        const auto text = body["text"].get<std::string>();
        remember("telegram", chat, text);
        std::int64_t message_id = 0;
        {
            const std::lock_guard lock(mutex_);
            message_id = next_message_id_++;
        }
        auto reply = telegram_ok(Json{{"message_id", message_id},
                                      {"date", 1800000000},
                                      {"chat", {{"id", std::stoll(chat)}, {"type", "private"}}},
                                      {"text", text}});
        reply.delay = send_delay_;
        return reply;
    }
    return FakeReply::json(404, R"({"ok":false,"error_code":404,"description":"Not Found"})");
}

FakeReply PlatformFakes::answer_slack(const RecordedRequest& request) {
    const auto method = method_of(request);
    if (method == "auth.test") {
        static const std::string fixture = read_auth_test_fixture();
        return FakeReply::json(200, fixture);
    }
    if (method == "chat.postMessage") {
        const auto body = Json::parse(request.body, nullptr, false);
        if (!body.is_object() || !body.contains("channel"))
            return FakeReply::json(200, R"({"ok":false,"error":"channel_not_found"})");
        const auto chat = as_text(body["channel"]);
        const auto text = body.value("text", std::string{});
        remember("slack", chat, text);
        std::int64_t serial = 0;
        {
            const std::lock_guard lock(mutex_);
            serial = next_message_id_++;
        }
        auto reply =
            FakeReply::json(200, Json{{"ok", true},
                                      {"channel", chat},
                                      {"ts", "1800000000." + std::to_string(100000 + serial)},
                                      {"message", {{"text", text}, {"user", kSlackBotUser}}}}
                                     .dump());
        reply.delay = send_delay_;
        return reply;
    }
    return FakeReply::json(200, R"({"ok":false,"error":"unknown_method"})");
}

}  // namespace rubdown::testing::crash
