#include "storage/sqlite/sqlite_activity.hpp"

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

void SqliteActivity::record_message(const std::string& day, const std::string& channel,
                                    const std::string& understood_as, std::int64_t user_id,
                                    UnixSeconds at) {
    auto& count = sql_.get(
        "INSERT INTO activity_days (day, channel, understood_as, messages) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (day, channel, understood_as) DO UPDATE SET messages = messages + 1");
    count.bind(1, day);
    count.bind(2, channel);
    count.bind(3, understood_as);
    count.exec();
    if (user_id == 0) return;
    // max(): a backlog processed late never moves a runner's last sighting back.
    auto& seen = sql_.get("UPDATE users SET last_seen_at = max(last_seen_at, ?) WHERE id = ?");
    seen.bind(1, static_cast<std::int64_t>(at));
    seen.bind(2, user_id);
    seen.exec();
}

void SqliteActivity::keep_not_understood(std::int64_t user_id, const std::string& channel,
                                         const std::string& text, UnixSeconds at) {
    auto& insert = sql_.get(
        "INSERT INTO not_understood (user_id, channel, text, received_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, user_id);
    insert.bind(2, channel);
    insert.bind(3, text);
    insert.bind(4, static_cast<std::int64_t>(at));
    insert.exec();
}

std::vector<ActivityCount> SqliteActivity::since(const std::string& first_day) {
    auto& query = sql_.get(
        "SELECT day, channel, understood_as, messages FROM activity_days WHERE day >= ? "
        "ORDER BY day, channel, understood_as");
    query.bind(1, first_day);
    std::vector<ActivityCount> counts;
    while (query.executeStep())
        counts.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                          query.getColumn(2).getString(), query.getColumn(3).getInt64()});
    return counts;
}

std::vector<NotUnderstood> SqliteActivity::not_understood(std::size_t limit) {
    auto& query = sql_.get(
        "SELECT id, channel, text, received_at FROM not_understood ORDER BY id DESC LIMIT ?");
    query.bind(1, static_cast<std::int64_t>(limit));
    std::vector<NotUnderstood> kept;
    while (query.executeStep())
        kept.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                        query.getColumn(2).getString(), query.getColumn(3).getInt64()});
    return kept;
}

std::size_t SqliteActivity::delete_not_understood(UnixSeconds received_before, std::size_t limit) {
    auto& statement = sql_.get(
        "DELETE FROM not_understood WHERE id IN (SELECT id FROM not_understood "
        "WHERE received_at < ? ORDER BY received_at LIMIT ?)");
    return run_bounded(statement, received_before, limit);
}

std::vector<std::pair<std::string, std::int64_t>> SqliteActivity::active_runners(
    UnixSeconds since) {
    auto& query = sql_.get(
        "SELECT channel, count(*) FROM users WHERE last_seen_at >= ? GROUP BY channel "
        "ORDER BY channel");
    query.bind(1, static_cast<std::int64_t>(since));
    std::vector<std::pair<std::string, std::int64_t>> active;
    while (query.executeStep())
        active.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    return active;
}

}  // namespace rubdown::storage
