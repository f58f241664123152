// One runner's words and buttons reach only that runner's data: no command, question or button
// lets a second runner on the same bot read, change or delete the first runner's runs, races,
// bookings or nudges.

#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/button_owner.hpp"

using rubdown::testing::Conversation;

TEST_CASE("a second runner's commands and buttons never touch the first runner's data",
          "[isolation]") {
    Conversation chat;
    chat.say("12k tempo in 58:10, felt hard");
    chat.say("ran 21.1k in 1:41:00 yesterday");
    chat.say("my race is on 2026-12-14, a marathon");
    const auto ana = chat.user_id();
    const auto ana_runs = chat.repos().runs.list(ana).size();
    const auto ana_races = chat.repos().races.upcoming(ana, "2026-11-23").size();
    const auto ana_nudges = chat.repos().nudges.pending_for_user(ana).size();
    REQUIRE(ana_runs == 2);
    REQUIRE(ana_races == 1);
    REQUIRE(ana_nudges >= 1);

    chat.user_key = "console:ben";
    chat.say("my time zone is Europe/Madrid");
    // Reading: Ben sees none of Ana's runs.
    CHECK(chat.say_text("/export").find("nothing to export") != std::string::npos);
    const auto stats = chat.say_text("/stats");
    CHECK(stats.find("12") == std::string::npos);
    CHECK(stats.find("21.1") == std::string::npos);
    CHECK(chat.say_text("when is my race?").find("2026-12-14") == std::string::npos);
    // Changing: undo, cancelling a race, stopping and booking act on Ben's (empty) data only.
    chat.say("/undo");
    chat.say("cancel my race");
    chat.press("nudge:booked");
    chat.press("nudge:stop");
    chat.say("/stop");
    chat.say("/forget");
    chat.press("forget:confirm");

    chat.user_key = "console:ana";
    CHECK(chat.user_id() == ana);
    CHECK(chat.repos().runs.list(ana).size() == ana_runs);
    CHECK(chat.repos().races.upcoming(ana, "2026-11-23").size() == ana_races);
    CHECK(chat.repos().nudges.pending_for_user(ana).size() == ana_nudges);
    CHECK(chat.repos().bookings.list(ana).empty());
    CHECK_FALSE(chat.user()->nudges_stopped);
    CHECK(chat.user()->nudges_paused_until == 0);
    const auto export_csv = chat.say_text("/export");
    CHECK(export_csv.find("12k tempo") != std::string::npos);
    CHECK(export_csv.find("21.1k") != std::string::npos);
}

TEST_CASE("a button acts only for the runner it was shown to", "[isolation][buttons]") {
    // A group chat: Ana and Ben see the same messages and can press the same buttons.
    Conversation chat;
    chat.say("12k tempo in 58:10, felt hard");
    const auto ana = chat.user_id();
    const auto forget = chat.say("/forget");
    REQUIRE(forget.size() == 1);
    REQUIRE(forget[0].buttons.size() == 2);
    const auto delete_button = forget[0].buttons[0].action;
    const auto keep_button = forget[0].buttons[1].action;
    CHECK(rubdown::intents::read_pressed_button(delete_button, "console:ana").action ==
          "forget:confirm");

    chat.user_key = "console:ben";
    chat.say("ran 5k easy");
    const auto ben = chat.user_id();
    const auto pressed = chat.press(delete_button);
    REQUIRE(pressed.size() == 1);
    CHECK(pressed[0].text.find("left it alone") != std::string::npos);
    CHECK_FALSE(pressed[0].edit_original);  // Ana's question stays as it was
    CHECK(chat.repos().runs.list(ben).size() == 1);

    chat.user_key = "console:ana";
    CHECK(chat.repos().runs.list(ana).size() == 1);
    // Ana's own press still works, and the buttons under its answer are hers too.
    const auto kept = chat.press(keep_button);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].text.find("left it alone") == std::string::npos);
    CHECK(chat.repos().runs.list(ana).size() == 1);
}

TEST_CASE("button tags are stable, short and differ between runners", "[buttons]") {
    using rubdown::intents::owner_tag;
    CHECK(owner_tag("telegram:42") == owner_tag("telegram:42"));
    CHECK(owner_tag("telegram:42") != owner_tag("telegram:43"));
    CHECK(owner_tag("telegram:42").size() == 8);
    std::vector<rubdown::intents::Button> buttons{{"Book now", "", "https://book.example"},
                                                  {"Booked ✓", "nudge:booked", ""}};
    rubdown::intents::bind_buttons(buttons, "telegram:42");
    CHECK(buttons[0].action.empty());  // a link button carries no action
    CHECK(buttons[1].action == "nudge:booked@" + owner_tag("telegram:42"));
    // Longest action and tag still fit Telegram's 64-byte callback data.
    CHECK(buttons[1].action.size() <= 64);
    rubdown::intents::bind_buttons(buttons, "telegram:43");  // bound once, never twice
    CHECK(buttons[1].action == "nudge:booked@" + owner_tag("telegram:42"));
    const auto mine = rubdown::intents::read_pressed_button(buttons[1].action, "telegram:42");
    CHECK(mine.action == "nudge:booked");
    CHECK_FALSE(mine.for_someone_else);
    CHECK(rubdown::intents::read_pressed_button(buttons[1].action, "telegram:43").for_someone_else);
    // An untagged action (sent before tags, or made up by an adapter) is the presser's own.
    const auto untagged = rubdown::intents::read_pressed_button("telegram:non_text", "telegram:43");
    CHECK(untagged.action == "telegram:non_text");
    CHECK_FALSE(untagged.for_someone_else);
}
