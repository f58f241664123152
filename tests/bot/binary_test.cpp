#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;

namespace {
const std::string kBinary = RUBDOWN_BINARY;

/// The CSV rows (header left out) of `rubdown export` for a console user.
std::vector<std::string> exported_rows(const TempDir& dir,
                                       const std::map<std::string, std::string>& env,
                                       const std::string& user) {
    const auto csv =
        run_to_end(kBinary, {"export", "--user", "console:" + user}, dir.path().string(), env);
    REQUIRE(csv.exit_code == 0);
    std::istringstream lines(csv.out);
    std::string header;
    std::getline(lines, header);
    std::vector<std::string> rows;
    for (std::string row; std::getline(lines, row);) rows.push_back(row);
    return rows;
}
}  // namespace

TEST_CASE("binary: piped chat answers /start and /help through the real engine and database") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chat.db")}};
    const auto result = run_to_end(kBinary, {"chat"}, dir.path().string(), env, "/start\n/help\n");
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("Rubdown"));
    // /help lists what the bot can do, including logging a run.
    CHECK_THAT(result.out, Catch::Contains("log"));
}

TEST_CASE("binary: a run logged in chat survives a restart and is exported") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("runs.db")}};
    const auto logged = run_to_end(kBinary, {"chat", "--user", "ana"}, dir.path().string(), env,
                                   "ran 10k in 52:30 yesterday, felt hard\n");
    REQUIRE(logged.exit_code == 0);
    CHECK_THAT(logged.out, Catch::Contains("52:30"));

    const auto csv =
        run_to_end(kBinary, {"export", "--user", "console:ana"}, dir.path().string(), env);
    REQUIRE(csv.exit_code == 0);
    std::istringstream lines(csv.out);
    std::string header, row, extra;
    std::getline(lines, header);
    std::getline(lines, row);
    CHECK(header == "date,distance_km,duration_s,effort,text");
    CHECK_THAT(row, Catch::Contains(",10,3150,hard,") || Catch::Contains(",10.0,3150,hard,"));
    CHECK_FALSE(std::getline(lines, extra));

    const auto missing =
        run_to_end(kBinary, {"export", "--user", "console:nobody"}, dir.path().string(), env);
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Catch::Contains("console:nobody"));
}

TEST_CASE("binary: a bad flag or value is one line naming it, exit 2") {
    TempDir dir;
    const auto bad_flag = run_to_end(kBinary, {"serve", "--no-such-flag"}, dir.path().string());
    CHECK(bad_flag.exit_code == 2);
    CHECK_THAT(bad_flag.err, Catch::Contains("--no-such-flag"));
    CHECK(std::count(bad_flag.err.begin(), bad_flag.err.end(), '\n') == 1);

    const auto bad_env =
        run_to_end(kBinary, {"serve"}, dir.path().string(), {{"RUBDOWN_LISTEN", "here"}});
    CHECK(bad_env.exit_code == 2);
    CHECK_THAT(bad_env.err, Catch::Contains("RUBDOWN_LISTEN"));

    const auto version = run_to_end(kBinary, {"--version"}, dir.path().string());
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("rubdown "));
}

TEST_CASE("binary: migrate applies once, then nothing") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("m.db")}};
    const auto first = run_to_end(kBinary, {"migrate"}, dir.path().string(), env);
    CHECK(first.exit_code == 0);
    CHECK_THAT(first.out, !Catch::Contains("applied 0 "));
    const auto second = run_to_end(kBinary, {"migrate"}, dir.path().string(), env);
    CHECK_THAT(second.out, Catch::Contains("applied 0 migrations"));
}

TEST_CASE("binary: serve answers /healthz and stops cleanly on SIGTERM") {
    TempDir dir;
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("serve.db")}, {"RUBDOWN_LISTEN", "127.0.0.1:0"}});
    REQUIRE(server.wait_for_log("event=listening", std::chrono::seconds(30)));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    {
        RawHttpClient client(port);
        auto health = client.request("GET", "/healthz");
        REQUIRE(health);
        CHECK(health->result_int() == 200);
        auto metrics = client.request("GET", "/metrics");
        REQUIRE(metrics);
        CHECK_THAT(metrics->body(), Catch::Contains("rubdown_http_requests_total"));
        CHECK_THAT(metrics->body(), Catch::Contains("\nrubdown_inbox_unprocessed 0\n"));
        // The simulated-clock endpoint does not exist on a real clock.
        auto clock = client.request("POST", "/admin/clock", "{\"advance_seconds\":1}");
        REQUIRE(clock);
        CHECK(clock->result_int() == 404);
    }
    server.signal(SIGTERM);
    CHECK(server.wait(std::chrono::seconds(10)) == 0);
    CHECK_THAT(server.err(), Catch::Contains("event=stopped"));
}

TEST_CASE("binary: corrections, a two-run message and plans leave the log the runner meant") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("log.db")},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:00:00Z"}};
    const auto chat = run_to_end(kBinary, {"chat", "--user", "ana"}, dir.path().string(), env,
                                 "8k easy yesterday and 10k steady today\n"
                                 "ran 15k on saturday\n"
                                 "sorry, it was 12k not 15k\n"
                                 "change Sunday's run to 9k\n"
                                 "make that 52:00\n"
                                 "training for a 100 mile ultra\n"
                                 "20k tomorrow\n"
                                 "I didn't run on Sunday\n"
                                 "/undo\n");
    REQUIRE(chat.exit_code == 0);
    CHECK_THAT(chat.out, Catch::Contains("Changed ✓") && Catch::Contains("Deleted ✓") &&
                             Catch::Contains("Put back"));

    const auto rows = exported_rows(dir, env, "ana");
    // Saturday's 15k became 12k in 52:00; Sunday's 8k became 9k, was deleted and put back;
    // today's 10k stands; neither plan logged anything.
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].starts_with("2026-11-21,12,3120,"));
    CHECK(rows[1].starts_with("2026-11-22,9,,easy,"));
    CHECK(rows[2].starts_with("2026-11-23,10,,moderate,"));
}

TEST_CASE(
    "binary: runs told together, another sport beside a run and a plan not kept log what was run") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("log.db")},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:00:00Z"}};
    const auto chat = run_to_end(kBinary, {"chat", "--user", "bo"}, dir.path().string(), env,
                                 "3 miles on tuesday and 4 on wednesday\n"
                                 "Thu: 7k easy / Fri: 10k steady\n"
                                 "you have 10k for friday, it was 12\n"
                                 "swam 2k, then ran 6k easy on sunday\n"
                                 "planned 15k but only did 9k\n");
    REQUIRE(chat.exit_code == 0);
    const auto rows = exported_rows(dir, env, "bo");
    // The second run of the first message is in the first one's miles (4 x 1.609344 km); the
    // slash parts two runs; Friday's 10k became 12; the swim is no run; the plan logged nothing.
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].starts_with("2026-11-17,4.828,"));
    CHECK(rows[1].starts_with("2026-11-18,6.437,"));
    CHECK(rows[2].starts_with("2026-11-19,7,,easy,"));
    CHECK(rows[3].starts_with("2026-11-20,12,,moderate,"));
    CHECK(rows[4].starts_with("2026-11-22,6,,easy,"));
    CHECK(rows[5].starts_with("2026-11-23,9,,,"));
}

TEST_CASE("binary: a weekday run told without tense is asked about, then logged or planned") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("log.db")},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:00:00Z"}};
    const auto chat = run_to_end(kBinary, {"chat", "--user", "cy"}, dir.path().string(), env,
                                 "20 miler on sunday\n"
                                 "ran it\n"
                                 "90 minutes easy on wednesday\n"
                                 "it's the plan\n");
    REQUIRE(chat.exit_code == 0);
    CHECK_THAT(chat.out, Catch::Contains("or is it planned for"));
    const auto rows = exported_rows(dir, env, "cy");
    // Sunday's 20 miles were run (32.187 km on 22 Nov); Wednesday's 90 minutes are a plan.
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].starts_with("2026-11-22,32.187,"));
}

TEST_CASE(
    "binary: a runner who moves zones keeps local dates and local nudge hours: miles and "
    "two races") {
    TempDir dir;
    // 23:30 UTC on Monday 23 Nov is already Tuesday morning in Tokyo.
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("view.db")},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T23:30:00Z"}};
    const auto tokyo = run_to_end(kBinary, {"chat", "--user", "di"}, dir.path().string(), env,
                                  "just landed, I'm in Tokyo for two weeks\n"
                                  "ran 10k hard\n"
                                  "half marathon on Dec 14\n");
    REQUIRE(tokyo.exit_code == 0);
    CHECK_THAT(tokyo.out, Catch::Contains("Asia/Tokyo") && Catch::Contains("08:30 there now"));
    auto rows = exported_rows(dir, env, "di");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].starts_with("2026-11-24,10,"));  // Tokyo's Tuesday, not UTC's Monday
    const auto in_tokyo =
        run_to_end(kBinary, {"nudges", "--user", "console:di"}, dir.path().string(), env);
    CHECK_THAT(in_tokyo.out, Catch::Contains("2026-12-09 09:00 JST"));

    const auto lisbon = run_to_end(kBinary, {"chat", "--user", "di"}, dir.path().string(), env,
                                   "moved to Lisbon\n"
                                   "use miles\n"
                                   "ran 5 miles easy\n"
                                   "how far did I run this week?\n"
                                   "10k on Dec 28\n"
                                   "my races\n"
                                   "cancel the 10k\n"
                                   "my races\n");
    REQUIRE(lisbon.exit_code == 0);
    // The race nudges move to Lisbon's morning; the runs keep their local dates.
    const auto in_lisbon =
        run_to_end(kBinary, {"nudges", "--user", "console:di"}, dir.path().string(), env);
    CHECK_THAT(in_lisbon.out, Catch::Contains("2026-12-09 09:00 WET"));
    rows = exported_rows(dir, env, "di");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].starts_with("2026-11-23,8.047,"));  // 5 miles, on Lisbon's Monday
    CHECK(rows[1].starts_with("2026-11-24,10,"));
    // Miles everywhere the runner reads distances.
    CHECK_THAT(lisbon.out, Catch::Contains("Logged ✓ 5 mi") && Catch::Contains("11.21 mi"));
    CHECK_THAT(lisbon.out, Catch::Contains("10k on Mon 28 Dec") &&
                               Catch::Contains("Cancelled your 10k on Mon 28 Dec"));
    // Listed twice: with both races, then with the half alone.
    const auto second_list = lisbon.out.rfind("Your race");
    REQUIRE(second_list != std::string::npos);
    CHECK(lisbon.out.substr(second_list).starts_with("Your race:\n• half marathon"));
}

TEST_CASE("binary: a chart asked for in the terminal is described in words, and its button works") {
    TempDir dir;
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chart.db")},
                                                 {"RUBDOWN_RUNNER_MESSAGES_PER_MINUTE", "0"}};
    // "1" presses the chart's only button: the months.
    const auto chat = run_to_end(kBinary, {"chat", "--user", "ed"}, dir.path().string(), env,
                                 "ran 10k yesterday\nshow me a chart of my running\n1\n");
    REQUIRE(chat.exit_code == 0);
    CHECK_THAT(chat.out, Catch::Contains("Your distance by week, the last 12 weeks: 10 km in all"));
    CHECK_THAT(chat.out, Catch::Contains("[Bar chart of km per week: "));
    CHECK_THAT(chat.out, Catch::Contains("[1] Chart by month"));
    CHECK_THAT(chat.out,
               Catch::Contains("Your distance by month, the last 12 months: 10 km in all"));
    CHECK_THAT(chat.out, Catch::Contains("[Bar chart of km per month: "));
}
