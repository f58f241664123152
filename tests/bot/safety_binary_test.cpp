// End to end through `rubdown chat`: what a runner with a medical red flag sees, and what is kept.

#include <catch2/catch.hpp>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;

namespace {
const std::string kBinary = RUBDOWN_BINARY;
}  // namespace

TEST_CASE("binary: an urgent message in chat gets the emergency answer") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chat.db")}};
    const auto result = run_to_end(kBinary, {"chat"}, dir.path().string(), env,
                                   "I had chest pain on my run this morning\n");
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("call emergency services"));
    CHECK_THAT(result.out, !Catch::Contains("this week"));
}

TEST_CASE("binary: a run with a red flag is logged and no nudge is planned") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chat.db")},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:00:00Z"}};
    // A hard run without a red flag first, for contrast: it plans a nudge.
    const auto hard = run_to_end(kBinary, {"chat", "--user", "bo"}, dir.path().string(), env,
                                 "12k tempo in 58:10, felt hard\n");
    REQUIRE(hard.exit_code == 0);
    const auto before =
        run_to_end(kBinary, {"nudges", "--user", "console:bo"}, dir.path().string(), env);
    CHECK_THAT(before.out, Catch::Contains("after_hard_session"));

    const auto flagged =
        run_to_end(kBinary, {"chat", "--user", "ana"}, dir.path().string(), env,
                   "ran 10k in 50:00, really hard, with chest pain and felt faint at the end\n");
    REQUIRE(flagged.exit_code == 0);
    CHECK_THAT(flagged.out, Catch::Contains("emergency services"));
    CHECK_THAT(flagged.out, Catch::Contains("Logged"));
    const auto nudges =
        run_to_end(kBinary, {"nudges", "--user", "console:ana"}, dir.path().string(), env);
    REQUIRE(nudges.exit_code == 0);
    CHECK_THAT(nudges.out, Catch::Contains("No pending nudges"));
    const auto csv =
        run_to_end(kBinary, {"export", "--user", "console:ana"}, dir.path().string(), env);
    CHECK_THAT(csv.out, Catch::Contains(",10,3000,hard,"));
}

TEST_CASE("binary: a massage question about an injured area is referred, not answered") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chat.db")},
                                                 {"RUBDOWN_BOOKING_URL", "https://book.example"}};
    const auto result =
        run_to_end(kBinary, {"chat"}, dir.path().string(), env,
                   "my shin hurts in one spot even when I walk, should I get it massaged?\n"
                   "can I get a massage with a blood clot in my leg?\n");
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("stress fracture"));
    CHECK_THAT(result.out, Catch::Contains("blood clot"));
    CHECK_THAT(result.out, !Catch::Contains("book.example"));
}
