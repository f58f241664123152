#pragma once
/// The SQLite RunRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteRuns final : public RunRepository {
  public:
    explicit SqliteRuns(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Run& run) override;
    std::vector<Run> list(std::int64_t user_id, std::size_t limit) override;
    std::vector<Run> between(std::int64_t user_id, const std::string& from_date,
                             const std::string& to_date) override;
    std::optional<Run> last_logged(std::int64_t user_id) override;
    std::optional<Run> find(std::int64_t run_id) override;
    std::vector<Run> from_source(std::int64_t user_id, const std::string& source_id) override;
    void update(const Run& run) override;
    void restore(const Run& run) override;
    bool erase(std::int64_t run_id) override;
    void record_change(const RunChange& change) override;
    std::optional<RunChange> last_change(std::int64_t user_id) override;
    void drop_change(std::int64_t change_id) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
