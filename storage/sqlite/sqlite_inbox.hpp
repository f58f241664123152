#pragma once
/// The SQLite InboxRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteInbox final : public InboxRepository {
  public:
    explicit SqliteInbox(StatementCache& sql) : sql_(sql) {}
    InboxRecordResult record(InboxEntry& entry) override;
    std::vector<InboxEntry> unprocessed(std::size_t limit) override;
    std::vector<std::int64_t> unprocessed_ids(std::size_t limit) override;
    std::size_t count_unprocessed() override;
    std::optional<InboxEntry> find(std::int64_t inbox_id) override;
    void mark_processed(std::int64_t inbox_id) override;
    std::size_t expire_dedup_keys(UnixSeconds received_before, std::size_t limit) override;
    std::size_t scrub_texts(UnixSeconds received_before, std::size_t limit) override;
    std::size_t delete_processed(UnixSeconds received_before, std::size_t limit) override;
    void scrub(std::int64_t inbox_id) override;
    std::vector<InboxEntry> latest_for_user(const std::string& user_key,
                                            std::size_t limit) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
