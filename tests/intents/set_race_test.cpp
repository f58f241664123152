#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/set_race_handler.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace handlers = rubdown::intents::handlers;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("a race is stored, moved and cancelled", "[set_race]") {
    Conversation chat;  // Monday 23 Nov 2026
    const auto stored = chat.say_text("half marathon on Dec 14");
    CHECK(contains(stored, "half marathon"));
    CHECK(contains(stored, "Mon 14 Dec"));
    CHECK(contains(stored, "Wed 9 Dec to Fri 11 Dec"));  // 5 to 3 days before
    auto races = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(races.size() == 1);
    const auto id = races[0].id;
    CHECK(races[0].date == "2026-12-14");
    CHECK(races[0].distance_km == Approx(21.0975));
    CHECK_FALSE(chat.repos().nudges.pending_for_user(chat.user_id()).empty());

    const auto moved = chat.say_text("my half got moved to Dec 20");
    CHECK(contains(moved, "Moved from Mon 14 Dec"));
    CHECK(contains(moved, "Sun 20 Dec"));
    races = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(races.size() == 1);
    CHECK(races[0].id == id);
    CHECK(races[0].date == "2026-12-20");

    const auto cancelled = chat.say_text("I dropped out of the half");
    CHECK(contains(cancelled, "Cancelled"));
    CHECK(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").empty());
    CHECK(chat.repos().races.find(id)->cancelled);
}

TEST_CASE("a race too close for a massage says so and why", "[set_race]") {
    Conversation chat;
    const auto reply = chat.say_text("10k race on Wednesday");  // 2 days away
    CHECK(contains(reply, "too close"));
    CHECK(contains(reply, "sore"));
    REQUIRE(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").size() == 1);
}

TEST_CASE("a race without a date asks when it is", "[set_race]") {
    Conversation chat;
    CHECK(contains(chat.say_text("I signed up for a marathon"), "When is the race"));
    CHECK(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").empty());
    const auto reply = chat.say_text("March 1");
    CHECK(contains(reply, "marathon"));
    const auto races = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(races.size() == 1);
    CHECK(races[0].date == "2027-03-01");
    CHECK(races[0].distance_km == Approx(42.195));
}

TEST_CASE("a second race of another distance is added, not moved", "[set_race]") {
    Conversation chat;
    chat.say("half marathon on Dec 14");
    chat.say("I also signed up for a 10k on Dec 5");
    const auto races = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(races.size() == 2);
    CHECK(races[0].date == "2026-12-05");
    CHECK(races[1].date == "2026-12-14");
}

TEST_CASE("cancelling with no race says there is nothing to cancel", "[set_race]") {
    Conversation chat;
    CHECK(contains(chat.say_text("I dropped out of the half"), "nothing to cancel"));
}

TEST_CASE("pre-race advice by distance to the race", "[set_race]") {
    using date::days;
    const date::local_days race{date::year{2026} / 12 / 14};
    CHECK(contains(handlers::pre_race_advice(race, race - days{20}), "Wed 9 Dec to Fri 11 Dec"));
    CHECK(contains(handlers::pre_race_advice(race, race - days{4}), "window now"));
    CHECK(contains(handlers::pre_race_advice(race, race - days{3}), "window now"));
    CHECK(contains(handlers::pre_race_advice(race, race - days{2}), "too close"));
    CHECK(contains(handlers::pre_race_advice(race, race), "Good luck"));
}

TEST_CASE("race names come from the distance and a named place", "[set_race]") {
    CHECK(handlers::race_name(42.195, "signed up for the Berlin marathon") == "Berlin marathon");
    CHECK(handlers::race_name(21.0975, "my half is on Dec 14") == "half marathon");
    CHECK(handlers::race_name(10.0, "10k on Sunday") == "10k");
    CHECK(handlers::race_name(std::nullopt, "race on Sunday") == "race");
    CHECK(handlers::race_name(50.0, "an ultra") == "50 km race");
}

TEST_CASE("a question right after a race is set may point at its massage", "[set_race]") {
    Conversation chat;
    CHECK(contains(chat.say_text("my marathon is on Dec 20"), "pre-race deep tissue massage"));
    const auto answer = chat.say_text("when should I book one?");
    CHECK(contains(answer, "right after a hard training session"));
    CHECK_FALSE(contains(answer, "outside what I can help with"));
}

TEST_CASE("several races are kept, listed and cancelled one at a time", "[set_race]") {
    Conversation chat;  // Monday 23 Nov 2026
    chat.say("half marathon on Dec 14");
    const auto second = chat.say_text("10k on Dec 28");
    CHECK(contains(second, "2 races coming up"));
    CHECK(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").size() == 2);
    const auto list = chat.say_text("my races");
    CHECK(contains(list, "half marathon on Mon 14 Dec (in 21 days)"));
    CHECK(contains(list, "10k on Mon 28 Dec (in 35 days)"));
    CHECK(contains(list, "massage Wed 9 Dec to Fri 11 Dec"));
    // Two races could be meant: the bot asks, and cancels only the one pressed.
    const auto asked = chat.say("cancel my race");
    REQUIRE(asked.size() == 1);
    REQUIRE(asked[0].buttons.size() == 2);
    CHECK(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").size() == 2);
    chat.press(asked[0].buttons[1].action);
    const auto left = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(left.size() == 1);
    CHECK(left[0].date == "2026-12-14");
    // Named by its distance: no question.
    CHECK(contains(chat.say_text("I'm not doing the half any more"), "Cancelled your half"));
    CHECK(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").empty());
}
