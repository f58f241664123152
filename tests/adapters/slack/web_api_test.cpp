#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_channel.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "adapters/slack/slack_text.hpp"
#include "adapters/slack/slack_web_api.hpp"
#include "slack_test_support.hpp"

using namespace rubdown;
using nlohmann::json;
using slack::ApiCall;

namespace {

const std::vector<intents::Button> kBookingButtons = {
    {"Booked ✓", "booked", ""},
    {"Remind me in 2 days", "snooze:2d", ""},
    {"Book now", "", "https://example.com/book"},
};

storage::OutboxMessage outbox(std::string text, const std::vector<intents::Button>& buttons,
                              std::string reply_context) {
    storage::OutboxMessage message;
    message.channel = "slack";
    message.chat_id = "U061F7AUR";
    message.text = std::move(text);
    message.buttons_json = intents::buttons_to_json(buttons);
    message.reply_context = std::move(reply_context);
    return message;
}

std::string event_context(std::string channel, std::string thread_ts = {}) {
    slack::ReplyContext context;
    context.source = slack::ReplySource::event;
    context.team_id = "T061EG9R6";
    context.channel = std::move(channel);
    context.thread_ts = std::move(thread_ts);
    return slack::to_json(context);
}

std::string action_context(bool ephemeral, bool edit) {
    slack::ReplyContext context;
    context.source = slack::ReplySource::action;
    context.team_id = "T061EG9R6";
    context.channel = "D0PNCRP9N";
    context.message_ts = "1700000700.001000";
    context.response_url = "https://hooks.slack.com/actions/T061EG9R6/1/abc";
    context.ephemeral = ephemeral;
    context.edit_original = edit;
    return slack::to_json(context);
}

std::string command_context(std::string response_url) {
    slack::ReplyContext context;
    context.source = slack::ReplySource::command;
    context.team_id = "T061EG9R6";
    context.channel = "C0LAN2Q65";
    context.response_url = std::move(response_url);
    return slack::to_json(context);
}

}  // namespace

TEST_CASE("reply contexts survive the trip through JSON", "[slack][context]") {
    slack::ReplyContext context;
    context.source = slack::ReplySource::action;
    context.team_id = "T1";
    context.channel = "C1";
    context.thread_ts = "1.2";
    context.message_ts = "3.4";
    context.response_url = "https://hooks.slack.com/x";
    context.ephemeral = true;
    CHECK(slack::reply_context_from_json(slack::to_json(context)) == context);
    CHECK(slack::reply_context_from_json("").source == slack::ReplySource::none);
    CHECK(slack::reply_context_from_json("{oops").source == slack::ReplySource::none);

    const auto marked = slack::reply_context_from_json(slack::with_edit_original(to_json(context)));
    CHECK(marked.edit_original);
    CHECK(marked.message_ts == "3.4");
    CHECK(slack::reply_context_from_json(slack::with_edit_original("")).edit_original);
}

TEST_CASE("a message with buttons: a section, then an actions block", "[slack][web_api]") {
    const auto messages =
        slack::compose_messages("Hard session logged. Book a <massage>?", kBookingButtons);
    REQUIRE(messages.size() == 1);
    const auto& blocks = messages[0].blocks;
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0]["type"] == "section");
    CHECK(blocks[0]["text"]["type"] == "mrkdwn");
    CHECK(blocks[0]["text"]["text"] == "Hard session logged. Book a &lt;massage&gt;?");
    CHECK(messages[0].text == "Hard session logged. Book a &lt;massage&gt;?");

    CHECK(blocks[1]["type"] == "actions");
    const auto& elements = blocks[1]["elements"];
    REQUIRE(elements.size() == 3);
    CHECK(elements[0]["type"] == "button");
    CHECK(elements[0]["text"]["type"] == "plain_text");
    CHECK(elements[0]["text"]["text"] == "Booked ✓");
    CHECK(elements[0]["action_id"] == "booked");
    CHECK(elements[0]["value"] == "booked");
    CHECK(elements[1]["value"] == "snooze:2d");
    CHECK(elements[2]["url"] == "https://example.com/book");
    CHECK(elements[2]["action_id"] == "link:0");
    CHECK_FALSE(elements[2].contains("value"));
}

TEST_CASE("buttons are made valid for Block Kit", "[slack][web_api]") {
    const std::vector<intents::Button> buttons = {
        {"Same", "again", ""},
        {"Same twice", "again", ""},
        {std::string(100, 'x'), "long", ""},
        {"", "unlabelled", ""},
        {"Nothing", "", ""},
        {"Far away", "", "https://example.com/" + std::string(3000, 'a')},
    };
    const auto messages = slack::compose_messages("Pick one", buttons);
    REQUIRE(messages.size() == 1);
    const auto& elements = messages[0].blocks.back()["elements"];
    REQUIRE(elements.size() == 4);  // the empty button and the over-long link are dropped
    CHECK(elements[0]["action_id"] == "again");
    CHECK(elements[1]["action_id"] != "again");  // action_ids are unique within a block
    CHECK(elements[1]["value"] == "again");
    CHECK(slack::slack_length(elements[2]["text"]["text"].get<std::string>()) <= 75);
    CHECK(elements[3]["text"]["text"] == "unlabelled");
}

TEST_CASE("more than 25 buttons take several actions blocks", "[slack][web_api]") {
    std::vector<intents::Button> buttons;
    for (int i = 0; i < 30; ++i)
        buttons.push_back({"B" + std::to_string(i), "a" + std::to_string(i), ""});
    const auto messages = slack::compose_messages("Choose", buttons);
    REQUIRE(messages.size() == 1);
    REQUIRE(messages[0].blocks.size() == 3);
    CHECK(messages[0].blocks[1]["elements"].size() == 25);
    CHECK(messages[0].blocks[2]["elements"].size() == 5);
}

TEST_CASE("a long reply is split, buttons on the last part", "[slack][web_api]") {
    std::string text;
    for (int i = 0; i < 100; ++i)
        text += "Paragraph " + std::to_string(i) + " about rest days.\n\n";
    slack::MessageLimits limits;
    limits.section_chars = 100;
    limits.message_chars = 250;
    const auto messages = slack::compose_messages(text, kBookingButtons, limits);
    REQUIRE(messages.size() > 1);
    std::string seen;
    for (std::size_t m = 0; m < messages.size(); ++m) {
        INFO("message " << m);
        const auto& blocks = messages[m].blocks;
        CHECK(slack::slack_length(messages[m].text) <= 250);
        for (const auto& block : blocks) {
            if (block["type"] == "section") {
                const auto section = block["text"]["text"].get<std::string>();
                CHECK(slack::slack_length(section) <= 100);
                seen += section + "\n\n";
            }
        }
        CHECK((blocks.back()["type"] == "actions") == (m + 1 == messages.size()));
    }
    CHECK(seen == text);  // nothing lost, nothing repeated, order kept
}

TEST_CASE("the block limit splits messages and leaves room for the buttons", "[slack][web_api]") {
    std::string text;
    for (int i = 0; i < 12; ++i) text += "Part " + std::to_string(i) + ".\n\n";
    slack::MessageLimits limits;
    limits.section_chars = 8;  // one "Part N." per section
    limits.max_blocks = 5;
    const auto messages = slack::compose_messages(text, kBookingButtons, limits);
    std::size_t sections = 0;
    for (const auto& message : messages) {
        CHECK(message.blocks.size() <= 5);
        for (const auto& block : message.blocks) sections += block["type"] == "section";
    }
    CHECK(sections == 12);
    CHECK(messages.back().blocks.back()["type"] == "actions");
}

TEST_CASE("buttons alone still make a message with a fallback text", "[slack][web_api]") {
    const auto messages = slack::compose_messages("", kBookingButtons);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].blocks.size() == 1);
    CHECK_FALSE(messages[0].text.empty());
    CHECK(slack::compose_messages("  ", {}).empty());
}

TEST_CASE("a nudge goes to the runner's chat with chat.postMessage", "[slack][web_api]") {
    const auto calls = slack::plan_delivery(outbox("Time to book a massage?", kBookingButtons, ""));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.target == ApiCall::Target::web_api);
    CHECK(calls[0].call.method == "chat.postMessage");
    CHECK(calls[0].call.pacing_key == "U061F7AUR");
    const auto body = json::parse(calls[0].call.body);
    CHECK(body["channel"] == "U061F7AUR");
    CHECK(body["text"] == "Time to book a massage?");
    CHECK(body["blocks"].size() == 2);
    CHECK_FALSE(body.contains("thread_ts"));
}

TEST_CASE("an answer to a message goes to its conversation and thread", "[slack][web_api]") {
    const auto calls = slack::plan_delivery(
        outbox("Deep tissue work helps recovery.", {}, event_context("C0LAN2Q65", "1700.1")));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.method == "chat.postMessage");
    CHECK(calls[0].call.pacing_key == "C0LAN2Q65");
    const auto body = json::parse(calls[0].call.body);
    CHECK(body["channel"] == "C0LAN2Q65");
    CHECK(body["thread_ts"] == "1700.1");
}

TEST_CASE("an edit after a button press updates the pressed message", "[slack][web_api]") {
    const auto calls = slack::plan_delivery(outbox("Booked ✓", {}, action_context(false, true)));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.target == ApiCall::Target::web_api);
    CHECK(calls[0].call.method == "chat.update");
    const auto body = json::parse(calls[0].call.body);
    CHECK(body["channel"] == "D0PNCRP9N");
    CHECK(body["ts"] == "1700000700.001000");
    CHECK(body["text"] == "Booked ✓");
    // The new blocks have no actions block: the buttons disappear.
    REQUIRE(body["blocks"].size() == 1);
    CHECK(body["blocks"][0]["type"] == "section");
    // Should the message be gone, the reply comes as a new message in the same conversation.
    REQUIRE(calls[0].fallback);
    CHECK(calls[0].fallback->method == "chat.postMessage");
    CHECK(json::parse(calls[0].fallback->body)["channel"] == "D0PNCRP9N");
}

TEST_CASE("an edit of an ephemeral message goes through response_url", "[slack][web_api]") {
    const auto calls = slack::plan_delivery(outbox("Booked ✓", {}, action_context(true, true)));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.target == ApiCall::Target::response_url);
    CHECK(calls[0].call.url == "https://hooks.slack.com/actions/T061EG9R6/1/abc");
    const auto body = json::parse(calls[0].call.body);
    CHECK(body["replace_original"] == true);
}

TEST_CASE("a button press without edit gets a new message", "[slack][web_api]") {
    const auto calls = slack::plan_delivery(outbox("Snoozed.", {}, action_context(false, false)));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.method == "chat.postMessage");
    CHECK(json::parse(calls[0].call.body)["channel"] == "D0PNCRP9N");
}

TEST_CASE("a slash command is answered privately on its response_url", "[slack][web_api]") {
    const std::string url = "https://hooks.slack.com/commands/T061EG9R6/1/xyz";
    const auto calls = slack::plan_delivery(outbox("Logged 10 km easy.", {}, command_context(url)));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.target == ApiCall::Target::response_url);
    CHECK(calls[0].call.url == url);
    const auto body = json::parse(calls[0].call.body);
    CHECK(body["response_type"] == "ephemeral");
    CHECK(body["replace_original"] == false);
    CHECK(body["text"] == "Logged 10 km easy.");
    // An expired or used-up response_url: the runner's DM instead.
    REQUIRE(calls[0].fallback);
    CHECK(calls[0].fallback->target == ApiCall::Target::web_api);
    CHECK(json::parse(calls[0].fallback->body)["channel"] == "U061F7AUR");
}

TEST_CASE("an untrusted response_url is never posted to", "[slack][web_api]") {
    const auto calls = slack::plan_delivery(
        outbox("Logged 10 km easy.", {}, command_context("https://evil.example/hooks.slack.com/")));
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].call.target == ApiCall::Target::web_api);
    CHECK(json::parse(calls[0].call.body)["channel"] == "U061F7AUR");
    CHECK_FALSE(calls[0].fallback);

    // A fake Slack in tests is allowed by setting the prefix.
    slack::DeliveryOptions options;
    options.response_url_prefix = "http://127.0.0.1:9999/";
    const auto local = slack::plan_delivery(
        outbox("Logged.", {}, command_context("http://127.0.0.1:9999/commands/1")), options);
    CHECK(local.at(0).call.target == ApiCall::Target::response_url);
}

TEST_CASE("a multi-part edit replaces the original with the first part only", "[slack][web_api]") {
    slack::DeliveryOptions options;
    options.limits.section_chars = 20;
    options.limits.message_chars = 20;
    const auto calls = slack::plan_delivery(outbox("First part here.\n\nSecond part here.",
                                                   kBookingButtons, action_context(false, true)),
                                            options);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].call.method == "chat.update");
    CHECK(calls[1].call.method == "chat.postMessage");
    CHECK(json::parse(calls[1].call.body)["blocks"].back()["type"] == "actions");
}

TEST_CASE("nothing to send plans no call", "[slack][web_api]") {
    CHECK(slack::plan_delivery(outbox("", {}, "")).empty());
}

TEST_CASE("auth.test is built and read", "[slack][web_api]") {
    const auto call = slack::auth_test_call();
    CHECK(call.target == ApiCall::Target::web_api);
    CHECK(call.method == "auth.test");
    const auto identity = slack::parse_auth_test(slack::test::read_fixture("auth_test_ok.json"));
    REQUIRE(identity);
    CHECK(identity->team_id == "T061EG9R6");
    CHECK(identity->user_id == "U0LAN0Z89");
    CHECK(identity->bot_id == "B0BOTID01");
    CHECK_FALSE(slack::parse_auth_test(R"({"ok":false,"error":"invalid_auth"})"));
    CHECK_FALSE(slack::parse_auth_test("garbage"));
}

TEST_CASE("method URLs join the base and the method", "[slack][web_api]") {
    CHECK(slack::method_url("https://slack.com/api", "chat.postMessage") ==
          "https://slack.com/api/chat.postMessage");
    CHECK(slack::method_url("http://127.0.0.1:8099/api/", "auth.test") ==
          "http://127.0.0.1:8099/api/auth.test");
}

TEST_CASE("a chart is shared as a file where its text goes, then the text follows",
          "[slack][web_api]") {
    auto row = outbox("Your distance by week.", {{"Chart by month", "chart:months", ""}},
                      event_context("C0LAN2Q65", "1700.1"));
    row.image_png = std::string("\x89PNG\r\n\x1a\n\0\0", 10);
    row.image_alt = "Bar chart of km per week: Nov 30 12.";
    const auto calls = slack::plan_delivery(row);
    REQUIRE(calls.size() == 2);
    const auto& upload = calls[0].call;
    CHECK(upload.target == ApiCall::Target::file_upload);
    CHECK(upload.file_bytes == row.image_png);
    CHECK(upload.pacing_key == "C0LAN2Q65");
    const auto file = json::parse(upload.body);
    CHECK(file["channel_id"] == "C0LAN2Q65");
    CHECK(file["thread_ts"] == "1700.1");
    CHECK(file["alt_txt"] == "Bar chart of km per week: Nov 30 12.");
    CHECK(file["filename"] == "chart.png");
    CHECK(calls[1].call.method == "chat.postMessage");
    CHECK(json::parse(calls[1].call.body)["thread_ts"] == "1700.1");
}

TEST_CASE("a chart asked by slash command goes to the runner's DM, not the channel",
          "[slack][web_api]") {
    auto row = outbox("Your distance by week.", {},
                      command_context("https://hooks.slack.com/commands/T061EG9R6/1/xyz"));
    row.image_png = "png";
    row.image_alt = std::string(1500, 'a');
    const auto calls = slack::plan_delivery(row);
    REQUIRE(calls.size() == 2);
    const auto file = json::parse(calls[0].call.body);
    CHECK(file["channel_id"] == "U061F7AUR");
    CHECK_FALSE(file.contains("thread_ts"));
    CHECK(file["alt_txt"].get<std::string>().size() == 1000);  // Slack's limit
    CHECK(calls[1].call.target == ApiCall::Target::response_url);
}

TEST_CASE("file bytes go to Slack's file host, or to the origin of a stand-in API",
          "[slack][web_api]") {
    CHECK(slack::upload_url_prefix_for("https://slack.com/api") == "https://files.slack.com/");
    CHECK(slack::upload_url_prefix_for("http://127.0.0.1:8099/api") == "http://127.0.0.1:8099/");
    CHECK(slack::upload_url_prefix_for("http://127.0.0.1:8099") == "http://127.0.0.1:8099/");
    CHECK(slack::upload_url_prefix_for("not a url").empty());
}
