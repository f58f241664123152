#pragma once
/// Writes a DeliveryDecision to the database: the row's new state and, for a blocked runner or a
/// chat that is gone or moved, the chat's other rows and its runners. Synchronous: it runs inside
/// one store job (one transaction), so a crash leaves all of it or none.

#include <cstddef>
#include <string>
#include <vector>

#include "adapters/channel.hpp"
#include "bot/outbox/delivery_decision.hpp"
#include "storage/records.hpp"
#include "storage/repositories.hpp"

namespace rubdown::bot {

/// What recording a decision changed, for the counters and the logs.
struct RecordedOutcome {
    std::size_t rows_failed = 0;    ///< this row and the chat's dropped rows, when they failed
    std::size_t rows_moved = 0;     ///< chat_moved: outbox rows now under the new chat id
    std::size_t runners_moved = 0;  ///< chat_moved / chat_unavailable: runners given a new chat
};

/// `row` was delivered (or not) and `decision` says what follows; `dropped` are the rows that
/// were queued behind it for the same chat (decision.drops_queued_rows()). `now` is the clock's.
RecordedOutcome record_outcome(storage::Repositories& repos, const adapters::ChannelClient& client,
                               const storage::OutboxMessage& row,
                               const std::vector<storage::OutboxMessage>& dropped,
                               const DeliveryDecision& decision, storage::UnixSeconds now);

}  // namespace rubdown::bot
