#pragma once
/// The durable nudge scheduler. Nudges live in the database, never in memory: the scheduler only
/// remembers the next due instant, wakes up then, and fires what is due in bounded batches, each
/// batch one store job. Sending a nudge means writing its message to the outbox; the channel
/// senders do the rest.
///
/// Exactly-once, and the crash window: a nudge row moves to `sent` in the same transaction that
/// inserts its outbox row. A crash before that commit leaves both undone, so the nudge is still
/// pending and fires after the restart; a crash after it leaves both done, and the outbox holds the
/// message exactly once. The outbox sender then claims the row (`sending`) before calling the
/// platform: a row found in `sending` after a crash may or may not have reached the runner and is
/// sent again (OutboxRepository::resume_in_flight). So a nudge goes out at least once, and twice
/// only when the process dies during its platform call.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "adapters/metrics/metrics_registry.hpp"
#include "intents/clock.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "storage/repositories.hpp"

namespace rubdown::storage {
class Store;
}

namespace rubdown::bot {

/// What one firing pass did.
struct FireResult {
    std::size_t examined = 0;  ///< due rows read (a full batch means more may be due)
    std::size_t sent = 0;      ///< nudges written to the outbox and marked sent
    std::size_t expired = 0;
    std::size_t cancelled = 0;  ///< includes rows whose runner no longer exists
    std::size_t postponed = 0;
    std::size_t failed = 0;          ///< rows whose message could not be built; marked failed
    std::set<std::string> channels;  ///< channels that got outbox rows
    /// The earliest due instant among the rows sent, for lateness metrics; 0 when none was sent.
    storage::UnixSeconds earliest_due_sent = 0;

    FireResult& operator+=(const FireResult& other);
};

/// Fires up to `limit` nudges due at `now`, inside the caller's transaction: for each due row,
/// reads the facts, decides, and either enqueues the message and marks the nudge sent (both in
/// this transaction) or records the expire / cancel / postpone decision. Every row it reads leaves
/// the due set (sent, expired, cancelled, failed, or postponed past `now`), so calling it until
/// `examined < limit` terminates.
FireResult fire_due_nudges(storage::Repositories& repos, intents::Seconds now,
                           const intents::nudges::NudgePolicy& policy,
                           const std::string& booking_url, std::size_t limit);

/// For a channel's OutboxSender (OutboxSenderOptions::may_go_now): a nudge's message that waited
/// in the outbox goes now, is held out of the runner's quiet hours, or is dropped past its grace
/// period (decide_queued_nudge), its nudge then marked expired. Other rows always go.
bool nudge_row_may_go_now(storage::Repositories& repos, const storage::OutboxMessage& row,
                          intents::Seconds now, const intents::nudges::NudgePolicy& policy);

struct NudgeSchedulerOptions {
    /// Due rows per store job: bounds memory and how long one job holds the store thread.
    std::size_t batch_size = 500;
    /// The longest sleep, so a missed wake() or a wall-clock jump costs at most this much.
    std::chrono::seconds safety_wake{60};
    /// Pause after a failed store job before trying again.
    std::chrono::seconds retry_after_error{5};
};

/// The Asio shell around fire_due_nudges(). One timer sleeps until the next due instant; with a
/// simulated clock it never sleeps on wall time and fires only on wake() and fire_now().
/// All public member functions are thread-safe.
class NudgeScheduler {
  public:
    /// Called after each batch that wrote outbox rows, with their channels, on the scheduler's
    /// strand: wakes the channel senders. Must not block.
    using OutboxCallback = std::function<void(const std::set<std::string>& channels)>;

    NudgeScheduler(boost::asio::any_io_executor executor, storage::Store& store,
                   const intents::Clock& clock, intents::nudges::NudgePolicy policy,
                   std::string booking_url, OutboxCallback on_outbox,
                   NudgeSchedulerOptions options = {});
    /// Stops the loop. The executor must still run (or be destroyed) for the loop to finish.
    ~NudgeScheduler();
    NudgeScheduler(const NudgeScheduler&) = delete;
    NudgeScheduler& operator=(const NudgeScheduler&) = delete;

    /// Starts the loop: fires whatever is already due, then sleeps until the next due instant.
    void start();

    /// Re-reads the next due instant (and fires what is due now). Call after planning a nudge
    /// whose due instant may be earlier than the one the scheduler sleeps towards.
    void wake();

    /// A nudge due at `due` was planned: wakes the loop only if that is before the instant it
    /// sleeps towards (or it is busy, and may have read the next instant before the nudge was
    /// committed). Processing calls this after every message that planned a nudge.
    void nudge_planned(storage::UnixSeconds due);

    /// Fires everything due at the clock's current time and completes when it is all committed.
    /// The simulated-clock admin endpoint awaits it after moving the clock.
    boost::asio::awaitable<FireResult> fire_now();

    /// Graceful shutdown: the loop ends after the store job it is waiting for, if any.
    void stop();

    /// Totals since start, for logs and /metrics.
    FireResult totals() const;
    /// rubdown_nudges_{sent,expired}_total, read from totals(). The scheduler must outlive the
    /// registry's scrapes.
    void register_metrics(metrics::Registry& registry) const;

  private:
    struct State;
    std::shared_ptr<State> state_;
};

}  // namespace rubdown::bot
