#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "crash/crash_scenario.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;
using namespace rubdown::testing::crash;

// The real binary killed with SIGKILL under a webhook load, restarted on the same database; see
// crash_scenario.hpp for what is checked. The seed is printed so that a failure can be re-run with
// RUBDOWN_CRASH_SEED; the long version takes its size from the environment (bench/crash/README.md).

namespace {

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::stoull(value) : fallback;
}

/// RUBDOWN_CRASH_SEED when set; otherwise `fallback`, or a fresh random seed when that is 0.
std::uint64_t seed_from_env(std::uint64_t fallback) {
    if (const char* value = std::getenv("RUBDOWN_CRASH_SEED"); value && *value)
        return std::stoull(value);
    return fallback != 0 ? fallback : std::random_device{}();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += "\n  " + line;
    return text;
}

void run_and_check(CrashOptions options) {
    TempDir dir;
    options.binary = RUBDOWN_BINARY;
    options.work_dir = dir.path().string();
    INFO("seed " << options.seed << " (re-run with RUBDOWN_CRASH_SEED=" << options.seed << ")");
    CrashOutcome outcome;
    try {
        outcome = run_crash_scenario(options);
    } catch (const std::exception& error) {
        FAIL(error.what());
    }
    std::cout << "crash test, seed " << options.seed << ":\n" << outcome.summary();
    INFO("run:" << joined(outcome.log));
    INFO("violations:" << joined(outcome.violations));
    CHECK(outcome.violations.empty());
    CHECK(outcome.figures.kills == options.kills);
    CHECK(outcome.figures.duplicates == 0);
    CHECK(outcome.figures.lost == 0);
    // A graceful stop waits for the sends in flight: nothing is sent twice.
    if (options.graceful) {
        CHECK(outcome.figures.repeated == 0);
        // The stops did catch sends under way, or the test proves nothing about waiting.
        CHECK(outcome.figures.sending_at_graceful_stops > 0);
    }
    // The fakes must have seen real work: every update acknowledged, nudges planned and sent.
    CHECK(outcome.figures.acknowledged == outcome.figures.updates);
    CHECK(outcome.figures.nudges_planned > 0);
}

}  // namespace

TEST_CASE("SIGKILL under webhook load loses no acknowledged update and no reply") {
    CrashOptions options;
    // A fixed seed keeps CI's runs alike (the moments still vary with timing); seed 2 kills
    // during the load, while the day's nudges fire and while they are being sent.
    options.seed = seed_from_env(2);
    options.kills = 4;
    options.days = 3;
    options.telegram_runners = 4;
    options.slack_runners = 4;
    options.max_runs_per_day = 2;
    run_and_check(options);
}

TEST_CASE("SIGTERM restarts under webhook load repeat no reply and no nudge") {
    CrashOptions options;
    options.seed = seed_from_env(3);
    options.graceful = true;
    // Slow platform answers keep several sends in flight at each stop, for it to wait for.
    options.send_delay = std::chrono::milliseconds{300};
    options.kills = 3;
    options.days = 2;
    options.telegram_runners = 3;
    options.slack_runners = 3;
    run_and_check(options);
}

TEST_CASE("the long version, sized by RUBDOWN_CRASH_* variables", "[.long]") {
    CrashOptions options;
    options.seed = seed_from_env(0);
    options.kills = static_cast<int>(env_number("RUBDOWN_CRASH_KILLS", 40));
    options.days = static_cast<int>(env_number("RUBDOWN_CRASH_DAYS", 20));
    options.telegram_runners = static_cast<int>(env_number("RUBDOWN_CRASH_TELEGRAM_RUNNERS", 10));
    options.slack_runners = static_cast<int>(env_number("RUBDOWN_CRASH_SLACK_RUNNERS", 10));
    options.max_runs_per_day = static_cast<int>(env_number("RUBDOWN_CRASH_MAX_RUNS_PER_DAY", 3));
    options.workers = static_cast<int>(env_number("RUBDOWN_CRASH_WORKERS", 6));
    run_and_check(options);
}
