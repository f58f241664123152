#pragma once
/// The path of a message through the bot: record it in the inbox (deduplicated, durable before it
/// is acknowledged), then process it on the store thread — engine, user changes and outbox rows in
/// one transaction — and tell the channel senders that the outbox has work.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "adapters/channel.hpp"
#include "adapters/metrics/metrics_registry.hpp"
#include "bot/inbox/flood_guard.hpp"
#include "intents/clock.hpp"
#include "intents/engine.hpp"
#include "intents/message.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

/// Called after processing put messages in a channel's outbox.
using OutboxListener = std::function<void(const std::string& channel)>;
/// Called after processing planned a nudge, with the earliest due instant it planned.
using NudgeListener = std::function<void(storage::UnixSeconds due)>;

/// What processing one message changed that someone outside the store must hear of.
struct ProcessOutcome {
    std::string outbox_channel;  ///< the channel that got outbox rows; empty when none
    std::optional<storage::UnixSeconds> earliest_planned_nudge;
};

/// Counts a processed message for the operator's view (its day, channel and what it was
/// understood as; its runner seen, unless 0) and keeps its text when the bot could not place it.
void record_activity(storage::Repositories& repos, const storage::InboxEntry& entry,
                     const std::string& understood_as, std::int64_t user_id);

using adapters::AcceptResult;

/// Each channel's rules for the rows answering a message, by channel name (absent: plain rows).
using ReplyShapings = std::map<std::string, const adapters::ReplyShaping*>;

class Dispatcher final : public adapters::InboxSink {
  public:
    /// `executor` runs the background processing coroutines (an IO executor: they only wait).
    Dispatcher(boost::asio::any_io_executor executor, storage::Store& store,
               intents::Engine& engine, const intents::Clock& clock,
               intents::EngineSettings settings);

    void set_outbox_listener(OutboxListener listener) { on_outbox_ = std::move(listener); }
    void set_nudge_listener(NudgeListener listener) { on_nudge_ = std::move(listener); }
    /// Before anything is processed: how `channel`'s replies are shaped (it must outlive this).
    /// Before anything is processed: a runner's messages acted on per minute at most, beyond a
    /// burst of as many (0: no limit). See flood_guard.hpp.
    void set_flood_limit(std::size_t messages_per_minute) {
        flood_.set_per_minute(messages_per_minute);
    }
    const FloodGuard& flood_guard() const { return flood_; }
    /// The flood guard's counters (the dispatcher must outlive every scrape).
    void register_metrics(metrics::Registry& registry) const;

    void set_reply_shaping(const std::string& channel, const adapters::ReplyShaping* shaping) {
        shapings_[channel] = shaping;
    }

    /// Records the messages of one delivery; completes after the commit, so the caller may then
    /// acknowledge. New messages are then processed in the background.
    boost::asio::awaitable<AcceptResult> accept(
        std::vector<intents::IncomingMessage> messages) override;

    /// Processes everything recorded but not yet processed (at start-up, after a crash).
    void process_backlog();

    /// The blocking path for `rubdown chat`: record and process one message, then return.
    void handle_blocking(const intents::IncomingMessage& message);

    /// The processing core, run inside a store job: engine, user update, outbox rows, inbox mark.
    /// An entry already processed changes nothing (an empty outcome).
    /// A message `flood` sets aside is recorded as processed without being acted on.
    static ProcessOutcome process_entry(storage::Repositories& repos, intents::Engine& engine,
                                        const intents::EngineSettings& settings,
                                        const ReplyShapings& shapings, FloodGuard& flood,
                                        std::int64_t inbox_id, intents::Seconds now);

    /// After the engine failed on a message: mark it processed and apologise, so it never loops.
    static std::string give_up_on_entry(storage::Repositories& repos, std::int64_t inbox_id,
                                        intents::Seconds now);

  private:
    boost::asio::awaitable<AcceptResult> accept_shared(
        std::shared_ptr<const std::vector<intents::IncomingMessage>> messages);
    /// Processes `inbox_id` now, or leaves it to the backlog when enough processing is already
    /// under way.
    void process(std::int64_t inbox_id);
    void start_processing(std::int64_t inbox_id);
    void processing_finished(std::int64_t inbox_id, bool store_failed);
    boost::asio::awaitable<void> process_async(std::int64_t inbox_id);
    /// Reads the oldest unprocessed inbox ids not in flight and starts them, up to the cap.
    void refill_from_inbox();
    boost::asio::awaitable<void> refill_async(std::uint64_t generation);

    /// Processing jobs in the store's queue at most. Under a burst, messages arrive faster than
    /// they can be processed; beyond this they wait in the inbox, where they are recorded anyway,
    /// and are read back in order as processing frees up: memory stays flat however long the
    /// burst, and a backlog found at start-up is worked off the same way.
    static constexpr std::size_t kMaxProcessingInFlight = 64;
    /// Ids read from the inbox at a time: enough that, after skipping the ones already in flight,
    /// the cap can be filled.
    static constexpr std::size_t kInboxReadSize = 2 * kMaxProcessingInFlight;

    boost::asio::any_io_executor executor_;

    storage::Store& store_;
    intents::Engine& engine_;
    const intents::Clock& clock_;
    intents::EngineSettings settings_;
    OutboxListener on_outbox_;
    NudgeListener on_nudge_;
    ReplyShapings shapings_;
    FloodGuard flood_;

    std::mutex processing_mutex_;
    std::set<std::int64_t> processing_in_flight_;
    /// Some recorded messages were left in the inbox for later (`process` found the cap reached).
    bool backlog_in_inbox_ = false;
    /// Counts messages left in the inbox, so a read of it that began before the latest of them
    /// was left there cannot declare the backlog empty.
    std::uint64_t backlog_generation_ = 0;
    bool refilling_ = false;
};

storage::InboxEntry to_inbox_entry(const intents::IncomingMessage& message,
                                   storage::UnixSeconds now);

}  // namespace rubdown::bot
