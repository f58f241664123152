#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/telegram/bot_api_requests.hpp"

using namespace rubdown;
using namespace rubdown::telegram;
using nlohmann::json;

namespace {
json body_of(const ApiCall& call) {
    return json::parse(call.body);
}
}  // namespace

TEST_CASE("method URL and token redaction", "[telegram][requests]") {
    CHECK(method_url("https://api.telegram.org", "123:ABC", "sendMessage") ==
          "https://api.telegram.org/bot123:ABC/sendMessage");
    CHECK(method_url("http://127.0.0.1:9000/", "123:ABC", "getMe") ==
          "http://127.0.0.1:9000/bot123:ABC/getMe");
    CHECK(redact_token("POST https://api.telegram.org/bot123:ABC/sendMessage failed", "123:ABC") ==
          "POST https://api.telegram.org/bot<token>/sendMessage failed");
    CHECK(redact_token("a 123:ABC b 123:ABC", "123:ABC") == "a <token> b <token>");
    CHECK(redact_token("nothing here", "") == "nothing here");
}

TEST_CASE("sendMessage body", "[telegram][requests]") {
    SECTION("plain text to a private chat: chat_id as a number") {
        const auto call = send_message("123456789", "Logged: 12 km tempo.");
        CHECK(call.method == "sendMessage");
        const auto body = body_of(call);
        CHECK(body["chat_id"] == 123456789);
        CHECK(body["chat_id"].is_number_integer());
        CHECK(body["text"] == "Logged: 12 km tempo.");
        CHECK_FALSE(body.contains("reply_markup"));
        CHECK_FALSE(body.contains("parse_mode"));  // plain text, nothing to escape
        CHECK(call.warnings.empty());
    }
    SECTION("supergroup id keeps its sign and size") {
        CHECK(body_of(send_message("-1001987654321", "hi"))["chat_id"] == -1001987654321LL);
    }
    SECTION("a channel username stays a string") {
        CHECK(body_of(send_message("@rubdown_news", "hi"))["chat_id"] == "@rubdown_news");
    }
    SECTION("quoting the runner's message") {
        const auto body = body_of(send_message("-100200", "Noted.", {}, 88));
        CHECK(body["reply_parameters"]["message_id"] == 88);
        CHECK(body["reply_parameters"]["allow_sending_without_reply"] == true);
    }
    SECTION("invalid UTF-8 does not throw and is replaced") {
        const auto body = body_of(send_message("1", "bad \xFF byte"));
        CHECK(body["text"] == "bad \xEF\xBF\xBD byte");
    }
}

TEST_CASE("inline keyboard from buttons", "[telegram][requests]") {
    SECTION("short labels share a row; action becomes callback_data, url a link") {
        const std::vector<intents::Button> buttons = {{"Book now", "", "https://example.com/book"},
                                                      {"Not now", "nudge:snooze:41", ""}};
        const auto body = body_of(send_message("1", "Book a massage?", buttons));
        const auto& rows = body["reply_markup"]["inline_keyboard"];
        REQUIRE(rows.size() == 1);
        REQUIRE(rows[0].size() == 2);
        CHECK(rows[0][0] == json{{"text", "Book now"}, {"url", "https://example.com/book"}});
        CHECK(rows[0][1] == json{{"text", "Not now"}, {"callback_data", "nudge:snooze:41"}});
    }
    SECTION("long labels get a row each") {
        const std::vector<intents::Button> buttons = {{"Remind me again tomorrow morning", "a", ""},
                                                      {"Stop these reminders", "b", ""}};
        const auto rows =
            body_of(send_message("1", "?", buttons))["reply_markup"]["inline_keyboard"];
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].size() == 1);
        CHECK(rows[1][0]["callback_data"] == "b");
    }
    SECTION("a URL wins over an action") {
        const auto rows = body_of(send_message(
            "1", "?", {{"Open", "act", "https://x.org"}}))["reply_markup"]["inline_keyboard"];
        CHECK(rows[0][0] == json{{"text", "Open"}, {"url", "https://x.org"}});
    }
    SECTION("buttons Telegram would reject are left out, with a warning") {
        const std::string max_action(64, 'x');
        const std::string too_long(65, 'x');
        const std::vector<intents::Button> buttons = {
            {"Keep", max_action, ""},       {"Too long", too_long, ""},
            {"", "nudge:book:1", ""},       {"Nothing", "", ""},
            {"Script", "", "javascript:1"}, {"App", "", "tg://resolve?domain=x"}};
        const auto call = send_message("1", "?", buttons);
        const auto rows = body_of(call)["reply_markup"]["inline_keyboard"];
        std::vector<std::string> labels;
        for (const auto& row : rows)
            for (const auto& button : row) labels.push_back(button["text"]);
        CHECK(labels == std::vector<std::string>{"Keep", "App"});
        CHECK(call.warnings.size() == 4);
    }
    SECTION("no usable button: no keyboard at all") {
        const auto call = send_message("1", "?", {{"Too long", std::string(65, 'y'), ""}});
        CHECK_FALSE(body_of(call).contains("reply_markup"));
        CHECK(call.warnings.size() == 1);
    }
}

TEST_CASE("edits and callback answers", "[telegram][requests]") {
    SECTION("editMessageText with new buttons") {
        const auto call =
            edit_message_text("42", 1310, "Booked \xE2\x9C\x93", {{"Undo", "booking:undo", ""}});
        CHECK(call.method == "editMessageText");
        const auto body = body_of(call);
        CHECK(body["chat_id"] == 42);
        CHECK(body["message_id"] == 1310);
        CHECK(body["text"] == "Booked \xE2\x9C\x93");
        CHECK(body["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "booking:undo");
    }
    SECTION("editMessageText without buttons removes the old ones") {
        const auto body = body_of(edit_message_text("42", 1310, "Booked"));
        CHECK(body["reply_markup"] == json{{"inline_keyboard", json::array()}});
    }
    SECTION("editMessageReplyMarkup") {
        const auto call = edit_message_reply_markup("42", 1310);
        CHECK(call.method == "editMessageReplyMarkup");
        const auto body = body_of(call);
        CHECK(body["message_id"] == 1310);
        CHECK(body["reply_markup"]["inline_keyboard"].empty());
        CHECK_FALSE(body.contains("text"));
    }
    SECTION("answerCallbackQuery") {
        auto body = body_of(answer_callback_query("4382017265019283746"));
        CHECK(body == json{{"callback_query_id", "4382017265019283746"}});
        body = body_of(answer_callback_query("9", "Booked"));
        CHECK(body["text"] == "Booked");
    }
}

TEST_CASE("webhook and polling setup calls", "[telegram][requests]") {
    const json wanted_updates = {"message", "edited_message", "callback_query"};
    SECTION("setWebhook") {
        const auto call =
            set_webhook({"https://bot.example.com/telegram/webhook", "s3cret", true, 10});
        CHECK(call.method == "setWebhook");
        const auto body = body_of(call);
        CHECK(body["url"] == "https://bot.example.com/telegram/webhook");
        CHECK(body["secret_token"] == "s3cret");
        CHECK(body["allowed_updates"] == wanted_updates);
        CHECK(body["drop_pending_updates"] == true);
        CHECK(body["max_connections"] == 10);
        const auto plain = body_of(set_webhook({"https://x", "t"}));
        CHECK_FALSE(plain.contains("drop_pending_updates"));
        CHECK_FALSE(plain.contains("max_connections"));
    }
    SECTION("deleteWebhook, getWebhookInfo, getMe") {
        CHECK(delete_webhook().method == "deleteWebhook");
        CHECK(body_of(delete_webhook()) == json::object());
        CHECK(body_of(delete_webhook(true))["drop_pending_updates"] == true);
        CHECK(get_webhook_info().method == "getWebhookInfo");
        CHECK(get_me().method == "getMe");
    }
    SECTION("getUpdates") {
        const auto call = get_updates(902345694, std::chrono::seconds{30});
        CHECK(call.method == "getUpdates");
        const auto body = body_of(call);
        CHECK(body["offset"] == 902345694);
        CHECK(body["timeout"] == 30);
        CHECK(body["limit"] == 100);
        CHECK(body["allowed_updates"] == wanted_updates);
    }
}

TEST_CASE("setMyCommands lists the bot's commands", "[telegram][requests]") {
    const auto call = set_my_commands();
    CHECK(call.method == "setMyCommands");
    const auto commands = body_of(call)["commands"];
    std::vector<std::string> names;
    for (const auto& command : commands) {
        const std::string name = command["command"];
        const std::string description = command["description"];
        names.push_back(name);
        // Telegram's rules: 1-32 of a-z, 0-9, _; description 1-256 characters.
        CHECK(!name.empty());
        CHECK(name.size() <= 32);
        CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos);
        CHECK(!description.empty());
        CHECK(description.size() <= 256);
    }
    CHECK(names == std::vector<std::string>{"start", "help", "log", "race", "stats", "book", "stop",
                                            "export", "undo"});
}
