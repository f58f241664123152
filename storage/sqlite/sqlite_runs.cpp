#include "storage/sqlite/sqlite_runs.hpp"

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

namespace {

constexpr const char* kRunColumns =
    "id, user_id, date, distance_km, duration_s, effort, hard, text, logged_at, source_id, "
    "source_version";

Run read_run(SQLite::Statement& row) {
    Run run;
    run.id = row.getColumn(0).getInt64();
    run.user_id = row.getColumn(1).getInt64();
    run.date = row.getColumn(2).getString();
    run.distance_km = optional_double(row.getColumn(3));
    run.duration_s = optional_int(row.getColumn(4));
    run.effort = effort_from_string(row.getColumn(5).getString());
    run.hard = row.getColumn(6).getInt() != 0;
    run.text = row.getColumn(7).getString();
    run.logged_at = row.getColumn(8).getInt64();
    run.source_id = row.getColumn(9).getString();
    run.source_version = row.getColumn(10).getInt64();
    return run;
}

std::vector<Run> read_runs(SQLite::Statement& statement) {
    std::vector<Run> runs;
    while (statement.executeStep()) runs.push_back(read_run(statement));
    return runs;
}

/// The nine columns a run is written with, in this order, from placeholder `first` on:
/// date, distance_km, duration_s, effort, hard, text, logged_at, source_id, source_version.
void bind_run_fields(SQLite::Statement& statement, int first, const Run& run) {
    statement.bind(first, run.date);
    bind_optional(statement, first + 1, run.distance_km);
    bind_optional(statement, first + 2, run.duration_s);
    statement.bind(first + 3, to_string(run.effort));
    statement.bind(first + 4, run.hard ? 1 : 0);
    statement.bind(first + 5, run.text);
    statement.bind(first + 6, static_cast<std::int64_t>(run.logged_at));
    statement.bind(first + 7, run.source_id);
    statement.bind(first + 8, run.source_version);
}

}  // namespace

std::int64_t SqliteRuns::add(const Run& run) {
    auto& insert = sql_.get(
        "INSERT INTO runs (user_id, date, distance_km, duration_s, effort, hard, text, logged_at, "
        "source_id, source_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run.user_id);
    bind_run_fields(insert, 2, run);
    insert.exec();
    return sql_.database().getLastInsertRowid();
}

std::vector<Run> SqliteRuns::list(std::int64_t user_id, std::size_t limit) {
    auto& query = sql_.get(select_from(kRunColumns, "runs",
                                       "WHERE user_id = ? ORDER BY date DESC, logged_at DESC, id "
                                       "DESC LIMIT ?"));
    query.bind(1, user_id);
    query.bind(2, static_cast<std::int64_t>(limit));
    return read_runs(query);
}

std::vector<Run> SqliteRuns::between(std::int64_t user_id, const std::string& from_date,
                                     const std::string& to_date) {
    auto& query = sql_.get(select_from(kRunColumns, "runs",
                                       "WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY "
                                       "date DESC, logged_at DESC, id DESC"));
    query.bind(1, user_id);
    query.bind(2, from_date);
    query.bind(3, to_date);
    return read_runs(query);
}

std::optional<Run> SqliteRuns::last_logged(std::int64_t user_id) {
    auto& query =
        sql_.get(select_from(kRunColumns, "runs", "WHERE user_id = ? ORDER BY id DESC LIMIT 1"));
    query.bind(1, user_id);
    if (!query.executeStep()) return std::nullopt;
    return read_run(query);
}

std::optional<Run> SqliteRuns::find(std::int64_t run_id) {
    auto& query = sql_.get(select_from(kRunColumns, "runs", "WHERE id = ?"));
    query.bind(1, run_id);
    if (!query.executeStep()) return std::nullopt;
    auto run = read_run(query);
    query.reset();
    return run;
}

std::vector<Run> SqliteRuns::from_source(std::int64_t user_id, const std::string& source_id) {
    auto& query = sql_.get(select_from(kRunColumns, "runs",
                                       "WHERE user_id = ? AND source_id = ? AND source_id <> '' "
                                       "ORDER BY id ASC"));
    query.bind(1, user_id);
    query.bind(2, source_id);
    return read_runs(query);
}

void SqliteRuns::update(const Run& run) {
    auto& statement = sql_.get(
        "UPDATE runs SET date = ?, distance_km = ?, duration_s = ?, effort = ?, hard = ?, "
        "text = ?, source_id = ?, source_version = ? WHERE id = ?");
    statement.bind(1, run.date);
    bind_optional(statement, 2, run.distance_km);
    bind_optional(statement, 3, run.duration_s);
    statement.bind(4, to_string(run.effort));
    statement.bind(5, run.hard ? 1 : 0);
    statement.bind(6, run.text);
    statement.bind(7, run.source_id);
    statement.bind(8, run.source_version);
    statement.bind(9, run.id);
    statement.exec();
}

void SqliteRuns::restore(const Run& run) {
    auto& insert = sql_.get(
        "INSERT OR REPLACE INTO runs (id, user_id, date, distance_km, duration_s, effort, hard, "
        "text, logged_at, source_id, source_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run.id);
    insert.bind(2, run.user_id);
    bind_run_fields(insert, 3, run);
    insert.exec();
}

void SqliteRuns::record_change(const RunChange& change) {
    auto& insert = sql_.get(
        "INSERT INTO run_changes (user_id, kind, run_id, changed_at, date, distance_km, "
        "duration_s, effort, hard, text, logged_at, source_id, source_version) VALUES (?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, change.user_id);
    insert.bind(2, to_string(change.kind));
    insert.bind(3, change.run.id);
    insert.bind(4, static_cast<std::int64_t>(change.changed_at));
    bind_run_fields(insert, 5, change.run);
    insert.exec();
    // Only the latest changes can be undone; older ones need not be kept.
    auto& prune = sql_.get(
        "DELETE FROM run_changes WHERE user_id = ? AND id <= (SELECT id FROM run_changes WHERE "
        "user_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)");
    prune.bind(1, change.user_id);
    prune.bind(2, change.user_id);
    prune.bind(3, static_cast<std::int64_t>(kKeptChanges));
    prune.exec();
}

std::optional<RunChange> SqliteRuns::last_change(std::int64_t user_id) {
    auto& query = sql_.get(
        "SELECT id, kind, run_id, date, distance_km, duration_s, effort, hard, text, logged_at, "
        "changed_at, source_id, source_version FROM run_changes WHERE user_id = ? ORDER BY id "
        "DESC LIMIT 1");
    query.bind(1, user_id);
    if (!query.executeStep()) return std::nullopt;
    RunChange change;
    change.id = query.getColumn(0).getInt64();
    change.user_id = user_id;
    change.kind = run_change_kind_from_string(query.getColumn(1).getString());
    auto& run = change.run;
    run.id = query.getColumn(2).getInt64();
    run.user_id = user_id;
    run.date = query.getColumn(3).getString();
    if (!query.getColumn(4).isNull()) run.distance_km = query.getColumn(4).getDouble();
    if (!query.getColumn(5).isNull()) run.duration_s = query.getColumn(5).getInt64();
    run.effort = effort_from_string(query.getColumn(6).getString());
    run.hard = query.getColumn(7).getInt() != 0;
    run.text = query.getColumn(8).getString();
    run.logged_at = query.getColumn(9).getInt64();
    change.changed_at = query.getColumn(10).getInt64();
    run.source_id = query.getColumn(11).getString();
    run.source_version = query.getColumn(12).getInt64();
    query.reset();
    return change;
}

void SqliteRuns::drop_change(std::int64_t change_id) {
    auto& statement = sql_.get("DELETE FROM run_changes WHERE id = ?");
    statement.bind(1, change_id);
    statement.exec();
}

bool SqliteRuns::erase(std::int64_t run_id) {
    auto& statement = sql_.get("DELETE FROM runs WHERE id = ?");
    statement.bind(1, run_id);
    return statement.exec() > 0;
}

}  // namespace rubdown::storage
