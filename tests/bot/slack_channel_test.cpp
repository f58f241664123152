#include "adapters/slack/slack_channel.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/outbox/running_channel.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <thread>

#include <boost/asio/ip/address.hpp>
#include <nlohmann/json.hpp>

#include "bot/http/http_server.hpp"
#include "bot/http/router.hpp"
#include "bot/slack_test_helpers.hpp"
#include "storage/store.hpp"
#include "support/fake_http_server.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using namespace rubdown::testing::slack_support;
using testing::FakeHttpServer;
using testing::FakeReply;
using testing::RecordedRequest;
using Json = nlohmann::json;

namespace {

constexpr std::int64_t kStart = 1781085600;  // 2026-06-10T10:00:00Z
constexpr const char* kPostedTs = "1781085601.000100";

/// Slack as the bot sees it: a fake Web API that knows the bot and accepts every message.
FakeReply fake_slack(const RecordedRequest& request) {
    if (request.target == "/auth.test")
        return FakeReply::json(200, read_slack_fixture("auth_test_ok.json"));
    if (request.target == "/chat.postMessage" || request.target == "/chat.update") {
        const auto body = Json::parse(request.body);
        return FakeReply::json(
            200, Json{{"ok", true}, {"channel", body["channel"]}, {"ts", kPostedTs}}.dump());
    }
    return FakeReply::json(404, R"({"ok":false,"error":"unknown_method"})");
}

std::string direct_message(const std::string& text, const std::string& event_id) {
    return Json{{"type", "event_callback"},
                {"team_id", "T061EG9R6"},
                {"event_id", event_id},
                {"event_time", kStart},
                {"event",
                 {{"type", "message"},
                  {"channel_type", "im"},
                  {"channel", "D0PNCRP9N"},
                  {"user", "U061F7AUR"},
                  {"text", text},
                  {"ts", "1781085600.000100"},
                  {"event_ts", "1781085600.000100"}}}}
        .dump();
}

/// A button press on the message the bot posted at `message_ts`.
std::string button_press(const std::string& value, const std::string& message_ts,
                         const std::string& response_url) {
    const Json payload{
        {"type", "block_actions"},
        {"user", {{"id", "U061F7AUR"}, {"name", "ana"}, {"team_id", "T061EG9R6"}}},
        {"team", {{"id", "T061EG9R6"}}},
        {"container",
         {{"type", "message"},
          {"message_ts", message_ts},
          {"channel_id", "D0PNCRP9N"},
          {"is_ephemeral", false}}},
        {"channel", {{"id", "D0PNCRP9N"}}},
        {"message", {{"ts", message_ts}, {"bot_id", "B0BOTID01"}, {"type", "message"}}},
        {"response_url", response_url},
        {"actions", Json::array({{{"action_id", value},
                                  {"value", value},
                                  {"type", "button"},
                                  {"action_ts", "1781085610.123456"}}})}};
    return "payload=" + form_encode(payload.dump());
}

std::vector<std::string> button_values(const Json& body) {
    std::vector<std::string> values;
    for (const auto& block : body.value("blocks", Json::array()))
        if (block.value("type", "") == "actions")
            for (const auto& element : block["elements"])
                values.push_back(element.value("value", ""));
    return values;
}

/// The whole Slack channel: server, router, dispatcher, store, engine, sender, fake Slack.
struct ChannelFixture {
    ChannelFixture()
        : slack(fake_slack),
          store(dir.file("rubdown.db")),
          clock(intents::Seconds{std::chrono::seconds{kStart}}),
          dispatcher(io.executor(), store, shared_engine(), clock, {}),
          server(io.io(), bot::ServerLimits{}, router) {
        slack::SlackSettings settings;
        settings.bot_token = kBotToken;
        settings.signing_secret = kSigningSecret;
        settings.api_url = slack.base_url();
        settings.response_url_prefix = slack.base_url() + "/hooks/";
        settings.request_clock = &clock;  // requests are signed at kStart
        bot::OutboxSenderOptions sender;
        sender.poll_interval = std::chrono::milliseconds(100);
        auto made = std::make_unique<slack::SlackChannel>(io.executor(), dispatcher, settings);
        slack_channel = made.get();
        channel = std::make_unique<bot::RunningChannel>(std::move(made), store, clock, sender);
        channel->start_up();
        channel->add_routes(router);
        dispatcher.set_outbox_listener([this](const std::string& name) {
            if (name == "slack") channel->wake();
        });
        server.start({boost::asio::ip::make_address("127.0.0.1"), 0});
        channel->start();
        poster = std::make_unique<BotPoster>("http://127.0.0.1:" +
                                             std::to_string(server.local_endpoint().port()));
    }
    ~ChannelFixture() {
        poster.reset();
        channel->stop();
        io.await([this]() -> boost::asio::awaitable<int> {
            server.shutdown(std::chrono::milliseconds(500), [] {});
            co_return 0;
        }());
        store.stop();
        io.stop();
    }

    http::ClientResponse post(const std::string& path, const std::string& body,
                              const std::string& content_type) {
        return poster->post(path, body, slack_headers(body, kStart), content_type);
    }

    /// The n-th request (1-based) the fake Slack received, waiting for it.
    RecordedRequest slack_request(std::size_t n) {
        if (!slack.wait_for_requests(n, std::chrono::seconds(30)))
            throw std::runtime_error("fake Slack got " + std::to_string(slack.requests().size()) +
                                     " requests, expected " + std::to_string(n));
        return slack.requests().at(n - 1);
    }

    FakeHttpServer slack;
    testing::TempDir dir;
    storage::Store store;
    intents::SimulatedClock clock;
    IoThread io;
    bot::Dispatcher dispatcher;
    bot::Router router;
    bot::HttpServer server;
    slack::SlackChannel* slack_channel = nullptr;  ///< the channel running in `channel`
    std::unique_ptr<bot::RunningChannel> channel;
    std::unique_ptr<BotPoster> poster;
};

}  // namespace

TEST_CASE("Slack channel: start-up learns the bot from auth.test") {
    ChannelFixture fixture;
    CHECK(fixture.slack_channel->identity().user_id == "U0LAN0Z89");
    CHECK(fixture.slack_channel->identity().bot_id == "B0BOTID01");
    const auto first = fixture.slack_request(1);
    CHECK(first.target == "/auth.test");
}

TEST_CASE("Slack channel: a refused token stops start-up with a message that hides it") {
    FakeHttpServer slack([](const RecordedRequest&) {
        return FakeReply::json(200, R"({"ok":false,"error":"invalid_auth"})");
    });
    testing::TempDir dir;
    storage::Store store(dir.file("rubdown.db"));
    intents::SimulatedClock clock(intents::Seconds{std::chrono::seconds{kStart}});
    IoThread io;
    bot::Dispatcher dispatcher(io.executor(), store, shared_engine(), clock, {});
    slack::SlackSettings settings;
    settings.bot_token = kBotToken;
    settings.signing_secret = kSigningSecret;
    settings.api_url = slack.base_url();
    slack::SlackChannel channel(io.executor(), dispatcher, settings);

    std::string message;
    try {
        channel.start_up();
    } catch (const std::runtime_error& error) {
        message = error.what();
    }
    CHECK(message.find("invalid_auth") != std::string::npos);
    CHECK(message.find(kBotToken) == std::string::npos);
    // A refusal is final: Slack is asked once.
    CHECK(slack.requests().size() == 1);
    store.stop();
}

TEST_CASE("Slack channel: a DM is answered with buttons, and a press edits that message") {
    ChannelFixture fixture;

    const auto answer = fixture.post("/slack/events", direct_message("forget me", "Ev0FORGET1"),
                                     "application/json");
    CHECK(answer.status == 200);

    // auth.test, then the answer to the DM.
    const auto posted = fixture.slack_request(2);
    CHECK(posted.target == "/chat.postMessage");
    CHECK(posted.header("Authorization") == std::string("Bearer ") + kBotToken);
    const auto question = Json::parse(posted.body);
    CHECK(question["channel"] == "D0PNCRP9N");
    CHECK(question["text"].get<std::string>().find("can't be undone") != std::string::npos);
    const auto values = button_values(question);
    REQUIRE(values.size() == 2);
    CHECK(values[0].starts_with("forget:confirm@"));
    CHECK(values[1].starts_with("forget:cancel@"));

    // The runner keeps their data: the question is replaced in place.
    const auto press = fixture.post(
        "/slack/interactivity",
        button_press("forget:cancel", kPostedTs, fixture.slack.base_url() + "/hooks/actions/1"),
        "application/x-www-form-urlencoded");
    CHECK(press.status == 200);

    const auto edited = fixture.slack_request(3);
    CHECK(edited.target == "/chat.update");
    const auto update = Json::parse(edited.body);
    CHECK(update["channel"] == "D0PNCRP9N");
    CHECK(update["ts"] == kPostedTs);
    CHECK(update["text"].get<std::string>().find("Nothing was deleted") != std::string::npos);
    // No buttons are left under the answered question.
    CHECK(button_values(update).empty());

    // The outbox rows are marked sent, and the counters say so.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (fixture.channel->sender_counters().sent < 2 &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(fixture.channel->sender_counters().sent == 2);
    metrics::Registry registry;
    fixture.channel->register_metrics(registry);
    const auto metrics = registry.text();
    CHECK(metrics.find("rubdown_slack_recorded_total 2") != std::string::npos);
    CHECK(metrics.find("rubdown_slack_outbox_sent_total 2") != std::string::npos);
}
