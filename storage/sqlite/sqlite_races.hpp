#pragma once
/// The SQLite RaceRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteRaces final : public RaceRepository {
  public:
    explicit SqliteRaces(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Race& race) override;
    void update(const Race& race) override;
    std::vector<Race> upcoming(std::int64_t user_id, const std::string& from_date) override;
    std::optional<Race> find(std::int64_t race_id) override;
    std::vector<Race> from_source(std::int64_t user_id, const std::string& source_id) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
