#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

void bind_optional(SQLite::Statement& statement, int index, const std::optional<double>& value) {
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index);
}
void bind_optional(SQLite::Statement& statement, int index,
                   const std::optional<std::int64_t>& value) {
    if (value)
        statement.bind(index, *value);
    else
        statement.bind(index);
}
std::optional<double> optional_double(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getDouble();
}
std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

std::string select_from(const char* columns, const char* table, const char* rest) {
    return std::string("SELECT ") + columns + " FROM " + table + " " + rest;
}

std::size_t run_bounded(SQLite::Statement& statement, UnixSeconds before, std::size_t limit) {
    statement.bind(1, static_cast<std::int64_t>(before));
    statement.bind(2, static_cast<std::int64_t>(limit));
    return static_cast<std::size_t>(statement.exec());
}

User read_user(SQLite::Statement& row) {
    User user;
    user.id = row.getColumn(0).getInt64();
    user.key = row.getColumn(1).getString();
    user.channel = row.getColumn(2).getString();
    user.chat_id = row.getColumn(3).getString();
    user.display_name = row.getColumn(4).getString();
    user.time_zone = row.getColumn(5).getString();
    user.time_zone_known = row.getColumn(6).getInt() != 0;
    user.time_zone_asked = row.getColumn(7).getInt() != 0;
    user.active = row.getColumn(8).getInt() != 0;
    user.nudges_stopped = row.getColumn(9).getInt() != 0;
    user.nudges_paused_until = row.getColumn(10).getInt64();
    user.quiet_start_minute = row.getColumn(11).getInt();
    user.quiet_end_minute = row.getColumn(12).getInt();
    user.created_at = row.getColumn(13).getInt64();
    user.quiet_days = row.getColumn(14).getInt();
    user.units = row.getColumn(15).getString();
    user.units_chosen = row.getColumn(16).getInt() != 0;
    user.private_chat = row.getColumn(17).getString();
    return user;
}

}  // namespace rubdown::storage
