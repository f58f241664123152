#pragma once
/// The Telegram channel (adapters/channel.hpp): start-up checks with the Bot API, the webhook
/// route or the long-poll loop that hand updates to the inbox, and the Bot API client the outbox
/// sender delivers through.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/http_client.hpp"
#include "adapters/http/http_message.hpp"
#include "adapters/telegram/telegram_delivery.hpp"
#include "adapters/telegram/update_parser.hpp"

namespace rubdown::telegram {

struct TelegramSettings {
    std::string token;
    std::string api_url = "https://api.telegram.org";
    std::string mode = "polling";  ///< "polling" or "webhook"
    std::string webhook_url;       ///< webhook mode: the public URL registered with setWebhook
    std::string webhook_secret;    ///< checked on every delivery; required in webhook mode
    std::size_t max_body_bytes = 1024 * 1024;
    /// Telegram's published limits: about 1 message/s per chat (bursts tolerated), 30/s overall,
    /// 20 a minute in a group.
    adapters::SenderPolicy policy{.shared_per_minute = 20};
    std::chrono::seconds poll_timeout{50};  ///< getUpdates long-poll time-out
    /// After an empty getUpdates that came back at once (a stand-in server that does not hold the
    /// long poll), wait this long before asking again.
    std::chrono::milliseconds idle_poll_gap{500};
    int start_up_attempts = 3;  ///< getMe tries when the Bot API cannot be reached
    http::HttpClientOptions http{};
};

struct TelegramCounters {
    std::uint64_t updates_recorded = 0;
    std::uint64_t updates_duplicate = 0;
    std::uint64_t updates_ignored = 0;
    std::uint64_t webhook_rejected = 0;  ///< wrong secret, bad JSON, ...
    std::uint64_t poll_failures = 0;
};

/// Telegram's reply shaping. A button press is answered (answerCallbackQuery) exactly once,
/// whatever the engine says: with no reply the runner's client would spin on the button, and a
/// second answer is an error. So the first row answering a press carries the query (a blank row
/// when there is nothing to say), the others do not. Groups, supergroups and channels are shared
/// chats; a runner's private chat is known only from a message they sent there.
const adapters::ReplyShaping& reply_shaping_for_telegram();

class TelegramChannel final : public adapters::Channel {
  public:
    /// Builds the parts; makes no call yet. `inbox` must outlive it.
    TelegramChannel(boost::asio::any_io_executor executor, adapters::InboxSink& inbox,
                    TelegramSettings settings);
    ~TelegramChannel() override;
    TelegramChannel(const TelegramChannel&) = delete;
    TelegramChannel& operator=(const TelegramChannel&) = delete;

    std::string name() const override { return "telegram"; }

    /// Blocking, on a private event loop (call it before io.run()): getMe (a rejected token or an
    /// unreachable API throws std::runtime_error saying so, without the token), then
    /// setMyCommands (a failure is only logged).
    void start_up() override;
    /// Blocking, on a private event loop: setWebhook with the secret and the update types in
    /// webhook mode (a failure throws), or deleteWebhook in polling mode (a failure is logged).
    /// Either moves Telegram's deliveries to this instance, so it comes last.
    void go_live() override;

    /// Webhook mode: POST /telegram/webhook, 401 without the right secret (compared in constant
    /// time), 400 for an unreadable update, 413 over max_body_bytes, 200 at once for ignored
    /// update types, else 200 only once the inbox has recorded it (a redelivery is acknowledged
    /// again and not processed twice), 503 when it could not be recorded so that Telegram
    /// retries. Polling mode serves the same route, so a webhook left pointing here still works.
    std::vector<adapters::Route> routes() override;

    /// In polling mode, starts the getUpdates loop. Thread-safe.
    void start() override;
    /// Stops polling and the HTTP client. Thread-safe.
    void stop() override;

    adapters::ChannelClient& client() override { return delivery_; }
    boost::asio::any_io_executor sender_executor() override { return strand_; }
    adapters::SenderPolicy sender_policy() const override { return settings_.policy; }
    /// A button press is answered (answerCallbackQuery) exactly once, by the first row.
    const adapters::ReplyShaping* reply_shaping() const override;

    void register_metrics(metrics::Registry& registry) const override;
    TelegramCounters counters() const;
    /// From getMe at start_up(); empty before.
    const std::string& bot_username() const { return bot_username_; }

    /// The webhook handler itself (what routes() serves).
    boost::asio::awaitable<http::HttpResponse> handle_webhook(const http::HttpRequest& request);

  private:
    /// Runs `step` with a Bot API of its own on a private event loop, until it returns or throws.
    void run_blocking(std::function<boost::asio::awaitable<void>(BotApi&)> step);
    boost::asio::awaitable<void> check_token(BotApi& api);
    boost::asio::awaitable<void> register_delivery(BotApi& api);
    boost::asio::awaitable<void> poll_loop();
    ParseOptions parse_options() const;

    TelegramSettings settings_;
    adapters::InboxSink& inbox_;
    boost::asio::strand<boost::asio::any_io_executor> strand_;
    http::HttpClient http_;
    BotApi api_;
    TelegramDelivery delivery_;
    boost::asio::steady_timer poll_timer_;
    std::string bot_username_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> started_{false};

    std::atomic<std::uint64_t> updates_recorded_{0}, updates_duplicate_{0}, updates_ignored_{0},
        webhook_rejected_{0}, poll_failures_{0};
};

}  // namespace rubdown::telegram
