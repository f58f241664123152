#include "storage/sqlite/sqlite_outbox.hpp"

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

namespace {

constexpr const char* kOutboxColumns =
    "id, channel, chat_id, user_id, text, buttons_json, reply_context, nudge_id, status, attempts, "
    "not_before, created_at, last_error, edit_original, calls_done, image_png, image_alt";

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
    message.calls_done = row.getColumn(14).getInt();
    // A blob column read as a string keeps every byte (NULs included).
    const auto image = row.getColumn(15);
    if (!image.isNull())
        message.image_png.assign(static_cast<const char*>(image.getBlob()),
                                 static_cast<std::size_t>(image.getBytes()));
    message.image_alt = row.getColumn(16).getString();
    return message;
}

}  // namespace

std::int64_t SqliteOutbox::enqueue(const OutboxMessage& message) {
    auto& insert = sql_.get(
        "INSERT INTO outbox (channel, chat_id, user_id, text, buttons_json, reply_context, "
        "nudge_id, edit_original, status, attempts, not_before, created_at, image_png, image_alt) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)");
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
    if (message.image_png.empty())
        insert.bind(11);  // NULL
    else
        insert.bind(11, message.image_png.data(), static_cast<int>(message.image_png.size()));
    insert.bind(12, message.image_alt);
    insert.exec();
    return sql_.database().getLastInsertRowid();
}

std::vector<OutboxMessage> SqliteOutbox::due(const std::string& channel, UnixSeconds now,
                                             std::size_t limit,
                                             const std::vector<std::string>& skip_chats) {
    // The chats to leave out travel as one JSON array, so that one cached statement serves any
    // number of them.
    auto& query = sql_.get(
        select_from(kOutboxColumns, "outbox",
                    "WHERE status = 'pending' AND channel = ? AND not_before <= ? "
                    "AND chat_id NOT IN (SELECT value FROM json_each(?)) ORDER BY id ASC LIMIT ?"));
    query.bind(1, channel);
    query.bind(2, static_cast<std::int64_t>(now));
    query.bind(3, nlohmann::json(skip_chats).dump());
    query.bind(4, static_cast<std::int64_t>(limit));
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

void SqliteOutbox::record_calls_done(std::int64_t id, int calls_done) {
    auto& statement = sql_.get("UPDATE outbox SET calls_done = ? WHERE id = ?");
    statement.bind(1, calls_done);
    statement.bind(2, id);
    statement.exec();
}

std::size_t SqliteOutbox::resume_in_flight(const std::string& channel) {
    auto& statement = sql_.get(
        "UPDATE outbox SET status = 'pending', last_error = 'interrupted while sending; sent "
        "again' WHERE status = 'sending' AND channel = ?");
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

std::size_t SqliteOutbox::delete_finished(UnixSeconds created_before, std::size_t limit) {
    auto& statement = sql_.get(
        "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status IN ('sent', 'failed') "
        "AND created_at < ? ORDER BY created_at LIMIT ?)");
    return run_bounded(statement, created_before, limit);
}

std::vector<OutboxMessage> SqliteOutbox::for_chat_after(const std::string& channel,
                                                        const std::string& chat_id,
                                                        std::int64_t after_id, std::size_t limit) {
    auto& query = sql_.get(select_from(kOutboxColumns, "outbox",
                                       "WHERE channel = ? AND chat_id = ? AND id > ? "
                                       "ORDER BY id ASC LIMIT ?"));
    query.bind(1, channel);
    query.bind(2, chat_id);
    query.bind(3, after_id);
    query.bind(4, static_cast<std::int64_t>(limit));
    std::vector<OutboxMessage> rows;
    while (query.executeStep()) rows.push_back(read_outbox(query));
    return rows;
}

std::vector<OutboxMessage> SqliteOutbox::latest_for_chat(const std::string& channel,
                                                         const std::string& chat_id,
                                                         std::size_t limit) {
    auto& query = sql_.get(select_from(kOutboxColumns, "outbox",
                                       "WHERE channel = ? AND chat_id = ? "
                                       "ORDER BY id DESC LIMIT ?"));
    query.bind(1, channel);
    query.bind(2, chat_id);
    query.bind(3, static_cast<std::int64_t>(limit));
    std::vector<OutboxMessage> rows;
    while (query.executeStep()) rows.push_back(read_outbox(query));
    return rows;
}

}  // namespace rubdown::storage
