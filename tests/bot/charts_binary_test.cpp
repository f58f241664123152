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
                R"({"ok":true,"result":{"message_id":901,"date":1800000000,"chat":{"id":4242,"type":"private"},"photo":[{"file_id":"AgAD","file_unique_id":"u1","width":800,"height":400}]}})");
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
    CHECK(png_size(form->at("photo").value) == std::pair<unsigned, unsigned>{800, 400});
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
    CHECK(png_size(form->at("photo").value).first == 800);
    CHECK(wait_for(telegram, "/answerCallbackQuery", 1));

    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
}
