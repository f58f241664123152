#pragma once
/// The SQLite ConversationRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteConversations final : public ConversationRepository {
  public:
    explicit SqliteConversations(StatementCache& sql) : sql_(sql) {}
    std::optional<std::string> pending(std::int64_t user_id) override;
    void set_pending(std::int64_t user_id, const std::string& state_json) override;
    void clear(std::int64_t user_id) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
