#pragma once
/// The SQLite NudgeRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteNudges final : public NudgeRepository {
  public:
    explicit SqliteNudges(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Nudge& nudge) override;
    void update(const Nudge& nudge) override;
    std::optional<Nudge> find(std::int64_t id) override;
    std::vector<Nudge> due(UnixSeconds now, std::size_t limit) override;
    std::optional<UnixSeconds> next_due() override;
    std::vector<Nudge> pending_for_user(std::int64_t user_id) override;
    std::vector<Nudge> pending(std::size_t limit) override;
    std::optional<UnixSeconds> last_sent(std::int64_t user_id) override;
    std::vector<Nudge> sent_for_race(std::int64_t user_id, std::int64_t race_id) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
