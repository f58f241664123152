#pragma once
/// Decides which outbox message goes to Telegram next, honouring its flood limits. Sans-io: it
/// never sleeps or sends; the caller passes the time in, asks what is ready, sends it, and
/// reports the outcome.
///
///   scheduler.push(id, chat_id, now);
///   while (auto id = scheduler.next_ready(now)) { start sending *id; }
///   ... when the answer comes: scheduler.on_result(*id, classify_response(...).outcome, now, ...);
///   sleep until scheduler.next_wakeup(now) (or until a push / a result, whichever comes first).
///
/// Each chat has its own FIFO queue with at most one message in flight, so the parts of a reply
/// arrive in order and one busy chat never holds up the others: chats take turns by how long
/// their next message has been ready.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "adapters/telegram/api_response.hpp"

namespace rubdown::telegram {

using SteadyTime = std::chrono::steady_clock::time_point;

struct SendLimits {
    // About one message a second per chat, short bursts tolerated.
    double per_chat_per_second = 1.0;
    double per_chat_burst = 3.0;
    // About 30 messages a second over all chats.
    double global_per_second = 30.0;
    double global_burst = 30.0;
    // 20 messages a minute per group chat (negative chat ids), over any sliding minute.
    std::size_t group_per_minute = 20;
    // Transient failures: exponential backoff with jitter, then give up.
    std::chrono::milliseconds backoff_base{1000};
    std::chrono::milliseconds backoff_cap{std::chrono::minutes{5}};
    int max_attempts = 6;
    /// A rejected bot token stops all sending this long (the operator has to fix it).
    std::chrono::seconds unauthorized_pause{std::chrono::minutes{5}};
};

/// What the caller does with the outbox row after on_result.
struct ResultAction {
    enum class Kind {
        sent,             ///< mark sent
        retry_scheduled,  ///< keep pending, not_before = retry_at (the scheduler retries by itself)
        failed,           ///< mark failed (permanent error, or attempts exhausted)
        chat_blocked,     ///< mark this row and `also_dropped` failed, the user inactive
        channel_paused,   ///< bad token: log loudly; the row stays queued until retry_at
        unknown_id,       ///< not in flight here; nothing changed
    };
    Kind kind = Kind::unknown_id;
    int attempts = 0;       ///< attempts made so far for this row (429s not counted)
    SteadyTime retry_at{};  ///< for retry_scheduled and channel_paused
    std::vector<std::int64_t> also_dropped;  ///< chat_blocked: the chat's other queued rows
};

std::string_view to_string(ResultAction::Kind kind);

class SendScheduler {
  public:
    using Id = std::int64_t;
    /// Uniform in [0, 1): the jitter source, injectable so tests are deterministic.
    using UnitRandom = std::function<double()>;

    struct Send {
        Id id = 0;
        std::string chat_id;
        /// Messages this send puts into the chat (chat_message_count of its plan): a reply
        /// split in three parts costs three tokens.
        std::size_t cost = 1;
        SteadyTime not_before{};  ///< e.g. from the outbox row after a restart
        int attempts = 0;         ///< attempts already made (outbox row)
    };

    explicit SendScheduler(SendLimits limits = {}, UnitRandom random = {});

    /// Queues a message behind the chat's others. False (and nothing changes) when the id is
    /// already queued or in flight.
    bool push(Id id, std::string_view chat_id, SteadyTime now, std::size_t cost = 1);
    bool push(Send send, SteadyTime now);

    /// The next message to send now, marked in flight and charged to the limits; nullopt when
    /// nothing may be sent before next_wakeup.
    std::optional<Id> next_ready(SteadyTime now);

    /// When next_ready may next return something (never before `now`); nullopt when nothing is
    /// queued outside of the messages in flight.
    std::optional<SteadyTime> next_wakeup(SteadyTime now) const;

    /// Reports how sending `id` (returned by next_ready) ended. `retry_after` is the 429's
    /// parameters.retry_after.
    ResultAction on_result(Id id, ApiOutcome outcome, SteadyTime now,
                           std::chrono::seconds retry_after = std::chrono::seconds{0});

    /// Holds a chat's queue until `until` (429 retry_after seen elsewhere, e.g. on an edit).
    void pause_chat(std::string_view chat_id, SteadyTime until);

    std::size_t queued() const;     ///< messages waiting, in flight ones excluded
    std::size_t in_flight() const;  ///< messages handed out by next_ready, not yet reported
    std::size_t tracked_chats() const { return chats_.size(); }

  private:
    struct Item {
        Id id;
        std::size_t cost;
        SteadyTime not_before;
        int attempts;
    };

    struct TokenBucket {
        double rate = 1.0;
        double capacity = 1.0;
        double tokens = 1.0;
        SteadyTime updated{};

        void refill(SteadyTime now);
        bool has_token() const;
        SteadyTime ready_at() const;  ///< when at least one token is there
        bool full_at(SteadyTime now) const;
        /// May go below zero: a send of several messages is paid for by waiting longer after it.
        void take(double cost, SteadyTime now);
    };

    using WaitKey = std::tuple<SteadyTime, std::uint64_t, std::string>;

    struct Chat {
        bool group = false;
        std::deque<Item> queue;
        bool in_flight = false;
        SteadyTime paused_until{};
        TokenBucket bucket;
        std::deque<SteadyTime> group_sends;  ///< instants of the last minute's sends (groups)
        std::optional<WaitKey> wait_key;     ///< its entry in waiting_, when it has one
    };

    Chat& chat_state(const std::string& chat_id);
    SteadyTime eligible_at(const Chat& chat) const;
    /// Puts a chat with a sendable head into waiting_, or moves it to its new place.
    void requeue(const std::string& chat_id, Chat& chat, SteadyTime now);
    void unqueue(Chat& chat);
    std::chrono::milliseconds backoff(int attempts);
    void forget_idle_chats(SteadyTime now);

    SendLimits limits_;
    UnitRandom random_;
    std::unordered_map<std::string, Chat> chats_;
    std::unordered_map<Id, std::string> chat_of_;
    std::set<WaitKey> waiting_;  ///< chats whose head may go once its instant has come
    TokenBucket global_;
    SteadyTime global_paused_until_{};
    std::uint64_t sequence_ = 0;
    std::size_t results_since_sweep_ = 0;
};

}  // namespace rubdown::telegram
