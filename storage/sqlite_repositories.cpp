#include "storage/sqlite_repositories.hpp"

namespace rubdown::storage {

namespace {

// Binding helpers: optional values become NULL, so "unknown" never turns into zero.
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
void bind_optional(SQLite::Statement& statement, int index,
                   const std::optional<std::string>& value) {
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
std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

constexpr const char* kUserColumns =
    "id, key, channel, chat_id, display_name, time_zone, time_zone_known, time_zone_asked, active, "
    "nudges_stopped, nudges_paused_until, quiet_start_minute, quiet_end_minute, created_at, "
    "quiet_days, units, units_chosen";

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
    return user;
}

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

constexpr const char* kInboxColumns =
    "id, dedup_key, channel, user_key, chat_id, display_name, text, action, reply_context, "
    "received_at, processed, source_id, edit_version";

InboxEntry read_inbox(SQLite::Statement& row) {
    InboxEntry entry;
    entry.id = row.getColumn(0).getInt64();
    entry.dedup_key = row.getColumn(1).getString();
    entry.channel = row.getColumn(2).getString();
    entry.user_key = row.getColumn(3).getString();
    entry.chat_id = row.getColumn(4).getString();
    entry.display_name = row.getColumn(5).getString();
    entry.text = row.getColumn(6).getString();
    entry.action = row.getColumn(7).getString();
    entry.reply_context = row.getColumn(8).getString();
    entry.received_at = row.getColumn(9).getInt64();
    entry.processed = row.getColumn(10).getInt() != 0;
    entry.source_id = row.getColumn(11).getString();
    entry.edit_version = row.getColumn(12).getInt64();
    return entry;
}

constexpr const char* kOutboxColumns =
    "id, channel, chat_id, user_id, text, buttons_json, reply_context, nudge_id, status, attempts, "
    "not_before, created_at, last_error, edit_original";

OutboxMessage read_outbox(SQLite::Statement& row) {
    OutboxMessage message;
    message.id = row.getColumn(0).getInt64();
    message.channel = row.getColumn(1).getString();
    message.chat_id = row.getColumn(2).getString();
    message.user_id = row.getColumn(3).getInt64();
    message.text = row.getColumn(4).getString();
    message.buttons_json = row.getColumn(5).getString();
    message.reply_context = row.getColumn(6).getString();
    message.nudge_id = optional_int(row.getColumn(7));
    message.status = outbox_status_from_string(row.getColumn(8).getString());
    message.attempts = row.getColumn(9).getInt();
    message.not_before = row.getColumn(10).getInt64();
    message.created_at = row.getColumn(11).getInt64();
    message.last_error = row.getColumn(12).getString();
    message.edit_original = row.getColumn(13).getInt() != 0;
    return message;
}

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

std::string select_from(const char* columns, const char* table, const char* rest) {
    return std::string("SELECT ") + columns + " FROM " + table + " " + rest;
}

}  // namespace

// ---- users ----

User SqliteUsers::find_or_create(const std::string& key, const std::string& channel,
                                 const std::string& chat_id, const std::string& display_name,
                                 UnixSeconds now) {
    if (auto existing = find_by_key(key)) return *existing;
    auto& insert = sql_.get(
        "INSERT INTO users (key, channel, chat_id, display_name, created_at) VALUES (?, ?, ?, ?, "
        "?)");
    insert.bind(1, key);
    insert.bind(2, channel);
    insert.bind(3, chat_id);
    insert.bind(4, display_name);
    insert.bind(5, static_cast<std::int64_t>(now));
    insert.exec();
    return *find_by_id(sql_.database().getLastInsertRowid());
}

std::optional<User> SqliteUsers::find_by_key(const std::string& key) {
    auto& query = sql_.get(select_from(kUserColumns, "users", "WHERE key = ?"));
    query.bind(1, key);
    if (!query.executeStep()) return std::nullopt;
    return read_user(query);
}

std::optional<User> SqliteUsers::find_by_id(std::int64_t id) {
    auto& query = sql_.get(select_from(kUserColumns, "users", "WHERE id = ?"));
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_user(query);
}

void SqliteUsers::update(const User& user) {
    auto& statement = sql_.get(
        "UPDATE users SET chat_id = ?, display_name = ?, time_zone = ?, time_zone_known = ?, "
        "time_zone_asked = ?, active = ?, nudges_stopped = ?, nudges_paused_until = ?, "
        "quiet_start_minute = ?, quiet_end_minute = ?, quiet_days = ?, units = ?, "
        "units_chosen = ? WHERE id = ?");
    statement.bind(1, user.chat_id);
    statement.bind(2, user.display_name);
    statement.bind(3, user.time_zone);
    statement.bind(4, user.time_zone_known ? 1 : 0);
    statement.bind(5, user.time_zone_asked ? 1 : 0);
    statement.bind(6, user.active ? 1 : 0);
    statement.bind(7, user.nudges_stopped ? 1 : 0);
    statement.bind(8, static_cast<std::int64_t>(user.nudges_paused_until));
    statement.bind(9, user.quiet_start_minute);
    statement.bind(10, user.quiet_end_minute);
    statement.bind(11, user.quiet_days);
    statement.bind(12, user.units);
    statement.bind(13, user.units_chosen ? 1 : 0);
    statement.bind(14, user.id);
    statement.exec();
}

void SqliteUsers::erase(std::int64_t user_id) {
    // Messages already received keep their dedup keys (so redeliveries stay deduplicated) but
    // lose their text; everything else about the runner goes with the row (ON DELETE CASCADE).
    auto& user = sql_.get("SELECT key FROM users WHERE id = ?");
    user.bind(1, user_id);
    if (!user.executeStep()) return;
    const auto key = user.getColumn(0).getString();
    auto& scrub = sql_.get(
        "UPDATE inbox SET text = '', action = '', display_name = '', reply_context = '' "
        "WHERE user_key = ?");
    scrub.bind(1, key);
    scrub.exec();
    auto& remove = sql_.get("DELETE FROM users WHERE id = ?");
    remove.bind(1, user_id);
    remove.exec();
}

std::size_t SqliteUsers::move_chat(const std::string& channel, const std::string& from,
                                   const std::string& to) {
    auto& statement = sql_.get("UPDATE users SET chat_id = ? WHERE channel = ? AND chat_id = ?");
    statement.bind(1, to);
    statement.bind(2, channel);
    statement.bind(3, from);
    return static_cast<std::size_t>(statement.exec());
}

// ---- runs ----

namespace {

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

// ---- races ----

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

// ---- bookings ----

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

// ---- inbox ----

InboxRecordResult SqliteInbox::record(InboxEntry& entry) {
    // ON CONFLICT DO NOTHING makes the dedup check and the insert one atomic statement.
    auto& insert = sql_.get(
        "INSERT INTO inbox (dedup_key, channel, user_key, chat_id, display_name, text, action, "
        "reply_context, received_at, source_id, edit_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?) ON CONFLICT(dedup_key) DO NOTHING");
    insert.bind(1, entry.dedup_key);
    insert.bind(2, entry.channel);
    insert.bind(3, entry.user_key);
    insert.bind(4, entry.chat_id);
    insert.bind(5, entry.display_name);
    insert.bind(6, entry.text);
    insert.bind(7, entry.action);
    insert.bind(8, entry.reply_context);
    insert.bind(9, static_cast<std::int64_t>(entry.received_at));
    insert.bind(10, entry.source_id);
    insert.bind(11, entry.edit_version);
    if (insert.exec() == 0) return InboxRecordResult::duplicate;
    entry.id = sql_.database().getLastInsertRowid();
    return InboxRecordResult::recorded;
}

std::vector<InboxEntry> SqliteInbox::unprocessed(std::size_t limit) {
    auto& query = sql_.get(
        select_from(kInboxColumns, "inbox", "WHERE processed = 0 ORDER BY id ASC LIMIT ?"));
    query.bind(1, static_cast<std::int64_t>(limit));
    std::vector<InboxEntry> entries;
    while (query.executeStep()) entries.push_back(read_inbox(query));
    return entries;
}

std::vector<std::int64_t> SqliteInbox::unprocessed_ids(std::size_t limit) {
    auto& query = sql_.get("SELECT id FROM inbox WHERE processed = 0 ORDER BY id ASC LIMIT ?");
    query.bind(1, static_cast<std::int64_t>(limit));
    std::vector<std::int64_t> ids;
    while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
    return ids;
}

std::size_t SqliteInbox::count_unprocessed() {
    auto& query = sql_.get("SELECT count(*) FROM inbox WHERE processed = 0");
    query.executeStep();
    return static_cast<std::size_t>(query.getColumn(0).getInt64());
}

std::optional<InboxEntry> SqliteInbox::find(std::int64_t inbox_id) {
    auto& query = sql_.get(select_from(kInboxColumns, "inbox", "WHERE id = ?"));
    query.bind(1, inbox_id);
    if (!query.executeStep()) return std::nullopt;
    return read_inbox(query);
}

void SqliteInbox::mark_processed(std::int64_t inbox_id) {
    auto& statement = sql_.get("UPDATE inbox SET processed = 1 WHERE id = ?");
    statement.bind(1, inbox_id);
    statement.exec();
}

// ---- outbox ----

std::int64_t SqliteOutbox::enqueue(const OutboxMessage& message) {
    auto& insert = sql_.get(
        "INSERT INTO outbox (channel, chat_id, user_id, text, buttons_json, reply_context, "
        "nudge_id, edit_original, status, attempts, not_before, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)");
    insert.bind(1, message.channel);
    insert.bind(2, message.chat_id);
    insert.bind(3, message.user_id);
    insert.bind(4, message.text);
    insert.bind(5, message.buttons_json);
    insert.bind(6, message.reply_context);
    bind_optional(insert, 7, message.nudge_id);
    insert.bind(8, message.edit_original ? 1 : 0);
    insert.bind(9, static_cast<std::int64_t>(message.not_before));
    insert.bind(10, static_cast<std::int64_t>(message.created_at));
    insert.exec();
    return sql_.database().getLastInsertRowid();
}

std::vector<OutboxMessage> SqliteOutbox::due(const std::string& channel, UnixSeconds now,
                                             std::size_t limit) {
    auto& query = sql_.get(select_from(
        kOutboxColumns, "outbox",
        "WHERE status = 'pending' AND channel = ? AND not_before <= ? ORDER BY id ASC LIMIT ?"));
    query.bind(1, channel);
    query.bind(2, static_cast<std::int64_t>(now));
    query.bind(3, static_cast<std::int64_t>(limit));
    std::vector<OutboxMessage> messages;
    while (query.executeStep()) messages.push_back(read_outbox(query));
    return messages;
}

bool SqliteOutbox::claim(std::int64_t id) {
    auto& statement = sql_.get(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1 "
        "WHERE id = ? AND status = 'pending'");
    statement.bind(1, id);
    return statement.exec() > 0;
}

void SqliteOutbox::mark_sent(std::int64_t id, UnixSeconds now) {
    auto& statement =
        sql_.get("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = '' WHERE id = ?");
    statement.bind(1, static_cast<std::int64_t>(now));
    statement.bind(2, id);
    statement.exec();
}

void SqliteOutbox::reschedule(std::int64_t id, UnixSeconds not_before, const std::string& error) {
    auto& statement = sql_.get(
        "UPDATE outbox SET status = 'pending', not_before = ?, last_error = ? WHERE id = ?");
    statement.bind(1, static_cast<std::int64_t>(not_before));
    statement.bind(2, error);
    statement.bind(3, id);
    statement.exec();
}

void SqliteOutbox::mark_failed(std::int64_t id, const std::string& error) {
    auto& statement = sql_.get("UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?");
    statement.bind(1, error);
    statement.bind(2, id);
    statement.exec();
}

std::size_t SqliteOutbox::abandon_in_flight(const std::string& channel) {
    auto& statement = sql_.get(
        "UPDATE outbox SET status = 'failed', last_error = 'interrupted while sending; not "
        "resent to avoid a duplicate' WHERE status = 'sending' AND channel = ?");
    statement.bind(1, channel);
    return static_cast<std::size_t>(statement.exec());
}

std::optional<OutboxMessage> SqliteOutbox::find(std::int64_t id) {
    auto& query = sql_.get(select_from(kOutboxColumns, "outbox", "WHERE id = ?"));
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_outbox(query);
}

std::size_t SqliteOutbox::count_pending(const std::string& channel) {
    auto& query = sql_.get("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND channel = ?");
    query.bind(1, channel);
    query.executeStep();
    return static_cast<std::size_t>(query.getColumn(0).getInt64());
}

std::size_t SqliteOutbox::move_chat(const std::string& channel, const std::string& from,
                                    const std::string& to) {
    auto& statement = sql_.get(
        "UPDATE outbox SET chat_id = ? "
        "WHERE channel = ? AND chat_id = ? AND status IN ('pending', 'sending')");
    statement.bind(1, to);
    statement.bind(2, channel);
    statement.bind(3, from);
    return static_cast<std::size_t>(statement.exec());
}

// ---- nudges ----

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

// ---- conversations ----

std::optional<std::string> SqliteConversations::pending(std::int64_t user_id) {
    auto& query = sql_.get("SELECT state_json FROM conversations WHERE user_id = ?");
    query.bind(1, user_id);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getString();
}

void SqliteConversations::set_pending(std::int64_t user_id, const std::string& state_json) {
    auto& statement = sql_.get(
        "INSERT INTO conversations (user_id, state_json) VALUES (?, ?) "
        "ON CONFLICT(user_id) DO UPDATE SET state_json = excluded.state_json");
    statement.bind(1, user_id);
    statement.bind(2, state_json);
    statement.exec();
}

void SqliteConversations::clear(std::int64_t user_id) {
    auto& statement = sql_.get("DELETE FROM conversations WHERE user_id = ?");
    statement.bind(1, user_id);
    statement.exec();
}

}  // namespace rubdown::storage
