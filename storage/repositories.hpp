#pragma once
/// The small repository interfaces the rest of Rubdown talks to. The SQLite implementation is in
/// storage/sqlite/ (sqlite_users.hpp, sqlite_runs.hpp, ...); a server database could be added
/// behind the same interfaces.
/// Every call runs on the store's own thread, inside the group-commit transaction of its job.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/records.hpp"

namespace rubdown::storage {

class UserRepository {
  public:
    virtual ~UserRepository() = default;
    /// Returns the user with this key, creating it (with `channel`, `chat_id`) when new.
    virtual User find_or_create(const std::string& key, const std::string& channel,
                                const std::string& chat_id, const std::string& display_name,
                                UnixSeconds now) = 0;
    virtual std::optional<User> find_by_key(const std::string& key) = 0;
    virtual std::optional<User> find_by_id(std::int64_t id) = 0;
    virtual void update(const User& user) = 0;
    /// Deletes the user and everything stored about them.
    virtual void erase(std::int64_t user_id) = 0;
    /// The chat has a new id: the channel's runners whose chat it was now have the new one.
    virtual std::size_t move_chat(const std::string& channel, const std::string& from,
                                  const std::string& to) = 0;
};

class RunRepository {
  public:
    virtual ~RunRepository() = default;
    virtual std::int64_t add(const Run& run) = 0;
    /// Runs of a user, newest first by date then by log time.
    virtual std::vector<Run> list(std::int64_t user_id, std::size_t limit = 1000) = 0;
    /// Runs whose date lies in [from_date, to_date] (ISO local dates, inclusive).
    virtual std::vector<Run> between(std::int64_t user_id, const std::string& from_date,
                                     const std::string& to_date) = 0;
    virtual std::optional<Run> last_logged(std::int64_t user_id) = 0;
    virtual std::optional<Run> find(std::int64_t run_id) = 0;
    /// The runs a platform message made, oldest first.
    virtual std::vector<Run> from_source(std::int64_t user_id, const std::string& source_id) = 0;
    /// Writes the run's date, distance, duration, effort, text and source over the stored one.
    virtual void update(const Run& run) = 0;
    /// Puts back a deleted run with its old id (an undone delete).
    virtual void restore(const Run& run) = 0;
    virtual bool erase(std::int64_t run_id) = 0;

    /// The change journal that /undo reads: the last kKeptChanges changes of each runner.
    static constexpr std::size_t kKeptChanges = 20;
    virtual void record_change(const RunChange& change) = 0;
    virtual std::optional<RunChange> last_change(std::int64_t user_id) = 0;
    virtual void drop_change(std::int64_t change_id) = 0;
};

class RaceRepository {
  public:
    virtual ~RaceRepository() = default;
    virtual std::int64_t add(const Race& race) = 0;
    virtual void update(const Race& race) = 0;
    /// Races not cancelled, on or after `from_date`, soonest first.
    virtual std::vector<Race> upcoming(std::int64_t user_id, const std::string& from_date) = 0;
    virtual std::optional<Race> find(std::int64_t race_id) = 0;
    /// The races a platform message made, cancelled ones too, oldest first.
    virtual std::vector<Race> from_source(std::int64_t user_id, const std::string& source_id) = 0;
};

class BookingRepository {
  public:
    virtual ~BookingRepository() = default;
    virtual std::int64_t add(const Booking& booking) = 0;
    virtual std::vector<Booking> list(std::int64_t user_id) = 0;
};

/// Whether recording an incoming message created it or found it already there.
enum class InboxRecordResult { recorded, duplicate };

class InboxRepository {
  public:
    virtual ~InboxRepository() = default;
    /// Records the entry unless its dedup key is known. Sets entry.id when recorded.
    virtual InboxRecordResult record(InboxEntry& entry) = 0;
    virtual std::vector<InboxEntry> unprocessed(std::size_t limit) = 0;
    /// Ids of the entries not processed yet, oldest first.
    virtual std::vector<std::int64_t> unprocessed_ids(std::size_t limit) = 0;
    /// How many entries are not processed yet (the processing backlog).
    virtual std::size_t count_unprocessed() = 0;
    virtual std::optional<InboxEntry> find(std::int64_t inbox_id) = 0;
    virtual void mark_processed(std::int64_t inbox_id) = 0;

    // Retention: each removes at most `limit` processed entries' worth, oldest first, and returns
    // how many it changed (fewer than `limit`: nothing older is left to do).

    /// Dedup keys of entries received before `received_before` stop counting, so that the same
    /// key (a Telegram update_id started again) is recorded anew.
    virtual std::size_t expire_dedup_keys(UnixSeconds received_before, std::size_t limit) = 0;
    /// Entries received before `received_before` lose their texts and who sent them.
    virtual std::size_t scrub_texts(UnixSeconds received_before, std::size_t limit) = 0;
    /// Entries received before `received_before` are deleted.
    virtual std::size_t delete_processed(UnixSeconds received_before, std::size_t limit) = 0;
    /// One entry loses its texts and who sent it (its runner was just forgotten).
    virtual void scrub(std::int64_t inbox_id) = 0;
    /// The runner's `limit` latest entries that still hold their texts, newest first: what they
    /// said, for a channel that shows the conversation itself (the web chat).
    virtual std::vector<InboxEntry> latest_for_user(const std::string& user_key,
                                                    std::size_t limit) = 0;
};

class OutboxRepository {
  public:
    virtual ~OutboxRepository() = default;
    virtual std::int64_t enqueue(const OutboxMessage& message) = 0;
    /// Pending messages of a channel whose not_before has passed, oldest first, leaving out the
    /// chats in `skip_chats` (the sender holds enough of theirs already).
    virtual std::vector<OutboxMessage> due(const std::string& channel, UnixSeconds now,
                                           std::size_t limit,
                                           const std::vector<std::string>& skip_chats = {}) = 0;
    /// Moves a pending message to `sending`. False when someone else claimed it first.
    virtual bool claim(std::int64_t id) = 0;
    virtual void mark_sent(std::int64_t id, UnixSeconds now) = 0;
    /// Back to pending for another attempt no earlier than `not_before`.
    virtual void reschedule(std::int64_t id, UnixSeconds not_before, const std::string& error) = 0;
    virtual void mark_failed(std::int64_t id, const std::string& error) = 0;
    /// The row's first `calls_done` platform calls went out: a later attempt starts after them.
    virtual void record_calls_done(std::int64_t id, int calls_done) = 0;
    /// After a crash, a channel's messages left in `sending` may or may not have reached the
    /// platform. They go back to pending and are sent again: a repeated reply costs the runner
    /// less than a lost one (they would send their run again). At most the sends in flight at the
    /// crash repeat. Only `channel`'s rows: another channel's sender may be mid-send right now.
    virtual std::size_t resume_in_flight(const std::string& channel) = 0;
    virtual std::optional<OutboxMessage> find(std::int64_t id) = 0;
    virtual std::size_t count_pending(const std::string& channel) = 0;
    /// The chat has a new id: its pending and sending rows go there. Returns how many moved.
    virtual std::size_t move_chat(const std::string& channel, const std::string& from,
                                  const std::string& to) = 0;
    /// Sent and failed rows created before `created_before` are deleted, `limit` at most.
    virtual std::size_t delete_finished(UnixSeconds created_before, std::size_t limit) = 0;
    /// A chat's rows on `channel` with ids above `after_id`, oldest first, `limit` at most,
    /// whatever their status: a channel that keeps the conversation itself (the web chat) shows
    /// those its sender has released.
    virtual std::vector<OutboxMessage> for_chat_after(const std::string& channel,
                                                      const std::string& chat_id,
                                                      std::int64_t after_id, std::size_t limit) = 0;
    /// A chat's `limit` latest rows on `channel`, newest first.
    virtual std::vector<OutboxMessage> latest_for_chat(const std::string& channel,
                                                       const std::string& chat_id,
                                                       std::size_t limit) = 0;
};

class NudgeRepository {
  public:
    virtual ~NudgeRepository() = default;
    virtual std::int64_t add(const Nudge& nudge) = 0;
    virtual void update(const Nudge& nudge) = 0;
    virtual std::optional<Nudge> find(std::int64_t id) = 0;
    /// Pending nudges due at or before `now`, earliest first, at most `limit`.
    virtual std::vector<Nudge> due(UnixSeconds now, std::size_t limit) = 0;
    /// The earliest due instant of any pending nudge.
    virtual std::optional<UnixSeconds> next_due() = 0;
    virtual std::vector<Nudge> pending_for_user(std::int64_t user_id) = 0;
    virtual std::vector<Nudge> pending(std::size_t limit) = 0;
    /// The latest instant a nudge was sent to this user, if any.
    virtual std::optional<UnixSeconds> last_sent(std::int64_t user_id) = 0;
    /// The nudges already sent to this user about this race, oldest first.
    virtual std::vector<Nudge> sent_for_race(std::int64_t user_id, std::int64_t race_id) = 0;
};

/// A follow-up question waiting for the runner's answer (e.g. "how far did you run?").
class ConversationRepository {
  public:
    virtual ~ConversationRepository() = default;
    virtual std::optional<std::string> pending(std::int64_t user_id) = 0;
    virtual void set_pending(std::int64_t user_id, const std::string& state_json) = 0;
    virtual void clear(std::int64_t user_id) = 0;
};

/// What runners do with the bot, day by day, for the operator: counted as each message is
/// processed (the inbox itself is pruned within days, the counts stay).
class ActivityRepository {
  public:
    virtual ~ActivityRepository() = default;
    /// One message processed: counted for its day and what it was understood as, and its runner
    /// (0: none, e.g. forgotten by it) seen at `at`.
    virtual void record_message(const std::string& day, const std::string& channel,
                                const std::string& understood_as, std::int64_t user_id,
                                UnixSeconds at) = 0;
    /// Keeps a runner's message the bot could not place (deleted with the runner).
    virtual void keep_not_understood(std::int64_t user_id, const std::string& channel,
                                     const std::string& text, UnixSeconds at) = 0;
    /// Days from `first_day` on, in day order.
    virtual std::vector<ActivityCount> since(const std::string& first_day) = 0;
    /// The latest `limit`, newest first.
    virtual std::vector<NotUnderstood> not_understood(std::size_t limit) = 0;
    /// Retention: those received before `received_before`, `limit` at most; how many went.
    virtual std::size_t delete_not_understood(UnixSeconds received_before, std::size_t limit) = 0;
    /// Runners seen since `since`, by channel.
    virtual std::vector<std::pair<std::string, std::int64_t>> active_runners(UnixSeconds since) = 0;
};

/// Read-only figures across the tables, for the operator's dashboard.
class ReportRepository {
  public:
    virtual ~ReportRepository() = default;
    virtual NudgeFigures nudges(UnixSeconds since, UnixSeconds now) = 0;
    virtual std::vector<OutboxFigures> outbox() = 0;
    /// Kilometres a day from `first_date` (ISO) on, of one runner or (0) of all.
    virtual std::vector<std::pair<std::string, double>> distance_by_day(
        std::int64_t user_id, const std::string& first_date) = 0;
    /// Runners, the most recently seen first; `limit` from `offset`.
    virtual std::vector<RunnerSummary> runners(std::size_t limit, std::size_t offset) = 0;
    virtual std::optional<RunnerSummary> runner(std::int64_t user_id) = 0;
    virtual std::int64_t runner_count() = 0;
};

/// Everything a job on the store thread may touch.
struct Repositories {
    UserRepository& users;
    RunRepository& runs;
    RaceRepository& races;
    BookingRepository& bookings;
    InboxRepository& inbox;
    OutboxRepository& outbox;
    NudgeRepository& nudges;
    ConversationRepository& conversations;
    ActivityRepository& activity;
    ReportRepository& reports;
};

}  // namespace rubdown::storage
