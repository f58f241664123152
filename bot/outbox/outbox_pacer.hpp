#pragma once
/// Decides which outbox row a channel sender delivers next. Sans-io: the caller passes the time
/// in, asks for ready rows, delivers them, and reports back.
///
/// Rows are queued per pacing key (a chat) in FIFO order with at most one row of a key in flight,
/// so the parts of a conversation arrive in order and one busy chat never holds up the others:
/// keys with a sendable head take turns (round robin). Each key has a token bucket (about one
/// message per interval, short bursts tolerated), all keys share a global bucket, and a bound on
/// rows in flight keeps the platform calls in check. A row may cost more than one message (a long
/// reply sent in parts), and a shared chat (a Telegram group) may have a per-minute cap besides.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "adapters/channel.hpp"
#include "storage/records.hpp"

namespace rubdown::bot {

struct PacingLimits {
    /// 0 = no per-key limit.
    std::chrono::milliseconds per_key_interval{1000};
    int per_key_burst = 3;
    /// 0 or less = no global limit.
    double global_per_second = 30.0;
    std::size_t max_in_flight = 16;
    /// Shared chats: at most this many messages in any sliding minute; 0 = no such cap.
    std::size_t shared_per_minute = 0;
    /// Rows one key may hold here (queued and in flight); 0 = no cap. With a cap, one chat's
    /// backlog cannot fill the memory the sender reads rows into, so the other chats' rows are
    /// still read and take their turns (see keys_at_capacity()).
    std::size_t max_held_per_key = 0;
};

using adapters::PacingCharge;

class OutboxPacer {
  public:
    using Time = std::chrono::steady_clock::time_point;

    explicit OutboxPacer(PacingLimits limits);

    /// Queues `row` behind its key's others. False (nothing changes) when the row is already
    /// queued or in flight here, or its key already holds max_held_per_key rows.
    bool push(const std::string& key, storage::OutboxMessage row, PacingCharge charge = {});
    bool knows(std::int64_t id) const { return known_.count(id) != 0; }

    /// The next row to deliver now, marked in flight and charged to the limits; nullopt when none
    /// may go before next_wakeup().
    std::optional<storage::OutboxMessage> next_ready(Time now);

    /// The row handed out by next_ready is done (sent, failed, or not claimable): forget it.
    void finish(const std::string& key, std::int64_t id, Time now);
    /// The row handed out by next_ready goes back to the head of its key, which waits until
    /// `until`.
    void retry(const std::string& key, storage::OutboxMessage row, Time until,
               PacingCharge charge = {});
    /// Holds every key until `until` (the channel itself is in trouble).
    void pause_all(Time until);
    /// Removes the key's queued rows (not the one in flight) and returns them.
    std::vector<storage::OutboxMessage> drop_queued(const std::string& key);

    /// When next_ready may next return a row (never before `now`); nullopt when nothing queued is
    /// waiting for time (empty, or everything waits for a row in flight to finish).
    std::optional<Time> next_wakeup(Time now) const;

    std::size_t known() const { return known_.size(); }  ///< queued + in flight
    /// The keys holding max_held_per_key rows: reading more of their rows now is wasted.
    std::vector<std::string> keys_at_capacity() const;
    std::size_t in_flight() const { return in_flight_; }
    std::size_t keys() const { return keys_.size(); }

  private:
    struct Bucket {
        double rate = 0;  ///< tokens per second; 0 = unlimited
        double capacity = 1;
        double tokens = 1;
        Time updated{};
        void refill(Time now);
        Time ready_at() const;
    };
    struct Queued {
        storage::OutboxMessage row;
        PacingCharge charge;
    };
    struct Key {
        std::deque<Queued> queue;
        bool in_flight = false;
        Time paused_until{};
        Bucket bucket;
        /// Shared chats: when each message of the last minute went, oldest first.
        std::deque<Time> sent_last_minute;
        std::size_t held() const { return queue.size() + (in_flight ? 1 : 0); }
    };

    void forget_if_idle(std::map<std::string, Key>::iterator it, Time now);
    /// When the key's shared-chat cap lets `charge` go (`now` or later); `now` for other keys.
    Time shared_cap_ready_at(const Key& key, const PacingCharge& charge, Time now) const;
    static void forget_older_than_a_minute(Key& key, Time now);

    PacingLimits limits_;
    std::map<std::string, Key> keys_;
    std::unordered_set<std::int64_t> known_;
    std::size_t in_flight_ = 0;
    Bucket global_;
    Time paused_until_{};
    std::string last_served_;  ///< round-robin cursor
};

}  // namespace rubdown::bot
