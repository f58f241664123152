// Corrections in words, several things in one message, and plans: what each leaves in the log.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "tests/intents/conversation_fixture.hpp"

using rubdown::testing::Conversation;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string all_text(const std::vector<rubdown::intents::Reply>& replies) {
    std::string text;
    for (const auto& reply : replies) text += reply.text + "\n";
    return text;
}

}  // namespace

TEST_CASE("a wrong distance is corrected in the run meant, not logged again", "[correction]") {
    Conversation chat;
    chat.say("ran 15k this morning");
    const auto reply = chat.say_text("sorry, it was 12k not 15k");
    CHECK(contains(reply, "15 km"));
    CHECK(contains(reply, "12 km"));
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(12.0));

    // /undo takes back the edit, not the log.
    CHECK(contains(chat.say_text("/undo"), "15 km"));
    runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(15.0));
}

TEST_CASE("a correction named by day changes that day's run only", "[correction]") {
    Conversation chat;
    chat.say("did 10k easy on Sunday");
    chat.say("ran 6k today");
    chat.say("change Sunday's run to 14k");
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 2);
    for (const auto& run : runs) {
        if (run.date == "2026-11-22") {
            CHECK(run.distance_km == Approx(14.0));
        } else {
            CHECK(run.distance_km == Approx(6.0));
        }
    }
}

TEST_CASE("a wrong time and a wrong day are put right", "[correction]") {
    Conversation chat;
    chat.say("long run 18k in 1:10 today");
    chat.say("make that 1:01 not 1:10");
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].duration_s == 3660);

    chat.say("the long run was yesterday, not today");
    runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].date == "2026-11-22");
    CHECK(runs[0].distance_km == Approx(18.0));
}

TEST_CASE("a run that did not happen is removed, and /undo puts it back", "[correction]") {
    Conversation chat;
    chat.say("ran 8k on Sunday");
    chat.say("5k today");
    const auto reply = chat.say_text("I didn't run on Sunday");
    CHECK(contains(reply, "Deleted"));
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].date == "2026-11-23");

    chat.say("/undo");
    CHECK(chat.repos().runs.list(chat.user_id()).size() == 2);

    chat.say("I logged 8k on Sunday by mistake");
    runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(5.0));
}

TEST_CASE("a correction naming a run that is not in the log changes nothing and says so",
          "[correction]") {
    Conversation chat;
    chat.say("5k today");
    const auto reply = chat.say_text("delete Saturday's run");
    CHECK(contains(reply, "couldn't find"));
    CHECK(contains(reply, "5 km"));
    CHECK(chat.repos().runs.list(chat.user_id()).size() == 1);
}

TEST_CASE("when two runs could be meant the runner picks one with a button", "[correction]") {
    Conversation chat;
    chat.say("ran 6k easy on Sunday morning");
    chat.say("did a 4k shakeout on Sunday");
    const auto ask = chat.say("delete Sunday's run");
    REQUIRE(ask.size() == 1);
    REQUIRE(ask[0].buttons.size() == 2);
    CHECK(chat.repos().runs.list(chat.user_id()).size() == 2);

    // Press the button of the 4k run.
    const auto four = std::find_if(ask[0].buttons.begin(), ask[0].buttons.end(),
                                   [](const auto& b) { return contains(b.label, "4 km"); });
    REQUIRE(four != ask[0].buttons.end());
    const auto done = chat.press(four->action);
    REQUIRE(done.size() == 1);
    CHECK(contains(done[0].text, "Deleted"));
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(6.0));

    // The same button pressed again finds nothing waiting and changes nothing.
    CHECK(contains(chat.press(four->action)[0].text, "isn't waiting"));
    CHECK(chat.repos().runs.list(chat.user_id()).size() == 1);
}

TEST_CASE("a run made easy by a correction loses its massage reminder", "[correction]") {
    Conversation chat;
    chat.say("12k tempo today");
    REQUIRE(chat.repos().nudges.pending_for_user(chat.user_id()).size() == 1);
    chat.say("actually it was an easy run, not tempo");
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK_FALSE(runs[0].hard);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}

TEST_CASE("two runs in one message are both logged, each on its own day", "[parts]") {
    Conversation chat;
    const auto reply = all_text(chat.say("8k easy yesterday and 10k steady today"));
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 2);
    std::sort(runs.begin(), runs.end(),
              [](const auto& a, const auto& b) { return a.date < b.date; });
    CHECK(runs[0].date == "2026-11-22");
    CHECK(runs[0].distance_km == Approx(8.0));
    CHECK(runs[1].date == "2026-11-23");
    CHECK(runs[1].distance_km == Approx(10.0));
    CHECK(contains(reply, "8 km"));
    CHECK(contains(reply, "10 km"));
}

TEST_CASE("two races in one message are both remembered", "[parts]") {
    Conversation chat;
    chat.say("half on Dec 14 and a 10k on Dec 28");
    const auto races = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(races.size() == 2);
    CHECK(races[0].date == "2026-12-14");
    CHECK(races[1].date == "2026-12-28");
}

TEST_CASE("a run with a massage question logs the run and answers the question", "[parts]") {
    Conversation chat;
    const auto reply = all_text(chat.say("did 20 miles today, would a massage help my legs?"));
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(32.19).margin(0.01));
    CHECK(contains(reply, "massage"));
}

TEST_CASE("plans and goals are not logged as runs", "[plan]") {
    Conversation chat;
    for (const char* text : {"training for a 100 mile ultra", "6 hour run tomorrow",
                             "want to run a sub-50 10k", "planning 20k on Sunday"}) {
        INFO(text);
        const auto reply = chat.say_text(text);
        CHECK_FALSE(reply.empty());
        CHECK(chat.repos().runs.list(chat.user_id()).empty());
    }
}

TEST_CASE("a past race told with its time is logged as a hard run on its day", "[plan]") {
    Conversation chat;
    chat.say("half marathon in 1:45 on the 8th");
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].date == "2026-11-08");
    CHECK(runs[0].duration_s == 6300);
    CHECK(runs[0].hard);
    CHECK(chat.repos().races.upcoming(chat.user_id(), "2026-11-23").empty());
}

TEST_CASE("/undo of an edit or a delete gives the massage reminder back with the hard run",
          "[correction]") {
    Conversation chat;
    chat.say("12k tempo today");
    const auto pending = [&] {
        return chat.repos().nudges.pending_for_user(chat.user_id()).size();
    };
    REQUIRE(pending() == 1);
    chat.say("actually it was an easy run, not tempo");
    REQUIRE(pending() == 0);
    // Undoing the edit makes the run hard again: its reminder comes back.
    chat.say("/undo");
    REQUIRE(chat.repos().runs.list(chat.user_id()).at(0).hard);
    CHECK(pending() == 1);
    chat.say("delete today's run");
    REQUIRE(chat.repos().runs.list(chat.user_id()).empty());
    CHECK(pending() == 0);
    // Undoing the delete puts back the run and its reminder.
    chat.say("/undo");
    REQUIRE(chat.repos().runs.list(chat.user_id()).size() == 1);
    CHECK(pending() == 1);
}

TEST_CASE("a run made hard by a correction earns its massage reminder", "[correction]") {
    Conversation chat;
    chat.say("12k easy today");
    REQUIRE(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
    chat.say("actually it was a tempo, not easy");
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].hard);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).size() == 1);
}

TEST_CASE("a run told by its weekday alone is asked about: run on the day gone, or planned",
          "[plan]") {
    // Monday 2026-11-23: "20 miler on sunday" is yesterday's run or next Sunday's plan.
    Conversation chat;
    const auto ask = chat.say("20 miler on sunday");
    REQUIRE(ask.size() == 1);
    // Asked in the unit the runner used, not in km.
    CHECK(contains(ask[0].text, "20 mi"));
    CHECK_FALSE(contains(ask[0].text, "km"));
    CHECK(contains(ask[0].text, "Sun 22 Nov"));
    CHECK(contains(ask[0].text, "Sun 29 Nov"));
    REQUIRE(ask[0].buttons.size() == 2);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());

    SECTION("ran it: logged on the day gone") {
        const auto done = chat.press(ask[0].buttons[0].action);
        REQUIRE(done.size() == 1);
        CHECK(done[0].edit_original);
        const auto runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].date == "2026-11-22");
        CHECK(runs[0].distance_km == Approx(32.19).margin(0.01));
        // Answered once: the same button finds nothing waiting and logs nothing more.
        CHECK(contains(chat.press(ask[0].buttons[0].action)[0].text, "isn't waiting"));
        CHECK(chat.repos().runs.list(chat.user_id()).size() == 1);
    }
    SECTION("planned: nothing logged, the plan said back") {
        const auto done = chat.press(ask[0].buttons[1].action);
        REQUIRE(done.size() == 1);
        CHECK(contains(done[0].text, "Sun 29 Nov"));
        CHECK(chat.repos().runs.list(chat.user_id()).empty());
    }
    SECTION("answered in words") {
        chat.say("I ran it yesterday");
        const auto runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].date == "2026-11-22");
    }
    SECTION("another message drops the question and is handled on its own") {
        chat.say("10k easy today");
        const auto runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].date == "2026-11-23");
        CHECK(contains(chat.press(ask[0].buttons[0].action)[0].text, "isn't waiting"));
    }
}

TEST_CASE("a weekday run told as done is logged without asking", "[plan]") {
    Conversation chat;
    for (const char* text : {"ran 8 miles easy on sunday", "sunday 25k trail, 3h12",
                             "fri 10k brutal headwind", "forgot to log saturday: 19k"}) {
        INFO(text);
        const auto reply = chat.say(text);
        REQUIRE(reply.size() == 1);
        CHECK(reply[0].buttons.empty());
        CHECK(contains(reply[0].text, "Logged"));
    }
    CHECK(chat.repos().runs.list(chat.user_id()).size() == 4);
}

TEST_CASE("a weekday run told with a red flag is logged on the day gone, without a nudge",
          "[plan]") {
    Conversation chat;
    const auto replies = chat.say("20 miler on sunday, had chest pain at the end");
    for (const auto& reply : replies) CHECK(reply.buttons.empty());
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].date == "2026-11-22");
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}

TEST_CASE("a run told with a red flag and confirmed later still plans no nudge", "[plan]") {
    Conversation chat;
    // 2:00 min/km looks wrong, so the bot asks before logging; the answer comes in a message of
    // its own, without the red flag.
    const auto ask = chat.say_text("raced 10k in 20 min, had chest pain at the end");
    REQUIRE(chat.repos().runs.list(chat.user_id()).empty());
    const auto logged = chat.say_text("yes");
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].hard);
    CHECK(contains(logged, "No massage reminder"));
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}
