#pragma once
/// Prepared statements kept for the life of the connection: preparing SQL costs more than running
/// the small queries the bot makes, and every request makes several.

#include <memory>
#include <string>
#include <unordered_map>

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
        return *slot;
    }

    SQLite::Database& database() { return db_; }

  private:
    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace rubdown::storage
