#include "storage/sqlite/sqlite_database.hpp"

#include <stdexcept>

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_activity.hpp"
#include "storage/sqlite/sqlite_bookings.hpp"
#include "storage/sqlite/sqlite_conversations.hpp"
#include "storage/sqlite/sqlite_inbox.hpp"
#include "storage/sqlite/sqlite_nudges.hpp"
#include "storage/sqlite/sqlite_outbox.hpp"
#include "storage/sqlite/sqlite_races.hpp"
#include "storage/sqlite/sqlite_reports.hpp"
#include "storage/sqlite/sqlite_runs.hpp"
#include "storage/sqlite/sqlite_users.hpp"

namespace rubdown::storage {

namespace {

SQLite::Database open_file(const std::string& path) {
    try {
        // NOMUTEX: the connection is only ever used by one thread at a time (the store thread,
        // or the opening thread before it), so SQLite's own per-call locking is pure cost.
        SQLite::Database db(path,
                            SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
        // WAL lets readers (e.g. `rubdown export` while serving) run beside the writer, and
        // synchronous=NORMAL in WAL mode still survives a process crash; a busy timeout covers a
        // second process (a CLI command) holding the write lock for a moment.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("PRAGMA foreign_keys = ON");
        // Each time the log starts over, its file is cut back to 4 MiB: a burst's long log does
        // not stay on disk while traffic goes on (WalCheckpointer truncates it when quiet).
        db.exec("PRAGMA journal_size_limit = 4194304");
        db.setBusyTimeout(5000);
        return db;
    } catch (const SQLite::Exception& error) {
        throw std::runtime_error("cannot open database " + path + ": " + error.what());
    }
}

int read_user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

int apply_migrations(SQLite::Database& db) {
    int applied = 0;
    for (const auto& migration : all_migrations()) {
        if (migration.version <= read_user_version(db)) continue;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Re-check inside the write lock: another process may have migrated meanwhile.
        if (migration.version <= read_user_version(db)) continue;
        db.exec(migration.sql);
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        transaction.commit();
        ++applied;
    }
    return applied;
}

}  // namespace

struct SqliteDatabase::Impl {
    explicit Impl(const std::string& path)
        : db(open_file(path)),
          applied(apply_migrations(db)),
          sql(db),
          users(sql),
          runs(sql),
          races(sql),
          bookings(sql),
          inbox(sql),
          outbox(sql),
          nudges(sql),
          conversations(sql),
          activity(sql),
          reports(sql),
          repositories{users,  runs,   races,         bookings, inbox,
                       outbox, nudges, conversations, activity, reports} {}

    SQLite::Database db;
    int applied;
    StatementCache sql;
    std::function<void(int)> on_commit;
    int wal_frames = 0;
    SqliteUsers users;
    SqliteRuns runs;
    SqliteRaces races;
    SqliteBookings bookings;
    SqliteInbox inbox;
    SqliteOutbox outbox;
    SqliteNudges nudges;
    SqliteConversations conversations;
    SqliteActivity activity;
    SqliteReports reports;
    Repositories repositories;
};

SqliteDatabase::SqliteDatabase(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
SqliteDatabase::~SqliteDatabase() = default;

Repositories& SqliteDatabase::repositories() {
    return impl_->repositories;
}

// Transaction control runs for every job of every batch: prepared once and kept, as parsing the
// SQL again each time cost more than the statement itself.
void SqliteDatabase::begin() {
    impl_->sql.get("BEGIN IMMEDIATE").exec();
}
// Both end the read transaction too: no statement may be left on a row (see reset_used).
void SqliteDatabase::commit() {
    impl_->sql.reset_used();
    impl_->sql.get("COMMIT").exec();
}
void SqliteDatabase::rollback() {
    impl_->sql.reset_used();
    impl_->sql.get("ROLLBACK").exec();
}
void SqliteDatabase::savepoint(const std::string& name) {
    impl_->sql.get("SAVEPOINT " + name).exec();
}
void SqliteDatabase::release(const std::string& name) {
    impl_->sql.get("RELEASE " + name).exec();
}
void SqliteDatabase::rollback_to(const std::string& name) {
    impl_->sql.get("ROLLBACK TO " + name).exec();
}

void SqliteDatabase::on_commit(std::function<void(int wal_frames)> listener) {
    impl_->on_commit = std::move(listener);
    // Registering a hook replaces SQLite's automatic checkpoint, which is one too.
    sqlite3_wal_hook(
        impl_->db.getHandle(),
        [](void* context, sqlite3*, const char*, int frames) {
            auto* impl = static_cast<Impl*>(context);
            impl->wal_frames = frames;
            if (impl->on_commit) impl->on_commit(frames);
            return SQLITE_OK;
        },
        impl_.get());
}

int SqliteDatabase::wal_frames() const {
    return impl_->wal_frames;
}

void SqliteDatabase::checkpoint() {
    sqlite3_wal_checkpoint_v2(impl_->db.getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                              nullptr);
}

int SqliteDatabase::schema_version() const {
    return read_user_version(impl_->db);
}
int SqliteDatabase::migrations_applied() const {
    return impl_->applied;
}

bool SqliteDatabase::healthy() {
    try {
        return impl_->db.execAndGet("SELECT 1").getInt() == 1;
    } catch (const SQLite::Exception&) {
        return false;
    }
}

int migrate_database(const std::string& path) {
    return SqliteDatabase(path).migrations_applied();
}

}  // namespace rubdown::storage
