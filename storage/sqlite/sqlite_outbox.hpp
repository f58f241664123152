#pragma once
/// The SQLite OutboxRepository. Internal to storage/: see SqliteDatabase::repositories().

#include "storage/repositories.hpp"
#include "storage/sqlite/statement_cache.hpp"

namespace rubdown::storage {

class SqliteOutbox final : public OutboxRepository {
  public:
    explicit SqliteOutbox(StatementCache& sql) : sql_(sql) {}
    std::int64_t enqueue(const OutboxMessage& message) override;
    std::vector<OutboxMessage> due(const std::string& channel, UnixSeconds now, std::size_t limit,
                                   const std::vector<std::string>& skip_chats = {}) override;
    bool claim(std::int64_t id) override;
    void mark_sent(std::int64_t id, UnixSeconds now) override;
    void reschedule(std::int64_t id, UnixSeconds not_before, const std::string& error) override;
    void mark_failed(std::int64_t id, const std::string& error) override;
    void record_calls_done(std::int64_t id, int calls_done) override;
    std::size_t resume_in_flight(const std::string& channel) override;
    std::size_t delete_finished(UnixSeconds created_before, std::size_t limit) override;
    std::vector<OutboxMessage> for_chat_after(const std::string& channel,
                                              const std::string& chat_id, std::int64_t after_id,
                                              std::size_t limit) override;
    std::vector<OutboxMessage> latest_for_chat(const std::string& channel,
                                               const std::string& chat_id,
                                               std::size_t limit) override;
    std::optional<OutboxMessage> find(std::int64_t id) override;
    std::size_t count_pending(const std::string& channel) override;
    std::size_t move_chat(const std::string& channel, const std::string& from,
                          const std::string& to) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
