#pragma once
/// A channel together with the outbox sender that delivers its rows: the unit the composition
/// root starts, wakes, stops and scrapes. Generic: any adapters::Channel.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/steady_timer.hpp>

#include "adapters/channel.hpp"
#include "bot/http/router.hpp"
#include "bot/outbox/outbox_sender.hpp"
#include "intents/clock.hpp"

namespace rubdown::storage {
class Store;
}

namespace rubdown::bot {

class RunningChannel {
  public:
    /// Makes no call yet. `store` and `clock` must outlive it.
    RunningChannel(std::unique_ptr<adapters::Channel> channel, storage::Store& store,
                   const intents::Clock& clock, OutboxSenderOptions options = {});
    ~RunningChannel();
    RunningChannel(const RunningChannel&) = delete;
    RunningChannel& operator=(const RunningChannel&) = delete;

    adapters::Channel& channel() { return *channel_; }
    const adapters::Channel& channel() const { return *channel_; }
    std::string name() const { return channel_->name(); }

    /// The channel's start-up checks (blocking; throws what the channel throws).
    void start_up() { channel_->start_up(); }
    /// Registers the channel's routes; before the server starts (the router is not thread-safe).
    void add_routes(Router& router);
    /// Starts the sender, then the channel's own loops. Thread-safe.
    void start();
    /// The outbox has new rows for this channel. Thread-safe; cheap.
    void wake() { sender_.wake(); }
    /// Stops the sender, lets its deliveries in flight finish and record their outcome for up to
    /// `grace`, then stops the channel (platform calls still in flight are cut short and recorded
    /// as retries, sent again at the next start) and calls `on_stopped` on the sender's executor.
    /// Keep the store running until then. Thread-safe; once.
    void stop(std::chrono::milliseconds grace = std::chrono::milliseconds{0},
              std::function<void()> on_stopped = {});

    /// The channel's counters and its sender's (prefixed rubdown_<name>).
    void register_metrics(metrics::Registry& registry) const;
    SenderCounters sender_counters() const { return sender_.counters(); }

  private:
    void stop_channel();

    std::unique_ptr<adapters::Channel> channel_;
    /// Declared after the channel, so destroyed before it: it drives the channel's client.
    OutboxSender sender_;
    /// Ends the grace of stop(); on the sender's executor.
    boost::asio::steady_timer grace_timer_;
    std::atomic<bool> channel_stopped_{false};
};

}  // namespace rubdown::bot
