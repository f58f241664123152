#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/handlers/log_run_handler.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace storage = rubdown::storage;

TEST_CASE("a run is stored and echoed back with pace, effort and day", "[log_run]") {
    Conversation chat;
    const auto replies = chat.say("12k tempo in 58:10, felt hard");
    REQUIRE(replies.size() == 1);
    const auto& text = replies.front().text;
    CHECK(text.find("12 km") != std::string::npos);
    CHECK(text.find("58:10") != std::string::npos);
    CHECK(text.find("4:51 min/km") != std::string::npos);  // 3490 s / 12 km
    CHECK(text.find("hard") != std::string::npos);
    CHECK(text.find("today") != std::string::npos);

    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].date == "2026-11-23");
    CHECK(runs[0].distance_km == Approx(12.0));
    CHECK(runs[0].duration_s == 3490);
    CHECK(runs[0].effort == storage::Effort::hard);
    CHECK(runs[0].hard);
    CHECK(runs[0].text == "12k tempo in 58:10, felt hard");
}

TEST_CASE("a hard run plans a nudge and an easy one does not", "[log_run]") {
    Conversation chat;
    chat.say("5 miles easy yesterday");
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
    const auto easy = chat.repos().runs.list(chat.user_id()).at(0);
    CHECK(easy.date == "2026-11-22");
    CHECK_FALSE(easy.hard);
    CHECK(easy.distance_km == Approx(8.0467).epsilon(0.001));

    const auto hard = chat.say_text("12k tempo in 58:10, felt hard");
    const auto nudges = chat.repos().nudges.pending_for_user(chat.user_id());
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == storage::NudgeKind::after_hard_session);
    CHECK(hard.find("I'll remind you to book one") != std::string::npos);
}

TEST_CASE("a hard run promises a reminder only when one is planned", "[log_run]") {
    Conversation chat;
    chat.say("pause reminders for 3 days");
    const auto text = chat.say_text("12k tempo in 58:10, felt hard");
    CHECK(text.find("That was a hard one") != std::string::npos);
    CHECK(text.find("remind you") == std::string::npos);
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());
}

TEST_CASE("a run without distance or time gets one follow-up question", "[log_run]") {
    Conversation chat;
    const auto question = chat.say_text("went for a run this morning, felt easy");
    CHECK(question.find("How far") != std::string::npos);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
    CHECK(chat.repos().conversations.pending(chat.user_id()).has_value());

    const auto logged = chat.say_text("8k");
    CHECK(logged.find("Logged") != std::string::npos);
    CHECK(logged.find("8 km") != std::string::npos);
    const auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(8.0));
    CHECK(runs[0].effort == storage::Effort::easy);  // kept from the first message
    CHECK(runs[0].text == "went for a run this morning, felt easy / 8k");
    CHECK_FALSE(chat.repos().conversations.pending(chat.user_id()).has_value());
}

TEST_CASE("a follow-up can be answered with a time or a bare number", "[log_run]") {
    Conversation chat;
    chat.say("went for a run this morning, felt easy");
    chat.say("45 min");
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].duration_s == 2700);
    CHECK_FALSE(runs[0].distance_km.has_value());

    chat.say("went for a run this morning, felt easy");
    chat.say("6.5");
    runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 2);
    CHECK((runs[0].distance_km == Approx(6.5) || runs[1].distance_km == Approx(6.5)));
}

TEST_CASE("a follow-up is dropped when the runner changes the subject", "[log_run]") {
    Conversation chat;
    chat.say("went for a run this morning, felt easy");
    const auto answer = chat.say_text("does deep tissue massage hurt?");
    CHECK(answer.find("sore") != std::string::npos);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
    // The run's question is gone; what is kept is the massage topic just answered.
    const auto pending =
        rubdown::intents::handlers::load_follow_up(chat.repos().conversations, chat.user_id());
    REQUIRE(pending);
    CHECK(pending->kind == rubdown::intents::handlers::FollowUp::Kind::massage_topic);
}

TEST_CASE("an implausible pace is confirmed before it is stored", "[log_run]") {
    Conversation chat;
    const auto question = chat.say_text("ran 10k in 15 min");
    CHECK(question.find("Just checking") != std::string::npos);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());

    SECTION("yes stores it as given") {
        chat.say("yes");
        const auto runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].duration_s == 900);
    }
    SECTION("a corrected time replaces the wrong one") {
        chat.say("50 min");
        const auto runs = chat.repos().runs.list(chat.user_id());
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].distance_km == Approx(10.0));
        CHECK(runs[0].duration_s == 3000);
    }
    SECTION("cancel stores nothing") {
        CHECK(chat.say_text("cancel").find("didn't log") != std::string::npos);
        CHECK(chat.repos().runs.list(chat.user_id()).empty());
    }
}

TEST_CASE("plausibility bounds", "[log_run]") {
    using rubdown::intents::handlers::plausible_run;
    CHECK(plausible_run(10.0, 3000));
    CHECK(plausible_run(42.195, 3 * 3600 + 30 * 60));
    CHECK(plausible_run(std::nullopt, 2700));
    CHECK_FALSE(plausible_run(10.0, 900));      // 1:30 min/km
    CHECK_FALSE(plausible_run(2.0, 3 * 3600));  // 90 min/km
    CHECK_FALSE(plausible_run(400.0, std::nullopt));
}
