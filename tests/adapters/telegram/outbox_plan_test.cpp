#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/telegram/outbox_plan.hpp"
#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/text_splitter.hpp"
#include "intents/message.hpp"

using namespace rubdown;
using namespace rubdown::telegram;
using nlohmann::json;

namespace {

storage::OutboxMessage outbox(std::string chat_id, std::string text,
                              std::vector<intents::Button> buttons = {},
                              ReplyContext context = {}) {
    storage::OutboxMessage message;
    message.id = 7;
    message.channel = "telegram";
    message.chat_id = std::move(chat_id);
    message.text = std::move(text);
    message.buttons_json = intents::buttons_to_json(buttons);
    message.reply_context = to_json(context);
    return message;
}

std::vector<std::string> methods(const OutboxPlan& plan) {
    std::vector<std::string> names;
    for (const auto& planned : plan.calls) names.push_back(planned.call.method);
    return names;
}

json body(const PlannedCall& planned) {
    return json::parse(planned.call.body);
}

ReplyContext button_press(std::int64_t message_id) {
    ReplyContext context;
    context.callback_query_id = "cq-1";
    context.message_id = message_id;
    context.chat_type = "private";
    return context;
}

}  // namespace

TEST_CASE("plain reply is one sendMessage", "[telegram][plan]") {
    const auto plan = plan_outbox_message(outbox("42", "Logged: 12 km tempo."));
    REQUIRE(methods(plan) == std::vector<std::string>{"sendMessage"});
    CHECK(body(plan.calls[0])["text"] == "Logged: 12 km tempo.");
    CHECK(body(plan.calls[0])["chat_id"] == 42);
    CHECK_FALSE(plan.calls[0].best_effort);
    CHECK_FALSE(plan.calls[0].fallback.has_value());
    CHECK(chat_message_count(plan) == 1);
}

TEST_CASE("reply to a button press answers the query first", "[telegram][plan]") {
    const auto plan =
        plan_outbox_message(outbox("42", "Snoozed until Thursday.", {}, button_press(1310)));
    REQUIRE(methods(plan) == std::vector<std::string>{"answerCallbackQuery", "sendMessage"});
    CHECK(body(plan.calls[0])["callback_query_id"] == "cq-1");
    CHECK(plan.calls[0].best_effort);
    CHECK_FALSE(plan.calls[1].best_effort);
    CHECK(chat_message_count(plan) == 1);
}

TEST_CASE("edit in place replaces the pressed message", "[telegram][plan]") {
    auto context = button_press(1310);
    context.edit_original = true;
    SECTION("one part: editMessageText, falling back to a new message") {
        const auto plan = plan_outbox_message(
            outbox("42", "Booked \xE2\x9C\x93", {{"Undo", "booking:undo", ""}}, context));
        REQUIRE(methods(plan) ==
                std::vector<std::string>{"answerCallbackQuery", "editMessageText"});
        const auto edit = body(plan.calls[1]);
        CHECK(edit["message_id"] == 1310);
        CHECK(edit["text"] == "Booked \xE2\x9C\x93");
        CHECK(edit["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "booking:undo");
        REQUIRE(plan.calls[1].fallback.has_value());
        CHECK(plan.calls[1].fallback->method == "sendMessage");
        CHECK(json::parse(plan.calls[1].fallback->body)["text"] == "Booked \xE2\x9C\x93");
    }
    SECTION("blank text: only the buttons change") {
        const auto plan = plan_outbox_message(outbox("42", "", {}, context));
        REQUIRE(methods(plan) ==
                std::vector<std::string>{"answerCallbackQuery", "editMessageReplyMarkup"});
        CHECK(body(plan.calls[1])["reply_markup"]["inline_keyboard"].empty());
        CHECK(plan.warnings.empty());
    }
    SECTION("flag set with with_edit_original") {
        auto message = outbox("42", "Booked", {}, button_press(1310));
        message.reply_context = with_edit_original(message.reply_context);
        CHECK(methods(plan_outbox_message(message)) ==
              std::vector<std::string>{"answerCallbackQuery", "editMessageText"});
    }
    SECTION("without the original's id there is nothing to edit: send instead") {
        auto no_id = context;
        no_id.message_id.reset();
        CHECK(methods(plan_outbox_message(outbox("42", "Booked", {}, no_id))) ==
              std::vector<std::string>{"answerCallbackQuery", "sendMessage"});
    }
}

TEST_CASE("long reply is split, buttons only on the last part", "[telegram][plan]") {
    std::string text;
    while (utf16_length(text) < 2 * max_message_length + 100)
        text += "Foam rolling helps between massages. ";
    const std::vector<intents::Button> buttons = {{"Book now", "nudge:book:1", ""}};
    const auto plan = plan_outbox_message(outbox("42", text, buttons));
    REQUIRE(methods(plan) == std::vector<std::string>{"sendMessage", "sendMessage", "sendMessage"});
    CHECK(chat_message_count(plan) == 3);
    for (std::size_t i = 0; i < plan.calls.size(); ++i) {
        const auto b = body(plan.calls[i]);
        CHECK(utf16_length(b["text"].get<std::string>()) <= max_message_length);
        CHECK(b.contains("reply_markup") == (i + 1 == plan.calls.size()));
    }
}

TEST_CASE("long edit: first part edits, the rest are sent", "[telegram][plan]") {
    auto context = button_press(1310);
    context.edit_original = true;
    const std::string text = std::string(4000, 'a') + "\n\n" + std::string(100, 'b');
    const auto plan = plan_outbox_message(outbox("42", text, {{"Ok", "ok", ""}}, context));
    REQUIRE(methods(plan) ==
            std::vector<std::string>{"answerCallbackQuery", "editMessageText", "sendMessage"});
    CHECK(body(plan.calls[1])["reply_markup"]["inline_keyboard"].empty());
    CHECK(body(plan.calls[2])["reply_markup"]["inline_keyboard"][0][0]["text"] == "Ok");
}

TEST_CASE("in a group the first part quotes the runner's message", "[telegram][plan]") {
    ReplyContext context;
    context.message_id = 88;
    context.chat_type = "supergroup";
    const auto plan = plan_outbox_message(outbox("-1001987654321", "Logged, Tomás.", {}, context));
    REQUIRE(plan.calls.size() == 1);
    CHECK(body(plan.calls[0])["reply_parameters"]["message_id"] == 88);

    context.chat_type = "private";
    const auto private_plan = plan_outbox_message(outbox("42", "Logged.", {}, context));
    CHECK_FALSE(body(private_plan.calls[0]).contains("reply_parameters"));
}

TEST_CASE("nothing to say, and bad buttons, are reported", "[telegram][plan]") {
    const auto blank = plan_outbox_message(outbox("42", "  "));
    CHECK(blank.calls.empty());
    CHECK(blank.warnings.size() == 1);

    const auto bad_button =
        plan_outbox_message(outbox("42", "Pick one", {{"Huge", std::string(80, 'z'), ""}}));
    REQUIRE(bad_button.calls.size() == 1);
    CHECK_FALSE(body(bad_button.calls[0]).contains("reply_markup"));
    CHECK(bad_button.warnings.size() == 1);

    auto no_context = outbox("42", "Hello");
    no_context.reply_context = "";
    no_context.buttons_json = "not json";
    CHECK(methods(plan_outbox_message(no_context)) == std::vector<std::string>{"sendMessage"});
}

TEST_CASE("a blank row for a button press only answers the query, without a warning",
          "[telegram][plan]") {
    const auto plan = plan_outbox_message(outbox("42", "", {}, button_press(1311)));
    REQUIRE(methods(plan) == std::vector<std::string>{"answerCallbackQuery"});
    CHECK(body(plan.calls[0])["callback_query_id"] == "cq-1");
    CHECK(plan.warnings.empty());
    CHECK(chat_message_count(plan) == 0);
}

TEST_CASE("without_callback_query keeps the rest of the context", "[telegram][plan]") {
    const auto context = reply_context_from_json(without_callback_query(to_json(button_press(5))));
    CHECK_FALSE(context.is_callback());
    CHECK(context.message_id == 5);
    CHECK(context.chat_type == "private");
    CHECK(awaits_callback_answer(to_json(button_press(5))));
    CHECK_FALSE(awaits_callback_answer(to_json(context)));
    CHECK_FALSE(awaits_callback_answer(""));
}

TEST_CASE("a reply with a chart is one photo, captioned by its text, its buttons under it",
          "[telegram][plan]") {
    auto row = outbox("42", "Your distance by week.", {{"Chart by month", "chart:months", ""}},
                      button_press(1310));
    row.image_png = std::string("\x89PNG\r\n\x1a\nrest", 12);
    row.image_alt = "Bar chart of km per week.";
    row.edit_original = true;  // a photo is never an edit of a text message
    const auto plan = plan_outbox_message(row);
    REQUIRE(methods(plan) == std::vector<std::string>{"answerCallbackQuery", "sendPhoto"});
    const auto& photo = plan.calls[1].call;
    CHECK(photo.photo_png == row.image_png);
    CHECK(body(plan.calls[1])["caption"] == "Your distance by week.");
    CHECK(body(plan.calls[1])["chat_id"] == 42);
    CHECK(body(plan.calls[1])["reply_markup"]["inline_keyboard"][0][0]["callback_data"] ==
          "chart:months");
    CHECK(chat_message_count(plan) == 1);
    // Refused for good, it is told in words, with the same buttons.
    REQUIRE(plan.calls[1].fallback);
    CHECK(plan.calls[1].fallback->method == "sendMessage");
    CHECK(json::parse(plan.calls[1].fallback->body)["text"] ==
          "Your distance by week.\nBar chart of km per week.");
    CHECK(json::parse(plan.calls[1].fallback->body)["reply_markup"].dump().find("chart:months") !=
          std::string::npos);
}

TEST_CASE("a chart whose text is too long for a caption is followed by the text",
          "[telegram][plan]") {
    auto row = outbox("42", std::string(max_caption_length + 1, 'a'), {{"More", "more", ""}});
    row.image_png = "png bytes";
    const auto plan = plan_outbox_message(row);
    REQUIRE(methods(plan) == std::vector<std::string>{"sendPhoto", "sendMessage"});
    CHECK_FALSE(body(plan.calls[0]).contains("caption"));
    CHECK_FALSE(body(plan.calls[0]).contains("reply_markup"));
    CHECK(body(plan.calls[1])["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "more");
    CHECK(chat_message_count(plan) == 2);
}
