#pragma once
/// The SQLite ActivityRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteActivity final : public ActivityRepository {
  public:
    explicit SqliteActivity(StatementCache& sql) : sql_(sql) {}
    void record_message(const std::string& day, const std::string& channel,
                        const std::string& understood_as, std::int64_t user_id,
                        UnixSeconds at) override;
    void keep_not_understood(std::int64_t user_id, const std::string& channel,
                             const std::string& text, UnixSeconds at) override;
    std::vector<ActivityCount> since(const std::string& first_day) override;
    std::vector<NotUnderstood> not_understood(std::size_t limit) override;
    std::size_t delete_not_understood(UnixSeconds received_before, std::size_t limit) override;
    std::vector<std::pair<std::string, std::int64_t>> active_runners(UnixSeconds since) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
