#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <limits>

#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/update_parser.hpp"
#include "fixtures.hpp"

using namespace rubdown;
using namespace rubdown::telegram;
using rubdown::telegram::test::fixture;

namespace {

ParsedUpdate parsed_ok(const std::string& body, const ParseOptions& options = {}) {
    auto result = parse_update(body, options);
    if (auto* error = std::get_if<ParseError>(&result)) FAIL("parse error: " << error->reason);
    return std::get<ParsedUpdate>(result);
}

ParsedUpdate message_of(const std::string& body, const ParseOptions& options = {}) {
    auto parsed = parsed_ok(body, options);
    INFO(parsed.ignore_reason);
    REQUIRE(parsed.kind == ParsedUpdate::Kind::message);
    return parsed;
}

}  // namespace

TEST_CASE("private text message", "[telegram][parse]") {
    const auto parsed = message_of(fixture("update_private_message.json"));
    CHECK(parsed.update_id == 902345671);
    CHECK(parsed.update_type == "message");
    const auto& m = parsed.message;
    CHECK(m.channel == "telegram");
    CHECK(m.user_key == "telegram:123456789");
    CHECK(m.chat_id == "123456789");
    CHECK(m.display_name == "Ana");
    CHECK(m.text == "12k tempo in 58:10, felt hard");
    CHECK(m.action.empty());
    CHECK(m.dedup_key == "telegram:update:902345671");
    const auto context = reply_context_from_json(m.reply_context);
    CHECK(context.message_id == 1204);
    CHECK(context.chat_type == "private");
    CHECK_FALSE(context.is_callback());
}

TEST_CASE("group command addressed to the bot", "[telegram][parse]") {
    SECTION("bot name unknown: any mention is stripped") {
        const auto parsed = message_of(fixture("update_group_command.json"));
        CHECK(parsed.message.text == "/log 10k easy with the crew");
        CHECK(parsed.message.chat_id == "-1001987654321");
        CHECK(parsed.message.user_key == "telegram:555000111");
        CHECK(parsed.message.display_name == "Tomás");
        const auto context = reply_context_from_json(parsed.message.reply_context);
        CHECK(context.chat_type == "supergroup");
        CHECK(context.is_group());
        CHECK(context.message_id == 88);
    }
    SECTION("bot name known, compared without case") {
        const auto parsed =
            message_of(fixture("update_group_command.json"), ParseOptions{"rubdownbot"});
        CHECK(parsed.message.text == "/log 10k easy with the crew");
    }
    SECTION("a command for another bot is ignored when the bot knows its name") {
        const auto parsed =
            parsed_ok(fixture("update_group_command_other_bot.json"), ParseOptions{"RubdownBot"});
        CHECK(parsed.kind == ParsedUpdate::Kind::ignored);
        CHECK(parsed.update_id == 902345679);
    }
}

TEST_CASE("command mention stripping", "[telegram][parse]") {
    struct Case {
        std::string text;
        std::string bot;
        std::optional<std::string> expected;
    };
    const std::vector<Case> cases = {
        {"/start", "", "/start"},
        {"/start@RubdownBot", "", "/start"},
        {"/start@RubdownBot", "RubdownBot", "/start"},
        {"/race@RubdownBot half marathon Dec 14", "RubdownBot", "/race half marathon Dec 14"},
        {"/race@RubdownBot\nhalf marathon", "RubdownBot", "/race\nhalf marathon"},
        {"/stats@OtherBot", "RubdownBot", std::nullopt},
        {"/stats@OtherBot", "", "/stats"},
        {"mail me at a@b.c", "RubdownBot", "mail me at a@b.c"},
        {"/log 10k with @friend", "RubdownBot", "/log 10k with @friend"},
        {"", "RubdownBot", ""},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(strip_command_mention(c.text, c.bot) == c.expected);
    }
}

TEST_CASE("a leading mention of the bot is stripped", "[telegram][parse]") {
    auto update = nlohmann::json::parse(fixture("update_private_message.json"));
    ParseOptions options{"RubdownBot"};
    SECTION("own name") {
        update["message"]["text"] = "@RubdownBot, 5k easy";
        CHECK(message_of(update.dump(), options).message.text == "5k easy");
    }
    SECTION("a longer name is someone else") {
        update["message"]["text"] = "@RubdownBotFan hi";
        CHECK(message_of(update.dump(), options).message.text == "@RubdownBotFan hi");
    }
}

TEST_CASE("an edited message names the message it edits and when", "[telegram][parse]") {
    const auto parsed = message_of(fixture("update_edited_message.json"));
    CHECK(parsed.update_type == "edited_message");
    CHECK(parsed.message.text == "12k tempo in 56:10, felt hard");
    CHECK(parsed.message.dedup_key == "telegram:update:902345673");
    CHECK(parsed.message.user_key == "telegram:123456789");
    CHECK(parsed.message.source_id == "telegram:123456789:1204");
    CHECK(parsed.message.edit_version == 1763814090);

    // The message as first sent names itself the same way, as version 0.
    auto original = nlohmann::json::parse(fixture("update_edited_message.json"));
    original["message"] = original["edited_message"];
    original["message"].erase("edit_date");
    original.erase("edited_message");
    const auto first = message_of(original.dump());
    CHECK(first.message.source_id == "telegram:123456789:1204");
    CHECK(first.message.edit_version == 0);
}

TEST_CASE("callback query is a button press", "[telegram][parse]") {
    const auto parsed = message_of(fixture("update_callback_query.json"));
    CHECK(parsed.update_type == "callback_query");
    const auto& m = parsed.message;
    CHECK(m.action == "nudge:book:41");
    CHECK(m.text.empty());
    CHECK(m.user_key == "telegram:123456789");
    CHECK(m.chat_id == "123456789");
    CHECK(m.display_name == "Ana");
    CHECK(m.dedup_key == "telegram:update:902345674");
    const auto context = reply_context_from_json(m.reply_context);
    CHECK(context.callback_query_id == "4382017265019283746");
    CHECK(context.message_id == 1310);  // the bot's message with the button, to edit in place
    CHECK(context.chat_type == "private");
}

TEST_CASE("callback query without its message answers in the runner's chat", "[telegram][parse]") {
    auto update = nlohmann::json::parse(fixture("update_callback_query.json"));
    update["callback_query"].erase("message");
    update["callback_query"]["inline_message_id"] = "AAAAAGx0ZXN0";
    const auto parsed = message_of(update.dump());
    CHECK(parsed.message.chat_id == "123456789");
    const auto context = reply_context_from_json(parsed.message.reply_context);
    CHECK_FALSE(context.message_id.has_value());
    CHECK(context.is_callback());
}

TEST_CASE("messages without text", "[telegram][parse]") {
    SECTION("sticker in a private chat is flagged for a friendly answer") {
        const auto parsed = message_of(fixture("update_sticker.json"));
        CHECK(parsed.message.text.empty());
        CHECK(parsed.message.action == non_text_action);
        CHECK(parsed.message.dedup_key == "telegram:update:902345675");
    }
    SECTION("photo without caption") {
        const auto parsed = message_of(fixture("update_photo.json"));
        CHECK(parsed.message.action == non_text_action);
    }
    SECTION("photo with a caption is read as its caption") {
        auto update = nlohmann::json::parse(fixture("update_photo.json"));
        update["message"]["caption"] = "6k recovery jog";
        const auto parsed = message_of(update.dump());
        CHECK(parsed.message.text == "6k recovery jog");
        CHECK(parsed.message.action.empty());
    }
    SECTION("sticker in a group is ignored") {
        auto update = nlohmann::json::parse(fixture("update_sticker.json"));
        update["message"]["chat"] = {{"id", -1001987654321}, {"type", "supergroup"}};
        CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
    }
    SECTION("edited message without text (live location) is ignored") {
        auto update = nlohmann::json::parse(fixture("update_sticker.json"));
        update["edited_message"] = update["message"];
        update.erase("message");
        CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
    }
    SECTION("service message (someone joined) is ignored") {
        auto update = nlohmann::json::parse(fixture("update_private_message.json"));
        update["message"].erase("text");
        update["message"]["new_chat_members"] = nlohmann::json::array();
        CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
    }
}

TEST_CASE("updates acknowledged but not processed", "[telegram][parse]") {
    SECTION("my_chat_member") {
        const auto parsed = parsed_ok(fixture("update_my_chat_member.json"));
        CHECK(parsed.kind == ParsedUpdate::Kind::ignored);
        CHECK(parsed.update_id == 902345677);
        CHECK(parsed.update_type == "my_chat_member");
    }
    SECTION("message from a bot") {
        auto update = nlohmann::json::parse(fixture("update_private_message.json"));
        update["message"]["from"]["is_bot"] = true;
        CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
    }
    SECTION("message without a sender") {
        auto update = nlohmann::json::parse(fixture("update_private_message.json"));
        update["message"].erase("from");
        CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
    }
    SECTION("button without data") {
        auto update = nlohmann::json::parse(fixture("update_callback_query.json"));
        update["callback_query"].erase("data");
        CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
    }
    SECTION("only an update_id") {
        const auto parsed = parsed_ok(R"({"update_id": 5})");
        CHECK(parsed.kind == ParsedUpdate::Kind::ignored);
        CHECK(parsed.update_id == 5);
    }
}

TEST_CASE("payloads that are errors", "[telegram][parse]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"bad JSON", fixture("update_bad_json.json")},
        {"missing update_id", fixture("update_missing_update_id.json")},
        {"message without chat", fixture("update_message_missing_chat.json")},
        {"empty body", ""},
        {"array", "[1,2]"},
        {"update_id as string", R"({"update_id":"12","message":{}})"},
        {"update_id fractional", R"({"update_id":1.5})"},
        {"message not an object", R"({"update_id":1,"message":"hi"})"},
        {"callback without id", R"({"update_id":1,"callback_query":{"from":{"id":3},"data":"x"}})"},
        {"callback without sender", R"({"update_id":1,"callback_query":{"id":"9","data":"x"}})"},
    };
    for (const auto& [name, body] : cases) {
        INFO(name);
        CHECK(std::holds_alternative<ParseError>(parse_update(body)));
    }
}

TEST_CASE("field types that are wrong do not throw", "[telegram][parse]") {
    auto update = nlohmann::json::parse(fixture("update_private_message.json"));
    update["message"]["from"]["is_bot"] = "no";
    update["message"]["from"]["first_name"] = 7;
    const auto parsed = message_of(update.dump());
    CHECK(parsed.message.display_name.empty());
    CHECK(parsed.message.text == "12k tempo in 58:10, felt hard");

    update["message"]["text"] = 12;  // not text: nothing readable, and no content either
    CHECK(parsed_ok(update.dump()).kind == ParsedUpdate::Kind::ignored);
}

TEST_CASE("getUpdates response gives the updates and the next offset", "[telegram][parse]") {
    const auto result = parse_get_updates_response(fixture("get_updates_response.json"), 902345690);
    REQUIRE(std::holds_alternative<PollBatch>(result));
    const auto& batch = std::get<PollBatch>(result);
    REQUIRE(batch.updates.size() == 4);
    CHECK(batch.next_offset == 902345694);
    CHECK(batch.malformed.empty());

    CHECK(batch.updates[0].kind == ParsedUpdate::Kind::message);
    CHECK(batch.updates[0].message.text == "/start");
    CHECK(batch.updates[1].kind == ParsedUpdate::Kind::ignored);  // channel_post
    CHECK(batch.updates[1].update_type == "channel_post");
    CHECK(batch.updates[2].message.action == "nudge:snooze:52");
    CHECK(batch.updates[2].message.user_key == "telegram:987654321");
    // The broken one is still confirmed, or polling would be stuck on it.
    CHECK(batch.updates[3].kind == ParsedUpdate::Kind::ignored);
    CHECK(batch.updates[3].update_id == 902345693);
}

TEST_CASE("getUpdates edge cases", "[telegram][parse]") {
    SECTION("empty batch keeps the offset") {
        const auto result = parse_get_updates_response(fixture("get_updates_empty.json"), 77);
        REQUIRE(std::holds_alternative<PollBatch>(result));
        CHECK(std::get<PollBatch>(result).next_offset == 77);
        CHECK(std::get<PollBatch>(result).updates.empty());
    }
    SECTION("entries without update_id are reported and skipped") {
        const auto result =
            parse_get_updates_response(R"({"ok":true,"result":[{"update_id":10},{"x":1}]})", 0);
        REQUIRE(std::holds_alternative<PollBatch>(result));
        const auto& batch = std::get<PollBatch>(result);
        CHECK(batch.updates.size() == 1);
        CHECK(batch.malformed.size() == 1);
        CHECK(batch.next_offset == 11);
    }
    SECTION("updates come out in id order and the offset never goes back") {
        const auto result = parse_get_updates_response(
            R"({"ok":true,"result":[{"update_id":12},{"update_id":11}]})", 50);
        REQUIRE(std::holds_alternative<PollBatch>(result));
        const auto& batch = std::get<PollBatch>(result);
        CHECK(batch.updates[0].update_id == 11);
        CHECK(batch.updates[1].update_id == 12);
        CHECK(batch.next_offset == 50);
    }
    SECTION("the largest id there is does not overflow the offset") {
        // INT64_MAX + 1 was signed overflow (found while fuzzing getUpdates answers).
        const auto result = parse_get_updates_response(
            R"({"ok":true,"result":[{"update_id":9223372036854775807},{"update_id":-3}]})", 5);
        REQUIRE(std::holds_alternative<PollBatch>(result));
        const auto& batch = std::get<PollBatch>(result);
        CHECK(batch.updates.size() == 2);
        CHECK(batch.next_offset == std::numeric_limits<std::int64_t>::max());
    }
    SECTION("an error answer or junk is a ParseError") {
        CHECK(std::holds_alternative<ParseError>(
            parse_get_updates_response(fixture("error_409_conflict.json"), 0)));
        CHECK(std::holds_alternative<ParseError>(parse_get_updates_response("<html>", 0)));
        CHECK(std::holds_alternative<ParseError>(
            parse_get_updates_response(R"({"ok":true,"result":{}})", 0)));
    }
}

TEST_CASE("reply context round trip and leniency", "[telegram][parse]") {
    ReplyContext context;
    context.callback_query_id = "77";
    context.message_id = 9;
    context.chat_type = "group";
    CHECK(reply_context_from_json(to_json(context)) == context);
    CHECK(reply_context_from_json("") == ReplyContext{});
    CHECK(reply_context_from_json("not json") == ReplyContext{});
    CHECK(reply_context_from_json(R"({"message_id":"x"})") == ReplyContext{});
    const auto edited = reply_context_from_json(with_edit_original(to_json(context)));
    CHECK(edited.edit_original);
    CHECK(edited.callback_query_id == "77");
    CHECK(edited.message_id == 9);
}
