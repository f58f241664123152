#include "storage/sqlite/sqlite_nudges.hpp"

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

namespace {

constexpr const char* kNudgeColumns =
    "id, user_id, kind, due_at, not_after, race_id, run_id, state, attempts, created_at, sent_at";

Nudge read_nudge(SQLite::Statement& row) {
    Nudge nudge;
    nudge.id = row.getColumn(0).getInt64();
    nudge.user_id = row.getColumn(1).getInt64();
    nudge.kind = nudge_kind_from_string(row.getColumn(2).getString());
    nudge.due_at = row.getColumn(3).getInt64();
    nudge.not_after = row.getColumn(4).getInt64();
    nudge.race_id = optional_int(row.getColumn(5));
    nudge.run_id = optional_int(row.getColumn(6));
    nudge.state = nudge_state_from_string(row.getColumn(7).getString());
    nudge.attempts = row.getColumn(8).getInt();
    nudge.created_at = row.getColumn(9).getInt64();
    nudge.sent_at = row.getColumn(10).getInt64();
    return nudge;
}

std::vector<Nudge> read_nudges(SQLite::Statement& statement) {
    std::vector<Nudge> nudges;
    while (statement.executeStep()) nudges.push_back(read_nudge(statement));
    return nudges;
}

}  // namespace

std::int64_t SqliteNudges::add(const Nudge& nudge) {
    auto& insert = sql_.get(
        "INSERT INTO nudges (user_id, kind, due_at, not_after, race_id, run_id, state, attempts, "
        "created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, nudge.user_id);
    insert.bind(2, to_string(nudge.kind));
    insert.bind(3, static_cast<std::int64_t>(nudge.due_at));
    insert.bind(4, static_cast<std::int64_t>(nudge.not_after));
    bind_optional(insert, 5, nudge.race_id);
    bind_optional(insert, 6, nudge.run_id);
    insert.bind(7, to_string(nudge.state));
    insert.bind(8, nudge.attempts);
    insert.bind(9, static_cast<std::int64_t>(nudge.created_at));
    insert.bind(10, static_cast<std::int64_t>(nudge.sent_at));
    insert.exec();
    return sql_.database().getLastInsertRowid();
}

void SqliteNudges::update(const Nudge& nudge) {
    auto& statement = sql_.get(
        "UPDATE nudges SET kind = ?, due_at = ?, not_after = ?, race_id = ?, run_id = ?, "
        "state = ?, attempts = ?, sent_at = ? WHERE id = ?");
    statement.bind(1, to_string(nudge.kind));
    statement.bind(2, static_cast<std::int64_t>(nudge.due_at));
    statement.bind(3, static_cast<std::int64_t>(nudge.not_after));
    bind_optional(statement, 4, nudge.race_id);
    bind_optional(statement, 5, nudge.run_id);
    statement.bind(6, to_string(nudge.state));
    statement.bind(7, nudge.attempts);
    statement.bind(8, static_cast<std::int64_t>(nudge.sent_at));
    statement.bind(9, nudge.id);
    statement.exec();
}

std::optional<Nudge> SqliteNudges::find(std::int64_t id) {
    auto& query = sql_.get(select_from(kNudgeColumns, "nudges", "WHERE id = ?"));
    query.bind(1, id);
    auto found = read_nudges(query);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Nudge> SqliteNudges::due(UnixSeconds now, std::size_t limit) {
    auto& query = sql_.get(
        select_from(kNudgeColumns, "nudges",
                    "WHERE state = 'pending' AND due_at <= ? ORDER BY due_at ASC, id ASC LIMIT ?"));
    query.bind(1, static_cast<std::int64_t>(now));
    query.bind(2, static_cast<std::int64_t>(limit));
    return read_nudges(query);
}

std::optional<UnixSeconds> SqliteNudges::next_due() {
    auto& query = sql_.get("SELECT MIN(due_at) FROM nudges WHERE state = 'pending'");
    query.executeStep();
    return optional_int(query.getColumn(0));
}

std::vector<Nudge> SqliteNudges::pending_for_user(std::int64_t user_id) {
    auto& query = sql_.get(select_from(kNudgeColumns, "nudges",
                                       "WHERE user_id = ? AND state = 'pending' ORDER BY due_at"));
    query.bind(1, user_id);
    return read_nudges(query);
}

std::vector<Nudge> SqliteNudges::pending(std::size_t limit) {
    auto& query = sql_.get(select_from(kNudgeColumns, "nudges",
                                       "WHERE state = 'pending' ORDER BY due_at, id LIMIT ?"));
    query.bind(1, static_cast<std::int64_t>(limit));
    return read_nudges(query);
}

std::optional<UnixSeconds> SqliteNudges::last_sent(std::int64_t user_id) {
    auto& query = sql_.get("SELECT MAX(sent_at) FROM nudges WHERE user_id = ? AND state = 'sent'");
    query.bind(1, user_id);
    query.executeStep();
    return optional_int(query.getColumn(0));
}

std::vector<Nudge> SqliteNudges::sent_for_race(std::int64_t user_id, std::int64_t race_id) {
    // nudges_by_user (user_id, state) finds the runner's sent ones; a runner has few per race.
    auto& query = sql_.get(
        select_from(kNudgeColumns, "nudges",
                    "WHERE user_id = ? AND state = 'sent' AND race_id = ? ORDER BY sent_at, id"));
    query.bind(1, user_id);
    query.bind(2, race_id);
    return read_nudges(query);
}

}  // namespace rubdown::storage
