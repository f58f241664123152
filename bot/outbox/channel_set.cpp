#include "bot/outbox/channel_set.hpp"

#include <atomic>
#include <cstddef>
#include <utility>

namespace rubdown::bot {

void ChannelSet::add(std::unique_ptr<adapters::Channel> channel, storage::Store& store,
                     const intents::Clock& clock, const OutboxSenderOptions& options,
                     Dispatcher& dispatcher, Router& router, metrics::Registry& registry) {
    auto running = std::make_unique<RunningChannel>(std::move(channel), store, clock, options);
    running->start_up();
    running->add_routes(router);
    dispatcher.set_reply_shaping(running->name(), running->channel().reply_shaping());
    running->register_metrics(registry);
    channels_.emplace(running->name(), std::move(running));
}

std::vector<std::string> ChannelSet::names() const {
    std::vector<std::string> names;
    for (const auto& [name, channel] : channels_) names.push_back(name);
    return names;
}

void ChannelSet::wake(const std::string& channel) {
    if (const auto found = channels_.find(channel); found != channels_.end()) found->second->wake();
}

void ChannelSet::wake(const std::set<std::string>& channels) {
    for (const auto& channel : channels) wake(channel);
}

void ChannelSet::start() {
    for (auto& [name, channel] : channels_) channel->start();
}

void ChannelSet::go_live() {
    for (auto& [name, channel] : channels_) channel->channel().go_live();
}

void ChannelSet::stop(std::chrono::milliseconds grace, std::function<void()> on_stopped) {
    if (channels_.empty()) {
        if (on_stopped) on_stopped();
        return;
    }
    // The last channel to finish calls on_stopped; they finish on different executors.
    auto left = std::make_shared<std::atomic<std::size_t>>(channels_.size());
    auto done = std::make_shared<std::function<void()>>(std::move(on_stopped));
    for (auto& [name, channel] : channels_)
        channel->stop(grace, [left, done] {
            if (left->fetch_sub(1) == 1 && *done) (*done)();
        });
}

}  // namespace rubdown::bot
