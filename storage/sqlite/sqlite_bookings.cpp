#include "storage/sqlite/sqlite_bookings.hpp"

#include <utility>

namespace rubdown::storage {

namespace {

// Binding helpers for optional text, which only bookings have (the others are in sqlite_rows.hpp):
// optional values become NULL, so "unknown" never turns into zero.
void bind_optional(SQLite::Statement& statement, int index,
                   const std::optional<std::string>& value) {
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index);
}
std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

}  // namespace

std::int64_t SqliteBookings::add(const Booking& booking) {
    auto& insert = sql_.get("INSERT INTO bookings (user_id, date, recorded_at) VALUES (?, ?, ?)");
    insert.bind(1, booking.user_id);
    bind_optional(insert, 2, booking.date);
    insert.bind(3, static_cast<std::int64_t>(booking.recorded_at));
    insert.exec();
    return sql_.database().getLastInsertRowid();
}

std::vector<Booking> SqliteBookings::list(std::int64_t user_id) {
    auto& query = sql_.get(
        "SELECT id, user_id, date, recorded_at FROM bookings WHERE user_id = ? ORDER BY id DESC");
    query.bind(1, user_id);
    std::vector<Booking> bookings;
    while (query.executeStep()) {
        Booking booking;
        booking.id = query.getColumn(0).getInt64();
        booking.user_id = query.getColumn(1).getInt64();
        booking.date = optional_text(query.getColumn(2));
        booking.recorded_at = query.getColumn(3).getInt64();
        bookings.push_back(std::move(booking));
    }
    return bookings;
}

}  // namespace rubdown::storage
