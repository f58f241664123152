#pragma once
/// What the outbox does with a delivery's outcome, decided in plain code: the sender only applies
/// the decision (to the database, its pacer and its counters). Tested without Asio or a store.

#include <chrono>
#include <string>

#include "adapters/channel.hpp"
#include "storage/records.hpp"

namespace rubdown::bot {

/// The delay before retry `attempts` (1 = after the first failed attempt): base * 2^(attempts-1),
/// capped, then scaled by a jitter factor in [0.5, 1) from `unit_random` in [0, 1).
std::chrono::milliseconds retry_backoff(const adapters::SenderPolicy& policy, int attempts,
                                        double unit_random);

struct DeliveryDecision {
    enum class Action {
        mark_sent,         ///< done
        retry,             ///< back to pending, not before `delay` from now
        give_up,           ///< failed for good (the platform refused, or attempts ran out)
        runner_blocked,    ///< failed, the chat's queued rows too; their runners go inactive
        chat_moved,        ///< the chat's rows and runners move to `moved_to`; this row at once
        chat_unavailable,  ///< failed, the chat's queued rows too; runners go to private chats
    };
    Action action = Action::mark_sent;
    std::chrono::milliseconds delay{0};  ///< retry: the pause before the next attempt
    bool pause_channel = false;          ///< retry: every chat waits `delay` (a bad token)
    std::string error;                   ///< what the row records (and the logs say)
    std::string moved_to;                ///< chat_moved: the chat's new id

    /// The rows queued behind this one for the same chat share its fate.
    bool drops_queued_rows() const {
        return action == Action::runner_blocked || action == Action::chat_unavailable ||
               action == Action::chat_moved;
    }
};

/// Decides what follows a delivery of `row` (its `attempts` already counting this one).
/// A retry gives up after policy.max_attempts, except when the platform asked for the pause
/// (flood control) or the whole channel is in trouble: neither is the message's fault.
DeliveryDecision decide(const storage::OutboxMessage& row, const adapters::DeliveryResult& result,
                        const adapters::SenderPolicy& policy,
                        std::chrono::milliseconds channel_problem_pause, double unit_random);

}  // namespace rubdown::bot
