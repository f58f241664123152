#include "bot/outbox/running_channel.hpp"

#include <utility>

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

namespace rubdown::bot {

RunningChannel::RunningChannel(std::unique_ptr<adapters::Channel> channel, storage::Store& store,
                               const intents::Clock& clock, OutboxSenderOptions options)
    : channel_(std::move(channel)),
      sender_(channel_->sender_executor(), store, clock, channel_->client(),
              channel_->sender_policy(), std::move(options)),
      grace_timer_(channel_->sender_executor()) {}

RunningChannel::~RunningChannel() = default;

void RunningChannel::add_routes(Router& router) {
    router.add(channel_->routes());
}

void RunningChannel::start() {
    sender_.start();
    channel_->start();
}

void RunningChannel::stop(std::chrono::milliseconds grace, std::function<void()> on_stopped) {
    // No grace: the channel stops at once, on the caller's thread.
    if (grace <= std::chrono::milliseconds{0}) stop_channel();
    // Both handlers run on the sender's executor (a strand), so the timer is theirs alone.
    else
        boost::asio::post(grace_timer_.get_executor(), [this, grace] {
            grace_timer_.expires_after(grace);
            grace_timer_.async_wait([this](const boost::system::error_code& error) {
                if (error) return;  // the sender drained first
                spdlog::warn(
                    "event=channel_stop_cut_short channel={} reason=\"sends still in "
                    "flight after the grace; they are sent again at the next start\"",
                    name());
                stop_channel();
            });
        });
    sender_.stop([this, on_stopped = std::move(on_stopped)] {
        grace_timer_.cancel();
        stop_channel();
        if (on_stopped) on_stopped();
    });
}

void RunningChannel::stop_channel() {
    if (!channel_stopped_.exchange(true)) channel_->stop();
}

void RunningChannel::register_metrics(metrics::Registry& registry) const {
    channel_->register_metrics(registry);
    sender_.register_metrics(registry, "rubdown_" + channel_->name());
}

}  // namespace rubdown::bot
