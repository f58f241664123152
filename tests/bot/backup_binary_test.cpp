// `rubdown backup` taken from the real `rubdown serve` while Telegram updates keep arriving: the
// copy, restored and served, holds every update acknowledged before the backup began, and their
// runs. A fake stands in for the Bot API.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/store.hpp"
#include "support/child_process.hpp"
#include "support/fake_http_server.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using namespace rubdown::testing;
using namespace std::chrono_literals;
using Json = nlohmann::json;

namespace {

const std::string kBinary = RUBDOWN_BINARY;
const std::string kSecret = "backup-test-webhook-secret";

FakeReply bot_api(const RecordedRequest& request) {
    if (request.target.ends_with("/getMe"))
        return FakeReply::json(
            200, R"({"ok":true,"result":{"id":7000000002,"is_bot":true,"first_name":"Rubdown"}})");
    if (request.target.ends_with("/sendMessage"))
        return FakeReply::json(
            200,
            R"({"ok":true,"result":{"message_id":900,"date":1800000000,"chat":{"id":4343,"type":"private"}}})");
    return FakeReply::json(200, R"({"ok":true,"result":true})");
}

std::string run_report(std::int64_t update_id) {
    const Json message{{"message_id", update_id},
                       {"date", 1800000000},
                       {"chat", {{"id", 4343}, {"type", "private"}}},
                       {"from", {{"id", 4343}, {"is_bot", false}, {"first_name", "Ana"}}},
                       {"text", "ran 5k easy"}};
    return Json{{"update_id", update_id}, {"message", message}}.dump();
}

/// Exported runs of the runner (rows after the header), read while a server may run.
std::size_t exported_runs(const std::string& dir, const std::string& db) {
    const auto csv =
        run_to_end(kBinary, {"export", "--user", "telegram:4343"}, dir, {{"RUBDOWN_DB", db}});
    if (csv.exit_code != 0) return 0;
    std::size_t lines = 0;
    for (char c : csv.out) lines += c == '\n';
    return lines > 0 ? lines - 1 : 0;
}

}  // namespace

TEST_CASE("binary: a backup taken under load holds every update acknowledged before it") {
    FakeHttpServer telegram(bot_api);
    TempDir dir;
    const auto live_db = dir.file("live.db");
    const auto backup_db = dir.file("backup.db");
    const std::map<std::string, std::string> env{
        {"RUBDOWN_DB", live_db},
        {"RUBDOWN_LISTEN", "127.0.0.1:0"},
        {"TELEGRAM_BOT_TOKEN", "7000000002:AAH-backup-test"},
        {"TELEGRAM_API_URL", telegram.base_url()},
        {"TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook"},
        {"TELEGRAM_WEBHOOK_SECRET", kSecret},
        // One runner sends every update, far faster than a person: no flood guard here.
        {"RUBDOWN_RUNNER_MESSAGES_PER_MINUTE", "0"},
    };
    ChildProcess server(kBinary, {"serve"}, dir.path().string(), env);
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);

    // One client posts run reports one after another; `acknowledged` counts the 200s.
    std::atomic<bool> posting{true};
    std::atomic<std::int64_t> acknowledged{0};
    std::thread poster([&] {
        RawHttpClient client(port);
        const std::string headers =
            "Content-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: " + kSecret +
            "\r\n";
        for (std::int64_t id = 1; posting; ++id) {
            const auto answer =
                client.request("POST", "/telegram/webhook", run_report(id), headers);
            if (!answer || answer->result_int() != 200) break;
            acknowledged = id;
        }
    });
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (acknowledged < 200 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    const auto before = acknowledged.load();
    const auto backup = run_to_end(kBinary, {"backup", backup_db}, dir.path().string(), env);
    const auto after = acknowledged.load();
    posting = false;
    poster.join();
    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
    REQUIRE(backup.exit_code == 0);
    CHECK_THAT(backup.out, Catch::Contains("backed up to " + backup_db));
    REQUIRE(before >= 200);
    CHECK(after > before);  // the server kept acknowledging while the copy was made

    // Every update acknowledged before the backup is in it: recording it again is a duplicate.
    {
        storage::Store copy(backup_db);
        copy.run([&](storage::Repositories& repos) {
            for (std::int64_t id = 1; id <= before; ++id) {
                storage::InboxEntry probe;
                probe.channel = "telegram";
                probe.dedup_key = "telegram:update:" + std::to_string(id);
                REQUIRE(repos.inbox.record(probe) == storage::InboxRecordResult::duplicate);
            }
        });
        copy.stop();
    }

    // Restored and served (no platform: the console default), it processes what was recorded
    // but not yet processed: every acknowledged run is there.
    ChildProcess restored(kBinary, {"serve"}, dir.path().string(),
                          {{"RUBDOWN_DB", backup_db},
                           {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                           {"RUBDOWN_RUNNER_MESSAGES_PER_MINUTE", "0"}});
    REQUIRE(restored.wait_for_log("event=listening", 30s));
    const auto restore_deadline = std::chrono::steady_clock::now() + 60s;
    std::size_t runs = 0;
    while ((runs = exported_runs(dir.path().string(), backup_db)) <
               static_cast<std::size_t>(before) &&
           std::chrono::steady_clock::now() < restore_deadline)
        std::this_thread::sleep_for(200ms);
    restored.signal(SIGTERM);
    CHECK(restored.wait(15s) == 0);
    CHECK(runs >= static_cast<std::size_t>(before));
    CHECK(runs <= static_cast<std::size_t>(after) + 1);
}
