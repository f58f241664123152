// The real `rubdown serve` on Slack: a fake Slack Web API on loopback, signed Events API and
// interactivity requests as Slack sends them, and the answers the fake receives. The in-process
// channel test (slack_channel_test.cpp) covers the wiring piece by piece; this one covers the
// binary's own configuration, start-up and shutdown around it.

#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/slack_test_helpers.hpp"
#include "support/child_process.hpp"
#include "support/fake_http_server.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using namespace rubdown::testing;
using namespace rubdown::testing::slack_support;
using Json = nlohmann::json;

namespace {

const std::string kBinary = RUBDOWN_BINARY;
constexpr const char* kTeam = "T061EG9R6";
constexpr const char* kRunner = "U061F7AUR";
constexpr const char* kDirectChannel = "D0PNCRP9N";

/// Slack's Web API as far as the bot uses it, answering like Slack's documentation shows:
/// auth.test names the bot; chat.postMessage and chat.update answer ok with the channel and a
/// message ts (a new one per posted message, the same one for an update).
class FakeSlack {
  public:
    FakeSlack() : server_([this](const RecordedRequest& request) { return answer(request); }) {}

    std::string api_url() const { return server_.base_url(); }

    /// The requests to `method` ("/chat.postMessage"), waiting until there are `count`.
    std::vector<RecordedRequest> calls(const std::string& method, std::size_t count) const {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            std::vector<RecordedRequest> found;
            for (auto& request : server_.requests())
                if (request.target == method) found.push_back(request);
            if (found.size() >= count || std::chrono::steady_clock::now() > deadline) return found;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    /// The ts this fake gave the message a chat.postMessage request posted.
    std::string ts_of(const RecordedRequest& post) const {
        std::lock_guard lock(mutex_);
        for (const auto& [body, ts] : posted_)
            if (body == post.body) return ts;
        return {};
    }

  private:
    FakeReply answer(const RecordedRequest& request) {
        if (request.method != "POST")
            return FakeReply::json(405, R"({"ok":false,"error":"method_not_allowed"})");
        if (request.header("Authorization") != std::string("Bearer ") + kBotToken)
            return FakeReply::json(200, R"({"ok":false,"error":"invalid_auth"})");
        if (request.target == "/auth.test")
            return FakeReply::json(200, read_slack_fixture("auth_test_ok.json"));
        if (request.target == "/chat.postMessage" || request.target == "/chat.update") {
            const auto body = Json::parse(request.body, nullptr, false);
            if (!body.is_object() || !body.contains("channel"))
                return FakeReply::json(200, R"({"ok":false,"error":"channel_not_found"})");
            std::string ts;
            if (request.target == "/chat.update") {
                ts = body.value("ts", "");
            } else {
                std::lock_guard lock(mutex_);
                ts = "1781085601.00" + std::to_string(1001 + posted_.size());
                posted_.emplace_back(request.body, ts);
            }
            return FakeReply::json(200,
                                   Json{{"ok", true},
                                        {"channel", body["channel"]},
                                        {"ts", ts},
                                        {"message", {{"text", body.value("text", "")}, {"ts", ts}}}}
                                       .dump());
        }
        return FakeReply::json(200, R"({"ok":false,"error":"unknown_method"})");
    }

    mutable std::mutex mutex_;
    std::vector<std::pair<std::string, std::string>> posted_;  ///< body, ts
    FakeHttpServer server_;
};

/// An Events API event_callback with a message.im event: the runner wrote to the bot's DM.
std::string direct_message(const std::string& text, const std::string& event_id,
                           const std::string& ts) {
    auto event = Json::parse(read_slack_fixture("event_message_im.json"));
    event["event_id"] = event_id;
    event["event_time"] = std::time(nullptr);
    event["event"]["text"] = text;
    event["event"]["ts"] = ts;
    event["event"]["event_ts"] = ts;
    event["event"]["client_msg_id"] = "msg-" + event_id;
    return event.dump();
}

/// A block_actions interaction: the runner pressed the button with `value` under the bot's
/// message `message_ts` in their DM. Form-encoded, with the JSON in `payload`, as Slack posts it.
std::string button_press(const std::string& value, const std::string& message_ts) {
    auto payload = Json::parse(read_slack_fixture("block_actions_payload.json"));
    payload["container"]["message_ts"] = message_ts;
    payload["message"]["ts"] = message_ts;
    payload["actions"] = Json::array({{{"type", "button"},
                                       {"action_id", value},
                                       {"block_id", "actions"},
                                       {"value", value},
                                       {"text", {{"type", "plain_text"}, {"text", "Booked ✓"}}},
                                       {"action_ts", std::to_string(std::time(nullptr)) + ".1"}}});
    // Slack's own URL: the bot may not call it here, so an edit has to use chat.update.
    payload["response_url"] = "https://hooks.slack.com/actions/T061EG9R6/1/abc";
    return "payload=" + form_encode(payload.dump());
}

/// The Block Kit buttons of a chat.postMessage or chat.update body.
std::vector<Json> buttons_of(const Json& body) {
    std::vector<Json> buttons;
    for (const auto& block : body.value("blocks", Json::array()))
        if (block.value("type", "") == "actions")
            for (const auto& element : block["elements"])
                if (element.value("type", "") == "button") buttons.push_back(element);
    return buttons;
}

unsigned short bound_port(const ChildProcess& server) {
    std::smatch match;
    const auto log = server.err();
    static const std::regex kListening("address=127\\.0\\.0\\.1:(\\d+)");
    if (!std::regex_search(log, match, kListening)) return 0;
    return static_cast<unsigned short>(std::stoi(match[1]));
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t found = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++found;
    return found;
}

}  // namespace

TEST_CASE(
    "binary on Slack: a DM'd hard run is logged, and a booking button press edits the message "
    "and calls off the reminder") {
    FakeSlack slack;
    TempDir dir;
    const auto db = dir.file("slack.db");
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", db},
                         {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                         {"RUBDOWN_BOOKING_URL", "https://clinic.example/book"},
                         {"SLACK_BOT_TOKEN", kBotToken},
                         {"SLACK_SIGNING_SECRET", kSigningSecret},
                         {"SLACK_API_URL", slack.api_url()}});
    REQUIRE(server.wait_for_log("event=listening", std::chrono::seconds(30)));
    const auto port = bound_port(server);
    REQUIRE(port != 0);
    // Start-up asked Slack who the bot is, with the token.
    REQUIRE(slack.calls("/auth.test", 1).size() == 1);

    BotPoster poster("http://127.0.0.1:" + std::to_string(port));
    auto signed_post = [&](const std::string& path, const std::string& body,
                           const std::string& content_type) {
        return poster.post(path, body, slack_headers(body, std::time(nullptr)), content_type);
    };
    const std::string runner_key = std::string("slack:") + kTeam + ":" + kRunner;

    // 1. A hard run in plain words, in the bot's DM.
    const auto logged_event =
        direct_message("ran 10k in 52 minutes, felt hard", "Ev0E2ERUN1", "1781085600.000100");
    CHECK(signed_post("/slack/events", logged_event, "application/json").status == 200);
    auto posts = slack.calls("/chat.postMessage", 1);
    REQUIRE(posts.size() >= 1);
    const auto logged = Json::parse(posts[0].body);
    CHECK(logged["channel"] == kDirectChannel);
    const auto logged_text = logged["text"].get<std::string>();
    CHECK_THAT(logged_text, Catch::Contains("Logged"));
    CHECK_THAT(logged_text, Catch::Contains("10 km"));
    CHECK_THAT(logged_text, Catch::Contains("52:00"));
    CHECK_THAT(logged_text, Catch::Contains("hard"));

    // A redelivery of the same event (Slack retries when unsure) is acknowledged, not re-answered.
    CHECK(signed_post("/slack/events", logged_event, "application/json").status == 200);

    // The hard session planned a booking reminder.
    const auto planned = run_to_end(kBinary, {"nudges", "--user", runner_key}, dir.path().string(),
                                    {{"RUBDOWN_DB", db}});
    CHECK(planned.exit_code == 0);
    CHECK_THAT(planned.out, Catch::Contains("after_hard_session"));

    // 2. "book a massage": the link and a "Booked" button, as Block Kit buttons.
    CHECK(signed_post("/slack/events",
                      direct_message("book a massage", "Ev0E2EBOOK", "1781085700.000100"),
                      "application/json")
              .status == 200);
    std::optional<RecordedRequest> offer_post;
    const auto offer_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!offer_post && std::chrono::steady_clock::now() < offer_deadline) {
        for (const auto& post : slack.calls("/chat.postMessage", 0))
            for (const auto& button : buttons_of(Json::parse(post.body)))
                if (button.value("value", "").starts_with("nudge:booked@")) offer_post = post;
        if (!offer_post) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(offer_post);
    const auto offer = Json::parse(offer_post->body);
    CHECK(offer["channel"] == kDirectChannel);
    const auto buttons = buttons_of(offer);
    REQUIRE(buttons.size() == 2);
    CHECK(buttons[0].value("url", "") == "https://clinic.example/book");
    const auto booked_value = buttons[1].value("value", "");
    CHECK(booked_value.starts_with("nudge:booked@"));
    const auto offer_ts = slack.ts_of(*offer_post);
    REQUIRE_FALSE(offer_ts.empty());

    // 3. The runner presses "Booked ✓".
    const auto press = signed_post("/slack/interactivity", button_press(booked_value, offer_ts),
                                   "application/x-www-form-urlencoded");
    CHECK(press.status == 200);
    const auto updates = slack.calls("/chat.update", 1);
    REQUIRE(updates.size() == 1);
    const auto update = Json::parse(updates[0].body);
    CHECK(update["channel"] == kDirectChannel);
    CHECK(update["ts"] == offer_ts);
    CHECK_THAT(update["text"].get<std::string>(), Catch::Contains("Booked"));
    // The answered offer keeps no buttons to press again.
    CHECK(buttons_of(update).empty());

    // Time for anything unexpected (a second answer to the redelivered event) to arrive.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    std::size_t logged_answers = 0;
    for (const auto& post : slack.calls("/chat.postMessage", 0))
        logged_answers += count(Json::parse(post.body).value("text", ""), "Logged");
    CHECK(logged_answers == 1);
    CHECK(slack.calls("/chat.update", 0).size() == 1);

    // The booking called off the reminder the hard run had planned.
    const auto after = run_to_end(kBinary, {"nudges", "--user", runner_key}, dir.path().string(),
                                  {{"RUBDOWN_DB", db}});
    CHECK(after.exit_code == 0);
    CHECK_THAT(after.out, Catch::Contains("No pending nudges"));

    server.signal(SIGTERM);
    CHECK(server.wait(std::chrono::seconds(10)) == 0);
    CHECK_THAT(server.err(), Catch::Contains("event=stopped"));
    // The token never reaches the log.
    CHECK(server.err().find(kBotToken) == std::string::npos);
}
