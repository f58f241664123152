#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/places/zone_clock.hpp"

using rubdown::testing::Conversation;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a city sets the zone, and the answer gives the local time there", "[settings]") {
    Conversation chat;  // Monday 23 Nov 2026, 10:00 UTC
    const auto text = chat.say_text("just moved to São Paulo");
    CHECK(chat.user()->time_zone == "America/Sao_Paulo");
    CHECK(contains(text, "America/Sao_Paulo"));
    CHECK(contains(text, "07:00"));  // three hours behind UTC
}

TEST_CASE("a place with several zones is asked about with buttons", "[settings]") {
    Conversation chat;
    const auto replies = chat.say("I'm in Portland");
    REQUIRE(replies.size() == 1);
    CHECK(chat.user()->time_zone == "Europe/Berlin");  // unchanged until the runner picks
    REQUIRE(replies[0].buttons.size() >= 2);
    CHECK(contains(replies[0].buttons[0].label, "Oregon"));
    CHECK(contains(replies[0].buttons[1].label, "Maine"));
    const auto picked = chat.press(replies[0].buttons[1].action);
    REQUIRE(picked.size() == 1);
    CHECK(chat.user()->time_zone == "America/New_York");
    CHECK(contains(picked[0].text, "America/New_York"));
}

TEST_CASE("a zone button shown to one runner does nothing for another", "[settings]") {
    Conversation chat;
    const auto replies = chat.say("I'm in Portland");
    REQUIRE_FALSE(replies[0].buttons.empty());
    chat.user_key = "console:ben";
    chat.press(replies[0].buttons[0].action);
    CHECK(chat.user()->time_zone != "America/Los_Angeles");
}

TEST_CASE("an offset is kept as a zone with that clock all year", "[settings]") {
    Conversation chat;
    chat.say("GMT+2");
    CHECK(rubdown::intents::places::same_clock(chat.user()->time_zone, "Etc/GMT-2"));
    chat.say("my offset is +5:45");
    CHECK(rubdown::intents::places::same_clock(chat.user()->time_zone, "Asia/Kathmandu"));
    // No zone keeps -03:30 all year (Newfoundland changes its clocks): nothing is changed.
    const auto before = chat.user()->time_zone;
    CHECK(contains(chat.say_text("UTC-3:30"), "city"));
    CHECK(chat.user()->time_zone == before);
}

TEST_CASE("the zone and a request in one message are both done", "[settings]") {
    Conversation chat;
    const auto replies = chat.say("just landed in Nairobi, pause reminders for a week");
    CHECK(chat.user()->time_zone == "Africa/Nairobi");
    CHECK(chat.user()->nudges_paused_until > 0);
    REQUIRE_FALSE(replies.empty());
    CHECK(contains(replies[0].text, "Africa/Nairobi"));
    CHECK(contains(replies[0].text, "paused"));
}

TEST_CASE("the settings view says what is in force", "[settings]") {
    Conversation chat;
    chat.say("quiet hours 22-7");
    const auto text = chat.say_text("what are my settings?");
    CHECK(contains(text, "Europe/Berlin"));
    CHECK(contains(text, "22:00-07:00"));
    CHECK(contains(text, "Reminders: on"));
    CHECK(chat.say_text("/settings") == text);
}

TEST_CASE("miles chosen: every distance and pace reads in miles, the log stays in km",
          "[settings]") {
    Conversation chat;
    CHECK(contains(chat.say_text("use miles please"), "Miles from now on"));
    CHECK(chat.user()->units == "mi");
    CHECK(chat.user()->units_chosen);
    const auto logged = chat.say_text("ran 10k in 50:00 yesterday");
    CHECK(contains(logged, "6.21 mi"));
    CHECK(contains(logged, "8:03 min/mi"));
    CHECK_FALSE(contains(logged, "km"));
    const auto runs = chat.repos().runs.list(chat.user_id(), 10);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(10.0));
    CHECK(contains(chat.say_text("how far did I run this week?"), "mi"));
    // Chosen: a run told in km does not switch the runner back.
    chat.say("5k easy today");
    CHECK(chat.user()->units == "mi");
}

TEST_CASE("a runner who logs in miles reads miles, until they choose", "[settings]") {
    Conversation chat;
    CHECK(contains(chat.say_text("ran 6 miles easy this morning"), "6 mi"));
    CHECK(chat.user()->units == "mi");
    CHECK_FALSE(chat.user()->units_chosen);
    chat.say("switch to km");
    CHECK(contains(chat.say_text("ran 6 miles easy yesterday"), "9.66 km"));
}

TEST_CASE("days without reminders: said, shown, and undone by resuming", "[settings]") {
    Conversation chat;
    CHECK(contains(chat.say_text("no reminders on weekends please"), "Sat and Sun"));
    CHECK(chat.user()->quiet_days == 0x60);
    CHECK(contains(chat.say_text("what are my settings"), "no reminders on Sat and Sun"));
    // "Also I'm in Toronto, no reminders after 9pm": quiet hours from 21:00, nothing turned off.
    chat.say("Also I'm in Toronto, no reminders after 9pm");
    CHECK(chat.user()->time_zone == "America/Toronto");
    CHECK(chat.user()->quiet_start_minute == 21 * 60);
    CHECK_FALSE(chat.user()->nudges_stopped);
    chat.say("start reminders again");
    CHECK(chat.user()->quiet_days == 0);
}
