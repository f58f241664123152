#include <catch2/catch.hpp>

#include "support/child_process.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;

// The real binary on a simulated clock. `rubdown chat` fires what is due when a session starts and
// after each message, so a chat session opened "later" (a later RUBDOWN_SIM_CLOCK) shows the nudges
// that came due in between, exactly once.

namespace {
const std::string kBinary = RUBDOWN_BINARY;

Finished chat_at(const TempDir& dir, const std::string& instant, const std::string& input,
                 const std::string& user = "ana") {
    return run_to_end(kBinary, {"chat", "--user", user}, dir.path().string(),
                      {{"RUBDOWN_DB", dir.file("nudges.db")},
                       {"RUBDOWN_SIM_CLOCK", instant},
                       {"RUBDOWN_BOOKING_URL", "https://clinic.example/book"}},
                      input);
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t found = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++found;
    return found;
}

// Every nudge carries these buttons; their presence marks a nudge in the console transcript.
const std::string kSnoozeButton = "Remind me tomorrow";
}  // namespace

TEST_CASE("binary, simulated clock: a hard run brings one booking nudge about two hours later") {
    TempDir dir;
    const auto logged =
        chat_at(dir, "2026-11-23T10:00:00Z",
                "my time zone is UTC\nran 12k tempo in 58:10 this morning, felt hard\n");
    REQUIRE(logged.exit_code == 0);
    CHECK(count(logged.out, kSnoozeButton) == 0);

    const auto listed = run_to_end(kBinary, {"nudges", "--user", "console:ana"},
                                   dir.path().string(), {{"RUBDOWN_DB", dir.file("nudges.db")}});
    CHECK(listed.exit_code == 0);
    CHECK_THAT(listed.out, Catch::Contains("2026-11-23T12:00"));

    const auto too_early = chat_at(dir, "2026-11-23T11:30:00Z", "");
    CHECK(count(too_early.out, kSnoozeButton) == 0);

    const auto due = chat_at(dir, "2026-11-23T12:05:00Z", "");
    CHECK(count(due.out, kSnoozeButton) == 1);
    CHECK_THAT(due.out, Catch::Contains("https://clinic.example/book"));

    const auto later = chat_at(dir, "2026-11-23T18:00:00Z", "");
    CHECK(count(later.out, kSnoozeButton) == 0);
}

TEST_CASE(
    "binary, simulated clock: a race in 12 days nudges on D-5 at 09:00 local, then not after "
    "Booked") {
    TempDir dir;
    // Monday 23 November; the race is Saturday 5 December, in Berlin (UTC+1 in winter).
    const auto set =
        chat_at(dir, "2026-11-23T10:00:00Z",
                "my time zone is Europe/Berlin\nI'm running a half marathon on Dec 5\n");
    REQUIRE(set.exit_code == 0);

    const auto before = chat_at(dir, "2026-11-30T07:59:00Z", "");  // 08:59 in Berlin on D-5
    CHECK(count(before.out, kSnoozeButton) == 0);

    // The nudge is shown when the session opens; typing its number presses "Booked ✓".
    const auto d5 = chat_at(dir, "2026-11-30T08:01:00Z", "2\n");  // 09:01 in Berlin on D-5
    REQUIRE(count(d5.out, kSnoozeButton) == 1);
    CHECK_THAT(d5.out, Catch::Contains("[2] Booked"));
    const auto listed = run_to_end(kBinary, {"nudges", "--user", "console:ana"},
                                   dir.path().string(), {{"RUBDOWN_DB", dir.file("nudges.db")}});
    // The second pre-race nudge (D-4) is cancelled by the booking; only the post-race one is left.
    CHECK_THAT(listed.out, !Catch::Contains("2026-12-01T08:00"));

    const auto d4 = chat_at(dir, "2026-12-01T08:30:00Z", "");  // D-4 09:30 Berlin
    CHECK(count(d4.out, kSnoozeButton) == 0);
}

TEST_CASE("binary: the server killed with -9 while nudges are due sends each exactly once") {
    TempDir dir;
    const std::string db = dir.file("nudges.db");
    // Three runners log hard runs at 10:00; their nudges come due at 12:00.
    for (const std::string user : {"a", "b", "c"}) {
        const auto logged =
            chat_at(dir, "2026-11-23T10:00:00Z",
                    "my time zone is UTC\nran 15k hard this morning in 1:15:00\n", user);
        REQUIRE(logged.exit_code == 0);
    }
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", db},
                                                 {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:30:00Z"},
                                                 {"RUBDOWN_ADMIN_TOKEN", "test-admin-token"}};
    auto start_server = [&] {
        auto server = std::make_unique<ChildProcess>(kBinary, std::vector<std::string>{"serve"},
                                                     dir.path().string(), env);
        REQUIRE(server->wait_for_log("event=listening", std::chrono::seconds(30)));
        const auto port = listening_port(*server);
        REQUIRE(port != 0);
        return std::make_pair(std::move(server), port);
    };

    {
        auto [server, port] = start_server();
        // Refused on its headers, the request's connection closes: the rest use another.
        auto refused =
            RawHttpClient(port).request("POST", "/admin/clock", R"({"advance_seconds":60})");
        RawHttpClient client(port);
        REQUIRE(refused);
        CHECK(refused->result_int() == 401);
        // A huge step is refused instead of overflowing the clock.
        for (const auto* huge :
             {R"({"advance_seconds":9223372036854775807})", R"({"advance_seconds":316224001})"}) {
            auto too_far = client.request("POST", "/admin/clock", huge,
                                          "Authorization: Bearer test-admin-token\r\n");
            REQUIRE(too_far);
            CHECK(too_far->result_int() == 400);
            CHECK_THAT(too_far->body(), Catch::Contains("ten years"));
        }
        auto moved = client.request("POST", "/admin/clock", R"({"set":"2026-11-23T12:10:00Z"})",
                                    "Authorization: Bearer test-admin-token\r\n");
        REQUIRE(moved);
        CHECK(moved->result_int() == 200);
        CHECK_THAT(moved->body(), Catch::Contains("2026-11-23T12:10:00Z"));
        server->signal(SIGKILL);
        server->wait(std::chrono::seconds(10));
    }
    {
        // Restarted on a clock that is past the due time again: nothing fires a second time.
        auto [server, port] = start_server();
        RawHttpClient client(port);
        auto moved = client.request("POST", "/admin/clock", R"({"advance_seconds":7200})",
                                    "Authorization: Bearer test-admin-token\r\n");
        REQUIRE(moved);
        CHECK(moved->result_int() == 200);
        server->signal(SIGTERM);
        CHECK(server->wait(std::chrono::seconds(10)) == 0);
    }
    // Each runner sees their nudge exactly once when they next open the chat.
    for (const std::string user : {"a", "b", "c"}) {
        const auto shown = chat_at(dir, "2026-11-23T15:00:00Z", "", user);
        CHECK(count(shown.out, kSnoozeButton) == 1);
    }
}
