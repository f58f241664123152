#pragma once
/// How long Rubdown keeps what runners wrote and what it answered, and one bounded pruning step.
///
/// - Dedup keys count for `dedup_window` (48 h): Telegram keeps an undelivered update at most 24 h
///   and Slack retries an event three times within minutes, so 48 h covers every platform retry
///   with a day of margin for our own outage; after it, a key seen again (Telegram starts
///   update_id again after a week without updates) is a new message.
/// - Processed entries lose their texts and who sent them after `texts` (RUBDOWN_INBOX_RETENTION_
///   DAYS, 7 days by default), and are deleted once both periods have passed.
/// - Sent and failed outbox rows (replies and nudges, with their texts) are deleted after `texts`.
/// - Messages kept for the operator as not understood are deleted after `texts`.
/// Runs, races, bookings and nudges are the runner's log and stay until /forget.

#include <chrono>
#include <cstddef>

#include "storage/records.hpp"

namespace rubdown::storage {
struct Repositories;
}

namespace rubdown::bot {

struct RetentionPolicy {
    std::chrono::seconds texts{std::chrono::hours{24 * 7}};
    std::chrono::seconds dedup_window{std::chrono::hours{48}};
    /// Rows each step changes per store job at most: a job stays short, so acknowledgements
    /// never wait long behind it.
    std::size_t batch = 500;
};

/// The instants before which each kind of row is due for its step.
struct RetentionCutoffs {
    storage::UnixSeconds expire_keys_before = 0;
    storage::UnixSeconds scrub_texts_before = 0;
    storage::UnixSeconds delete_entries_before = 0;
    storage::UnixSeconds delete_outbox_before = 0;
};

RetentionCutoffs retention_cutoffs(storage::UnixSeconds now, const RetentionPolicy& policy);

struct PruneCounts {
    std::size_t keys_expired = 0;
    std::size_t entries_scrubbed = 0;
    std::size_t entries_deleted = 0;
    std::size_t outbox_deleted = 0;
    std::size_t not_understood_deleted = 0;
    /// Some step changed a whole batch: more may be waiting.
    bool more = false;
};

/// One bounded step of each kind, inside the caller's transaction.
PruneCounts prune_once(storage::Repositories& repos, storage::UnixSeconds now,
                       const RetentionPolicy& policy);

}  // namespace rubdown::bot
