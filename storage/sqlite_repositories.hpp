#pragma once
/// SQLite implementations of the repository interfaces. Internal to storage/: callers get them
/// through SqliteDatabase::repositories() as the interfaces.

#include "storage/repositories.hpp"
#include "storage/statement_cache.hpp"

namespace rubdown::storage {

class SqliteUsers final : public UserRepository {
  public:
    explicit SqliteUsers(StatementCache& sql) : sql_(sql) {}
    User find_or_create(const std::string& key, const std::string& channel,
                        const std::string& chat_id, const std::string& display_name,
                        UnixSeconds now) override;
    std::optional<User> find_by_key(const std::string& key) override;
    std::optional<User> find_by_id(std::int64_t id) override;
    void update(const User& user) override;
    void erase(std::int64_t user_id) override;
    std::size_t move_chat(const std::string& channel, const std::string& from,
                          const std::string& to) override;

  private:
    StatementCache& sql_;
};

class SqliteRuns final : public RunRepository {
  public:
    explicit SqliteRuns(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Run& run) override;
    std::vector<Run> list(std::int64_t user_id, std::size_t limit) override;
    std::vector<Run> between(std::int64_t user_id, const std::string& from_date,
                             const std::string& to_date) override;
    std::optional<Run> last_logged(std::int64_t user_id) override;
    std::optional<Run> find(std::int64_t run_id) override;
    std::vector<Run> from_source(std::int64_t user_id, const std::string& source_id) override;
    void update(const Run& run) override;
    void restore(const Run& run) override;
    bool erase(std::int64_t run_id) override;
    void record_change(const RunChange& change) override;
    std::optional<RunChange> last_change(std::int64_t user_id) override;
    void drop_change(std::int64_t change_id) override;

  private:
    StatementCache& sql_;
};

class SqliteRaces final : public RaceRepository {
  public:
    explicit SqliteRaces(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Race& race) override;
    void update(const Race& race) override;
    std::vector<Race> upcoming(std::int64_t user_id, const std::string& from_date) override;
    std::optional<Race> find(std::int64_t race_id) override;
    std::vector<Race> from_source(std::int64_t user_id, const std::string& source_id) override;

  private:
    StatementCache& sql_;
};

class SqliteBookings final : public BookingRepository {
  public:
    explicit SqliteBookings(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Booking& booking) override;
    std::vector<Booking> list(std::int64_t user_id) override;

  private:
    StatementCache& sql_;
};

class SqliteInbox final : public InboxRepository {
  public:
    explicit SqliteInbox(StatementCache& sql) : sql_(sql) {}
    InboxRecordResult record(InboxEntry& entry) override;
    std::vector<InboxEntry> unprocessed(std::size_t limit) override;
    std::vector<std::int64_t> unprocessed_ids(std::size_t limit) override;
    std::size_t count_unprocessed() override;
    std::optional<InboxEntry> find(std::int64_t inbox_id) override;
    void mark_processed(std::int64_t inbox_id) override;

  private:
    StatementCache& sql_;
};

class SqliteOutbox final : public OutboxRepository {
  public:
    explicit SqliteOutbox(StatementCache& sql) : sql_(sql) {}
    std::int64_t enqueue(const OutboxMessage& message) override;
    std::vector<OutboxMessage> due(const std::string& channel, UnixSeconds now,
                                   std::size_t limit) override;
    bool claim(std::int64_t id) override;
    void mark_sent(std::int64_t id, UnixSeconds now) override;
    void reschedule(std::int64_t id, UnixSeconds not_before, const std::string& error) override;
    void mark_failed(std::int64_t id, const std::string& error) override;
    std::size_t abandon_in_flight(const std::string& channel) override;
    std::optional<OutboxMessage> find(std::int64_t id) override;
    std::size_t count_pending(const std::string& channel) override;
    std::size_t move_chat(const std::string& channel, const std::string& from,
                          const std::string& to) override;

  private:
    StatementCache& sql_;
};

class SqliteNudges final : public NudgeRepository {
  public:
    explicit SqliteNudges(StatementCache& sql) : sql_(sql) {}
    std::int64_t add(const Nudge& nudge) override;
    void update(const Nudge& nudge) override;
    std::optional<Nudge> find(std::int64_t id) override;
    std::vector<Nudge> due(UnixSeconds now, std::size_t limit) override;
    std::optional<UnixSeconds> next_due() override;
    std::vector<Nudge> pending_for_user(std::int64_t user_id) override;
    std::vector<Nudge> pending(std::size_t limit) override;
    std::optional<UnixSeconds> last_sent(std::int64_t user_id) override;
    std::vector<Nudge> sent_for_race(std::int64_t user_id, std::int64_t race_id) override;

  private:
    StatementCache& sql_;
};

class SqliteConversations final : public ConversationRepository {
  public:
    explicit SqliteConversations(StatementCache& sql) : sql_(sql) {}
    std::optional<std::string> pending(std::int64_t user_id) override;
    void set_pending(std::int64_t user_id, const std::string& state_json) override;
    void clear(std::int64_t user_id) override;

  private:
    StatementCache& sql_;
};

}  // namespace rubdown::storage
