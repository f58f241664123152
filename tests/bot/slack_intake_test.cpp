#include "adapters/slack/slack_intake.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <thread>

#include <boost/asio/ip/address.hpp>
#include <nlohmann/json.hpp>

#include "adapters/slack/slack_reply_context.hpp"
#include "bot/http/http_server.hpp"
#include "bot/http/router.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/slack_test_helpers.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using namespace rubdown::testing::slack_support;
using Json = nlohmann::json;

namespace {

constexpr std::int64_t kStart = 1781085600;  // 2026-06-10T10:00:00Z

/// The real server, router, dispatcher and store (a temp file) with the Slack endpoints.
struct IntakeFixture {
    IntakeFixture()
        : store(dir.file("rubdown.db")),
          clock(intents::Seconds{std::chrono::seconds{kStart}}),
          dispatcher(io.executor(), store, shared_engine(), clock, {}),
          intake(dispatcher, clock, slack::InboundSettings{kSigningSecret, {}}),
          server(io.io(), bot::ServerLimits{}, router) {
        slack::BotIdentity bot{"T061EG9R6", "U0LAN0Z89", "B0BOTID01"};
        intake.set_bot_identity(bot);
        router.add(intake.routes());
        server.start({boost::asio::ip::make_address("127.0.0.1"), 0});
        poster = std::make_unique<BotPoster>("http://127.0.0.1:" +
                                             std::to_string(server.local_endpoint().port()));
    }
    ~IntakeFixture() {
        poster.reset();
        io.await([this]() -> boost::asio::awaitable<int> {
            server.shutdown(std::chrono::milliseconds(500), [] {});
            co_return 0;
        }());
        io.stop();
        store.stop();
    }

    http::ClientResponse post(const std::string& path, const std::string& body,
                              std::vector<std::pair<std::string, std::string>> extra = {},
                              std::int64_t timestamp = kStart,
                              std::string content_type = "application/json") {
        auto headers = slack_headers(body, timestamp);
        headers.insert(headers.end(), extra.begin(), extra.end());
        return poster->post(path, body, std::move(headers), std::move(content_type));
    }

    http::ClientResponse post_form(const std::string& path, const std::string& body) {
        return post(path, body, {}, kStart, "application/x-www-form-urlencoded");
    }

    std::vector<storage::OutboxMessage> outbox() {
        return store.run([](storage::Repositories& repos) {
            return repos.outbox.due("slack", kStart + 3600, 100);
        });
    }

    /// Processing runs in the background after the answer; wait for its outbox rows.
    std::vector<storage::OutboxMessage> wait_for_outbox(std::size_t count) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        auto rows = outbox();
        while (rows.size() < count && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            rows = outbox();
        }
        return rows;
    }

    std::optional<storage::User> user(const std::string& key) {
        return store.run(
            [&](storage::Repositories& repos) { return repos.users.find_by_key(key); });
    }

    testing::TempDir dir;
    storage::Store store;
    intents::SimulatedClock clock;
    IoThread io;
    bot::Dispatcher dispatcher;
    slack::SlackIntake intake;
    bot::Router router;
    bot::HttpServer server;
    std::unique_ptr<BotPoster> poster;
};

const std::string kRunner = "slack:T061EG9R6:U061F7AUR";

}  // namespace

TEST_CASE("Slack intake: a signed direct message is recorded, answered 200 and processed once") {
    IntakeFixture fixture;
    const auto event = read_slack_fixture("event_message_im.json");

    const auto first = fixture.post("/slack/events", event);
    CHECK(first.status == 200);

    const auto rows = fixture.wait_for_outbox(1);
    REQUIRE_FALSE(rows.empty());
    // Every answer goes back where the runner wrote, in that DM.
    for (const auto& row : rows) {
        CHECK(row.chat_id == "D0PNCRP9N");
        const auto context = slack::reply_context_from_json(row.reply_context);
        CHECK(context.source == slack::ReplySource::event);
        CHECK(context.channel == "D0PNCRP9N");
    }
    // "12k tempo in 58:10": the run is in the log under the Slack user key.
    const auto runner = fixture.user(kRunner);
    REQUIRE(runner);
    const auto runs = fixture.store.run(
        [&](storage::Repositories& repos) { return repos.runs.list(runner->id); });
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(12.0));

    SECTION("Slack's redelivery is acknowledged and not processed again") {
        const auto retry =
            fixture.post("/slack/events", event,
                         {{"X-Slack-Retry-Num", "1"}, {"X-Slack-Retry-Reason", "http_timeout"}});
        CHECK(retry.status == 200);
        CHECK(fixture.intake.stats().duplicates == 1);
        CHECK(fixture.intake.stats().recorded == 1);
        CHECK(fixture.outbox().size() == rows.size());
        const auto runs_after = fixture.store.run(
            [&](storage::Repositories& repos) { return repos.runs.list(runner->id); });
        CHECK(runs_after.size() == 1);
    }
}

TEST_CASE("Slack intake: a bad or stale signature is refused with 401 and nothing is recorded") {
    IntakeFixture fixture;
    const auto event = read_slack_fixture("event_message_im.json");

    SECTION("signed with another secret") {
        auto headers = slack_headers(event, kStart, "not-the-secret");
        const auto answer = fixture.poster->post("/slack/events", event, headers);
        CHECK(answer.status == 401);
    }
    SECTION("signed six minutes ago") {
        const auto answer = fixture.post("/slack/events", event, {}, kStart - 360);
        CHECK(answer.status == 401);
    }
    SECTION("the body changed after signing") {
        auto headers = slack_headers(event, kStart);
        const auto answer =
            fixture.poster->post("/slack/events", event + " ", headers, "application/json");
        CHECK(answer.status == 401);
    }
    SECTION("no signature at all") {
        const auto answer = fixture.poster->post("/slack/events", event, {}, "application/json");
        CHECK(answer.status == 401);
    }

    CHECK(fixture.intake.stats().bad_signature == 1);
    CHECK(fixture.intake.stats().recorded == 0);
    CHECK_FALSE(fixture.user(kRunner));
    // The same event, properly signed, is new to the inbox: nothing of it was kept.
    CHECK(fixture.post("/slack/events", event).status == 200);
    CHECK(fixture.intake.stats().recorded == 1);
    CHECK(fixture.intake.stats().duplicates == 0);
}

TEST_CASE("Slack intake: url_verification answers the challenge") {
    IntakeFixture fixture;
    const auto body = read_slack_fixture("url_verification.json");
    const auto answer = fixture.post("/slack/events", body);
    CHECK(answer.status == 200);
    CHECK(answer.body == Json::parse(body)["challenge"].get<std::string>());
    CHECK(fixture.intake.stats().recorded == 0);
}

TEST_CASE("Slack intake: a slash command is recorded and answered through its response_url") {
    IntakeFixture fixture;
    const auto answer =
        fixture.post_form("/slack/commands", read_slack_fixture("slash_command.form"));
    CHECK(answer.status == 200);
    CHECK(fixture.intake.stats().recorded == 1);

    const auto rows = fixture.wait_for_outbox(1);
    REQUIRE_FALSE(rows.empty());
    const auto context = slack::reply_context_from_json(rows[0].reply_context);
    CHECK(context.source == slack::ReplySource::command);
    CHECK(context.response_url.find("https://hooks.slack.com/commands/") == 0);
    // "log 10k easy & felt great" went through the same engine.
    const auto runner = fixture.user(kRunner);
    REQUIRE(runner);
    const auto runs = fixture.store.run(
        [&](storage::Repositories& repos) { return repos.runs.list(runner->id); });
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(10.0));
}

TEST_CASE("Slack intake: a block_actions press is recorded with the button's action") {
    IntakeFixture fixture;
    const auto body = read_slack_fixture("block_actions.form");
    const auto answer = fixture.post_form("/slack/interactivity", body);
    CHECK(answer.status == 200);
    CHECK(fixture.intake.stats().recorded == 1);

    const auto rows = fixture.wait_for_outbox(1);
    REQUIRE_FALSE(rows.empty());
    // The answer to a pressed button replaces the pressed message.
    const auto context = slack::reply_context_from_json(rows[0].reply_context);
    CHECK(context.source == slack::ReplySource::action);
    CHECK(context.message_ts == "1700000700.001000");

    SECTION("the same press delivered twice counts once") {
        CHECK(fixture.post_form("/slack/interactivity", body).status == 200);
        CHECK(fixture.intake.stats().duplicates == 1);
        CHECK(fixture.outbox().size() == rows.size());
    }
}

TEST_CASE("Slack intake: a body that can never parse is refused so Slack stops retrying") {
    IntakeFixture fixture;
    const auto answer = fixture.post("/slack/events", "{not json");
    CHECK(answer.status == 400);
    CHECK(answer.header("X-Slack-No-Retry") == "1");
    CHECK(fixture.intake.stats().malformed == 1);
}
