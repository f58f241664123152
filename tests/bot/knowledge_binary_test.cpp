// End to end through the real binary: an operator's knowledge file in chat, its check and ask
// commands, a bad file at start-up, and a reload on SIGHUP in `rubdown serve`.

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <thread>

#include "support/child_process.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;

namespace {

const std::string kBinary = RUBDOWN_BINARY;

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::trunc);
    out << text;
}

const char* const kOneEntry =
    "# Riverside Clinic\n\n"
    "## How much does a session cost?\n- what are your prices\n\n"
    "A 60-minute sports massage is 55 euros.\n";

const char* const kTwoEntries =
    "# Riverside Clinic\n\n"
    "## How much does a session cost?\n- what are your prices\n\n"
    "A 60-minute sports massage is 55 euros.\n\n"
    "## Where are you?\n- what is your address\n\n"
    "12 River Lane, above the bike shop.\n";

/// The value of a metric line "name value" in /metrics, or -1.
long metric(unsigned short port, const std::string& name) {
    RawHttpClient client(port);
    const auto response = client.request("GET", "/metrics");
    if (!response) return -1;
    const auto body = response->body();
    const auto at = body.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stol(body.substr(at + name.size() + 2));
}

/// Waits until the metric has the value (the reload runs on the server's own thread).
bool metric_becomes(unsigned short port, const std::string& name, long value) {
    for (int i = 0; i < 250; ++i) {
        if (metric(port, name) == value) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

}  // namespace

TEST_CASE("binary: chat answers from the operator's knowledge file, and abstains beyond it") {
    TempDir dir;
    write_file(dir.file("clinic.md"), kTwoEntries);
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chat.db")},
                                                 {"RUBDOWN_KNOWLEDGE", dir.file("clinic.md")}};
    const auto result = run_to_end(kBinary, {"chat"}, dir.path().string(), env,
                                   "how much do you charge for a massage?\n"
                                   "what's your address?\n"
                                   "are ice baths good after a massage?\n");
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("55 euros"));
    CHECK_THAT(result.out, Catch::Contains("12 River Lane"));
    CHECK_THAT(result.out, Catch::Contains("I don't know that one"));
}

TEST_CASE("binary: knowledge check and knowledge ask") {
    TempDir dir;
    write_file(dir.file("good.md"), kTwoEntries);
    write_file(dir.file("bad.md"), "# Clinic\n\n## Prices?\n\n## Address?\nRiver Lane.\n");
    const auto good =
        run_to_end(kBinary, {"knowledge", "check", dir.file("good.md")}, dir.path().string());
    CHECK(good.exit_code == 0);
    CHECK_THAT(good.out, Catch::Contains("2 entries"));
    const auto bad =
        run_to_end(kBinary, {"knowledge", "check", dir.file("bad.md")}, dir.path().string());
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains(dir.file("bad.md") + ":3:"));

    const std::map<std::string, std::string> env{{"RUBDOWN_KNOWLEDGE", dir.file("good.md")}};
    const auto asked = run_to_end(kBinary, {"knowledge", "ask", "what are your prices?"},
                                  dir.path().string(), env);
    CHECK(asked.exit_code == 0);
    CHECK_THAT(asked.out, Catch::StartsWith("entry: How much does a session cost? (score "));
    const auto abstained = run_to_end(
        kBinary, {"knowledge", "ask", "how often should I foam roll?"}, dir.path().string(), env);
    CHECK_THAT(abstained.out, Catch::StartsWith("abstain:"));
}

TEST_CASE("binary: a bad knowledge file stops start-up, naming the file and line") {
    TempDir dir;
    write_file(dir.file("bad.md"), "Welcome!\n## Prices?\n55.\n");
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", dir.file("chat.db")},
                                                 {"RUBDOWN_KNOWLEDGE", dir.file("bad.md")}};
    for (const char* command : {"chat", "serve"}) {
        INFO(command);
        const auto result = run_to_end(kBinary, {command}, dir.path().string(), env, "");
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("RUBDOWN_KNOWLEDGE: " + dir.file("bad.md") + ":1:"));
    }
}

TEST_CASE("binary: serve reloads the knowledge file on SIGHUP and keeps it when a reload is bad") {
    TempDir dir;
    write_file(dir.file("clinic.md"), kOneEntry);
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("serve.db")},
                         {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                         {"RUBDOWN_KNOWLEDGE", dir.file("clinic.md")}});
    REQUIRE(server.wait_for_log("event=listening", std::chrono::seconds(30)));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    const long built_in_plus_one = metric(port, "rubdown_knowledge_entries");
    REQUIRE(built_in_plus_one > 1);

    write_file(dir.file("clinic.md"), kTwoEntries);
    server.signal(SIGHUP);
    CHECK(metric_becomes(port, "rubdown_knowledge_entries", built_in_plus_one + 1));
    CHECK(server.wait_for_log("event=knowledge_reloaded", std::chrono::seconds(5)));

    // A broken file: the answers in force stay, and the log says why.
    write_file(dir.file("clinic.md"), "## Prices?\n\n## Address?\nRiver Lane.\n");
    server.signal(SIGHUP);
    CHECK(server.wait_for_log("event=knowledge_reload_failed", std::chrono::seconds(5)));
    CHECK_THAT(server.err(), Catch::Contains(dir.file("clinic.md") + ":1:"));
    CHECK(metric(port, "rubdown_knowledge_entries") == built_in_plus_one + 1);

    server.signal(SIGTERM);
    CHECK(server.wait(std::chrono::seconds(10)) == 0);
}
