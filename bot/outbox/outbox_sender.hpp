#pragma once
/// Delivers one channel's outbox rows through its ChannelClient: paced per chat and globally,
/// concurrent across chats, retried with backoff, at least once and repeated only across a crash.
///
/// A row is claimed (`sending`, one store job) just before its platform call and moved to sent /
/// pending / failed after it. At start, rows a crash left in `sending` go back to pending and are
/// sent again (OutboxRepository::resume_in_flight): a runner who hears nothing sends their run
/// again, which costs more than a repeated reply. So only the rows in flight at a crash (at most
/// max_in_flight per channel) can reach the platform twice; a row sent in parts records each part
/// before the next (RecordCallsDone), so of those at most the part in flight repeats. stop()
/// waits for the deliveries in flight to record their outcome: a graceful stop repeats nothing.
/// A claim that fails (someone else has the row, or it is no longer pending) skips it.
///
/// Time: `not_before` in the outbox is in the Clock's seconds (the clock may be simulated), so the
/// rows that are due are the Clock's business; pacing and retry pauses inside a running sender use
/// real (steady) time, so a retried message goes out even while a simulated clock stands still.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>

#include "adapters/channel.hpp"
#include "adapters/metrics/metrics_registry.hpp"
#include "bot/outbox/delivery_decision.hpp"
#include "intents/clock.hpp"

namespace rubdown::storage {
class Store;
struct Repositories;
}  // namespace rubdown::storage

namespace rubdown::bot {

using adapters::ChannelClient;
using adapters::DeliveryResult;
using adapters::SenderPolicy;

struct OutboxSenderOptions {
    /// Looks for rows whose not_before has passed this often, besides wake().
    std::chrono::milliseconds poll_interval{1000};
    /// New rows read per store job.
    std::size_t batch_size = 100;
    /// Platform calls in flight at once (each to a different pacing key).
    std::size_t max_in_flight = 16;
    /// Rows held in memory at most; the rest wait in the database. A whole minute of sending at
    /// Telegram's 30 messages/s, so every chat with something due is among them; more would only
    /// cost memory and store time, as each read returns the rows held here again before new ones.
    std::size_t max_queued = 1800;
    /// Rows of one chat held in memory at most. The rest of a long backlog waits in the database
    /// while the reads pass over that chat, so a runner flooding the bot never keeps another
    /// chat's reply out of memory; at about one message a second per chat, a few suffice.
    std::size_t max_held_per_chat = 8;
    /// How long every chat waits after the channel itself failed (bad token).
    std::chrono::milliseconds channel_problem_pause{std::chrono::seconds{60}};
    /// Uniform in [0, 1): the backoff jitter; random when empty.
    std::function<double()> random;
    /// Asked in the claim's transaction whether a claimed row may go out now (`now` in the
    /// Clock's seconds); when not, it has rescheduled or failed the row itself. A nudge that
    /// waited out an outage is held out of quiet hours or dropped (nudge_row_may_go_now).
    std::function<bool(storage::Repositories&, const storage::OutboxMessage&,
                       storage::UnixSeconds now)>
        may_go_now;
};

struct SenderCounters {
    std::uint64_t sent = 0;
    std::uint64_t retried = 0;  ///< attempts that will be tried again
    std::uint64_t failed = 0;   ///< rows given up (blocked ones included)
    std::uint64_t blocked = 0;  ///< rows failed because the runner blocked the bot
};

class OutboxSender {
  public:
    /// `executor` must be a strand (or a single-threaded context) shared with the client's HTTP
    /// client: the sender runs every coroutine, including client.deliver(), on it.
    /// `store`, `clock` and `client` must outlive the sender's coroutines (until the executor's
    /// context stops running after stop()).
    OutboxSender(boost::asio::any_io_executor executor, storage::Store& store,
                 const intents::Clock& clock, ChannelClient& client, SenderPolicy policy,
                 OutboxSenderOptions options = {});
    ~OutboxSender();
    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    /// Starts the loop (once): resumes rows a crash left in flight, then delivers. Thread-safe.
    void start();
    /// Looks for new rows at once. Thread-safe; cheap; call after writing outbox rows.
    void wake();
    /// Ends the loop: no new row is claimed; deliveries in flight finish and record their outcome,
    /// then `on_drained` runs on the sender's executor. Keep the store running until then (a row
    /// whose outcome could not be recorded stays `sending` and is sent again at the next start).
    /// Stop the client to cut its calls short: they then record a retry. Thread-safe.
    void stop(std::function<void()> on_drained = {});

    SenderCounters counters() const;
    /// Counters `<prefix>_outbox_{sent,retried,failed,blocked}_total`, one prefix per channel
    /// ("rubdown_telegram"). The sender must outlive the registry's scrapes.
    void register_metrics(metrics::Registry& registry, const std::string& prefix) const;

  private:
    struct State;
    std::shared_ptr<State> state_;
};

}  // namespace rubdown::bot
