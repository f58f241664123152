// The safety triage inside the engine: a red flag is answered first, whatever else the message
// asks; a run told with one is logged without a nudge; booking reminders already planned stop.

#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"

using rubdown::testing::Conversation;
namespace storage = rubdown::storage;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("an urgent message gets the emergency answer, not run statistics", "[safety]") {
    Conversation chat;
    const auto replies = chat.say("I had chest pain on my run this morning");
    REQUIRE(replies.size() == 1);
    CHECK(contains(replies[0].text, "call emergency services"));
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
}

TEST_CASE("a hard run told with a red flag is logged, says so, and plans no nudge", "[safety]") {
    Conversation chat;
    const auto replies = chat.say("12k tempo in 58:10, had chest pain and felt faint at the end");
    REQUIRE(replies.size() == 2);
    CHECK(contains(replies[0].text, "emergency services"));
    CHECK(contains(replies[1].text, "Logged ✓"));
    CHECK_FALSE(contains(replies[1].text, "remind you to book"));
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(12.0));
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}

TEST_CASE("a red flag calls off the booking reminder planned for an earlier run", "[safety]") {
    Conversation chat;
    chat.say("12k tempo in 58:10, felt hard");
    REQUIRE(chat.repos().nudges.pending_for_user(chat.user_id()).size() == 1);
    const auto replies = chat.say("my calf is swollen, red and warm since yesterday");
    REQUIRE(replies.size() == 2);
    CHECK(contains(replies[0].text, "blood clot"));
    CHECK(contains(replies[1].text, "called off"));
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}

TEST_CASE("a massage or booking question about an injured area gets the medical answer",
          "[safety]") {
    Conversation chat;
    for (const char* text :
         {"can I get a massage with a blood clot in my leg?",
          "my shin hurts in one spot even when I walk, should I get it massaged?",
          "book me a deep tissue massage, I pulled my hamstring yesterday"}) {
        INFO(text);
        const auto replies = chat.say(text);
        REQUIRE(replies.size() == 1);
        CHECK(contains(replies[0].text, "doctor"));
        CHECK(replies[0].buttons.empty());  // no "Book now"
    }
}

TEST_CASE("a red flag drops the question the bot was waiting on", "[safety]") {
    Conversation chat;
    CHECK(contains(chat.say_text("ran this morning"), "How far"));
    const auto replies = chat.say("felt dizzy and my heart was racing");
    REQUIRE(replies.size() == 1);
    CHECK(contains(replies[0].text, "emergency services"));
    // The next message is not taken as the answer to "how far?".
    CHECK(contains(chat.say_text("how far did I run this week?"), "0"));
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
}

TEST_CASE("ordinary soreness still gets the usual answers and nudges", "[safety]") {
    Conversation chat;
    const auto replies = chat.say("ran 10k hard, legs toast, HR 175");
    REQUIRE_FALSE(replies.empty());
    CHECK(contains(replies[0].text, "Logged ✓"));
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).size() == 1);
}
