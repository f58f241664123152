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

}  // namespace rubdown::storage
