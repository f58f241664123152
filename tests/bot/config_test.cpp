#include <catch2/catch.hpp>

#include <vector>

#include "bot/cli/command_line.hpp"
#include "bot/cli/config.hpp"

using namespace rubdown::bot;

namespace {
std::variant<CommandLine, EarlyExit> parse(std::vector<const char*> args,
                                           std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), "rubdown");
    return parse_command_line(static_cast<int>(args.size()), args.data(), env);
}
const CommandLine& ok(const std::variant<CommandLine, EarlyExit>& outcome) {
    if (auto* exit = std::get_if<EarlyExit>(&outcome)) FAIL("unexpected exit: " << exit->text);
    return std::get<CommandLine>(outcome);
}
const EarlyExit& exited(const std::variant<CommandLine, EarlyExit>& outcome) {
    REQUIRE(std::holds_alternative<EarlyExit>(outcome));
    return std::get<EarlyExit>(outcome);
}
}  // namespace

TEST_CASE("defaults match the documented interface") {
    const auto line = ok(parse({"serve"}));
    CHECK(line.command == Command::serve);
    CHECK(line.config.db_path == "rubdown.db");
    CHECK(line.config.listen_host == "127.0.0.1");
    CHECK(line.config.listen_port == 8080);
    CHECK(line.config.log_level == "info");
    CHECK(line.config.telegram_api_url == "https://api.telegram.org");
    CHECK(line.config.slack_api_url == "https://slack.com/api");
    CHECK(line.config.max_body_bytes == 1024 * 1024);
    CHECK(line.config.max_connections == 2048);
    CHECK(line.config.effective_max_connections_per_address() == 512);
    CHECK_FALSE(line.config.telegram_enabled());
    CHECK_FALSE(line.config.slack_enabled());
    CHECK_FALSE(line.config.sim_clock_start);
}

TEST_CASE("the environment configures, and a flag of the same meaning wins") {
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", "/tmp/env.db"},
                                                 {"RUBDOWN_LISTEN", "0.0.0.0:9000"}};
    const auto from_env = ok(parse({"serve"}, env));
    CHECK(from_env.config.db_path == "/tmp/env.db");
    CHECK(from_env.config.listen_host == "0.0.0.0");
    CHECK(from_env.config.listen_port == 9000);
    const auto flag_wins = ok(parse({"serve", "--db", "/tmp/flag.db"}, env));
    CHECK(flag_wins.config.db_path == "/tmp/flag.db");
    const auto before_subcommand = ok(parse({"--db", "/tmp/early.db", "serve"}, env));
    CHECK(before_subcommand.config.db_path == "/tmp/early.db");
}

TEST_CASE("a bad value is one line naming the variable or the flag, exit 2") {
    struct Case {
        std::vector<const char*> args;
        std::map<std::string, std::string> env;
        std::string names;
    };
    const std::vector<Case> cases{
        {{"serve"}, {{"RUBDOWN_LISTEN", "nonsense"}}, "RUBDOWN_LISTEN"},
        {{"serve", "--listen", "127.0.0.1:99999"}, {}, "--listen"},
        {{"serve"}, {{"RUBDOWN_LISTEN", "bot.example:8080"}}, "RUBDOWN_LISTEN"},
        {{"serve", "--listen", "127.0.0.300:8080"}, {}, "--listen"},
        {{"serve"}, {{"RUBDOWN_DB", ""}}, "RUBDOWN_DB"},
        {{"serve"}, {{"TELEGRAM_BOT_TOKEN", ""}}, "TELEGRAM_BOT_TOKEN"},
        {{"serve"}, {{"RUBDOWN_ADMIN_TOKEN", ""}}, "RUBDOWN_ADMIN_TOKEN"},
        {{"serve", "--db", ""}, {}, "--db"},
        {{"serve"}, {{"RUBDOWN_DB", ":memory:"}}, "RUBDOWN_DB"},
        {{"chat", "--db", ":memory:"}, {}, "--db"},
        {{"serve"}, {{"RUBDOWN_LOG_LEVEL", "loud"}}, "RUBDOWN_LOG_LEVEL"},
        {{"serve"}, {{"RUBDOWN_SIM_CLOCK", "yesterday"}}, "RUBDOWN_SIM_CLOCK"},
        {{"serve", "--booking-url", "example.com"}, {}, "--booking-url"},
        {{"serve"}, {{"TELEGRAM_BOT_TOKEN", "no-colon"}}, "TELEGRAM_BOT_TOKEN"},
        {{"serve"}, {{"TELEGRAM_MODE", "push"}}, "TELEGRAM_MODE"},
        {{"serve"},
         {{"TELEGRAM_BOT_TOKEN", "1:abc"}, {"TELEGRAM_WEBHOOK_URL", "https://bot.example/tg"}},
         "TELEGRAM_WEBHOOK_SECRET"},
        {{"serve"}, {{"TELEGRAM_WEBHOOK_SECRET", "has space"}}, "TELEGRAM_WEBHOOK_SECRET"},
        {{"serve"}, {{"SLACK_BOT_TOKEN", "xoxb-1"}}, "SLACK_SIGNING_SECRET"},
        {{"serve", "--io-threads", "0"}, {}, "--io-threads"},
        {{"serve"},
         {{"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "0"}},
         "RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS"},
        {{"serve", "--max-connections-per-address", "many"}, {}, "--max-connections-per-address"},
        {{"serve"}, {{"RUBDOWN_INBOX_RETENTION_DAYS", "-1"}}, "RUBDOWN_INBOX_RETENTION_DAYS"},
        {{"serve", "--inbox-retention-days", "a week"}, {}, "--inbox-retention-days"},
        {{"serve", "--bogus"}, {}, "--bogus"},
        {{"nlu", "--now", "tomorrow"}, {}, "--now"},
        {{"export", "--user", "console:me", "--format", "xml"}, {}, "--format"},
        {{"launch"}, {}, "launch"},
    };
    for (const auto& c : cases) {
        INFO(c.names);
        const auto outcome = parse(c.args, c.env);
        const auto& exit = exited(outcome);
        CHECK(exit.exit_code == 2);
        CHECK_THAT(exit.text, Catch::Contains(c.names));
        CHECK(exit.text.find('\n') == std::string::npos);
    }
}

TEST_CASE("the listening address: an IP address of either family, or localhost") {
    const auto local = ok(parse({"serve", "--listen", "localhost:9000"}));
    CHECK(local.config.listen_host == "127.0.0.1");
    CHECK(local.config.listen_port == 9000);
    CHECK(ok(parse({"serve", "--listen", "[::1]:9000"})).config.listen_host == "::1");
    CHECK(ok(parse({"serve"}, {{"RUBDOWN_LISTEN", "0.0.0.0:0"}})).config.listen_host == "0.0.0.0");

    const auto named_outcome = parse({"serve"}, {{"RUBDOWN_LISTEN", "bot.example:8080"}});
    CHECK(exited(named_outcome).text ==
          "rubdown: RUBDOWN_LISTEN: 'bot.example' is not an IP address or localhost "
          "(e.g. 127.0.0.1:8080)");
}

TEST_CASE("an empty value is refused, not taken as unset") {
    const auto empty_outcome = parse({"serve"}, {{"SLACK_BOT_TOKEN", ""}});
    const auto& empty = exited(empty_outcome);
    CHECK(empty.exit_code == 2);
    CHECK(empty.text == "rubdown: SLACK_BOT_TOKEN: is set but empty; give it a value or unset it");
    const auto memory_outcome = parse({"serve"}, {{"RUBDOWN_DB", ":memory:"}});
    CHECK(exited(memory_outcome).text ==
          "rubdown: RUBDOWN_DB: ':memory:' keeps nothing across a restart; give a file path");
}

TEST_CASE("inbox retention: 7 days unless set, 0 allowed") {
    CHECK(ok(parse({"serve"})).config.inbox_retention_days == 7);
    CHECK(ok(parse({"serve"}, {{"RUBDOWN_INBOX_RETENTION_DAYS", "30"}}))
              .config.inbox_retention_days == 30);
    CHECK(ok(parse({"serve", "--inbox-retention-days", "0"})).config.inbox_retention_days == 0);
}

TEST_CASE("the per-address connection limit: as given, else a quarter of the cap") {
    // Derived from the cap, so a lowered cap still keeps one host from taking every slot.
    CHECK(ok(parse({"serve", "--max-connections", "100"}))
              .config.effective_max_connections_per_address() == 25);
    CHECK(ok(parse({"serve", "--max-connections", "3"}))
              .config.effective_max_connections_per_address() == 1);
    const std::map<std::string, std::string> env{{"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "64"}};
    CHECK(ok(parse({"serve"}, env)).config.effective_max_connections_per_address() == 64);
    // Behind a reverse proxy every connection comes from its address: up to the cap is allowed.
    CHECK(ok(parse({"serve", "--max-connections-per-address", "2048"}, env))
              .config.effective_max_connections_per_address() == 2048);

    const auto zero_outcome = parse({"serve"}, {{"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "0"}});
    const auto& zero = exited(zero_outcome);
    CHECK(zero.exit_code == 2);
    CHECK(zero.text ==
          "rubdown: RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS: 0 is out of range (1 to 1000000)");
    const auto too_large_outcome = parse({"serve", "--max-connections-per-address", "1000001"});
    const auto& too_large = exited(too_large_outcome);
    CHECK(too_large.text ==
          "rubdown: --max-connections-per-address: 1000001 is out of range (1 to 1000000)");
}

TEST_CASE("help and version exit 0 with text") {
    const auto help_outcome = parse({"--help"});
    const auto& help = exited(help_outcome);
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.text, Catch::Contains("serve") && Catch::Contains("--db"));
    const auto sub_help_outcome = parse({"chat", "--help"});
    const auto& sub_help = exited(sub_help_outcome);
    CHECK(sub_help.exit_code == 0);
    CHECK_THAT(sub_help.text, Catch::Contains("--user"));
    const auto version_outcome = parse({"--version"});
    const auto& version = exited(version_outcome);
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.text, Catch::Contains("rubdown"));
}

TEST_CASE("subcommands and their options") {
    const auto chat = ok(parse({"chat", "--user", "ana"}));
    CHECK(chat.command == Command::chat);
    CHECK(chat.chat_user == "ana");
    const auto nlu = ok(parse({"nlu", "--now", "2026-11-23T10:00:00Z", "--tz", "Europe/Berlin"}));
    CHECK(nlu.command == Command::nlu);
    CHECK(nlu.nlu_time_zone == "Europe/Berlin");
    const auto export_runs = ok(parse({"export", "--user", "telegram:42", "--format", "json"}));
    CHECK(export_runs.command == Command::export_runs);
    CHECK(export_runs.user_key == "telegram:42");
    CHECK(export_runs.export_format == "json");
    CHECK(ok(parse({"migrate"})).command == Command::migrate);
    CHECK(ok(parse({"nudges"})).command == Command::nudges);
}

TEST_CASE("ISO instants parse with Z, offsets and fractions, and print back in UTC") {
    const auto plain = parse_iso_instant("2026-11-23T10:00:00Z");
    REQUIRE(plain);
    CHECK(format_iso_instant(*plain) == "2026-11-23T10:00:00Z");
    const auto offset = parse_iso_instant("2026-11-23T11:00:00+01:00");
    REQUIRE(offset);
    CHECK(*offset == *plain);
    CHECK(parse_iso_instant("2026-11-23T10:00:00.250Z") == plain);
    CHECK_FALSE(parse_iso_instant("2026-11-23"));
    CHECK_FALSE(parse_iso_instant("2026-13-40T10:00:00Z"));
    CHECK_FALSE(parse_iso_instant(""));
    CHECK(parse_iso_instant("2026-11-23T11:00:00+0100") == plain);
    CHECK(parse_iso_instant("2026-11-23T11:00:00+01") == plain);
    // The world's widest offsets parse; beyond 18 hours is a typo, not a place.
    CHECK(parse_iso_instant("2026-11-24T00:00:00+14:00") == plain);
    CHECK(parse_iso_instant("2026-11-22T22:00:00-12:00") == plain);
    CHECK(parse_iso_instant("2026-11-23T10:00:00+18:00"));
    CHECK_FALSE(parse_iso_instant("2026-11-23T10:00:00+18:01"));
    // A letter inside the time made date::parse convert a NaN to an integer (found by fuzzing).
    for (const char* text :
         {"2026-12-09T09:p0:00Z", "2026-12-09T09:00:p0Z", "2026-12-09T09:00Z",
          "2026-12-09T09:00:00", "2026-12-09T09:00:00.Z", "2026-12-09T09:00:00+1",
          "2026-12-09 09:00:00Z", "+2026-12-09T09:00:00Z", "2026-11-23T10:00:00-99:99",
          "2026-11-23T10:00:00+13:60", "2026-11-23T10:00:00+2400", "2026-11-23T25:00:00Z",
          "2026-11-23T10:61:00Z", "2026-02-30T10:00:00Z"}) {
        INFO(text);
        CHECK_FALSE(parse_iso_instant(text));
    }
}
