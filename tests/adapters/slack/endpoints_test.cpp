#include <catch2/catch.hpp>

#include "adapters/slack/slack_endpoints.hpp"
#include "slack_test_support.hpp"

using namespace rubdown;
using slack::test::kNow;
using slack::test::read_fixture;
using slack::test::signed_request;

namespace {

slack::InboundSettings settings() {
    slack::InboundSettings settings;
    settings.signing_secret = slack::test::kSecret;
    settings.options.bot = {"T061EG9R6", "U0LAN0Z89", "B0BOTID01"};
    return settings;
}

std::string header(const http::HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return {};
}

}  // namespace

TEST_CASE("events: the challenge is echoed", "[slack][endpoints]") {
    const auto inbound = slack::receive_event(
        signed_request("/slack/events", read_fixture("url_verification.json")), settings(), kNow);
    CHECK(inbound.response.status == 200);
    CHECK(inbound.response.body == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    CHECK_FALSE(inbound.message);
}

TEST_CASE("events: a signed message is handed over, a forged one refused", "[slack][endpoints]") {
    const auto good = slack::receive_event(
        signed_request("/slack/events", read_fixture("event_message_im.json")), settings(), kNow);
    CHECK(good.response.status == 200);
    REQUIRE(good.message);
    CHECK(good.message->dedup_key == "slack:event:Ev0PV52K25");

    auto forged = signed_request("/slack/events", read_fixture("event_message_im.json"));
    forged.body.replace(forged.body.find("hard"), 4, "easy");
    const auto refused = slack::receive_event(forged, settings(), kNow);
    CHECK(refused.response.status == 401);
    CHECK(refused.signature == slack::SignatureCheck::mismatch);
    CHECK_FALSE(refused.message);

    const auto replayed = slack::receive_event(
        signed_request("/slack/events", read_fixture("event_message_im.json"), kNow - 3600),
        settings(), kNow);
    CHECK(replayed.response.status == 401);
    CHECK(replayed.signature == slack::SignatureCheck::stale_timestamp);
}

TEST_CASE("events: a retry carries the same dedup key and its headers", "[slack][endpoints]") {
    auto request = signed_request("/slack/events", read_fixture("event_message_im.json"));
    request.headers.emplace_back("X-Slack-Retry-Num", "2");
    request.headers.emplace_back("X-Slack-Retry-Reason", "http_timeout");
    const auto inbound = slack::receive_event(request, settings(), kNow);
    REQUIRE(inbound.message);
    CHECK(inbound.message->dedup_key == "slack:event:Ev0PV52K25");
    CHECK(inbound.retry.number == 2);
    CHECK(inbound.retry.reason == "http_timeout");
}

TEST_CASE("events: ignored events are acknowledged, garbage is refused for good",
          "[slack][endpoints]") {
    const auto ignored = slack::receive_event(
        signed_request("/slack/events", read_fixture("event_bot_message.json")), settings(), kNow);
    CHECK(ignored.response.status == 200);
    CHECK_FALSE(ignored.message);
    CHECK_FALSE(ignored.note.empty());

    const auto garbage =
        slack::receive_event(signed_request("/slack/events", "{not json"), settings(), kNow);
    CHECK(garbage.response.status == 400);
    CHECK(header(garbage.response, "X-Slack-No-Retry") == "1");
}

TEST_CASE("commands and interactions are acknowledged with an empty 200", "[slack][endpoints]") {
    const auto command = slack::receive_command(
        signed_request("/slack/commands", read_fixture("slash_command.form")), settings(), kNow);
    CHECK(command.response.status == 200);
    CHECK(command.response.body.empty());
    REQUIRE(command.message);
    CHECK(command.message->text == "log 10k easy & felt great");

    const auto press = slack::receive_interaction(
        signed_request("/slack/interactivity", read_fixture("block_actions.form")), settings(),
        kNow);
    CHECK(press.response.status == 200);
    REQUIRE(press.message);
    CHECK(press.message->action == "booked");

    const auto link = slack::receive_interaction(
        signed_request("/slack/interactivity", read_fixture("block_actions_link.form")), settings(),
        kNow);
    CHECK(link.response.status == 200);
    CHECK_FALSE(link.message);
}

TEST_CASE("commands and interactions need a valid signature too", "[slack][endpoints]") {
    auto command = signed_request("/slack/commands", read_fixture("slash_command.form"));
    command.headers.pop_back();  // no X-Slack-Signature
    CHECK(slack::receive_command(command, settings(), kNow).response.status == 401);

    auto unconfigured = settings();
    unconfigured.signing_secret.clear();
    const auto press = slack::receive_interaction(
        signed_request("/slack/interactivity", read_fixture("block_actions.form")), unconfigured,
        kNow);
    CHECK(press.response.status == 401);
    CHECK_FALSE(press.message);
}
