// The real `rubdown serve` receiving a runner's message and then their edit of it, as Telegram
// (edited_message, by webhook) and Slack (message_changed, by the Events API) send them: the
// export holds one run, with the edited distance. Fakes stand in for the platforms' own APIs.

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_signature.hpp"
#include "support/child_process.hpp"
#include "support/fake_http_server.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using namespace rubdown::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;

namespace {

const std::string kBinary = RUBDOWN_BINARY;
const std::string kWebhookSecret = "edit-test-webhook-secret";
const std::string kSigningSecret = "edit-test-signing-secret";

std::size_t count_method(const FakeHttpServer& fake, const std::string& method) {
    std::size_t count = 0;
    for (const auto& request : fake.requests()) count += request.target.ends_with(method);
    return count;
}

bool wait_for_method(const FakeHttpServer& fake, const std::string& method, std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (count_method(fake, method) < count) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

/// Every text the bot sent through `method`, one per line.
std::string sent_texts(const FakeHttpServer& fake, const std::string& method) {
    std::string texts;
    for (const auto& request : fake.requests()) {
        if (request.target.ends_with(method))
            texts += Json::parse(request.body).value("text", "") + "\n";
    }
    return texts;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t found = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++found;
    return found;
}

/// Waits until the bot has sent a text holding `needle` through `method`.
bool wait_for_text(const FakeHttpServer& fake, const std::string& method,
                   const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (sent_texts(fake, method).find(needle) == std::string::npos) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

/// The runs of `user` in `rubdown export`, without the header.
std::vector<std::string> exported_runs(const std::string& dir,
                                       const std::map<std::string, std::string>& env,
                                       const std::string& user) {
    const auto csv = run_to_end(kBinary, {"export", "--user", user}, dir, env);
    REQUIRE(csv.exit_code == 0);
    std::istringstream lines(csv.out);
    std::string line;
    std::getline(lines, line);
    CHECK(line == "date,distance_km,duration_s,effort,text");
    std::vector<std::string> rows;
    while (std::getline(lines, line)) {
        if (!line.empty()) rows.push_back(line);
    }
    return rows;
}

/// A Telegram update with a private message (or its edit) from runner 4242.
std::string telegram_update(std::int64_t update_id, const char* kind, std::int64_t message_id,
                            const std::string& text, std::int64_t edit_date = 0) {
    Json message{{"message_id", message_id},
                 {"date", 1800000000},
                 {"chat", {{"id", 4242}, {"type", "private"}, {"first_name", "Ana"}}},
                 {"from", {{"id", 4242}, {"is_bot", false}, {"first_name", "Ana"}}},
                 {"text", text}};
    if (edit_date != 0) message["edit_date"] = edit_date;
    return Json{{"update_id", update_id}, {kind, message}}.dump();
}

std::string slack_headers(const std::string& body) {
    const auto stamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
    return "Content-Type: application/json\r\nX-Slack-Request-Timestamp: " + stamp +
           "\r\nX-Slack-Signature: " + slack::compute_signature(kSigningSecret, stamp, body) +
           "\r\n";
}

Json slack_envelope(const std::string& event_id, Json event) {
    return Json{{"token", "unused"},        {"team_id", "T0001"},   {"api_app_id", "A0001"},
                {"type", "event_callback"}, {"event_id", event_id}, {"event_time", 1800000000},
                {"event", std::move(event)}};
}

}  // namespace

TEST_CASE("binary on Telegram: an edited run report changes the run, and the export holds one") {
    FakeHttpServer telegram([](const RecordedRequest& request) {
        if (request.target.ends_with("/getMe"))
            return FakeReply::json(
                200,
                R"({"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Rubdown","username":"rubdown_bot"}})");
        if (request.target.ends_with("/sendMessage"))
            return FakeReply::json(
                200,
                R"({"ok":true,"result":{"message_id":900,"date":1800000000,"chat":{"id":4242,"type":"private"},"text":"ok"}})");
        return FakeReply::json(200, R"({"ok":true,"result":true})");
    });
    TempDir dir;
    const std::map<std::string, std::string> env{
        {"RUBDOWN_DB", dir.file("edits.db")},
        {"RUBDOWN_LISTEN", "127.0.0.1:0"},
        {"TELEGRAM_BOT_TOKEN", "7000000001:AAH-edit-test"},
        {"TELEGRAM_API_URL", telegram.base_url()},
        {"TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook"},
        {"TELEGRAM_WEBHOOK_SECRET", kWebhookSecret},
    };
    ChildProcess server(kBinary, {"serve"}, dir.path().string(), env);
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    const std::string headers =
        "Content-Type: application/json\r\n"
        "X-Telegram-Bot-Api-Secret-Token: " +
        kWebhookSecret + "\r\n";
    {
        RawHttpClient client(port);
        auto sent =
            client.request("POST", "/telegram/webhook",
                           telegram_update(501, "message", 31, "ran 10k this morning"), headers);
        REQUIRE(sent);
        CHECK(sent->result_int() == 200);
        REQUIRE(wait_for_method(telegram, "/sendMessage", 1));
        const auto edit =
            telegram_update(502, "edited_message", 31, "ran 12k this morning", 1800000090);
        auto edited = client.request("POST", "/telegram/webhook", edit, headers);
        REQUIRE(edited);
        CHECK(edited->result_int() == 200);
        // Telegram delivers again when unsure: acknowledged, not applied twice.
        auto again = client.request("POST", "/telegram/webhook", edit, headers);
        REQUIRE(again);
        CHECK(again->result_int() == 200);
    }
    REQUIRE(wait_for_text(telegram, "/sendMessage", "Updated from your edit"));
    std::this_thread::sleep_for(500ms);  // room for an answer that should not come
    const auto answers = sent_texts(telegram, "/sendMessage");
    CHECK(occurrences(answers, "Logged") == 1);
    CHECK(occurrences(answers, "Updated from your edit") == 1);
    CHECK_THAT(answers, Catch::Contains("10 km") && Catch::Contains("12 km"));

    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
    const auto rows = exported_runs(dir.path().string(), env, "telegram:4242");
    REQUIRE(rows.size() == 1);
    CHECK_THAT(rows[0], Catch::Contains(",12,") || Catch::Contains(",12.0,"));
    CHECK_THAT(rows[0], Catch::Contains("ran 12k this morning"));
}

TEST_CASE("binary on Slack: a message_changed event changes the run its message logged") {
    FakeHttpServer slack_api([](const RecordedRequest& request) {
        if (request.target.ends_with("/auth.test"))
            return FakeReply::json(
                200, R"({"ok":true,"user_id":"UBOT","team_id":"T0001","bot_id":"B1"})");
        return FakeReply::json(200, R"({"ok":true,"channel":"D0001","ts":"1800000001.000100"})");
    });
    TempDir dir;
    const std::map<std::string, std::string> env{
        {"RUBDOWN_DB", dir.file("edits.db")},    {"RUBDOWN_LISTEN", "127.0.0.1:0"},
        {"SLACK_BOT_TOKEN", "xoxb-edit-test"},   {"SLACK_SIGNING_SECRET", kSigningSecret},
        {"SLACK_API_URL", slack_api.base_url()},
    };
    ChildProcess server(kBinary, {"serve"}, dir.path().string(), env);
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    const std::string original_ts = "1800000000.000100";
    {
        RawHttpClient client(port);
        const auto message = slack_envelope("Ev0EDIT01", {{"type", "message"},
                                                          {"channel_type", "im"},
                                                          {"channel", "D0001"},
                                                          {"user", "U0001"},
                                                          {"text", "ran 10k today"},
                                                          {"ts", original_ts}})
                                 .dump();
        auto sent = client.request("POST", "/slack/events", message, slack_headers(message));
        REQUIRE(sent);
        CHECK(sent->result_int() == 200);
        REQUIRE(wait_for_method(slack_api, "/chat.postMessage", 1));
        // The edit, as Slack sends it: hidden, the message as it now reads inside it.
        const auto change =
            slack_envelope("Ev0EDIT02",
                           {{"type", "message"},
                            {"subtype", "message_changed"},
                            {"hidden", true},
                            {"channel_type", "im"},
                            {"channel", "D0001"},
                            {"ts", "1800000090.000200"},
                            {"message",
                             {{"type", "message"},
                              {"user", "U0001"},
                              {"text", "ran 12k today"},
                              {"ts", original_ts},
                              {"edited", {{"user", "U0001"}, {"ts", "1800000090.000000"}}}}},
                            {"previous_message",
                             {{"type", "message"},
                              {"user", "U0001"},
                              {"text", "ran 10k today"},
                              {"ts", original_ts}}}})
                .dump();
        auto edited = client.request("POST", "/slack/events", change, slack_headers(change));
        REQUIRE(edited);
        CHECK(edited->result_int() == 200);
    }
    REQUIRE(wait_for_text(slack_api, "/chat.postMessage", "Updated from your edit"));
    CHECK(occurrences(sent_texts(slack_api, "/chat.postMessage"), "Logged") == 1);

    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
    const auto rows = exported_runs(dir.path().string(), env, "slack:T0001:U0001");
    REQUIRE(rows.size() == 1);
    CHECK_THAT(rows[0], Catch::Contains(",12,") || Catch::Contains(",12.0,"));
}
