// Tokens and signing secrets must never reach the logs or an error message: an operator ships logs
// to third parties, and a leaked bot token or signing secret hands the bot to whoever reads them.
// These tests run the real binary with known secrets, push it through its error paths, and search
// everything it printed.

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <string>
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

namespace {

const std::string kBinary = RUBDOWN_BINARY;

const std::string kTelegramToken = "7000000001:AAH-telegram-token-must-stay-hidden";
const std::string kWebhookSecret = "webhook-secret-must-stay-hidden";
const std::string kSlackToken = "xoxb-slack-token-must-stay-hidden";
const std::string kSigningSecret = "signing-secret-must-stay-hidden";
const std::string kAdminToken = "admin-token-must-stay-hidden";

const std::vector<std::string> kSecrets{kTelegramToken, kWebhookSecret, kSlackToken, kSigningSecret,
                                        kAdminToken};

/// Secrets found in `text`, also when only their distinctive part appears (a token cut short or
/// quoted in a URL is still a leak).
std::vector<std::string> leaked_secrets(const std::string& text) {
    std::vector<std::string> leaked;
    for (const auto& secret : kSecrets) {
        if (text.find(secret) != std::string::npos) leaked.push_back(secret);
    }
    if (text.find("AAH-telegram-token") != std::string::npos)
        leaked.push_back("Telegram token part");
    return leaked;
}

std::string telegram_text_update(std::int64_t update_id, const std::string& text) {
    nlohmann::json update{{"update_id", update_id},
                          {"message",
                           {{"message_id", update_id},
                            {"date", 1800000000},
                            {"chat", {{"id", 4242}, {"type", "private"}}},
                            {"from", {{"id", 4242}, {"is_bot", false}, {"first_name", "Ana"}}},
                            {"text", text}}}};
    return update.dump();
}

std::string slack_dm_event(const std::string& event_id, const std::string& text) {
    nlohmann::json event{{"token", "unused-verification-token"},
                         {"team_id", "T0001"},
                         {"api_app_id", "A0001"},
                         {"type", "event_callback"},
                         {"event_id", event_id},
                         {"event_time", 1800000000},
                         {"event",
                          {{"type", "message"},
                           {"channel_type", "im"},
                           {"channel", "D0001"},
                           {"user", "U0001"},
                           {"text", text},
                           {"ts", "1800000000.000100"}}}};
    return event.dump();
}

std::string slack_request(const std::string& body, const std::string& secret) {
    const auto stamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
    return "X-Slack-Request-Timestamp: " + stamp +
           "\r\nX-Slack-Signature: " + slack::compute_signature(secret, stamp, body) + "\r\n";
}

std::size_t count_method(const FakeHttpServer& fake, const std::string& method) {
    std::size_t count = 0;
    for (const auto& request : fake.requests()) {
        if (request.target.size() >= method.size() &&
            request.target.compare(request.target.size() - method.size(), method.size(), method) ==
                0)
            ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("secrets: a server driven through its error paths never prints a token or secret") {
    // The Bot API accepts start-up calls, then fails every send; Slack's Web API refuses the token
    // when the bot posts. Both make the bot log failures about requests that carry the secrets.
    FakeHttpServer telegram([](const RecordedRequest& request) {
        if (request.target.ends_with("/getMe"))
            return FakeReply::json(
                200,
                R"({"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Rubdown","username":"rubdown_bot"}})");
        if (request.target.ends_with("/sendMessage"))
            return FakeReply::json(502,
                                   R"({"ok":false,"error_code":502,"description":"Bad Gateway"})");
        return FakeReply::json(200, R"({"ok":true,"result":true})");
    });
    FakeHttpServer slack_api([](const RecordedRequest& request) {
        if (request.target.ends_with("/auth.test"))
            return FakeReply::json(
                200, R"({"ok":true,"user_id":"UBOT","team_id":"T0001","bot_id":"B1"})");
        return FakeReply::json(200, R"({"ok":false,"error":"invalid_auth"})");
    });

    TempDir dir;
    const std::map<std::string, std::string> env{
        {"RUBDOWN_DB", dir.file("secrets.db")},
        {"RUBDOWN_LISTEN", "127.0.0.1:0"},
        {"RUBDOWN_LOG_LEVEL", "debug"},
        {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:00:00Z"},
        {"RUBDOWN_ADMIN_TOKEN", kAdminToken},
        {"TELEGRAM_BOT_TOKEN", kTelegramToken},
        {"TELEGRAM_API_URL", telegram.base_url()},
        {"TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook"},
        {"TELEGRAM_WEBHOOK_SECRET", kWebhookSecret},
        {"SLACK_BOT_TOKEN", kSlackToken},
        {"SLACK_SIGNING_SECRET", kSigningSecret},
        {"SLACK_API_URL", slack_api.base_url()},
    };
    ChildProcess server(kBinary, {"serve"}, dir.path().string(), env);
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);

    {
        // A refused request closes its connection (its body is never read): one each.
        // A forged webhook delivery: wrong secret.
        auto forged =
            RawHttpClient(port).request("POST", "/telegram/webhook", telegram_text_update(1, "hi"),
                                        "Content-Type: application/json\r\n"
                                        "X-Telegram-Bot-Api-Secret-Token: not-the-secret\r\n");
        REQUIRE(forged);
        CHECK(forged->result_int() == 401);
        CHECK(leaked_secrets(forged->body()).empty());
        // A real one, whose answer the Bot API then refuses.
        auto accepted = RawHttpClient(port).request(
            "POST", "/telegram/webhook", telegram_text_update(2, "ran 5k easy this morning"),
            "Content-Type: application/json\r\n"
            "X-Telegram-Bot-Api-Secret-Token: " +
                kWebhookSecret + "\r\n");
        REQUIRE(accepted);
        CHECK(accepted->result_int() == 200);

        // Slack: a request signed with the wrong secret, then a good one whose answer is refused.
        const auto event = slack_dm_event("Ev0001", "what is a sports massage?");
        auto unsigned_event = RawHttpClient(port).request(
            "POST", "/slack/events", event,
            "Content-Type: application/json\r\n" + slack_request(event, "some-other-secret"));
        REQUIRE(unsigned_event);
        CHECK(unsigned_event->result_int() == 401);
        CHECK(leaked_secrets(unsigned_event->body()).empty());
        auto signed_event = RawHttpClient(port).request(
            "POST", "/slack/events", event,
            "Content-Type: application/json\r\n" + slack_request(event, kSigningSecret));
        REQUIRE(signed_event);
        CHECK(signed_event->result_int() == 200);

        // The operator endpoint with a wrong bearer token.
        auto admin = RawHttpClient(port).request(
            "POST", "/admin/clock", R"({"advance_seconds":60})",
            "Authorization: Bearer wrong-" + kAdminToken.substr(0, 3) + "\r\n");
        REQUIRE(admin);
        CHECK(admin->result_int() == 401);
        CHECK(leaked_secrets(admin->body()).empty());
    }

    // Both platforms have been asked to deliver and refused: the failures are in the log by now.
    CHECK(telegram.wait_for_requests(4, 30s));
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (count_method(slack_api, "/chat.postMessage") == 0 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    CHECK(count_method(telegram, "/sendMessage") >= 1);
    CHECK(count_method(slack_api, "/chat.postMessage") >= 1);
    // The requests that failed did carry the secrets, so a careless log line would show them.
    CHECK(telegram.requests().front().target.find(kTelegramToken) != std::string::npos);

    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
    const auto printed = server.out() + server.err();
    CHECK_THAT(printed, Catch::Contains("event=request"));  // debug logging really was on
    CHECK(leaked_secrets(printed).empty());
}

TEST_CASE("secrets: a refused Telegram token stops the start-up without printing the token") {
    FakeHttpServer telegram([](const RecordedRequest&) {
        return FakeReply::json(401,
                               R"({"ok":false,"error_code":401,"description":"Unauthorized"})");
    });
    TempDir dir;
    const auto result = run_to_end(kBinary, {"serve"}, dir.path().string(),
                                   {{"RUBDOWN_DB", dir.file("bad-token.db")},
                                    {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                                    {"RUBDOWN_LOG_LEVEL", "debug"},
                                    {"TELEGRAM_BOT_TOKEN", kTelegramToken},
                                    {"TELEGRAM_API_URL", telegram.base_url()}});
    CHECK(result.exit_code != 0);
    CHECK_THAT(result.err, Catch::Contains("TELEGRAM_BOT_TOKEN"));
    CHECK(leaked_secrets(result.out + result.err).empty());
}

TEST_CASE("secrets: an unreachable Bot API is reported without the token in the address") {
    TempDir dir;
    // Port 9 on loopback (discard) has no listener here: the connection is refused at once.
    const auto result = run_to_end(kBinary, {"serve"}, dir.path().string(),
                                   {{"RUBDOWN_DB", dir.file("unreachable.db")},
                                    {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                                    {"RUBDOWN_LOG_LEVEL", "debug"},
                                    {"TELEGRAM_BOT_TOKEN", kTelegramToken},
                                    {"TELEGRAM_API_URL", "http://127.0.0.1:9"}});
    CHECK(result.exit_code != 0);
    CHECK_FALSE(result.err.empty());
    CHECK(leaked_secrets(result.out + result.err).empty());
}

TEST_CASE("secrets: a refused Slack token stops the start-up without printing the token") {
    FakeHttpServer slack_api([](const RecordedRequest&) {
        return FakeReply::json(200, R"({"ok":false,"error":"invalid_auth"})");
    });
    TempDir dir;
    const auto result = run_to_end(kBinary, {"serve"}, dir.path().string(),
                                   {{"RUBDOWN_DB", dir.file("bad-slack.db")},
                                    {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                                    {"RUBDOWN_LOG_LEVEL", "debug"},
                                    {"SLACK_BOT_TOKEN", kSlackToken},
                                    {"SLACK_SIGNING_SECRET", kSigningSecret},
                                    {"SLACK_API_URL", slack_api.base_url()}});
    CHECK(result.exit_code != 0);
    CHECK_THAT(result.err, Catch::Contains("SLACK_BOT_TOKEN"));
    CHECK(leaked_secrets(result.out + result.err).empty());
}

TEST_CASE("secrets: a bad setting is named without echoing a secret given next to it") {
    TempDir dir;
    // The token is fine; the listen address is not. The one-line error must name the bad setting
    // and must not dump the whole configuration.
    const auto result = run_to_end(kBinary, {"serve"}, dir.path().string(),
                                   {{"RUBDOWN_DB", dir.file("bad-setting.db")},
                                    {"RUBDOWN_LISTEN", "not-an-address"},
                                    {"TELEGRAM_BOT_TOKEN", kTelegramToken}});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("RUBDOWN_LISTEN"));
    CHECK(leaked_secrets(result.out + result.err).empty());
}
