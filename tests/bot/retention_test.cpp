#include <catch2/catch.hpp>

#include <map>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "bot/retention/retention_policy.hpp"
#include "storage/repositories.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using rubdown::testing::TempDir;
using storage::InboxRecordResult;

namespace {

constexpr storage::UnixSeconds kHour = 3600;
constexpr storage::UnixSeconds kDay = 24 * kHour;
constexpr storage::UnixSeconds kStart = 1'800'000'000;

/// A database and the messages of one runner, received at chosen instants and processed.
struct RetentionFixture {
    TempDir dir;
    storage::SqliteDatabase db{dir.file("retention.db")};
    storage::Repositories repos = db.repositories();
    bot::RetentionPolicy policy;  // 7 days of texts, a 48 h dedup window

    InboxRecordResult receive(const std::string& key, storage::UnixSeconds at,
                              bool processed = true) {
        storage::InboxEntry entry;
        entry.dedup_key = key;
        entry.channel = "telegram";
        entry.user_key = "telegram:7";
        entry.chat_id = "7";
        entry.display_name = "Ana";
        entry.text = "ran 10k hard";
        entry.received_at = at;
        const auto result = repos.inbox.record(entry);
        if (result == InboxRecordResult::recorded && processed)
            repos.inbox.mark_processed(entry.id);
        return result;
    }
    std::int64_t sent_reply(storage::UnixSeconds at, storage::OutboxStatus status) {
        storage::OutboxMessage row;
        row.channel = "telegram";
        row.chat_id = "7";
        row.text = "Logged 10 km";
        row.created_at = at;
        const auto id = repos.outbox.enqueue(row);
        if (status == storage::OutboxStatus::sent) repos.outbox.mark_sent(id, at);
        if (status == storage::OutboxStatus::failed) repos.outbox.mark_failed(id, "gone");
        return id;
    }
    bot::PruneCounts prune_at(storage::UnixSeconds now) {
        bot::PruneCounts total;
        for (;;) {
            const auto counts = bot::prune_once(repos, now, policy);
            total.keys_expired += counts.keys_expired;
            total.entries_scrubbed += counts.entries_scrubbed;
            total.entries_deleted += counts.entries_deleted;
            total.outbox_deleted += counts.outbox_deleted;
            if (!counts.more) return total;
        }
    }
};

}  // namespace

TEST_CASE("retention cutoffs: keys after the dedup window, texts after the retention") {
    bot::RetentionPolicy policy;
    const auto cutoffs = bot::retention_cutoffs(kStart, policy);
    CHECK(cutoffs.expire_keys_before == kStart - 2 * kDay);
    CHECK(cutoffs.scrub_texts_before == kStart - 7 * kDay);
    CHECK(cutoffs.delete_entries_before == kStart - 7 * kDay);
    CHECK(cutoffs.delete_outbox_before == kStart - 7 * kDay);
    // Texts kept for less than the window: the entry stays, without texts, until the window ends.
    policy.texts = std::chrono::hours{12};
    const auto short_texts = bot::retention_cutoffs(kStart, policy);
    CHECK(short_texts.scrub_texts_before == kStart - 12 * kHour);
    CHECK(short_texts.delete_entries_before == kStart - 2 * kDay);
}

TEST_CASE("a redelivery inside the dedup window is still a duplicate: after it, a new message") {
    RetentionFixture fx;
    REQUIRE(fx.receive("telegram:update:5", kStart) == InboxRecordResult::recorded);

    fx.prune_at(kStart + 47 * kHour);
    CHECK(fx.receive("telegram:update:5", kStart + 47 * kHour) == InboxRecordResult::duplicate);

    // Telegram starts update_id again after a week without updates: the old key has expired.
    CHECK(fx.prune_at(kStart + 49 * kHour).keys_expired == 1);
    CHECK(fx.receive("telegram:update:5", kStart + 8 * kDay) == InboxRecordResult::recorded);
}

TEST_CASE("processed entries lose their texts, then go: unprocessed ones stay whatever their age") {
    RetentionFixture fx;
    fx.receive("telegram:update:1", kStart);
    fx.receive("telegram:update:2", kStart, /*processed=*/false);
    fx.receive("telegram:update:3", kStart + 6 * kDay);

    const auto week_later = fx.prune_at(kStart + 7 * kDay + kHour);
    CHECK(week_later.entries_deleted == 1);
    CHECK(fx.repos.inbox.find(1) == std::nullopt);
    const auto waiting = fx.repos.inbox.find(2);
    REQUIRE(waiting);  // never processed: its text is still needed
    CHECK(waiting->text == "ran 10k hard");
    const auto recent = fx.repos.inbox.find(3);
    REQUIRE(recent);
    CHECK(recent->text == "ran 10k hard");
    CHECK(fx.repos.inbox.count_unprocessed() == 1);

    // With texts kept 12 hours, an entry inside the window keeps its key but not its words.
    fx.policy.texts = std::chrono::hours{12};
    const auto counts = fx.prune_at(kStart + 6 * kDay + 13 * kHour);
    CHECK(counts.entries_scrubbed == 1);
    const auto scrubbed = fx.repos.inbox.find(3);
    REQUIRE(scrubbed);
    CHECK(scrubbed->text.empty());
    CHECK(scrubbed->display_name.empty());
    CHECK(scrubbed->user_key.empty());
    CHECK(fx.receive("telegram:update:3", kStart + 6 * kDay + 14 * kHour) ==
          InboxRecordResult::duplicate);
}

TEST_CASE("sent and failed outbox rows are pruned after the retention: queued ones never") {
    RetentionFixture fx;
    const auto sent = fx.sent_reply(kStart, storage::OutboxStatus::sent);
    const auto failed = fx.sent_reply(kStart, storage::OutboxStatus::failed);
    const auto queued = fx.sent_reply(kStart, storage::OutboxStatus::pending);
    const auto fresh = fx.sent_reply(kStart + 6 * kDay, storage::OutboxStatus::sent);

    CHECK(fx.prune_at(kStart + 7 * kDay + 1).outbox_deleted == 2);
    CHECK_FALSE(fx.repos.outbox.find(sent));
    CHECK_FALSE(fx.repos.outbox.find(failed));
    CHECK(fx.repos.outbox.find(queued));
    CHECK(fx.repos.outbox.find(fresh));
}

TEST_CASE("pruning goes in bounded batches, oldest first") {
    RetentionFixture fx;
    fx.policy.batch = 2;
    for (int i = 0; i < 5; ++i) fx.receive("k" + std::to_string(i), kStart + i);
    const auto first = bot::prune_once(fx.repos, kStart + 8 * kDay, fx.policy);
    CHECK(first.entries_deleted == 2);
    CHECK(first.more);
    CHECK_FALSE(fx.repos.inbox.find(1));
    CHECK_FALSE(fx.repos.inbox.find(2));
    CHECK(fx.repos.inbox.find(3));
    CHECK(fx.prune_at(kStart + 8 * kDay).entries_deleted == 3);
    CHECK_FALSE(bot::prune_once(fx.repos, kStart + 8 * kDay, fx.policy).more);
}

namespace {

/// Every text cell of every table, one line per row, from a database file.
std::string every_cell(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
    std::string cells;
    while (tables.executeStep()) {
        const auto table = tables.getColumn(0).getString();
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
        while (rows.executeStep()) {
            cells += table + ":";
            for (int column = 0; column < rows.getColumnCount(); ++column)
                cells += " " + rows.getColumn(column).getString();
            cells += "\n";
        }
    }
    return cells;
}

}  // namespace

TEST_CASE("binary: /forget leaves nothing of the runner in any table") {
    TempDir dir;
    const auto db = dir.file("forget.db");
    const std::map<std::string, std::string> env{{"RUBDOWN_DB", db},
                                                 {"RUBDOWN_SIM_CLOCK", "2026-11-23T10:00:00Z"}};
    // Another runner, whose data must stay.
    REQUIRE(testing::run_to_end(RUBDOWN_BINARY, {"chat", "--user", "bea"}, dir.path().string(), env,
                                "ran 7k easy\n")
                .exit_code == 0);
    const auto before = testing::run_to_end(
        RUBDOWN_BINARY, {"chat", "--user", "zoltan"}, dir.path().string(), env,
        "my time zone is Europe/Paris\nran 12k hard in 61:07\nhalf marathon on Dec 14\n"
        "booked a massage\n");
    REQUIRE(before.exit_code == 0);
    REQUIRE(every_cell(db).find("zoltan") != std::string::npos);  // the check below can fail

    // "1" presses the first button under /forget's question: "Delete everything".
    const auto forgot = testing::run_to_end(RUBDOWN_BINARY, {"chat", "--user", "zoltan"},
                                            dir.path().string(), env, "/forget\n1\n");
    REQUIRE(forgot.exit_code == 0);
    CHECK_THAT(forgot.out, Catch::Contains("Everything about you is deleted"));

    // The confirmation itself names the chat it goes to; once sent, it is pruned with every
    // other sent reply after the retention.
    auto cells = every_cell(db);
    const auto confirmation = cells.find("Everything about you is deleted");
    REQUIRE(confirmation != std::string::npos);
    const auto row_start = cells.rfind('\n', confirmation) + 1;
    cells.erase(row_start, cells.find('\n', confirmation) + 1 - row_start);
    // The operator's day counts stay: a day, a channel, what messages were understood as and how
    // many, naming no one ("book_massage" is a label, not what the runner wrote).
    CHECK_THAT(cells, Catch::Contains("activity_days: 2026-11-23 console log_run 2"));
    for (auto counts = cells.find("activity_days: "); counts != std::string::npos;
         counts = cells.find("activity_days: "))
        cells.erase(counts, cells.find('\n', counts) + 1 - counts);
    INFO(cells);
    CHECK(cells.find("zoltan") == std::string::npos);
    CHECK(cells.find("61:07") == std::string::npos);
    CHECK(cells.find("3667") == std::string::npos);  // the run's duration in seconds
    CHECK(cells.find("half marathon") == std::string::npos);
    CHECK(cells.find("Europe/Paris") == std::string::npos);
    CHECK(cells.find("massage") == std::string::npos);
    CHECK(cells.find("bea") != std::string::npos);
    CHECK(cells.find("7k easy") != std::string::npos);
}
