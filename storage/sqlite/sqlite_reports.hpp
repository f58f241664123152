#pragma once
/// The SQLite ReportRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteReports final : public ReportRepository {
  public:
    explicit SqliteReports(StatementCache& sql) : sql_(sql) {}
    NudgeFigures nudges(UnixSeconds since, UnixSeconds now) override;
    std::vector<OutboxFigures> outbox() override;
    std::vector<std::pair<std::string, double>> distance_by_day(
        std::int64_t user_id, const std::string& first_date) override;
    std::vector<RunnerSummary> runners(std::size_t limit, std::size_t offset) override;
    std::optional<RunnerSummary> runner(std::int64_t user_id) override;
    std::int64_t runner_count() override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
