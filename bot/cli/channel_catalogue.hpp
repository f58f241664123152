#pragma once
/// The channels this build knows and the settings each takes from the configuration. Part of the
/// composition root: the one place in bot/ that names a platform. Adding a channel is its folder
/// under adapters/ and one entry in make_channels().

#include <memory>
#include <vector>

#include <boost/asio/any_io_executor.hpp>

#include "adapters/channel.hpp"
#include "adapters/slack/slack_channel.hpp"
#include "adapters/telegram/telegram_channel.hpp"
#include "adapters/web/web_chat_channel.hpp"
#include "bot/cli/config.hpp"

namespace rubdown::bot {

telegram::TelegramSettings telegram_settings(const Config& config);
slack::SlackSettings slack_settings(const Config& config);

/// Said at start-up when the configuration enables no platform.
inline constexpr const char* kNoChannelHint =
    "no platform configured (set TELEGRAM_BOT_TOKEN, or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)";

/// The channels the configuration enables, built but not started (no platform call yet), each
/// handing what it receives to `inbox`; the web chat reads its conversations from
/// `conversations`.
std::vector<std::unique_ptr<adapters::Channel>> make_channels(
    const Config& config, const boost::asio::any_io_executor& executor, adapters::InboxSink& inbox,
    adapters::ConversationSource& conversations);

}  // namespace rubdown::bot
