#include "adapters/slack/slack_client.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_reply_context.hpp"
#include "bot/slack_test_helpers.hpp"
#include "intents/message.hpp"
#include "support/fake_http_server.hpp"

using namespace rubdown;
namespace asio = boost::asio;
using adapters::DeliveryResult;
using slack::SlackClient;
using testing::FakeHttpServer;
using testing::FakeReply;
using testing::RecordedRequest;
using testing::slack_support::IoThread;
using testing::slack_support::kBotToken;
using Json = nlohmann::json;

namespace {

/// A fake Slack Web API on loopback and a client pointed at it.
struct ClientFixture {
    explicit ClientFixture(testing::FakeHandler handler = {}) : slack(std::move(handler)) {
        slack::SlackClientSettings settings;
        settings.bot_token = kBotToken;
        settings.api_url = slack.base_url();
        // response_urls in these tests point at the fake, so it must be trusted like Slack's.
        settings.delivery.response_url_prefix = slack.base_url() + "/hooks/";
        settings.request_timeout = std::chrono::seconds(10);
        client = std::make_unique<SlackClient>(io.executor(), settings);
    }
    ~ClientFixture() {
        client->stop();
        io.await([this]() -> boost::asio::awaitable<int> {
            client.reset();
            co_return 0;
        }());
    }

    DeliveryResult deliver(const storage::OutboxMessage& message) {
        const auto prepared = client->prepare(message);
        const adapters::RecordCallsDone record = [this](int calls_done) -> asio::awaitable<void> {
            recorded_calls_done.push_back(calls_done);
            co_return;
        };
        return io.await(client->deliver(message, prepared, record));
    }

    FakeHttpServer slack;
    IoThread io;
    std::unique_ptr<SlackClient> client;
    /// What deliver() told the sender about parts that went out, in order.
    std::vector<int> recorded_calls_done;
};

FakeReply ok_posted(const std::string& channel = "D0PNCRP9N",
                    const std::string& ts = "1700000800.000100") {
    return FakeReply::json(200, Json{{"ok", true}, {"channel", channel}, {"ts", ts}}.dump());
}

FakeReply slack_error(const std::string& error) {
    return FakeReply::json(200, Json{{"ok", false}, {"error", error}}.dump());
}

storage::OutboxMessage nudge_row(std::int64_t id = 1) {
    storage::OutboxMessage message;
    message.id = id;
    message.channel = "slack";
    message.chat_id = "U061F7AUR";
    message.text = "Hard session yesterday: a massage in the next days helps.";
    message.buttons_json =
        intents::buttons_to_json({intents::Button{"Booked ✓", "nudge:booked", ""},
                                  intents::Button{"Remind me tomorrow", "nudge:snooze", ""}});
    return message;
}

std::string context_json(slack::ReplySource source, const std::string& channel,
                         const std::string& response_url = {}, const std::string& message_ts = {}) {
    slack::ReplyContext context;
    context.source = source;
    context.team_id = "T061EG9R6";
    context.channel = channel;
    context.response_url = response_url;
    context.message_ts = message_ts;
    return slack::to_json(context);
}

/// Every button value in a chat.postMessage / chat.update body.
std::vector<std::string> button_values(const Json& body) {
    std::vector<std::string> values;
    for (const auto& block : body.value("blocks", Json::array()))
        if (block.value("type", "") == "actions")
            for (const auto& element : block["elements"])
                values.push_back(element.value("value", ""));
    return values;
}

}  // namespace

TEST_CASE("Slack client: a nudge goes out with chat.postMessage, the token and the buttons") {
    ClientFixture fixture([](const RecordedRequest&) { return ok_posted(); });

    const auto result = fixture.deliver(nudge_row());

    CHECK(result.kind == DeliveryResult::Kind::sent);
    const auto requests = fixture.slack.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].target == "/chat.postMessage");
    CHECK(requests[0].header("Authorization") == std::string("Bearer ") + kBotToken);
    CHECK(requests[0].header("Content-Type").find("application/json") == 0);
    const auto body = Json::parse(requests[0].body);
    CHECK(body["channel"] == "U061F7AUR");
    CHECK(body["text"].get<std::string>().find("massage in the next days") != std::string::npos);
    CHECK(button_values(body) == std::vector<std::string>{"nudge:booked", "nudge:snooze"});
    CHECK(fixture.client->stats().sent == 1);
}

TEST_CASE("Slack client: 429 with Retry-After asks for a retry after that many seconds") {
    ClientFixture fixture([](const RecordedRequest&) {
        auto reply = FakeReply::json(429, R"({"ok":false,"error":"ratelimited"})");
        reply.headers.emplace_back("Retry-After", "17");
        return reply;
    });

    const auto result = fixture.deliver(nudge_row());

    CHECK(result.kind == DeliveryResult::Kind::retry);
    CHECK(result.retry_after == std::chrono::seconds(17));
    CHECK_FALSE(result.channel_problem);
    CHECK(fixture.client->stats().rate_limited == 1);
}

TEST_CASE("Slack client: ok:false answers map to retry, failed or a channel problem") {
    SECTION("ratelimited in the body: retry, no time named") {
        ClientFixture fixture([](const RecordedRequest&) { return slack_error("ratelimited"); });
        const auto result = fixture.deliver(nudge_row());
        CHECK(result.kind == DeliveryResult::Kind::retry);
        CHECK(result.retry_after == std::chrono::seconds(0));
        CHECK_FALSE(result.channel_problem);
    }
    SECTION("a 5xx: retry") {
        ClientFixture fixture(
            [](const RecordedRequest&) { return FakeReply::json(503, "upstream down"); });
        const auto result = fixture.deliver(nudge_row());
        CHECK(result.kind == DeliveryResult::Kind::retry);
        CHECK_FALSE(result.channel_problem);
    }
    SECTION("channel_not_found: give up on this row only") {
        ClientFixture fixture(
            [](const RecordedRequest&) { return slack_error("channel_not_found"); });
        const auto result = fixture.deliver(nudge_row());
        CHECK(result.kind == DeliveryResult::Kind::failed);
        CHECK_FALSE(result.channel_problem);
        CHECK(result.error == "channel_not_found");
    }
    SECTION("not_in_channel: give up") {
        ClientFixture fixture([](const RecordedRequest&) { return slack_error("not_in_channel"); });
        CHECK(fixture.deliver(nudge_row()).kind == DeliveryResult::Kind::failed);
    }
    SECTION("invalid_auth: the whole channel is misconfigured, the row waits") {
        ClientFixture fixture([](const RecordedRequest&) { return slack_error("invalid_auth"); });
        const auto result = fixture.deliver(nudge_row());
        CHECK(result.kind == DeliveryResult::Kind::retry);
        CHECK(result.channel_problem);
        CHECK(result.error.find(kBotToken) == std::string::npos);
    }
}

TEST_CASE("Slack client: no answer at all is a retry") {
    SECTION("the connection drops") {
        ClientFixture fixture([](const RecordedRequest&) {
            FakeReply reply;
            reply.drop_connection = true;
            return reply;
        });
        const auto result = fixture.deliver(nudge_row());
        CHECK(result.kind == DeliveryResult::Kind::retry);
        CHECK_FALSE(result.channel_problem);
        // chat.postMessage is not idempotent: the client must not resend it by itself.
        CHECK(fixture.slack.requests().size() == 1);
    }
}

TEST_CASE("Slack client: a pressed button's edit becomes chat.update of that message") {
    ClientFixture fixture([](const RecordedRequest&) { return ok_posted(); });
    auto row = nudge_row();
    row.text = "Booked ✓ Enjoy the massage.";
    row.buttons_json = "[]";
    row.edit_original = true;  // the dispatcher's column, not the context, says so
    row.reply_context =
        context_json(slack::ReplySource::action, "D0PNCRP9N",
                     fixture.slack.base_url() + "/hooks/actions/1", "1700000700.001000");

    CHECK(fixture.deliver(row).kind == DeliveryResult::Kind::sent);

    const auto requests = fixture.slack.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].target == "/chat.update");
    const auto body = Json::parse(requests[0].body);
    CHECK(body["channel"] == "D0PNCRP9N");
    CHECK(body["ts"] == "1700000700.001000");
    CHECK(body["text"].get<std::string>().find("Booked") != std::string::npos);
}

TEST_CASE("Slack client: an edit of a message that is gone falls back to a new message") {
    ClientFixture fixture([](const RecordedRequest& request) {
        return request.target == "/chat.update" ? slack_error("message_not_found") : ok_posted();
    });
    auto row = nudge_row();
    row.edit_original = true;
    row.reply_context = context_json(slack::ReplySource::action, "D0PNCRP9N", {}, "1700.1");

    CHECK(fixture.deliver(row).kind == DeliveryResult::Kind::sent);

    const auto requests = fixture.slack.requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].target == "/chat.update");
    CHECK(requests[1].target == "/chat.postMessage");
    CHECK(Json::parse(requests[1].body)["channel"] == "D0PNCRP9N");
    CHECK(fixture.client->stats().fallbacks == 1);
}

TEST_CASE("Slack client: a slash command's answer goes to its response_url, without the token") {
    ClientFixture fixture([](const RecordedRequest&) { return FakeReply::json(200, "ok"); });
    auto row = nudge_row();
    row.buttons_json = "[]";
    row.reply_context = context_json(slack::ReplySource::command, "C0LAN2Q65",
                                     fixture.slack.base_url() + "/hooks/commands/T1/2/abc");

    CHECK(fixture.deliver(row).kind == DeliveryResult::Kind::sent);

    const auto requests = fixture.slack.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].target == "/hooks/commands/T1/2/abc");
    CHECK(requests[0].header("Authorization").empty());
    CHECK(Json::parse(requests[0].body)["response_type"] == "ephemeral");
}

TEST_CASE("Slack client: a retried long reply resumes after the parts recorded as sent") {
    int answered = 0;
    ClientFixture fixture([&answered](const RecordedRequest&) {
        // The first part goes through, the second meets a 500, then Slack is fine again.
        return ++answered == 2 ? FakeReply::json(500, "{}") : ok_posted();
    });
    auto row = nudge_row(42);
    std::string long_text;
    for (int paragraph = 0; paragraph < 60; ++paragraph)
        long_text +=
            "Paragraph " + std::to_string(paragraph) + ": " + std::string(380, 'x') + "\n\n";
    row.text = long_text;
    const auto parts = slack::plan_delivery(row).size();
    REQUIRE(parts >= 2);

    CHECK(fixture.deliver(row).kind == DeliveryResult::Kind::retry);
    CHECK(fixture.slack.requests().size() == 2);
    // The first part was recorded before the second was tried; the sender keeps it in the row
    // (and the database), so the retry, even one after a restart, starts after it.
    REQUIRE(fixture.recorded_calls_done == std::vector<int>{1});
    row.calls_done = fixture.recorded_calls_done.back();

    CHECK(fixture.deliver(row).kind == DeliveryResult::Kind::sent);
    const auto requests = fixture.slack.requests();
    // Parts 2..n once more, part 1 only once.
    REQUIRE(requests.size() == parts + 1);
    // The retry re-posted the failed second part, not the first one again.
    CHECK(requests[2].body == requests[1].body);
    CHECK(requests[2].body != requests[0].body);
}

TEST_CASE("Slack client: rows are paced by the conversation they land in") {
    ClientFixture fixture;
    auto row = nudge_row();
    CHECK(fixture.client->pacing_key(row) == "U061F7AUR");
    row.reply_context = context_json(slack::ReplySource::event, "C0LAN2Q65");
    CHECK(fixture.client->pacing_key(row) == "C0LAN2Q65");
}

TEST_CASE("Slack client: auth.test tells who the bot is, or refuses without naming the token") {
    SECTION("a good token") {
        ClientFixture fixture([](const RecordedRequest&) {
            return FakeReply::json(200,
                                   testing::slack_support::read_slack_fixture("auth_test_ok.json"));
        });
        const auto identity = fixture.io.await(fixture.client->authenticate());
        CHECK(identity.user_id == "U0LAN0Z89");
        CHECK(identity.bot_id == "B0BOTID01");
        CHECK(identity.team_id == "T061EG9R6");
        const auto requests = fixture.slack.requests();
        REQUIRE(requests.size() == 1);
        CHECK(requests[0].target == "/auth.test");
        CHECK(requests[0].header("Authorization") == std::string("Bearer ") + kBotToken);
    }
    SECTION("a revoked token") {
        ClientFixture fixture([](const RecordedRequest&) { return slack_error("invalid_auth"); });
        std::string message;
        try {
            fixture.io.await(fixture.client->authenticate());
        } catch (const slack::SlackStartupError& error) {
            message = error.what();
        }
        CHECK(message.find("invalid_auth") != std::string::npos);
        CHECK(message.find("SLACK_BOT_TOKEN") != std::string::npos);
        CHECK(message.find(kBotToken) == std::string::npos);
    }
}

TEST_CASE("Slack outcomes map onto the outbox's results") {
    const auto classify = [](int status, std::string body, std::string retry_after = {}) {
        return slack::to_delivery_result(
            slack::classify_response(slack::ApiCall::Target::web_api, status, retry_after, body));
    };
    CHECK(classify(200, R"({"ok":true})").kind == DeliveryResult::Kind::sent);
    CHECK(classify(429, "", "3").retry_after == std::chrono::seconds(3));
    CHECK(classify(200, R"({"ok":false,"error":"invalid_blocks"})").kind ==
          DeliveryResult::Kind::failed);
    const auto refused = classify(403, "");
    CHECK(refused.kind == DeliveryResult::Kind::retry);
    CHECK(refused.channel_problem);
}

TEST_CASE("Slack client: a chart's bytes never go to an upload URL Slack's host did not give") {
    // The fake answers with an upload URL elsewhere: the client must not post the file there.
    ClientFixture fixture([](const RecordedRequest& request) {
        if (request.target.ends_with("/files.getUploadURLExternal"))
            return FakeReply::json(
                200,
                R"({"ok":true,"upload_url":"https://elsewhere.example/upload/F1","file_id":"F1"})");
        return ok_posted();
    });
    auto row = nudge_row();
    row.image_png = "png bytes";
    row.image_alt = "Bar chart";
    const auto result = fixture.deliver(row);
    CHECK(result.kind == DeliveryResult::Kind::sent);
    const auto requests = fixture.slack.requests();
    // The question, then the chart described in words, then the text: no bytes went anywhere.
    REQUIRE(requests.size() == 3);
    CHECK(requests[0].target.ends_with("/files.getUploadURLExternal"));
    CHECK(Json::parse(requests[1].body)["text"] == "Bar chart");
    CHECK(Json::parse(requests[2].body)["text"] == row.text);
}

TEST_CASE("Slack client: an app without files:write describes the chart and keeps sending") {
    ClientFixture fixture([](const RecordedRequest& request) {
        if (request.target.ends_with("/files.getUploadURLExternal"))
            return slack_error("missing_scope");
        return ok_posted();
    });
    auto row = nudge_row();
    row.image_png = "png bytes";
    row.image_alt = "Bar chart of km per week: Nov 30 12.";
    const auto result = fixture.deliver(row);
    CHECK(result.kind == DeliveryResult::Kind::sent);
    CHECK_FALSE(result.channel_problem);  // the channel is not paused for a missing scope
    const auto requests = fixture.slack.requests();
    REQUIRE(requests.size() == 3);
    CHECK(Json::parse(requests[1].body)["text"] == "Bar chart of km per week: Nov 30 12.");
}

TEST_CASE("Slack client: a chart upload that Slack rate-limits is retried as a whole") {
    ClientFixture fixture([](const RecordedRequest& request) {
        if (request.target.ends_with("/files.getUploadURLExternal")) {
            FakeReply reply = FakeReply::json(429, R"({"ok":false,"error":"ratelimited"})");
            reply.headers.emplace_back("Retry-After", "7");
            return reply;
        }
        return ok_posted();
    });
    auto row = nudge_row();
    row.image_png = "png bytes";
    const auto result = fixture.deliver(row);
    CHECK(result.kind == DeliveryResult::Kind::retry);
    CHECK(result.retry_after == std::chrono::seconds{7});
    CHECK(fixture.recorded_calls_done.empty());  // the upload was the row's first call
}
