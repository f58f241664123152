#pragma once
/// Prepared statements kept for the life of the connection: preparing SQL costs more than running
/// the small queries the bot makes, and every request makes several.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace rubdown::storage {

class StatementCache {
  public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}

    /// A reset statement with no bindings, ready to bind and run.
    SQLite::Statement& get(const std::string& sql) {
        auto& slot = statements_[sql];
        if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
        slot->reset();
        slot->clearBindings();
        used_.push_back(slot.get());
        return *slot;
    }

    /// Resets every statement handed out since the last call. Call it when a transaction ends: a
    /// query left on a row (a lookup that reads one row of a LIMIT 1) keeps the connection's read
    /// transaction open past COMMIT, and while it is open SQLite never starts the write-ahead log
    /// over after a checkpoint, so the log grows by every page written (gigabytes under a burst).
    void reset_used() {
        for (auto* statement : used_) statement->tryReset();  // an earlier error was reported then
        used_.clear();
    }

    SQLite::Database& database() { return db_; }

  private:
    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::vector<SQLite::Statement*> used_;
};

}  // namespace rubdown::storage
