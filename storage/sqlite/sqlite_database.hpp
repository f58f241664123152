#pragma once
/// The SQLite database: opens the file in WAL mode, applies the numbered migrations, and hands out
/// the repositories. Not thread-safe by design: one thread (the store executor) owns it.

#include <functional>
#include <memory>
#include <string>

#include "storage/repositories.hpp"

namespace rubdown::storage {

class SqliteDatabase {
  public:
    /// Opens (creating if needed) and migrates. Throws std::runtime_error naming the file on
    /// failure.
    explicit SqliteDatabase(const std::string& path);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    Repositories& repositories();

    /// Transactions, used by the store executor for group commit.
    void begin();
    void commit();
    void rollback();
    void savepoint(const std::string& name);
    void release(const std::string& name);
    void rollback_to(const std::string& name);

    /// Checkpoints are the caller's: SQLite's automatic one is replaced by this listener, called
    /// on the committing thread after each commit with the frames (pages) in the log.
    void on_commit(std::function<void(int wal_frames)> listener);
    /// Frames in the write-ahead log after the last commit on this connection.
    int wal_frames() const;
    /// Copies what it can of the log into the database file now (a PASSIVE checkpoint: it never
    /// waits for a lock). The log starts over at the next write once all of it is copied.
    void checkpoint();

    /// The schema version after migrations, and how many this open applied.
    int schema_version() const;
    int migrations_applied() const;
    /// A trivial query, for /healthz.
    bool healthy();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Applies pending migrations to the file and returns how many were applied (`rubdown migrate`).
int migrate_database(const std::string& path);

}  // namespace rubdown::storage
