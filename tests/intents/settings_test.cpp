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
