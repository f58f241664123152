#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/book_massage_handler.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace handlers = rubdown::intents::handlers;

TEST_CASE("asking to book gets the operator's link", "[book_massage]") {
    Conversation chat;
    const auto replies = chat.say("where can I book a massage?");
    REQUIRE(replies.size() == 1);
    REQUIRE_FALSE(replies[0].buttons.empty());
    CHECK(replies[0].buttons[0].label == "Book now");
    CHECK(replies[0].buttons[0].url == "https://book.example/rubdown");
    CHECK(chat.repos().bookings.list(chat.user_id()).empty());
}

TEST_CASE("without a booking link the bot says so", "[book_massage]") {
    Conversation chat(at(2026, 11, 23), true, "");
    const auto replies = chat.say("where can I book a massage?");
    REQUIRE(replies.size() == 1);
    CHECK(replies[0].text.find("don't have a booking link") != std::string::npos);
    for (const auto& button : replies[0].buttons) CHECK(button.url.empty());
}

TEST_CASE("saying you booked records the booking with its day", "[book_massage]") {
    Conversation chat;  // Monday 23 Nov
    const auto text = chat.say_text("I booked a massage for Friday");
    CHECK(text.find("Fri 27 Nov") != std::string::npos);
    const auto bookings = chat.repos().bookings.list(chat.user_id());
    REQUIRE(bookings.size() == 1);
    CHECK(bookings[0].date == "2026-11-27");
}

TEST_CASE("a booking too close to a race gets a warning", "[book_massage]") {
    Conversation chat;
    chat.say("half marathon on Dec 14");
    const auto text = chat.say_text("I booked a massage for Dec 13");
    CHECK(text.find("only 1 day before") != std::string::npos);
}

TEST_CASE("booking phrases", "[book_massage]") {
    CHECK(handlers::says_booked("I booked a massage for Friday"));
    CHECK(handlers::says_booked("just made an appointment for Thursday"));
    CHECK_FALSE(handlers::says_booked("how do I book a massage?"));
    CHECK_FALSE(handlers::says_booked("I haven't booked yet"));
    CHECK_FALSE(handlers::says_booked("book me a massage"));
}
