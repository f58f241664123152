#pragma once
/// The Asio shell around prune_once(): in the background, a bounded step every `interval`, or
/// right after a step that found a whole batch, as a background job of the store, so that
/// acknowledging and processing messages always come first (Store::Lane::background).

#include <chrono>
#include <cstdint>
#include <memory>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "adapters/metrics/metrics_registry.hpp"
#include "bot/retention/retention_policy.hpp"
#include "intents/clock.hpp"

namespace rubdown::storage {
class Store;
}

namespace rubdown::bot {

struct RetentionPrunerOptions {
    RetentionPolicy policy;
    /// Between steps once nothing more is due; a day's worth arrives in far less than a minute.
    std::chrono::milliseconds interval{std::chrono::minutes{1}};
    /// Between steps while a backlog drains (after an upgrade, or a long pause).
    std::chrono::milliseconds backlog_pause{std::chrono::milliseconds{200}};
};

struct PruneTotals {
    std::uint64_t keys_expired = 0;
    std::uint64_t entries_scrubbed = 0;
    std::uint64_t entries_deleted = 0;
    std::uint64_t outbox_deleted = 0;
    std::uint64_t not_understood_deleted = 0;
};

class RetentionPruner {
  public:
    /// `store` and `clock` must outlive it (until `executor`'s context stops after stop()).
    RetentionPruner(boost::asio::any_io_executor executor, storage::Store& store,
                    const intents::Clock& clock, RetentionPrunerOptions options = {});
    ~RetentionPruner();
    RetentionPruner(const RetentionPruner&) = delete;
    RetentionPruner& operator=(const RetentionPruner&) = delete;

    /// Starts the background loop (once). Thread-safe.
    void start();
    /// Ends the loop; a step in flight completes. Thread-safe.
    void stop();
    /// Prunes until nothing more is due at the clock's now (for the operator's clock and tests).
    boost::asio::awaitable<PruneTotals> prune_now();

    PruneTotals totals() const;
    /// Counters rubdown_inbox_{keys_expired,scrubbed,deleted}_total and
    /// rubdown_outbox_pruned_total. The pruner must outlive the registry's scrapes.
    void register_metrics(metrics::Registry& registry) const;

  private:
    struct State;
    std::shared_ptr<State> state_;
};

}  // namespace rubdown::bot
