#pragma once
/// The SQLite BookingRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteBookings final : public BookingRepository {
  public:
    explicit SqliteBookings(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Booking& booking) override;
    std::vector<Booking> list(std::int64_t user_id) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
