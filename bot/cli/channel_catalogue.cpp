#include "bot/cli/channel_catalogue.hpp"

namespace rubdown::bot {

telegram::TelegramSettings telegram_settings(const Config& config) {
    telegram::TelegramSettings settings;
    settings.token = config.telegram_token;
    settings.api_url = config.telegram_api_url;
    settings.mode = config.effective_telegram_mode();
    settings.webhook_url = config.telegram_webhook_url;
    settings.webhook_secret = config.telegram_webhook_secret;
    settings.max_body_bytes = config.max_body_bytes;
    return settings;
}

slack::SlackSettings slack_settings(const Config& config) {
    slack::SlackSettings settings;
    settings.bot_token = config.slack_bot_token;
    settings.signing_secret = config.slack_signing_secret;
    settings.api_url = config.slack_api_url;
    settings.upload_url_prefix = slack::upload_url_prefix_for(config.slack_api_url);
    return settings;
}

std::vector<std::unique_ptr<adapters::Channel>> make_channels(
    const Config& config, const boost::asio::any_io_executor& executor, adapters::InboxSink& inbox,
    adapters::ConversationSource& conversations) {
    std::vector<std::unique_ptr<adapters::Channel>> channels;
    if (config.telegram_enabled())
        channels.push_back(std::make_unique<telegram::TelegramChannel>(executor, inbox,
                                                                       telegram_settings(config)));
    if (config.slack_enabled())
        channels.push_back(
            std::make_unique<slack::SlackChannel>(executor, inbox, slack_settings(config)));
    if (config.web_chat)
        channels.push_back(std::make_unique<web::WebChatChannel>(executor, inbox, conversations));
    return channels;
}

}  // namespace rubdown::bot
