// The real `rubdown serve` sending a runner's mileage chart: as a photo on Telegram (sendPhoto,
// multipart/form-data) and as an uploaded file on Slack (files.getUploadURLExternal, the bytes
// posted to the upload URL, files.completeUploadExternal). Fakes stand in for the platforms,
// reading the uploads as the platforms would.

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_signature.hpp"
#include "support/child_process.hpp"
#include "support/fake_http_server.hpp"
#include "support/multipart_reader.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using namespace rubdown::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;

namespace {

const std::string kBinary = RUBDOWN_BINARY;
const std::string kWebhookSecret = "chart-test-webhook-secret";
const std::string kSigningSecret = "chart-test-signing-secret";

std::vector<RecordedRequest> requests_to(const FakeHttpServer& fake, const std::string& path_end) {
    std::vector<RecordedRequest> found;
    for (const auto& request : fake.requests())
        if (request.target.ends_with(path_end)) found.push_back(request);
    return found;
}

bool wait_for(const FakeHttpServer& fake, const std::string& path_end, std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (requests_to(fake, path_end).size() < count) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

/// The width and height a PNG file's header states; {0, 0} when it is not a PNG.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
    if (png.size() < 24 || png.substr(0, 8) != std::string("\x89PNG\r\n\x1a\n", 8) ||
        png.substr(12, 4) != "IHDR")
        return {0, 0};
    const auto be32 = [&](std::size_t at) {
        unsigned value = 0;
        for (std::size_t i = 0; i < 4; ++i)
            value = (value << 8) | static_cast<unsigned char>(png[at + i]);
        return value;
    };
    return {be32(16), be32(20)};
}

std::string telegram_message(std::int64_t update_id, std::int64_t message_id,
                             const std::string& text) {
    return Json{{"update_id", update_id},
                {"message",
                 {{"message_id", message_id},
                  {"date", 1800000000},
                  {"chat", {{"id", 4242}, {"type", "private"}, {"first_name", "Ana"}}},
                  {"from", {{"id", 4242}, {"is_bot", false}, {"first_name", "Ana"}}},
                  {"text", text}}}}
        .dump();
}

std::string telegram_press(std::int64_t update_id, const std::string& data) {
    return Json{{"update_id", update_id},
                {"callback_query",
                 {{"id", "cq-" + std::to_string(update_id)},
                  {"from", {{"id", 4242}, {"is_bot", false}, {"first_name", "Ana"}}},
                  {"chat_instance", "ci-1"},
                  {"data", data},
                  {"message",
                   {{"message_id", 901},
                    {"date", 1800000000},
                    {"chat", {{"id", 4242}, {"type", "private"}}},
                    {"caption", "Your distance by week"}}}}}}
        .dump();
}

}  // namespace

TEST_CASE("binary on Telegram: /stats chart sends a photo of the weeks, its button the months") {
    FakeHttpServer telegram([](const RecordedRequest& request) {
        if (request.target.ends_with("/getMe"))
            return FakeReply::json(
                200,
                R"({"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Rubdown","username":"rubdown_bot"}})");
        if (request.target.ends_with("/sendPhoto")) {
            // As the Bot API: a form with the file, or a 400.
            const auto form = read_multipart(request.header("Content-Type"), request.body);
            if (!form || !form->contains("photo") || !form->contains("chat_id"))
                return FakeReply::json(
                    400,
                    R"({"ok":false,"error_code":400,"description":"Bad Request: there is no photo in the request"})");
            return FakeReply::json(
                200,
                R"({"ok":true,"result":{"message_id":901,"date":1800000000,"chat":{"id":4242,"type":"private"},"photo":[{"file_id":"AgAD","file_unique_id":"u1","width":640,"height":480}]}})");
        }
        if (request.target.ends_with("/sendMessage"))
            return FakeReply::json(
                200,
                R"({"ok":true,"result":{"message_id":900,"date":1800000000,"chat":{"id":4242,"type":"private"},"text":"ok"}})");
        return FakeReply::json(200, R"({"ok":true,"result":true})");
    });
    TempDir dir;
    const std::map<std::string, std::string> env{
        {"RUBDOWN_DB", dir.file("charts.db")},
        {"RUBDOWN_LISTEN", "127.0.0.1:0"},
        {"TELEGRAM_BOT_TOKEN", "7000000001:AAH-chart-test"},
        {"TELEGRAM_API_URL", telegram.base_url()},
        {"TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook"},
        {"TELEGRAM_WEBHOOK_SECRET", kWebhookSecret},
        {"RUBDOWN_RUNNER_MESSAGES_PER_MINUTE", "0"},
    };
    ChildProcess server(kBinary, {"serve"}, dir.path().string(), env);
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    const std::string headers =
        "Content-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: " + kWebhookSecret +
        "\r\n";
    RawHttpClient client(port);
    const auto post = [&](const std::string& update) {
        auto answer = client.request("POST", "/telegram/webhook", update, headers);
        REQUIRE(answer);
        CHECK(answer->result_int() == 200);
    };
    post(telegram_message(601, 41, "ran 10k yesterday"));
    REQUIRE(wait_for(telegram, "/sendMessage", 1));
    post(telegram_message(602, 42, "/stats chart"));
    REQUIRE(wait_for(telegram, "/sendPhoto", 1));

    auto photo = requests_to(telegram, "/sendPhoto").front();
    auto form = read_multipart(photo.header("Content-Type"), photo.body);
    REQUIRE(form);
    CHECK(form->at("chat_id").value == "4242");
    CHECK_THAT(form->at("caption").value, Catch::Contains("by week") && Catch::Contains("10 km"));
    CHECK(form->at("photo").content_type == "image/png");
    CHECK(png_size(form->at("photo").value) == std::pair<unsigned, unsigned>{640, 480});
    const auto keyboard = Json::parse(form->at("reply_markup").value);
    const std::string months = keyboard["inline_keyboard"][0][0]["callback_data"];
    CHECK_THAT(months, Catch::StartsWith("chart:months"));

    // The button under it: the months, as a second photo.
    post(telegram_press(603, months));
    REQUIRE(wait_for(telegram, "/sendPhoto", 2));
    photo = requests_to(telegram, "/sendPhoto").back();
    form = read_multipart(photo.header("Content-Type"), photo.body);
    REQUIRE(form);
    CHECK_THAT(form->at("caption").value, Catch::Contains("by month"));
    CHECK(png_size(form->at("photo").value).first == 640);
    CHECK(wait_for(telegram, "/answerCallbackQuery", 1));

    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
}

namespace {

std::string slack_headers(const std::string& body) {
    const auto stamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
    return "Content-Type: application/json\r\nX-Slack-Request-Timestamp: " + stamp +
           "\r\nX-Slack-Signature: " + slack::compute_signature(kSigningSecret, stamp, body) +
           "\r\n";
}

std::string slack_message(const std::string& event_id, const std::string& text,
                          const std::string& ts) {
    return Json{{"token", "unused"},
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
                  {"ts", ts}}}}
        .dump();
}

/// A form body's field, percent escapes decoded (no '+' is ever sent for a space here).
std::string form_field(const std::string& body, const std::string& name) {
    const auto at = ("&" + body).find("&" + name + "=");
    if (at == std::string::npos) return {};
    const auto from = at + name.size() + 1;
    const auto value = body.substr(from, body.find('&', from) - from);
    std::string decoded;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '%' && i + 2 < value.size()) {
            decoded += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            decoded += value[i];
        }
    }
    return decoded;
}

}  // namespace

TEST_CASE("binary on Slack: a chart is uploaded in Slack's two steps and shared in the DM") {
    FakeHttpServer slack_api([](const RecordedRequest& request) {
        if (request.target.ends_with("/auth.test"))
            return FakeReply::json(
                200, R"({"ok":true,"user_id":"UBOT","team_id":"T0001","bot_id":"B1"})");
        if (request.target.ends_with("/files.getUploadURLExternal")) {
            // As Slack: a form with the file's name and length.
            if (request.header("Content-Type") != "application/x-www-form-urlencoded" ||
                form_field(request.body, "filename").empty() ||
                form_field(request.body, "length").empty())
                return FakeReply::json(200, R"({"ok":false,"error":"invalid_arguments"})");
            return FakeReply::json(
                200, Json{{"ok", true},
                          {"upload_url", "http://" + request.header("Host") + "/upload/v1/F0CHART"},
                          {"file_id", "F0CHART"}}
                         .dump());
        }
        if (request.target.starts_with("/upload/v1/"))
            return FakeReply{200, "text/plain", {}, "OK - " + std::to_string(request.body.size())};
        if (request.target.ends_with("/files.completeUploadExternal"))
            return FakeReply::json(200,
                                   R"({"ok":true,"files":[{"id":"F0CHART","title":"Chart"}]})");
        return FakeReply::json(200, R"({"ok":true,"channel":"D0001","ts":"1800000001.000100"})");
    });
    TempDir dir;
    const std::map<std::string, std::string> env{
        {"RUBDOWN_DB", dir.file("charts.db")},   {"RUBDOWN_LISTEN", "127.0.0.1:0"},
        {"SLACK_BOT_TOKEN", "xoxb-chart-test"},  {"SLACK_SIGNING_SECRET", kSigningSecret},
        {"SLACK_API_URL", slack_api.base_url()}, {"RUBDOWN_RUNNER_MESSAGES_PER_MINUTE", "0"},
    };
    ChildProcess server(kBinary, {"serve"}, dir.path().string(), env);
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    RawHttpClient client(port);
    for (const auto& body :
         {slack_message("Ev0CHART1", "ran 10k yesterday", "1800000000.000100"),
          slack_message("Ev0CHART2", "show me a chart of my running", "1800000010.000100")}) {
        auto answer = client.request("POST", "/slack/events", body, slack_headers(body));
        REQUIRE(answer);
        CHECK(answer->result_int() == 200);
    }
    REQUIRE(wait_for(slack_api, "/files.completeUploadExternal", 1));
    // The run's answers (logged, then which time zone) and the chart's words: three posts, the
    // chart's last, each sent once the one before went out.
    REQUIRE(wait_for(slack_api, "/chat.postMessage", 3));

    const auto asked = requests_to(slack_api, "/files.getUploadURLExternal").front();
    CHECK(asked.header("Authorization") == "Bearer xoxb-chart-test");
    CHECK_THAT(form_field(asked.body, "alt_txt"), Catch::StartsWith("Bar chart of km per week"));
    const auto uploaded = requests_to(slack_api, "/upload/v1/F0CHART");
    REQUIRE(uploaded.size() == 1);
    CHECK(uploaded[0].header("Authorization").empty());  // the URL is the credential
    CHECK(form_field(asked.body, "length") == std::to_string(uploaded[0].body.size()));
    CHECK(png_size(uploaded[0].body) == std::pair<unsigned, unsigned>{640, 480});
    const auto shared =
        Json::parse(requests_to(slack_api, "/files.completeUploadExternal").front().body);
    CHECK(shared["files"][0]["id"] == "F0CHART");
    CHECK(shared["channel_id"] == "D0001");
    // Then the words, with the button for the months: a chat's rows go out in order.
    const auto text = Json::parse(requests_to(slack_api, "/chat.postMessage").back().body);
    CHECK_THAT(text["text"].get<std::string>(), Catch::Contains("by week"));
    CHECK_THAT(text["blocks"].dump(), Catch::Contains("chart:months"));

    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
}
