// A message edited on the platform changes what it made, once, in the order of its edits.
#include <catch2/catch.hpp>

#include <string>

#include "tests/intents/conversation_fixture.hpp"

using rubdown::testing::Conversation;

namespace {

std::string all_text(const std::vector<rubdown::intents::Reply>& replies) {
    std::string text;
    for (const auto& reply : replies) text += reply.text + "\n";
    return text;
}

}  // namespace

TEST_CASE("an edited run report changes its run instead of logging another", "[edit]") {
    Conversation chat;
    chat.say_as("ran 10k this morning", "telegram:1:50");
    const auto reply = all_text(chat.say_as("ran 12k this morning", "telegram:1:50", 100));
    CHECK(reply.find("10 km") != std::string::npos);
    CHECK(reply.find("12 km") != std::string::npos);
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(12.0));

    SECTION("an older edit arriving late, or the original again, changes nothing") {
        CHECK(chat.say_as("ran 15k this morning", "telegram:1:50", 60).empty());
        CHECK(chat.say_as("ran 10k this morning", "telegram:1:50", 0).empty());
        runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].distance_km == Approx(12.0));
    }
    SECTION("/undo puts back what the edit changed") {
        chat.say("/undo");
        runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].distance_km == Approx(10.0));
    }
    SECTION("another message is not an edit of this one") {
        chat.say_as("ran 12k this morning", "telegram:1:51");
        CHECK(chat.repos().runs.list(chat.user_id()).size() == 2);
    }
}

TEST_CASE("an edit of a message that made nothing is a new message", "[edit]") {
    Conversation chat;
    chat.say_as("hello", "slack:T:D:1.0");
    chat.say_as("hello, ran 5k easy today", "slack:T:D:1.0", 10);
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(5.0));
    // From then on the message has its run.
    chat.say_as("hello, ran 6k easy today", "slack:T:D:1.0", 20);
    runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(6.0));
}

TEST_CASE("an edit that no longer tells a run removes it, and one with two runs keeps both",
          "[edit]") {
    Conversation chat;
    chat.say_as("8k easy yesterday", "telegram:1:60");
    chat.say_as("8k easy yesterday and 10k steady today", "telegram:1:60", 5);
    CHECK(chat.repos().runs.list(chat.user_id()).size() == 2);
    const auto reply = all_text(chat.say_as("sorry, wrong chat", "telegram:1:60", 9));
    CHECK(reply.find("removed") != std::string::npos);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
}

TEST_CASE("an edited race date moves the race it made", "[edit]") {
    Conversation chat;
    chat.say_as("my half is on Dec 14", "telegram:1:70");
    chat.say_as("my half is on Dec 21", "telegram:1:70", 3);
    const auto races = chat.repos().races.upcoming(chat.user_id(), "2026-11-23");
    REQUIRE(races.size() == 1);
    CHECK(races[0].date == "2026-12-21");
}

TEST_CASE("an edit that makes a run hard plans its massage reminder: easy takes it back",
          "[edit]") {
    Conversation chat;
    chat.say_as("12k easy today", "telegram:1:80");
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
    chat.say_as("12k tempo today", "telegram:1:80", 2);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).size() == 1);
    chat.say_as("12k easy today", "telegram:1:80", 3);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}
