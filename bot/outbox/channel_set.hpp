#pragma once
/// The channels the server runs, by name: the composition root adds them, the outbox wakes one by
/// the name on its rows, and start-up and shutdown go through all of them. Generic: it knows no
/// platform.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "adapters/channel.hpp"
#include "adapters/metrics/metrics_registry.hpp"
#include "bot/http/router.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/outbox/running_channel.hpp"

namespace rubdown::bot {

class ChannelSet {
  public:
    /// Runs `channel`'s start-up checks (blocking; a bad token throws), registers its routes,
    /// its reply shaping and its metrics, and pairs it with an outbox sender. Before the server
    /// starts: the router is not thread-safe.
    void add(std::unique_ptr<adapters::Channel> channel, storage::Store& store,
             const intents::Clock& clock, const OutboxSenderOptions& options,
             Dispatcher& dispatcher, Router& router, metrics::Registry& registry);

    bool empty() const { return channels_.empty(); }
    /// The channels' names, in name order.
    std::vector<std::string> names() const;
    /// The outbox has rows for `channel` (none is running by that name: nothing happens).
    void wake(const std::string& channel);
    void wake(const std::set<std::string>& channels);
    void start();
    /// Each channel tells its platform to deliver here (blocking; a failure throws). Last at
    /// start-up, once the server accepts connections.
    void go_live();
    /// Stops every channel (RunningChannel::stop with `grace`), then calls `on_stopped` once,
    /// on some channel's sender executor (at once, on the caller's thread, when there is none).
    void stop(std::chrono::milliseconds grace = std::chrono::milliseconds{0},
              std::function<void()> on_stopped = {});

  private:
    /// Filled before the server starts and never changed after, so wake() needs no lock.
    std::map<std::string, std::unique_ptr<RunningChannel>> channels_;
};

}  // namespace rubdown::bot
