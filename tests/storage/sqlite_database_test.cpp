#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::storage;
using rubdown::testing::TempDir;

namespace {

/// What SQLite's planner will do for `sql`, one step a line ("SEARCH outbox USING INDEX ...").
std::string query_plan(SQLite::Database& reader, const std::string& sql) {
    SQLite::Statement query(reader, "EXPLAIN QUERY PLAN " + sql);
    std::string details;
    while (query.executeStep()) details += query.getColumn(3).getString() + "\n";
    return details;
}

}  // namespace

TEST_CASE("migrations bring an empty database to the latest version") {
    TempDir dir;
    SqliteDatabase db(dir.file("fresh.db"));
    const int latest = all_migrations().back().version;
    CHECK(db.schema_version() == latest);
    CHECK(db.migrations_applied() == static_cast<int>(all_migrations().size()));
    CHECK(db.healthy());
}

TEST_CASE("reopening a migrated database applies nothing and keeps its rows") {
    TempDir dir;
    const auto path = dir.file("existing.db");
    std::int64_t user_id = 0;
    {
        SqliteDatabase db(path);
        user_id =
            db.repositories().users.find_or_create("console:ana", "console", "ana", "Ana", 100).id;
        Run run;
        run.user_id = user_id;
        run.date = "2026-11-20";
        run.distance_km = 10.0;
        run.duration_s = 3000;
        run.effort = Effort::hard;
        run.hard = true;
        run.text = "10k in 50:00";
        run.logged_at = 200;
        db.repositories().runs.add(run);
    }
    SqliteDatabase reopened(path);
    CHECK(reopened.migrations_applied() == 0);
    const auto runs = reopened.repositories().runs.list(user_id, 10);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(10.0));
    CHECK(runs[0].duration_s == 3000);
    CHECK(runs[0].effort == Effort::hard);
    CHECK(runs[0].hard);
    CHECK(migrate_database(path) == 0);
}

TEST_CASE("a database left at an older version is migrated forward") {
    TempDir dir;
    const auto path = dir.file("old.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE unrelated (x INTEGER)");
    }
    CHECK(migrate_database(path) == static_cast<int>(all_migrations().size()));
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.tableExists("unrelated"));
    CHECK(raw.tableExists("inbox"));
}

TEST_CASE(
    "runs, races and inbox entries of a version 3 database keep their rows when the "
    "edit and undo columns arrive") {
    TempDir dir;
    const auto path = dir.file("v3.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& migration : all_migrations()) {
            if (migration.version > 3) break;
            raw.exec(migration.sql);
        }
        raw.exec("PRAGMA user_version = 3");
        raw.exec(
            "INSERT INTO users (id, key, channel, chat_id, display_name, created_at) VALUES "
            "(1, 'telegram:7', 'telegram', '7', 'Ana', 100)");
        raw.exec(
            "INSERT INTO runs (user_id, date, distance_km, duration_s, effort, hard, text, "
            "logged_at) VALUES (1, '2026-11-20', 10.0, 3000, 'hard', 1, '10k in 50:00', 200)");
    }
    CHECK(migrate_database(path) == static_cast<int>(all_migrations().size()) - 3);
    SqliteDatabase db(path);
    const auto runs = db.repositories().runs.list(1, 10);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(10.0));
    CHECK(runs[0].text == "10k in 50:00");
    CHECK(runs[0].source_id.empty());
    // A run told from a platform message is found by it, and only by it.
    Run told = runs[0];
    told.source_id = "telegram:7:1204";
    told.source_version = 0;
    const auto id = db.repositories().runs.add(told);
    const auto found = db.repositories().runs.from_source(1, "telegram:7:1204");
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == id);
    CHECK(db.repositories().runs.from_source(1, "").empty());
    CHECK(db.repositories().runs.from_source(2, "telegram:7:1204").empty());
}

TEST_CASE("the run journal keeps the last changes, newest first, with the run as it was") {
    TempDir dir;
    SqliteDatabase db(dir.file("journal.db"));
    auto& repos = db.repositories();
    const auto user_id = repos.users.find_or_create("console:ana", "console", "ana", "Ana", 1).id;
    for (int i = 0; i < static_cast<int>(RunRepository::kKeptChanges) + 5; ++i) {
        RunChange change;
        change.user_id = user_id;
        change.kind = i % 2 == 0 ? RunChangeKind::logged : RunChangeKind::edited;
        change.run.id = 100 + i;
        change.run.user_id = user_id;
        change.run.date = "2026-11-20";
        change.run.distance_km = i;
        change.run.source_id = "telegram:7:" + std::to_string(i);
        change.changed_at = i;
        repos.runs.record_change(change);
    }
    int seen = 0;
    for (int i = static_cast<int>(RunRepository::kKeptChanges) + 4; i >= 0; --i) {
        const auto last = repos.runs.last_change(user_id);
        if (!last) break;
        INFO(i);
        CHECK(last->run.id == 100 + i);
        CHECK(last->run.distance_km == Approx(i));
        CHECK(last->run.source_id == "telegram:7:" + std::to_string(i));
        CHECK(last->kind == (i % 2 == 0 ? RunChangeKind::logged : RunChangeKind::edited));
        repos.runs.drop_change(last->id);
        ++seen;
    }
    // Older changes were pruned: only the newest kKeptChanges can be undone.
    CHECK(seen == static_cast<int>(RunRepository::kKeptChanges));
}

TEST_CASE("a file that is not a database gives an error naming it") {
    TempDir dir;
    const auto path = dir.file("not-a-db.db");
    {
        std::FILE* file = std::fopen(path.c_str(), "w");
        std::fputs("this is plain text, long enough to not be an empty database file at all.....",
                   file);
        std::fclose(file);
    }
    try {
        SqliteDatabase db(path);
        FAIL("expected an error");
    } catch (const std::runtime_error& error) {
        CHECK_THAT(error.what(), Catch::Contains(path));
    }
}

TEST_CASE("the inbox records a dedup key once") {
    TempDir dir;
    SqliteDatabase db(dir.file("inbox.db"));
    auto& inbox = db.repositories().inbox;
    InboxEntry first{.dedup_key = "telegram:update:1",
                     .channel = "telegram",
                     .user_key = "telegram:7",
                     .chat_id = "7",
                     .text = "hi",
                     .received_at = 10};
    InboxEntry again = first;
    again.text = "hi (redelivered)";
    CHECK(inbox.record(first) == InboxRecordResult::recorded);
    CHECK(first.id > 0);
    CHECK(inbox.record(again) == InboxRecordResult::duplicate);
    CHECK(inbox.count_unprocessed() == 1);
    auto pending = inbox.unprocessed(10);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].text == "hi");
    CHECK(inbox.unprocessed_ids(10) == std::vector<std::int64_t>{pending[0].id});
    inbox.mark_processed(pending[0].id);
    CHECK(inbox.unprocessed(10).empty());
    CHECK(inbox.count_unprocessed() == 0);
}

TEST_CASE("the outbox claims a message once and abandons in-flight ones after a crash") {
    TempDir dir;
    SqliteDatabase db(dir.file("outbox.db"));
    auto& outbox = db.repositories().outbox;
    OutboxMessage message{.channel = "telegram", .chat_id = "7", .text = "hello", .created_at = 5};
    const auto first = outbox.enqueue(message);
    const auto second = outbox.enqueue(message);
    message.not_before = 100;
    outbox.enqueue(message);

    CHECK(outbox.due("telegram", 50, 10).size() == 2);
    CHECK(outbox.due("slack", 50, 10).empty());
    CHECK(outbox.claim(first));
    CHECK_FALSE(outbox.claim(first));
    CHECK(outbox.due("telegram", 50, 10).size() == 1);
    outbox.mark_sent(first, 60);
    CHECK(outbox.find(first)->status == OutboxStatus::sent);

    CHECK(outbox.claim(second));
    outbox.record_calls_done(second, 2);
    CHECK(outbox.resume_in_flight("slack") == 0);  // another channel's rows are not its business
    CHECK(outbox.find(second)->status == OutboxStatus::sending);
    CHECK(outbox.count_pending("telegram") == 1);
    // A crash interrupted its send: it goes out again, after the parts that went out already.
    CHECK(outbox.resume_in_flight("telegram") == 1);
    const auto resumed = outbox.find(second);
    CHECK(resumed->status == OutboxStatus::pending);
    CHECK(resumed->calls_done == 2);
    CHECK(resumed->attempts == 1);
    CHECK(outbox.count_pending("telegram") == 2);
    CHECK(outbox.due("telegram", 50, 10).front().id == second);
}

TEST_CASE("an outbox row keeps its image byte for byte, and a row without one has none") {
    TempDir dir;
    SqliteDatabase db(dir.file("images.db"));
    auto& outbox = db.repositories().outbox;
    // A PNG holds NUL bytes: a text column would cut it at the first.
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\xff", 18);
    const auto with_image = outbox.enqueue(OutboxMessage{.channel = "telegram",
                                                         .chat_id = "7",
                                                         .text = "chart",
                                                         .created_at = 5,
                                                         .image_png = png,
                                                         .image_alt = "Bar chart of km per week"});
    const auto plain = outbox.enqueue(
        OutboxMessage{.channel = "telegram", .chat_id = "7", .text = "hi", .created_at = 6});
    const auto read = outbox.find(with_image);
    REQUIRE(read);
    CHECK(read->image_png == png);
    CHECK(read->image_alt == "Bar chart of km per week");
    CHECK(outbox.due("telegram", 50, 10).front().image_png == png);
    CHECK(outbox.find(plain)->image_png.empty());
    CHECK(outbox.find(plain)->image_alt.empty());
}

TEST_CASE("the outbox reads due messages oldest first, leaving out the chats it is told to") {
    TempDir dir;
    SqliteDatabase db(dir.file("skip.db"));
    auto& outbox = db.repositories().outbox;
    OutboxMessage message{.channel = "telegram", .text = "hi", .created_at = 5};
    std::vector<std::int64_t> ids;
    for (const auto* chat : {"flood", "flood", "a\"quoted\"", "flood", "quiet"}) {
        message.chat_id = chat;
        ids.push_back(outbox.enqueue(message));
    }
    const auto ids_of = [](const std::vector<OutboxMessage>& rows) {
        std::vector<std::int64_t> found;
        for (const auto& row : rows) found.push_back(row.id);
        return found;
    };
    CHECK(ids_of(outbox.due("telegram", 50, 10)) == ids);
    CHECK(ids_of(outbox.due("telegram", 50, 10, {"flood"})) ==
          std::vector<std::int64_t>{ids[2], ids[4]});
    CHECK(ids_of(outbox.due("telegram", 50, 1, {"flood", "a\"quoted\""})) ==
          std::vector<std::int64_t>{ids[4]});
}

TEST_CASE("erasing a user removes their data and scrubs their inbox text") {
    TempDir dir;
    SqliteDatabase db(dir.file("erase.db"));
    auto& repos = db.repositories();
    const auto ana = repos.users.find_or_create("console:ana", "console", "ana", "", 1);
    const auto bo = repos.users.find_or_create("console:bo", "console", "bo", "", 1);
    for (const auto& user : {ana, bo}) {
        repos.runs.add(
            Run{.user_id = user.id, .date = "2026-11-01", .distance_km = 5.0, .logged_at = 2});
        repos.races.add(Race{.user_id = user.id, .date = "2026-12-14", .updated_at = 2});
        repos.nudges.add(Nudge{.user_id = user.id, .due_at = 50, .created_at = 2});
    }
    InboxEntry said{.dedup_key = "console:1",
                    .channel = "console",
                    .user_key = "console:ana",
                    .chat_id = "ana",
                    .text = "my secret run",
                    .received_at = 3};
    repos.inbox.record(said);
    repos.inbox.mark_processed(said.id);
    // Written after the /forget, not processed yet: it is left to be processed (a fresh start).
    InboxEntry later{.dedup_key = "console:2",
                     .channel = "console",
                     .user_key = "console:ana",
                     .chat_id = "ana",
                     .text = "ran 3k",
                     .received_at = 4};
    repos.inbox.record(later);
    for (const auto& user : {ana, bo})
        repos.outbox.enqueue(OutboxMessage{.channel = "console",
                                           .chat_id = user.chat_id,
                                           .user_id = user.id,
                                           .text = "Logged 5 km",
                                           .created_at = 2});

    repos.users.erase(ana.id);

    CHECK_FALSE(repos.users.find_by_key("console:ana"));
    CHECK(repos.runs.list(ana.id, 10).empty());
    CHECK(repos.nudges.pending_for_user(ana.id).empty());
    CHECK(repos.runs.list(bo.id, 10).size() == 1);
    CHECK(repos.nudges.pending_for_user(bo.id).size() == 1);
    const auto scrubbed = repos.inbox.find(said.id);
    REQUIRE(scrubbed);
    CHECK(scrubbed->text.empty());
    CHECK(scrubbed->user_key.empty());
    CHECK(scrubbed->chat_id.empty());
    REQUIRE(repos.inbox.unprocessed(10).size() == 1);
    CHECK(repos.inbox.unprocessed(10)[0].text == "ran 3k");
    const auto queued = repos.outbox.due("console", 100, 10);
    REQUIRE(queued.size() == 1);  // ana's reply is gone, bo's stays
    CHECK(queued[0].user_id == bo.id);
    // The dedup key survives, so a redelivery is still recognised.
    CHECK(repos.inbox.record(said) == InboxRecordResult::duplicate);
}

TEST_CASE("nudges: due, next_due and last_sent follow their states") {
    TempDir dir;
    SqliteDatabase db(dir.file("nudges.db"));
    auto& repos = db.repositories();
    const auto user = repos.users.find_or_create("console:ana", "console", "ana", "", 1);
    CHECK_FALSE(repos.nudges.next_due());
    const auto late = repos.nudges.add(Nudge{.user_id = user.id, .due_at = 300, .created_at = 1});
    const auto early = repos.nudges.add(Nudge{.user_id = user.id, .due_at = 100, .created_at = 1});
    CHECK(repos.nudges.next_due() == 100);
    const auto due = repos.nudges.due(200, 10);
    REQUIRE(due.size() == 1);
    CHECK(due[0].id == early);
    auto sent = due[0];
    sent.state = NudgeState::sent;
    sent.sent_at = 150;
    repos.nudges.update(sent);
    CHECK(repos.nudges.next_due() == 300);
    CHECK(repos.nudges.last_sent(user.id) == 150);
    CHECK(repos.nudges.pending_for_user(user.id).size() == 1);
    CHECK(repos.nudges.pending_for_user(user.id)[0].id == late);
}

TEST_CASE("the outbox read and the recent-runs read: order, limit, and no sort of the whole set") {
    TempDir dir;
    const auto path = dir.file("reads.db");
    SqliteDatabase db(path);
    auto& repos = db.repositories();

    // Outbox: pending rows of one channel due now, oldest first, at most `limit`; a row waiting
    // for a retry (not_before later) is skipped, not counted against the limit.
    OutboxMessage message{.channel = "telegram", .chat_id = "7", .text = "a", .created_at = 5};
    std::vector<std::int64_t> due_ids;
    for (int i = 0; i < 6; ++i) {
        message.not_before = (i == 1) ? 500 : 0;
        const auto id = repos.outbox.enqueue(message);
        if (i != 1) due_ids.push_back(id);
    }
    message.channel = "slack";
    repos.outbox.enqueue(message);
    const auto due = repos.outbox.due("telegram", 100, 3);
    REQUIRE(due.size() == 3);
    CHECK(due[0].id == due_ids[0]);
    CHECK(due[1].id == due_ids[1]);
    CHECK(due[2].id == due_ids[2]);

    // Runs: latest date first, then latest logged, then latest id; many runs on one day.
    const auto user = repos.users.find_or_create("console:ana", "console", "ana", "Ana", 1).id;
    Run run{.user_id = user, .date = "2026-11-20", .distance_km = 5.0, .text = "5k"};
    for (int i = 0; i < 5; ++i) {
        run.logged_at = 100 + i;
        repos.runs.add(run);
    }
    run.date = "2026-11-19";
    run.logged_at = 999;
    repos.runs.add(run);
    const auto recent = repos.runs.list(user, 3);
    REQUIRE(recent.size() == 3);
    CHECK(recent[0].logged_at == 104);
    CHECK(recent[1].logged_at == 103);
    CHECK(recent[2].logged_at == 102);

    // The same query shapes walk an index in order and stop at the LIMIT: a plan with a temporary
    // B-tree would sort every pending row (or every run of the day) on each read.
    SQLite::Database reader(path, SQLite::OPEN_READONLY);
    const auto plan = [&](const std::string& sql) { return query_plan(reader, sql); };
    const auto outbox_plan = plan(
        "SELECT id FROM outbox WHERE status = 'pending' AND channel = 'telegram' AND "
        "not_before <= 100 ORDER BY id ASC LIMIT 3");
    CHECK(outbox_plan.find("TEMP B-TREE") == std::string::npos);
    const auto runs_plan = plan(
        "SELECT id FROM runs WHERE user_id = 1 ORDER BY date DESC, "
        "logged_at DESC, id DESC LIMIT 3");
    CHECK(runs_plan.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("a version 8 database learns each runner's private chat from the chat last seen") {
    TempDir dir;
    const auto path = dir.file("v8.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& migration : all_migrations()) {
            if (migration.version > 8) break;
            raw.exec(migration.sql);
        }
        raw.exec("PRAGMA user_version = 8");
        raw.exec(
            "INSERT INTO users (id, key, channel, chat_id, display_name, created_at) VALUES "
            "(1, 'telegram:7', 'telegram', '7', 'Ana', 100), "
            "(2, 'telegram:8', 'telegram', '-1001234', 'Bo', 100), "
            "(3, 'slack:T1:U3', 'slack', 'U3', 'Cy', 100), "
            "(4, 'console:di', 'console', 'di', 'Di', 100)");
    }
    CHECK(migrate_database(path) == static_cast<int>(all_migrations().size()) - 8);
    SqliteDatabase db(path);
    auto& users = db.repositories().users;
    CHECK(users.find_by_id(1)->private_chat == "7");
    // Last seen in a Telegram group: the bot cannot tell whether it may write to Bo privately.
    CHECK(users.find_by_id(2)->private_chat.empty());
    CHECK(users.find_by_id(3)->private_chat == "U3");
    CHECK(users.find_by_id(4)->private_chat == "di");
    auto bo = *users.find_by_id(2);
    bo.private_chat = "8";
    users.update(bo);
    CHECK(users.find_by_id(2)->private_chat == "8");
}

TEST_CASE("a runner's conversation reads: their replies after an id, and their latest lines") {
    TempDir dir;
    const auto path = dir.file("conversation.db");
    SqliteDatabase db(path);
    auto& repos = db.repositories();
    const auto ana = repos.users.find_or_create("web:ana", "web", "ana", "", 1).id;
    const auto ben = repos.users.find_or_create("web:ben", "web", "ben", "", 1).id;
    std::vector<std::int64_t> anas;
    for (int i = 0; i < 5; ++i) {
        anas.push_back(repos.outbox.enqueue(
            {.channel = "web", .chat_id = "ana", .user_id = ana, .text = "to ana"}));
        repos.outbox.enqueue(
            {.channel = "web", .chat_id = "ben", .user_id = ben, .text = "to ben"});
    }
    repos.outbox.claim(anas[1]);
    const auto after = repos.outbox.for_chat_after("web", "ana", anas[0], 3);
    REQUIRE(after.size() == 3);
    CHECK(after[0].id == anas[1]);
    CHECK(after[0].status == OutboxStatus::sending);
    CHECK(after[1].id == anas[2]);
    CHECK(after[2].id == anas[3]);
    CHECK(repos.outbox.for_chat_after("telegram", "ana", 0, 10).empty());
    const auto latest = repos.outbox.latest_for_chat("web", "ana", 2);
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].id == anas[4]);
    CHECK(latest[1].id == anas[3]);

    for (int i = 0; i < 4; ++i) {
        InboxEntry entry{.dedup_key = "web:ana:" + std::to_string(i),
                         .channel = "web",
                         .user_key = "web:ana",
                         .chat_id = "ana",
                         .text = "said " + std::to_string(i),
                         .received_at = 10 + i};
        repos.inbox.record(entry);
        InboxEntry other{.dedup_key = "web:ben:" + std::to_string(i),
                         .channel = "web",
                         .user_key = "web:ben",
                         .chat_id = "ben",
                         .text = "ben",
                         .received_at = 10};
        repos.inbox.record(other);
    }
    const auto said = repos.inbox.latest_for_user("web:ana", 3);
    REQUIRE(said.size() == 3);
    CHECK(said[0].text == "said 3");
    CHECK(said[2].text == "said 1");
    // An entry whose text retention removed is not shown.
    repos.inbox.scrub(said[0].id);
    CHECK(repos.inbox.latest_for_user("web:ana", 3)[0].text == "said 2");

    // Both reads walk an index in order to their LIMIT, however long the tables grow.
    SQLite::Database reader(path, SQLite::OPEN_READONLY);
    const auto plan = [&](const std::string& sql) { return query_plan(reader, sql); };
    const auto replies_plan = plan(
        "SELECT id FROM outbox WHERE channel = 'web' AND chat_id = 'ana' AND id > 3 "
        "ORDER BY id ASC LIMIT 3");
    CHECK_THAT(replies_plan, Catch::Contains("outbox_by_chat"));
    CHECK(replies_plan.find("TEMP B-TREE") == std::string::npos);
    const auto said_plan = plan(
        "SELECT id FROM inbox WHERE user_key = 'web:ana' AND scrubbed = 0 ORDER BY id DESC "
        "LIMIT 3");
    CHECK_THAT(said_plan, Catch::Contains("inbox_by_user"));
    CHECK(said_plan.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("activity: counts by day and label, runners last seen, texts not understood") {
    TempDir dir;
    SqliteDatabase db(dir.file("activity.db"));
    auto& repos = db.repositories();
    const auto ana = repos.users.find_or_create("web:ana", "web", "ana", "Ana", 100).id;
    const auto ben = repos.users.find_or_create("telegram:1", "telegram", "1", "Ben", 100).id;
    repos.activity.record_message("2026-12-06", "web", "log_run", ana, 1000);
    repos.activity.record_message("2026-12-07", "web", "log_run", ana, 2000);
    repos.activity.record_message("2026-12-07", "web", "log_run", ana, 1500);  // late backlog
    repos.activity.record_message("2026-12-07", "telegram", "greeting", ben, 900);
    repos.activity.record_message("2026-12-07", "web", "not_understood", 0, 2100);  // forgotten
    const auto counts = repos.activity.since("2026-12-07");
    REQUIRE(counts.size() == 3);
    CHECK(counts[0].channel == "telegram");
    CHECK(counts[1].understood_as == "log_run");
    CHECK(counts[1].messages == 2);
    CHECK(counts[2].understood_as == "not_understood");
    // Last seen never moves back for a message processed late.
    CHECK(repos.reports.runner(ana)->last_seen_at == 2000);
    using Active = std::vector<std::pair<std::string, std::int64_t>>;
    CHECK(repos.activity.active_runners(1000) == Active{{"web", 1}});
    CHECK(repos.activity.active_runners(0) == Active{{"telegram", 1}, {"web", 1}});

    repos.activity.keep_not_understood(ana, "web", "blorp", 100);
    repos.activity.keep_not_understood(ana, "web", "zzz", 300);
    repos.activity.keep_not_understood(ben, "telegram", "qqq", 200);
    auto kept = repos.activity.not_understood(10);
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].text == "qqq");  // newest first by when it was kept
    CHECK(repos.activity.delete_not_understood(250, 10) == 2);
    CHECK(repos.activity.not_understood(10).size() == 1);
    // A runner who is forgotten takes their texts with them.
    repos.activity.keep_not_understood(ben, "telegram", "qqq again", 400);
    repos.users.erase(ben);
    kept = repos.activity.not_understood(10);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].text == "zzz");
}

TEST_CASE("reports: the nudges' funnel, the outbox by channel, distance by day, runners") {
    TempDir dir;
    SqliteDatabase db(dir.file("reports.db"));
    auto& repos = db.repositories();
    const auto ana = repos.users.find_or_create("web:ana", "web", "ana", "Ana", 100).id;
    const auto ben = repos.users.find_or_create("web:ben", "web", "ben", "Ben", 100).id;
    auto add_nudge = [&](NudgeKind kind, NudgeState state, UnixSeconds created, UnixSeconds sent) {
        Nudge nudge{.user_id = ana,
                    .kind = kind,
                    .due_at = created + 10,
                    .state = state,
                    .created_at = created,
                    .sent_at = sent};
        repos.nudges.add(nudge);
    };
    add_nudge(NudgeKind::after_hard_session, NudgeState::sent, 1000, 1100);
    add_nudge(NudgeKind::after_hard_session, NudgeState::sent, 1000, 1200);
    add_nudge(NudgeKind::snoozed, NudgeState::pending, 1300, 0);
    add_nudge(NudgeKind::pre_race_first, NudgeState::cancelled, 1400, 0);
    add_nudge(NudgeKind::after_hard_session, NudgeState::sent, 10, 20);  // before the window
    repos.bookings.add({.user_id = ana, .recorded_at = 1250});
    auto user = *repos.users.find_by_id(ben);
    user.nudges_paused_until = 5000;
    repos.users.update(user);
    const auto nudges = repos.reports.nudges(500, 2000);
    CHECK(nudges.planned == 4);
    CHECK(nudges.pending == 1);
    CHECK(nudges.sent == 2);
    CHECK(nudges.booked == 1);
    CHECK(nudges.snoozed == 1);
    CHECK(nudges.cancelled == 1);
    CHECK(nudges.paused == 1);
    CHECK(nudges.stopped == 0);

    OutboxMessage row{.channel = "web", .chat_id = "ana", .user_id = ana, .text = "x"};
    const auto first = repos.outbox.enqueue(row);
    const auto second = repos.outbox.enqueue(row);
    repos.outbox.enqueue(row);
    repos.outbox.claim(first);
    repos.outbox.mark_sent(first, 10);
    repos.outbox.claim(second);
    repos.outbox.reschedule(second, 99, "later");
    const auto outbox = repos.reports.outbox();
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].channel == "web");
    CHECK(outbox[0].sent == 1);
    CHECK(outbox[0].queued == 1);
    CHECK(outbox[0].retrying == 1);

    for (const auto& [who, date, km] :
         std::vector<std::tuple<std::int64_t, std::string, double>>{{ana, "2026-12-01", 10},
                                                                    {ana, "2026-12-01", 5},
                                                                    {ben, "2026-12-01", 8},
                                                                    {ana, "2026-12-03", 12},
                                                                    {ana, "2026-11-01", 30}}) {
        repos.runs.add({.user_id = who, .date = date, .distance_km = km, .text = "run"});
    }
    using Days = std::vector<std::pair<std::string, double>>;
    CHECK(repos.reports.distance_by_day(0, "2026-12-01") ==
          Days{{"2026-12-01", 23}, {"2026-12-03", 12}});
    CHECK(repos.reports.distance_by_day(ana, "2026-12-01") ==
          Days{{"2026-12-01", 15}, {"2026-12-03", 12}});

    repos.activity.record_message("2026-12-07", "web", "log_run", ben, 3000);
    const auto runners = repos.reports.runners(10, 0);
    REQUIRE(runners.size() == 2);
    CHECK(runners[0].user.display_name == "Ben");  // seen last
    CHECK(runners[1].runs == 4);
    CHECK(runners[1].distance_km == Approx(57));
    CHECK(repos.reports.runner_count() == 2);
    CHECK_FALSE(repos.reports.runner(999));
}

TEST_CASE(
    "a version 9 database (the last release's) opens with the web chat's and dashboard's "
    "tables, its runners seen when they joined") {
    TempDir dir;
    const auto path = dir.file("v9.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (const auto& migration : all_migrations()) {
            if (migration.version > 9) break;
            raw.exec(migration.sql);
        }
        raw.exec("PRAGMA user_version = 9");
        raw.exec(
            "INSERT INTO users (id, key, channel, chat_id, display_name, created_at) VALUES "
            "(1, 'telegram:7', 'telegram', '7', 'Ana', 100)");
        raw.exec(
            "INSERT INTO outbox (channel, chat_id, user_id, text, status, created_at) VALUES "
            "('telegram', '7', 1, 'Logged', 'sent', 150)");
    }
    CHECK(migrate_database(path) == static_cast<int>(all_migrations().size()) - 9);
    SqliteDatabase db(path);
    auto& repos = db.repositories();
    const auto ana = repos.reports.runner(1);
    REQUIRE(ana);
    CHECK(ana->last_seen_at == 100);
    CHECK(repos.outbox.for_chat_after("telegram", "7", 0, 10).size() == 1);
    CHECK(repos.activity.since("2026-01-01").empty());
    repos.activity.record_message("2026-12-07", "telegram", "log_run", 1, 500);
    CHECK(repos.reports.runner(1)->last_seen_at == 500);
}
