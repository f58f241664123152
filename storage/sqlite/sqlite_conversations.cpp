#include "storage/sqlite/sqlite_conversations.hpp"

namespace rubdown::storage {

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
