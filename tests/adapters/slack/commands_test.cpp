#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "adapters/slack/slack_commands.hpp"
#include "adapters/slack/slack_interactions.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "slack_test_support.hpp"

using namespace rubdown;
using slack::test::read_fixture;

TEST_CASE("a slash command whose fields are not UTF-8 is refused", "[slack][form]") {
    // Refused instead of throwing when its reply context is written
    // (found by fuzzing).
    const auto command = slack::parse_command_body(
        "command=%2Frubdown&team_id=T1&user_id=U1&trigger_id=1.2&response_url=%FF");
    CHECK_FALSE(command.message);
}

TEST_CASE("a slash command becomes an IncomingMessage", "[slack][commands]") {
    const auto parse = slack::parse_command_body(read_fixture("slash_command.form"));
    REQUIRE(parse.message);
    const auto& message = *parse.message;
    CHECK(parse.command == "/rubdown");
    CHECK(message.channel == "slack");
    CHECK(message.user_key == "slack:T061EG9R6:U061F7AUR");
    CHECK(message.chat_id == "U061F7AUR");
    CHECK(message.display_name == "ana");
    CHECK(message.text == "log 10k easy & felt great");
    CHECK(message.dedup_key == "slack:command:13345224609.738474920.8088930838d88f008e0");
    const auto context = slack::reply_context_from_json(message.reply_context);
    CHECK(context.source == slack::ReplySource::command);
    CHECK(context.channel == "C0LAN2Q65");
    CHECK(context.response_url ==
          "https://hooks.slack.com/commands/T061EG9R6/1234567890123/ABCdefGHIjklMNOpqr");
}

TEST_CASE("an empty slash command asks for help", "[slack][commands]") {
    auto body = read_fixture("slash_command.form");
    const std::string text = "text=log+10k+easy+%26+felt+great";
    body.replace(body.find(text), text.size(), "text=");
    const auto parse = slack::parse_command_body(body);
    REQUIRE(parse.message);
    CHECK(parse.message->text == "help");
}

TEST_CASE("a slash command without its ids is refused", "[slack][commands]") {
    for (const char* field : {"team_id=", "user_id=", "trigger_id=", "command="}) {
        auto body = read_fixture("slash_command.form");
        const auto at = body.find(field);
        body.replace(at, std::string_view(field).size(), std::string("x") + field);
        INFO(field);
        const auto parse = slack::parse_command_body(body);
        CHECK_FALSE(parse.message);
        CHECK_FALSE(parse.reason.empty());
    }
    CHECK_FALSE(slack::parse_command_body("text=%").message);
}

TEST_CASE("a button press becomes an IncomingMessage with its action", "[slack][interactions]") {
    const auto parse = slack::parse_interaction_body(read_fixture("block_actions.form"));
    REQUIRE(parse.message);
    CHECK(parse.type == "block_actions");
    const auto& message = *parse.message;
    CHECK(message.channel == "slack");
    CHECK(message.action == "booked");
    CHECK(message.text.empty());
    CHECK(message.user_key == "slack:T061EG9R6:U061F7AUR");
    CHECK(message.chat_id == "U061F7AUR");
    CHECK(message.display_name == "ana");
    CHECK(message.dedup_key == "slack:action:T061EG9R6:U061F7AUR:1700000710.123456");
    const auto context = slack::reply_context_from_json(message.reply_context);
    CHECK(context.source == slack::ReplySource::action);
    CHECK(context.channel == "D0PNCRP9N");
    CHECK(context.message_ts == "1700000700.001000");
    CHECK_FALSE(context.ephemeral);
    CHECK(context.response_url ==
          "https://hooks.slack.com/actions/T061EG9R6/1395872398/Qb3d9XyZa1B2c3D4e5F6g7H8");
}

TEST_CASE("interactions acknowledged without a message", "[slack][interactions]") {
    const auto link = slack::parse_interaction_body(read_fixture("block_actions_link.form"));
    CHECK_FALSE(link.message);
    CHECK_FALSE(link.malformed);
    const auto view = slack::parse_interaction_body(read_fixture("view_submission.form"));
    CHECK_FALSE(view.message);
    CHECK_FALSE(view.malformed);
    CHECK(view.type == "view_submission");
}

TEST_CASE("interaction bodies that cannot be read", "[slack][interactions]") {
    for (const char* body : {"", "payload=not+json", "other=1",
                             "payload=%7B%22type%22%3A%22block_"
                             "actions%22%7D"}) {
        INFO(body);
        const auto parse = slack::parse_interaction_body(body);
        CHECK(parse.malformed);
        CHECK_FALSE(parse.message);
    }
}
