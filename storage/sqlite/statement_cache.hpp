#pragma once
/// Prepared statements kept for the life of the connection: preparing SQL costs more than running
/// the small queries the bot makes, and every request makes several.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace rubdown::storage {

class StatementCache {
  public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}

    /// A reset statement with no bindings, ready to bind and run.
    SQLite::Statement& get(std::string_view sql) {
        // Looked up by the view itself: most SQL here is a literal, and a key string built for
        // every lookup was an allocation per statement run.
        auto found = statements_.find(sql);
        if (found == statements_.end()) {
            std::string text{sql};
            auto statement = std::make_unique<SQLite::Statement>(db_, text);
            found = statements_.emplace(std::move(text), std::move(statement)).first;
        }
        auto& slot = found->second;
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
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const noexcept {
            return std::hash<std::string_view>{}(sql);
        }
    };

    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash, std::equal_to<>>
        statements_;
    std::vector<SQLite::Statement*> used_;
};

}  // namespace rubdown::storage
