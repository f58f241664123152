#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/handlers/out_of_scope_handler.hpp"
#include "intents/handlers/run_format.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace handlers = rubdown::intents::handlers;
namespace storage = rubdown::storage;

namespace {
bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("nudge buttons record a booking, snooze and stop", "[buttons]") {
    Conversation chat;
    chat.say("12k tempo in 58:10, felt hard");

    auto replies = chat.press("nudge:booked");
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].edit_original);
    CHECK(replies[0].text.rfind("Booked ✓", 0) == 0);
    CHECK(chat.repos().bookings.list(chat.user_id()).size() == 1);

    replies = chat.press("nudge:snooze");
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].edit_original);
    bool snoozed = false;
    for (const auto& nudge : chat.repos().nudges.pending_for_user(chat.user_id())) {
        snoozed = snoozed || nudge.kind == storage::NudgeKind::snoozed;
    }
    CHECK(snoozed);

    replies = chat.press("nudge:stop");
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].edit_original);
    CHECK(chat.user()->nudges_stopped);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}

TEST_CASE("a sticker or photo gets a friendly text-only answer", "[buttons]") {
    Conversation chat;
    const auto replies = chat.press("telegram:non_text");
    REQUIRE(replies.size() == 1);
    CHECK(contains(replies[0].text, "only read text"));
    CHECK_FALSE(replies[0].edit_original);
}

TEST_CASE("greeting, help and out-of-scope say what the bot does", "[engine]") {
    Conversation chat;
    const auto hello = chat.say_text("hi");
    CHECK(contains(hello, "Hi Ana"));
    CHECK(contains(hello, "log your runs"));
    CHECK(contains(chat.say_text("what can you do?"), "/undo"));
    const auto weather = chat.say_text("what's the weather tomorrow");
    CHECK(contains(weather, "outside what I can help with"));
    // One line pointing at /help, not the whole list every time.
    CHECK(contains(weather, "/help"));
    CHECK_FALSE(contains(weather, "log your runs"));
}

TEST_CASE("thanks or a plain ok gets a short answer, not the list of what works", "[engine]") {
    Conversation chat;
    for (const char* thanks :
         {"thanks!", "Thank you so much", "thx", "ok, thanks a lot", "cheers mate"}) {
        INFO(thanks);
        const auto reply = chat.say_text(thanks);
        CHECK(contains(reply, "You're welcome"));
        CHECK_FALSE(contains(reply, "log your runs"));
    }
    for (const char* acknowledgement : {"ok", "Okay.", "cool", "got it", "sounds good!"}) {
        INFO(acknowledgement);
        CHECK(chat.say_text(acknowledgement) == "👍");
    }
    // Anything more is handled as what it says.
    CHECK(contains(chat.say_text("thanks, I ran 5k in 25:00 today"), "Logged"));
    CHECK(
        contains(chat.say_text("ok what's the weather tomorrow"), "outside what I can help with"));
    CHECK(contains(chat.say_text("so"), "log your runs"));  // a weak greeting
}

TEST_CASE("small talk of every kind gets a short reply that fits", "[engine]") {
    Conversation chat;
    CHECK(chat.say_text("lol ok") == "😄");
    CHECK(chat.say_text("👍") == "🙌");
    CHECK(contains(chat.say_text("how are you?"), "How are your legs"));
    CHECK(contains(chat.say_text("good night"), "Good night"));
    CHECK(contains(chat.say_text("are you a bot?"), "I'm Rubdown, a bot"));
    CHECK(contains(chat.say_text("you're useless lol"), "still learning"));
    // Asked about itself in words no phrase list holds: who it is, not a log or a help page.
    CHECK(contains(chat.say_text("you speak spanish?"), "I'm Rubdown, a bot"));
    CHECK(contains(chat.say_text("do you like running?"), "I'm Rubdown, a bot"));
    for (const char* text : {"lol ok", "👍", "how are you?", "cya", "you're the best"}) {
        INFO(text);
        CHECK_FALSE(contains(chat.say_text(text), "log your runs"));
    }
}

TEST_CASE("a message not understood gets one example that fits what it seemed to be", "[engine]") {
    Conversation chat;
    // Understood only weakly as a run: the example is about logging one.
    CHECK(contains(handlers::example_for("log_run"), "ran 8k in 45 min"));
    CHECK(contains(handlers::example_for("run_stats"), "how far did I run"));
    CHECK(contains(handlers::example_for("nonsense"), "/help"));
    // The NLU leans (weakly) towards run statistics here: the example is about those. ("10k
    // intervals, proper hard" is a run now: a session of intervals 10k long.)
    const auto reply = chat.say_text("all those kms lately, legs are toast");
    CHECK(contains(reply, "didn't quite get"));
    CHECK(contains(reply, "how far did I run"));
    CHECK_FALSE(contains(reply, "log your runs"));
}

TEST_CASE("right after a massage answer, a question need not name massage", "[engine]") {
    Conversation chat;
    CHECK(contains(chat.say_text("how often should I get a sports massage?"), "keep it regular"));
    CHECK(contains(chat.say_text("is once a month enough?"), "keep it regular"));
    chat.now += std::chrono::minutes{61};
    CHECK_FALSE(contains(chat.say_text("is once a month enough?"), "keep it regular"));
}

TEST_CASE("a massage question the knowledge does not cover is answered honestly", "[engine]") {
    Conversation chat;
    for (const char* text :
         {"is foam rolling as good as a massage?", "should I drink lots of water after a massage?",
          "are massage guns any good?"}) {
        INFO(text);
        const auto reply = chat.say_text(text);
        CHECK((contains(reply, "I don't know that one") ||
               contains(reply, "outside what I can help with")));
        CHECK_FALSE(contains(reply, "3 to 5 days"));
    }
    CHECK(contains(chat.say_text("what is a sports massage?"), "deeper layers"));
}

TEST_CASE("an ok answering the bot's question confirms, it is not small talk", "[engine]") {
    Conversation chat;
    const auto asked = chat.say_text("ran 30 km this morning in 1:05:00");
    REQUIRE(contains(asked, "?"));
    CHECK(contains(chat.say_text("ok"), "Logged"));
}

TEST_CASE("massage questions are answered from the knowledge base", "[engine]") {
    Conversation chat;
    CHECK(contains(chat.say_text("does deep tissue massage hurt?"), "sore"));
    const auto referral = chat.say_text("is massage safe with my heart condition?");
    CHECK(contains(referral, "doctor"));
    const auto before = chat.say("how many days before my marathon should I get a massage?");
    REQUIRE(before.size() == 1);
    CHECK(contains(before[0].text, "3 to 5 days"));
    REQUIRE(before[0].buttons.size() == 1);
    CHECK(before[0].buttons[0].url == "https://book.example/rubdown");
}

TEST_CASE("a short question right after a massage answer is about massage", "[engine]") {
    Conversation chat;
    const std::string outside = "outside what I can help with";
    // Without the topic, these say nothing the bot can answer.
    CHECK(contains(chat.say_text("how often should I get one?"), outside));

    CHECK(contains(chat.say_text("why do runners get deep tissue massage?"), "tight"));
    CHECK(contains(chat.say_text("how often should I get one?"), "keep it regular"));
    // Each answer keeps the topic open for the next question.
    const auto before_race = chat.say("how long before a race should I have one?");
    REQUIRE(before_race.size() == 1);
    CHECK(contains(before_race[0].text, "3 to 5 days"));
    CHECK(before_race[0].buttons.size() == 1);  // "Book now"
    CHECK(contains(chat.say_text("what about after the race?"),
                   "right after a hard training session"));
    // Pointing back at the topic while asking about something else finds no answer there.
    CHECK(contains(chat.say_text("is it going to rain tomorrow?"), outside));
    // ... and that closed the topic.
    CHECK(contains(chat.say_text("how often should I get one?"), outside));

    CHECK(contains(chat.say_text("does deep tissue massage hurt?"), "sore"));
    chat.now += std::chrono::minutes{61};
    CHECK(contains(chat.say_text("how often should I get one?"), outside));
}

TEST_CASE("a run or a race told right after a massage answer is handled as such", "[engine]") {
    Conversation chat;
    chat.say_text("why do runners get deep tissue massage?");
    CHECK(contains(chat.say_text("ran 10k in 50:00 today, it was hard"), "Logged"));
    chat.say_text("does deep tissue massage hurt?");
    CHECK(contains(chat.say_text("thanks, that helps"), "You're welcome"));
}

TEST_CASE("an unknown time zone is asked once, and answered with a city", "[engine]") {
    Conversation chat(at(2026, 11, 23), /*zone_known=*/false);
    auto replies = chat.say("hi");
    REQUIRE(replies.size() == 2);
    CHECK(contains(replies[1].text, "time zone"));
    CHECK(chat.user()->time_zone_asked);
    CHECK_FALSE(chat.user()->time_zone_known);

    replies = chat.say("Berlin");
    REQUIRE(replies.size() == 1);
    CHECK(contains(replies[0].text, "Europe/Berlin"));
    CHECK(chat.user()->time_zone == "Europe/Berlin");
    CHECK(chat.user()->time_zone_known);
    CHECK(chat.say("hi").size() == 1);
}

TEST_CASE("an ignored time zone question is not asked again: UTC meanwhile", "[engine]") {
    Conversation chat(at(2026, 11, 23, 23, 30), /*zone_known=*/false);
    REQUIRE(chat.say("hi").size() == 2);
    chat.say("5k easy today");
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].date == "2026-11-23");  // UTC; Berlin would already be the 24th
    CHECK(chat.say("hi").size() == 1);
}

TEST_CASE("a question asked during a follow-up waits for its turn", "[engine]") {
    Conversation chat(at(2026, 11, 23), /*zone_known=*/false);
    // The run question comes first; the time zone waits until no other question is open.
    auto replies = chat.say("went for a run this morning, felt easy");
    REQUIRE(replies.size() == 1);
    CHECK(contains(replies[0].text, "How far"));
    replies = chat.say("8k");
    REQUIRE(replies.size() == 2);
    CHECK(contains(replies[0].text, "8 km"));
    CHECK(contains(replies[1].text, "time zone"));
}

TEST_CASE("the time zone question never buries a confirmation", "[engine]") {
    Conversation chat(at(2026, 11, 23), /*zone_known=*/false);
    const auto replies = chat.say("/forget");
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].buttons.size() == 2);
    CHECK_FALSE(chat.user()->time_zone_asked);
}

TEST_CASE("an empty message gets the list of what works", "[engine]") {
    Conversation chat;
    const auto text = chat.say_text("   ");
    CHECK(contains(text, "didn't quite get"));
}

TEST_CASE("follow-up state survives as JSON", "[engine]") {
    handlers::FollowUp follow_up;
    follow_up.kind = handlers::FollowUp::Kind::log_run_confirm;
    follow_up.date = "2026-11-20";
    follow_up.distance_km = 10.0;
    follow_up.duration_s = 900;
    follow_up.effort = "hard";
    follow_up.rpe = 8;
    follow_up.text = "ran 10k in 15 min";
    const auto back = handlers::follow_up_from_json(handlers::to_json_text(follow_up));
    REQUIRE(back);
    CHECK(back->kind == follow_up.kind);
    CHECK(back->date == follow_up.date);
    CHECK(back->distance_km == follow_up.distance_km);
    CHECK(back->duration_s == follow_up.duration_s);
    CHECK(back->effort == follow_up.effort);
    CHECK(back->rpe == follow_up.rpe);
    CHECK(back->text == follow_up.text);

    handlers::FollowUp topic;
    topic.kind = handlers::FollowUp::Kind::massage_topic;
    topic.since = 1795527734;
    const auto topic_back = handlers::follow_up_from_json(handlers::to_json_text(topic));
    REQUIRE(topic_back);
    CHECK(topic_back->kind == handlers::FollowUp::Kind::massage_topic);
    CHECK(topic_back->since == 1795527734);
    CHECK_FALSE(handlers::follow_up_from_json("{\"kind\":\"unknown\"}"));
    CHECK_FALSE(handlers::follow_up_from_json("not json"));
}

TEST_CASE("distances, times and paces read naturally", "[format]") {
    using handlers::Units;
    CHECK(handlers::format_distance(10.0, Units::km) == "10 km");
    CHECK(handlers::format_distance(21.0975, Units::km) == "21.1 km");
    CHECK(handlers::format_distance(8.25, Units::km) == "8.25 km");
    CHECK(handlers::format_duration(3150) == "52:30");
    CHECK(handlers::format_duration(3900) == "1:05:00");
    CHECK(handlers::format_pace(315, Units::km) == "5:15 min/km");
    // In miles: 10 miles is 16.09344 km; 5:15 a km is 8:27 a mile.
    CHECK(handlers::format_distance(16.09344, Units::mi) == "10 mi");
    CHECK(handlers::format_distance(42.195, Units::mi) == "26.22 mi");
    CHECK(handlers::format_pace(315, Units::mi) == "8:27 min/mi");
}
