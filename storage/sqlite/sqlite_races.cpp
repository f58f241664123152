#include "storage/sqlite/sqlite_races.hpp"

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

namespace {

constexpr const char* kRaceColumns =
    "id, user_id, date, distance_km, name, cancelled, updated_at, source_id, source_version";

Race read_race(SQLite::Statement& row) {
    Race race;
    race.id = row.getColumn(0).getInt64();
    race.user_id = row.getColumn(1).getInt64();
    race.date = row.getColumn(2).getString();
    race.distance_km = optional_double(row.getColumn(3));
    race.name = row.getColumn(4).getString();
    race.cancelled = row.getColumn(5).getInt() != 0;
    race.updated_at = row.getColumn(6).getInt64();
    race.source_id = row.getColumn(7).getString();
    race.source_version = row.getColumn(8).getInt64();
    return race;
}

}  // namespace

std::int64_t SqliteRaces::add(const Race& race) {
    auto& insert = sql_.get(
        "INSERT INTO races (user_id, date, distance_km, name, cancelled, updated_at, source_id, "
        "source_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, race.user_id);
    insert.bind(2, race.date);
    bind_optional(insert, 3, race.distance_km);
    insert.bind(4, race.name);
    insert.bind(5, race.cancelled ? 1 : 0);
    insert.bind(6, static_cast<std::int64_t>(race.updated_at));
    insert.bind(7, race.source_id);
    insert.bind(8, race.source_version);
    insert.exec();
    return sql_.database().getLastInsertRowid();
}

void SqliteRaces::update(const Race& race) {
    auto& statement = sql_.get(
        "UPDATE races SET date = ?, distance_km = ?, name = ?, cancelled = ?, updated_at = ?, "
        "source_id = ?, source_version = ? WHERE id = ?");
    statement.bind(1, race.date);
    bind_optional(statement, 2, race.distance_km);
    statement.bind(3, race.name);
    statement.bind(4, race.cancelled ? 1 : 0);
    statement.bind(5, static_cast<std::int64_t>(race.updated_at));
    statement.bind(6, race.source_id);
    statement.bind(7, race.source_version);
    statement.bind(8, race.id);
    statement.exec();
}

std::vector<Race> SqliteRaces::from_source(std::int64_t user_id, const std::string& source_id) {
    auto& query = sql_.get(select_from(kRaceColumns, "races",
                                       "WHERE user_id = ? AND source_id = ? AND source_id <> '' "
                                       "ORDER BY id ASC"));
    query.bind(1, user_id);
    query.bind(2, source_id);
    std::vector<Race> races;
    while (query.executeStep()) races.push_back(read_race(query));
    return races;
}

std::vector<Race> SqliteRaces::upcoming(std::int64_t user_id, const std::string& from_date) {
    auto& query = sql_.get(
        select_from(kRaceColumns, "races",
                    "WHERE user_id = ? AND cancelled = 0 AND date >= ? ORDER BY date ASC, id ASC"));
    query.bind(1, user_id);
    query.bind(2, from_date);
    std::vector<Race> races;
    while (query.executeStep()) races.push_back(read_race(query));
    return races;
}

std::optional<Race> SqliteRaces::find(std::int64_t race_id) {
    auto& query = sql_.get(select_from(kRaceColumns, "races", "WHERE id = ?"));
    query.bind(1, race_id);
    if (!query.executeStep()) return std::nullopt;
    return read_race(query);
}

}  // namespace rubdown::storage
