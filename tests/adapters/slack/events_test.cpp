#include <catch2/catch.hpp>

#include "adapters/slack/slack_events.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "slack_test_support.hpp"

using namespace rubdown;
using slack::EventParse;
using slack::test::read_fixture;

namespace {

slack::InboundOptions known_bot() {
    slack::InboundOptions options;
    options.bot = {"T061EG9R6", "U0LAN0Z89", "B0BOTID01"};
    return options;
}

}  // namespace

TEST_CASE("url_verification gives the challenge to echo", "[slack][events]") {
    const auto parse = slack::parse_event_body(read_fixture("url_verification.json"), {});
    REQUIRE(parse.kind == EventParse::Kind::url_verification);
    CHECK(parse.challenge == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    CHECK_FALSE(parse.message);
}

TEST_CASE("a direct message becomes an IncomingMessage", "[slack][events]") {
    const auto parse = slack::parse_event_body(read_fixture("event_message_im.json"), known_bot());
    REQUIRE(parse.kind == EventParse::Kind::message);
    REQUIRE(parse.message);
    const auto& message = *parse.message;
    CHECK(message.channel == "slack");
    CHECK(message.user_key == "slack:T061EG9R6:U061F7AUR");
    CHECK(message.chat_id == "D0PNCRP9N");
    CHECK(message.text == "12k tempo in 58:10, felt hard & my calves are tight");
    CHECK(message.action.empty());
    CHECK(message.dedup_key == "slack:event:Ev0PV52K25");
    const auto context = slack::reply_context_from_json(message.reply_context);
    CHECK(context.source == slack::ReplySource::event);
    CHECK(context.team_id == "T061EG9R6");
    CHECK(context.channel == "D0PNCRP9N");
    CHECK(context.thread_ts.empty());
}

TEST_CASE("an app mention loses its leading mention and keeps its thread", "[slack][events]") {
    for (const auto& options : {known_bot(), slack::InboundOptions{}}) {
        INFO("bot user id known: " << !options.bot.user_id.empty());
        const auto parse = slack::parse_event_body(read_fixture("event_app_mention.json"), options);
        REQUIRE(parse.message);
        CHECK(parse.message->text == "why do runners get deep tissue massage?");
        CHECK(parse.message->user_key == "slack:T061EG9R6:U0EXAMPLE");
        // Nudges must not land in a shared channel: the chat is the runner's DM (their user id).
        CHECK(parse.message->chat_id == "U0EXAMPLE");
        const auto context = slack::reply_context_from_json(parse.message->reply_context);
        CHECK(context.channel == "C0LAN2Q65");
        CHECK(context.thread_ts == "1700000050.000100");
    }
}

TEST_CASE("a bare mention asks for help", "[slack][events]") {
    auto body = read_fixture("event_app_mention.json");
    const std::string question = " why do runners get deep tissue massage?";
    body.replace(body.find(question), question.size(), "");
    const auto parse = slack::parse_event_body(body, known_bot());
    REQUIRE(parse.message);
    CHECK(parse.message->text == "help");
}

TEST_CASE("events that are acknowledged and ignored", "[slack][events]") {
    const std::vector<std::pair<const char*, const char*>> fixtures = {
        {"event_bot_message.json", "subtype bot_message"},
        {"event_own_message.json", "the bot's own message (bot_id)"},
        {"event_channel_join.json", "channel_join subtype"},
        {"event_reaction_added.json", "event type not handled"},
        {"event_message_channel.json", "channel message without mention, policy off"},
        {"event_message_channel_mention.json", "channel copy of a mention"},
    };
    for (const auto& [fixture, why] : fixtures) {
        INFO(fixture << ": " << why);
        const auto parse = slack::parse_event_body(read_fixture(fixture), known_bot());
        CHECK(parse.kind == EventParse::Kind::ignored);
        CHECK_FALSE(parse.message);
        CHECK_FALSE(parse.reason.empty());
        CHECK_FALSE(parse.event_id.empty());
    }
}

TEST_CASE("an edit is read as the message it now is, naming the message it edits",
          "[slack][events]") {
    const auto parse =
        slack::parse_event_body(read_fixture("event_message_changed.json"), known_bot());
    REQUIRE(parse.kind == EventParse::Kind::message);
    REQUIRE(parse.message);
    CHECK(parse.message->text == "12k tempo in 57:10, felt hard");
    CHECK(parse.message->user_key == "slack:T061EG9R6:U061F7AUR");
    // The original message's ts, so that the bot finds what it made.
    CHECK(parse.message->source_id == "slack:T061EG9R6:D0PNCRP9N:1700000001.000200");
    CHECK(parse.message->edit_version == 1700000400000000);
    CHECK(parse.message->dedup_key == "slack:event:Ev0CHANGED1");
}

TEST_CASE("edits that change no text, and edits of a bot's message, are ignored",
          "[slack][events]") {
    auto unfurled = read_fixture("event_message_changed.json");
    const std::string old_text = "12k tempo in 58:10, felt hard";
    unfurled.replace(unfurled.find(old_text), old_text.size(), "12k tempo in 57:10, felt hard");
    CHECK(slack::parse_event_body(unfurled, known_bot()).kind == EventParse::Kind::ignored);

    auto own = read_fixture("event_message_changed.json");
    const std::string user = "\"user\": \"U061F7AUR\",\n      \"text\"";
    REQUIRE(own.find(user) != std::string::npos);
    own.replace(own.find(user), user.size(), "\"user\": \"U0LAN0Z89\",\n      \"text\"");
    CHECK(slack::parse_event_body(own, known_bot()).kind == EventParse::Kind::ignored);
}

TEST_CASE("a message names itself by team, channel and ts", "[slack][events]") {
    const auto parse = slack::parse_event_body(read_fixture("event_message_im.json"), known_bot());
    REQUIRE(parse.message);
    CHECK(parse.message->source_id.starts_with("slack:"));
    CHECK(parse.message->edit_version == 0);
}

TEST_CASE("the bot's own message is recognised by its user id alone", "[slack][events]") {
    auto body = read_fixture("event_message_im.json");
    const std::string user = "\"user\": \"U061F7AUR\"";
    body.replace(body.find(user), user.size(), "\"user\": \"U0LAN0Z89\"");
    CHECK(slack::parse_event_body(body, known_bot()).kind == EventParse::Kind::ignored);
    // Without knowing the bot's id, the same message is someone else's.
    CHECK(slack::parse_event_body(body, {}).kind == EventParse::Kind::message);
}

TEST_CASE("channel messages are answered when the operator turns it on", "[slack][events]") {
    auto options = known_bot();
    options.answer_channel_messages = true;
    const auto parse = slack::parse_event_body(read_fixture("event_message_channel.json"), options);
    REQUIRE(parse.message);
    CHECK(parse.message->text == "half marathon on Dec 14");
    CHECK(parse.message->chat_id == "U0EXAMPLE");
    CHECK(slack::reply_context_from_json(parse.message->reply_context).channel == "G0PRIVATE1");
    // A mention still comes once, as app_mention, not also as a channel message.
    CHECK(
        slack::parse_event_body(read_fixture("event_message_channel_mention.json"), options).kind ==
        EventParse::Kind::ignored);
}

TEST_CASE("a shared channel keys the user by their own workspace", "[slack][events]") {
    auto body = read_fixture("event_app_mention.json");
    const std::string team = "\"team\": \"T061EG9R6\",";
    body.replace(body.find(team), team.size(), team + " \"user_team\": \"T0OTHER01\",");
    const auto parse = slack::parse_event_body(body, known_bot());
    REQUIRE(parse.message);
    CHECK(parse.message->user_key == "slack:T0OTHER01:U0EXAMPLE");
}

TEST_CASE("bodies that are not Events API envelopes are malformed", "[slack][events]") {
    for (const char* body : {"", "not json", "[1,2]", "{}", R"({"type":"url_verification"})",
                             R"({"type":"event_callback","event_id":"Ev1"})"}) {
        INFO(body);
        CHECK(slack::parse_event_body(body, {}).kind == EventParse::Kind::malformed);
    }
    CHECK(slack::parse_event_body(R"({"type":"app_rate_limited"})", {}).kind ==
          EventParse::Kind::ignored);
}

TEST_CASE("retry headers are read", "[slack][events]") {
    http::HttpRequest request;
    std::istringstream lines(read_fixture("event_retry_headers.txt"));
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (colon != std::string::npos)
            request.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
    }
    auto info = slack::read_retry_info(request);
    CHECK(info.number == 2);
    CHECK(info.reason == "http_timeout");

    CHECK(slack::read_retry_info(http::HttpRequest{}).number == 0);
    request.headers = {{"X-Slack-Retry-Num", "two"}};
    CHECK(slack::read_retry_info(request).number == 0);
}
