#include "bot/retention/retention_policy.hpp"

#include <algorithm>

#include "storage/repositories.hpp"

namespace rubdown::bot {

RetentionCutoffs retention_cutoffs(storage::UnixSeconds now, const RetentionPolicy& policy) {
    const auto texts = now - policy.texts.count();
    const auto keys = now - policy.dedup_window.count();
    // An entry goes once nothing needs it: neither its key nor its texts.
    return {keys, texts, std::min(texts, keys), texts};
}

PruneCounts prune_once(storage::Repositories& repos, storage::UnixSeconds now,
                       const RetentionPolicy& policy) {
    const auto cutoffs = retention_cutoffs(now, policy);
    PruneCounts counts;
    // Deleting first leaves fewer rows for the other two steps to touch.
    counts.entries_deleted =
        repos.inbox.delete_processed(cutoffs.delete_entries_before, policy.batch);
    counts.keys_expired = repos.inbox.expire_dedup_keys(cutoffs.expire_keys_before, policy.batch);
    counts.entries_scrubbed = repos.inbox.scrub_texts(cutoffs.scrub_texts_before, policy.batch);
    counts.outbox_deleted =
        repos.outbox.delete_finished(cutoffs.delete_outbox_before, policy.batch);
    counts.not_understood_deleted =
        repos.activity.delete_not_understood(cutoffs.scrub_texts_before, policy.batch);
    counts.more = std::max({counts.entries_deleted, counts.keys_expired, counts.entries_scrubbed,
                            counts.outbox_deleted, counts.not_understood_deleted}) >= policy.batch;
    return counts;
}

}  // namespace rubdown::bot
