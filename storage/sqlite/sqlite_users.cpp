#include "storage/sqlite/sqlite_users.hpp"

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

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
        "units_chosen = ?, private_chat = ? WHERE id = ?");
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
    statement.bind(14, user.private_chat);
    statement.bind(15, user.id);
    statement.exec();
}

void SqliteUsers::erase(std::int64_t user_id) {
    // Messages already processed keep their dedup keys (so redeliveries stay deduplicated) but
    // lose their texts and who sent them; messages not processed yet are left to be processed
    // (the one being processed is scrubbed by its processing). Every outbox row for the runner
    // goes, queued or sent; the rest goes with the row (ON DELETE CASCADE).
    auto& user = sql_.get("SELECT key FROM users WHERE id = ?");
    user.bind(1, user_id);
    if (!user.executeStep()) return;
    const auto key = user.getColumn(0).getString();
    auto& scrub = sql_.get(
        "UPDATE inbox SET text = '', action = '', display_name = '', reply_context = '', "
        "user_key = '', chat_id = '', scrubbed = 1 WHERE user_key = ? AND processed = 1");
    scrub.bind(1, key);
    scrub.exec();
    auto& replies = sql_.get("DELETE FROM outbox WHERE user_id = ?");
    replies.bind(1, user_id);
    replies.exec();
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

}  // namespace rubdown::storage
