#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/export_handler.hpp"
#include "intents/handlers/intent_engine.hpp"
#include "intents/handlers/runs_export.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace handlers = rubdown::intents::handlers;
namespace storage = rubdown::storage;

TEST_CASE("/undo walks back the last changes: a log, then a delete", "[undo]") {
    Conversation chat;
    chat.say("5k easy yesterday");
    chat.say("12k tempo in 58:10, felt hard");
    REQUIRE(chat.repos().nudges.pending_for_user(chat.user_id()).size() == 1);

    const auto undone = chat.say_text("/undo");
    CHECK(undone.find("12 km") != std::string::npos);
    auto runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(5.0));
    // The nudge for the removed hard run goes with it.
    CHECK(chat.repos().nudges.pending_for_user(chat.user_id()).empty());

    CHECK(chat.say_text("delete my last run").find("Deleted") != std::string::npos);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
    // Undoing the delete puts the run back as it was.
    CHECK(chat.say_text("/undo").find("Put back") != std::string::npos);
    runs = chat.repos().runs.list(chat.user_id());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(5.0));
    CHECK(runs[0].date == "2026-11-22");
    // Then the log of the 5k itself, and then nothing is left to undo.
    CHECK(chat.say_text("/undo").find("Removed") != std::string::npos);
    CHECK(chat.repos().runs.list(chat.user_id()).empty());
    CHECK(chat.say_text("/undo").find("nothing to undo") != std::string::npos);
}

TEST_CASE("/export sends the runs as CSV, oldest first", "[export]") {
    Conversation chat;
    CHECK(chat.say_text("/export").find("nothing to export") != std::string::npos);
    chat.say("5k easy yesterday");
    chat.say("ran 10k in 50:00 today");
    const auto csv = chat.say_text("/export");
    CHECK(csv ==
          "date,distance_km,duration_s,effort,text\n"
          "2026-11-22,5,,easy,5k easy yesterday\n"
          "2026-11-23,10,3000,,ran 10k in 50:00 today\n");
}

TEST_CASE("/forget deletes everything only after confirmation", "[forget]") {
    Conversation chat;
    chat.say("12k tempo in 58:10, felt hard");
    const auto replies = chat.say("/forget");
    REQUIRE(replies.size() == 1);
    REQUIRE(replies[0].buttons.size() == 2);
    // Each button is tagged with the runner it was shown to (intents/button_owner.hpp).
    CHECK(replies[0].buttons[0].action.starts_with("forget:confirm@"));
    CHECK(replies[0].buttons[1].action.starts_with("forget:cancel@"));
    CHECK(chat.user().has_value());

    SECTION("cancel keeps the data") {
        const auto kept = chat.press("forget:cancel");
        REQUIRE(kept.size() == 1);
        CHECK(kept[0].edit_original);
        CHECK(chat.repos().runs.list(chat.user_id()).size() == 1);
    }
    SECTION("confirm deletes the runner and their runs") {
        const auto id = chat.user_id();
        const auto done = chat.press("forget:confirm");
        REQUIRE(done.size() == 1);
        CHECK(done[0].edit_original);
        CHECK(chat.last_user.id == 0);
        CHECK_FALSE(chat.user().has_value());
        CHECK(chat.repos().runs.list(id).empty());
        CHECK(chat.repos().nudges.pending_for_user(id).empty());
    }
}

TEST_CASE("runs as CSV quote text that needs it", "[export]") {
    storage::Run run;
    run.date = "2026-11-20";
    run.distance_km = 21.0975;
    run.duration_s = 6540;
    run.effort = storage::Effort::hard;
    run.text = "half in 1:49, \"brutal\", legs gone";
    CHECK(handlers::runs_to_csv({run}) ==
          "date,distance_km,duration_s,effort,text\n"
          "2026-11-20,21.098,6540,hard,\"half in 1:49, \"\"brutal\"\", legs gone\"\n");
}

TEST_CASE("runs as CSV: a cell a spreadsheet would run as a formula is kept as text", "[export]") {
    storage::Run run;
    run.date = "2026-11-20";
    const std::vector<std::pair<std::string, std::string>> cells{
        {"=HYPERLINK(\"http://evil.example\",\"ok\")",
         "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"ok\"\")\""},
        {"+1+2", "'+1+2"},
        {"-2+3 felt odd", "'-2+3 felt odd"},
        {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
        {"\t=1", "'\t=1"},
        {"ran 5k = easy", "ran 5k = easy"},  // only the first character counts
    };
    for (const auto& [text, cell] : cells) {
        INFO(text);
        run.text = text;
        CHECK(handlers::runs_to_csv({run}) ==
              "date,distance_km,duration_s,effort,text\n2026-11-20,,,," + cell + "\n");
    }
}

TEST_CASE("runs as JSON use null for unknown values", "[export]") {
    storage::Run run;
    run.date = "2026-11-20";
    run.duration_s = 1800;
    run.text = "30 min jog";
    const auto json = nlohmann::json::parse(handlers::runs_to_json({run}));
    REQUIRE(json.is_array());
    REQUIRE(json.size() == 1);
    CHECK(json[0]["date"] == "2026-11-20");
    CHECK(json[0]["distance_km"].is_null());
    CHECK(json[0]["duration_s"] == 1800);
    CHECK(json[0]["effort"].is_null());
    CHECK(json[0]["text"] == "30 min jog");
}

TEST_CASE("long exports are split at line ends", "[export]") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "line number " + std::to_string(i) + "\n";
    const auto pieces = handlers::split_for_chat(text, 200);
    std::string joined;
    for (const auto& piece : pieces) {
        CHECK(piece.size() <= 200);
        CHECK(piece.back() == '\n');
        joined += piece;
    }
    CHECK(joined == text);
    CHECK(pieces.size() > 5);
}

TEST_CASE("data commands are recognised before the NLU", "[engine]") {
    using handlers::DataCommand;
    CHECK(handlers::data_command("/undo") == DataCommand::undo);
    CHECK(handlers::data_command("/undo@RubdownBot") == DataCommand::undo);
    // Deleting a run in words is a correction the NLU reads, not the /undo command.
    CHECK(handlers::data_command("please delete my last run") == DataCommand::none);
    CHECK(handlers::data_command("/export") == DataCommand::export_runs);
    CHECK(handlers::data_command("Delete all my data!") == DataCommand::forget);
    CHECK(handlers::data_command("/forget") == DataCommand::forget);
    CHECK(handlers::data_command("/undoing") == DataCommand::none);
    CHECK(handlers::data_command("I ran 10k") == DataCommand::none);
}
