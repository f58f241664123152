// One runner's words and buttons reach only that runner's data: no command, question or button
// lets a second runner on the same bot read, change or delete the first runner's runs, races,
// bookings or nudges.

#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"

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
