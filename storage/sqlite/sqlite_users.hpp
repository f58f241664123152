#pragma once
/// The SQLite UserRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteUsers final : public UserRepository {
  public:
    explicit SqliteUsers(StatementCache& sql) : sql_(sql) {}
    User find_or_create(const std::string& key, const std::string& channel,
                        const std::string& chat_id, const std::string& display_name,
                        UnixSeconds now) override;
    std::optional<User> find_by_key(const std::string& key) override;
    std::optional<User> find_by_id(std::int64_t id) override;
    void update(const User& user) override;
    void erase(std::int64_t user_id) override;
    std::size_t move_chat(const std::string& channel, const std::string& from,
                          const std::string& to) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
