#include "bot/outbox/running_channel.hpp"

#include <utility>

namespace rubdown::bot {

RunningChannel::RunningChannel(std::unique_ptr<adapters::Channel> channel, storage::Store& store,
                               const intents::Clock& clock, OutboxSenderOptions options)
    : channel_(std::move(channel)),
      sender_(channel_->sender_executor(), store, clock, channel_->client(),
              channel_->sender_policy(), std::move(options)) {}

RunningChannel::~RunningChannel() = default;

void RunningChannel::add_routes(Router& router) {
    router.add(channel_->routes());
}

void RunningChannel::start() {
    sender_.start();
    channel_->start();
}

void RunningChannel::stop() {
    sender_.stop();
    channel_->stop();
}

void RunningChannel::register_metrics(metrics::Registry& registry) const {
    channel_->register_metrics(registry);
    sender_.register_metrics(registry, "rubdown_" + channel_->name());
}

}  // namespace rubdown::bot
