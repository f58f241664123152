#include "storage/sqlite/sqlite_inbox.hpp"

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

namespace {

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

}  // namespace

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

namespace {

/// Clears what a runner wrote and who they are; the dedup key stays (see scrub()).
constexpr const char* kScrubbed =
    "text = '', action = '', display_name = '', reply_context = '', user_key = '', "
    "chat_id = '', scrubbed = 1";

}  // namespace

std::size_t SqliteInbox::expire_dedup_keys(UnixSeconds received_before, std::size_t limit) {
    // The WHERE repeats inbox_live_keys_by_time's, so that the partial index serves it.
    auto& statement = sql_.get(
        "UPDATE inbox SET dedup_key = 'expired:' || id WHERE id IN (SELECT id FROM inbox "
        "WHERE processed = 1 AND substr(dedup_key, 1, 8) <> 'expired:' AND received_at < ? "
        "ORDER BY received_at LIMIT ?)");
    return run_bounded(statement, received_before, limit);
}

std::size_t SqliteInbox::scrub_texts(UnixSeconds received_before, std::size_t limit) {
    auto& statement = sql_.get(std::string("UPDATE inbox SET ") + kScrubbed +
                               " WHERE id IN (SELECT id FROM inbox WHERE processed = 1 AND "
                               "scrubbed = 0 AND received_at < ? ORDER BY received_at LIMIT ?)");
    return run_bounded(statement, received_before, limit);
}

std::size_t SqliteInbox::delete_processed(UnixSeconds received_before, std::size_t limit) {
    auto& statement = sql_.get(
        "DELETE FROM inbox WHERE id IN (SELECT id FROM inbox WHERE processed = 1 AND "
        "received_at < ? ORDER BY received_at LIMIT ?)");
    return run_bounded(statement, received_before, limit);
}

void SqliteInbox::scrub(std::int64_t inbox_id) {
    auto& statement = sql_.get(std::string("UPDATE inbox SET ") + kScrubbed + " WHERE id = ?");
    statement.bind(1, inbox_id);
    statement.exec();
}

std::vector<InboxEntry> SqliteInbox::latest_for_user(const std::string& user_key,
                                                     std::size_t limit) {
    auto& query = sql_.get(select_from(kInboxColumns, "inbox",
                                       "WHERE user_key = ? AND scrubbed = 0 "
                                       "ORDER BY id DESC LIMIT ?"));
    query.bind(1, user_key);
    query.bind(2, static_cast<std::int64_t>(limit));
    std::vector<InboxEntry> entries;
    while (query.executeStep()) entries.push_back(read_inbox(query));
    return entries;
}

}  // namespace rubdown::storage
