#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/reminders_handler.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace handlers = rubdown::intents::handlers;

TEST_CASE("stop, pause and resume reminders", "[reminders]") {
    Conversation chat;
    chat.say("12k tempo in 58:10, felt hard");
    REQUIRE_FALSE(chat.repos().nudges.pending_for_user(chat.user_id()).empty());

    chat.say("stop reminding me");
    CHECK(chat.user()->nudges_stopped);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());

    chat.say("resume reminders");
    CHECK_FALSE(chat.user()->nudges_stopped);
    CHECK(chat.user()->nudges_paused_until == 0);

    const auto paused = chat.say_text("pause reminders for 3 days");
    CHECK(paused.find("Thu 26 Nov") != std::string::npos);
    CHECK(chat.user()->nudges_paused_until ==
          (chat.now + std::chrono::days{3}).time_since_epoch().count());
}

TEST_CASE("quiet hours are set from the runner's words", "[reminders]") {
    Conversation chat;
    chat.say("quiet hours 22-7");
    CHECK(chat.user()->quiet_start_minute == 22 * 60);
    CHECK(chat.user()->quiet_end_minute == 7 * 60);
}

TEST_CASE("the time zone is set by name or by city", "[reminders]") {
    Conversation chat;
    CHECK(chat.say_text("my time zone is America/Chicago").find("America/Chicago") !=
          std::string::npos);
    CHECK(chat.user()->time_zone == "America/Chicago");
    chat.say("I'm in New York");
    CHECK(chat.user()->time_zone == "America/New_York");
    CHECK(chat.user()->time_zone_known);
}

TEST_CASE("resuming after a stop plans the race reminders again", "[reminders]") {
    Conversation chat;
    chat.say("half marathon on Dec 14");
    const auto planned = chat.repos().nudges.pending_for_user(chat.user_id()).size();
    REQUIRE(planned > 0);
    chat.say("stop reminding me");
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
    chat.say("resume reminders");
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).size() == planned);
}

TEST_CASE("a snooze says what will happen", "[reminders]") {
    Conversation chat;  // Monday 23 Nov, Berlin
    chat.say("12k tempo in 58:10, felt hard");
    CHECK(chat.say_text("remind me tomorrow").find("I'll remind you tomorrow") !=
          std::string::npos);

    SECTION("a race the day after tomorrow: too close for a massage, no snooze") {
        chat.say("10k race on Nov 25");
        const auto text = chat.say_text("remind me tomorrow");
        CHECK(text.find("too close") != std::string::npos);
        CHECK(text.find("I'll remind you tomorrow") == std::string::npos);
    }
    SECTION("reminders stopped") {
        chat.say("stop reminding me");
        const auto text = chat.say_text("remind me tomorrow");
        CHECK(text.find("reminders are off") != std::string::npos);
        CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
    }
}
