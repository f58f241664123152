#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "adapters/slack/slack_commands.hpp"
#include "adapters/slack/slack_form.hpp"
#include "adapters/slack/slack_interactions.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "slack_test_support.hpp"

using namespace rubdown;
using slack::test::read_fixture;

TEST_CASE("form bodies decode '+' and percent escapes", "[slack][form]") {
    const auto form = slack::FormFields::parse("a=1+2%2B3&b=&c&a=second&n%C3%A4me=J%C3%BCrgen");
    REQUIRE(form);
    CHECK(form->get("a") == "1 2+3");  // the first of repeated fields
    CHECK(form->get("b").empty());
    CHECK(form->contains("c"));
    CHECK_FALSE(form->contains("d"));
    CHECK(form->get("näme") == "Jürgen");
    CHECK(form->size() == 5);
    CHECK_FALSE(slack::FormFields::parse("a=%zz"));
}

TEST_CASE("form bodies are read to their own end, never past it", "[slack][form]") {
    // Boost.URL 1.81 measures the query with strlen: a view into a longer buffer used to pick up
    // the bytes after it, and a view with no NUL after it was read out of bounds (found by
    // fuzzing).
    const std::string buffer = "a=1&b=2XYZ";
    const auto form = slack::FormFields::parse(std::string_view(buffer).substr(0, 7));
    REQUIRE(form);
    CHECK(form->size() == 2);
    CHECK(form->get("b") == "2");
    // A raw NUL is no form encoding.
    CHECK_FALSE(slack::FormFields::parse(std::string_view("a=1\0&b=2", 9)));
    CHECK(slack::FormFields::parse("a=%00")->get("a") == std::string(1, '\0'));
}

TEST_CASE("form bodies must decode to UTF-8", "[slack][form]") {
    CHECK(slack::FormFields::parse("t=%C3%A9%F0%9F%8F%83")->get("t") == "\u00e9\U0001F3C3");
    // A lone continuation byte, an overlong '/', a surrogate, past U+10FFFF, a cut sequence.
    for (const char* body :
         {"t=%80", "t=%C0%AF", "t=%ED%A0%80", "t=%F4%90%80%80", "t=%E2%82", "%FF=1"}) {
        INFO(body);
        CHECK_FALSE(slack::FormFields::parse(body));
    }
    // Such a slash command is refused instead of throwing when its reply context is written
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
