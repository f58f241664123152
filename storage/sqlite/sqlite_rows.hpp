#pragma once
/// Helpers shared by the SQLite repositories: optional values in and out, and SELECT statements.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "storage/records.hpp"

namespace rubdown::storage {

// Binding helpers: optional values become NULL, so "unknown" never turns into zero.
void bind_optional(SQLite::Statement& statement, int index, const std::optional<double>& value);
void bind_optional(SQLite::Statement& statement, int index,
                   const std::optional<std::int64_t>& value);
std::optional<double> optional_double(const SQLite::Column& column);
std::optional<std::int64_t> optional_int(const SQLite::Column& column);

/// The users table's columns in the order read_user() reads them.
inline constexpr const char* kUserColumns =
    "id, key, channel, chat_id, display_name, time_zone, time_zone_known, time_zone_asked, active, "
    "nudges_stopped, nudges_paused_until, quiet_start_minute, quiet_end_minute, created_at, "
    "quiet_days, units, units_chosen, private_chat";
/// A user from a row whose first columns are kUserColumns (prefixed or not).
User read_user(SQLite::Statement& row);

/// "SELECT <columns> FROM <table> <rest>".
std::string select_from(const char* columns, const char* table, const char* rest);

/// Runs a pruning `statement` whose parameters are an instant and a row limit; the rows changed.
std::size_t run_bounded(SQLite::Statement& statement, UnixSeconds before, std::size_t limit);

}  // namespace rubdown::storage
