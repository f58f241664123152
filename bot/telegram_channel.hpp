#pragma once
/// The Telegram channel as the server runs it: start-up checks with the Bot API, the webhook
/// route or the long-poll loop that feed the dispatcher, and the outbox sender that answers.
///
/// How the composition root uses it (all on the main thread, before io.run()):
///
///   std::unique_ptr<TelegramChannel> telegram;
///   if (config.telegram_enabled()) {
///       telegram = std::make_unique<TelegramChannel>(io.get_executor(), store, dispatcher,
///                                                    *clock, telegram_settings(config));
///       telegram->start_up();         // blocking; throws std::runtime_error (token never in it)
///       telegram->add_routes(router); // before server.start(): the router is not thread-safe
///   }
///   dispatcher.set_outbox_listener(... telegram->wake() for channel "telegram" ...);
///   server.start(endpoint);
///   if (telegram) telegram->start();  // sender (+ long polling in polling mode)
///   ... on SIGTERM: telegram->stop() before store.stop().

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "adapters/http/http_client.hpp"
#include "adapters/http/http_message.hpp"
#include "adapters/telegram/update_parser.hpp"
#include "bot/channel_delivery.hpp"
#include "bot/config.hpp"
#include "bot/dispatcher.hpp"
#include "bot/outbox_sender.hpp"
#include "bot/router.hpp"
#include "bot/telegram_delivery.hpp"
#include "intents/clock.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

struct TelegramSettings {
    std::string token;
    std::string api_url = "https://api.telegram.org";
    std::string mode = "polling";  ///< "polling" or "webhook"
    std::string webhook_url;       ///< webhook mode: the public URL registered with setWebhook
    std::string webhook_secret;    ///< checked on every delivery; required in webhook mode
    std::size_t max_body_bytes = 1024 * 1024;
    /// Telegram's published limits: about 1 message/s per chat (bursts tolerated), 30/s overall,
    /// 20 a minute in a group.
    SenderPolicy policy{.shared_per_minute = 20};
    OutboxSenderOptions sender{};
    std::chrono::seconds poll_timeout{50};  ///< getUpdates long-poll time-out
    /// After an empty getUpdates that came back at once (a stand-in server that does not hold the
    /// long poll), wait this long before asking again.
    std::chrono::milliseconds idle_poll_gap{500};
    int start_up_attempts = 3;  ///< getMe tries when the Bot API cannot be reached
    http::HttpClientOptions http{};
};

/// The settings the configuration asks for.
TelegramSettings telegram_settings(const Config& config);

struct TelegramCounters {
    std::uint64_t updates_recorded = 0;
    std::uint64_t updates_duplicate = 0;
    std::uint64_t updates_ignored = 0;
    std::uint64_t webhook_rejected = 0;  ///< wrong secret, bad JSON, ...
    std::uint64_t poll_failures = 0;
};

class TelegramChannel {
  public:
    /// Builds the parts; makes no call yet. `store`, `dispatcher` and `clock` must outlive it.
    TelegramChannel(boost::asio::any_io_executor executor, storage::Store& store,
                    Dispatcher& dispatcher, const intents::Clock& clock, TelegramSettings settings);
    ~TelegramChannel();
    TelegramChannel(const TelegramChannel&) = delete;
    TelegramChannel& operator=(const TelegramChannel&) = delete;

    /// Blocking, on a private event loop (call it before io.run()): getMe (a rejected token or an
    /// unreachable API throws std::runtime_error saying so, without the token), setMyCommands
    /// (a failure is only logged), then setWebhook with the secret and the update types in
    /// webhook mode (a failure throws), or deleteWebhook in polling mode (a failure is logged).
    void start_up();

    /// POST /telegram/webhook: 401 without the right secret (compared in constant time), 400 for
    /// an unreadable update, 413 over max_body_bytes, 200 at once for ignored update types, else
    /// 200 only once dispatcher.accept() has recorded it (a redelivery is acknowledged again and
    /// not processed twice), 503 when it could not be recorded so that Telegram retries.
    void add_routes(Router& router);

    /// Starts the outbox sender and, in polling mode, the getUpdates loop. Thread-safe.
    void start();
    /// The outbox has new Telegram rows. Thread-safe.
    void wake();
    /// Stops polling, the sender and the HTTP client. Thread-safe; the executor must keep running
    /// (or be destroyed) for the loops to end.
    void stop();

    /// Prometheus lines, every name prefixed rubdown_telegram_.
    std::string metrics() const;
    TelegramCounters counters() const;
    SenderCounters sender_counters() const { return sender_.counters(); }
    /// From getMe at start_up(); empty before.
    const std::string& bot_username() const { return bot_username_; }

    /// The webhook handler itself (what add_routes registers).
    boost::asio::awaitable<http::HttpResponse> handle_webhook(const http::HttpRequest& request);

  private:
    boost::asio::awaitable<void> set_up(BotApi& api);
    boost::asio::awaitable<void> poll_loop();
    telegram::ParseOptions parse_options() const;

    TelegramSettings settings_;
    Dispatcher& dispatcher_;
    boost::asio::strand<boost::asio::any_io_executor> strand_;
    http::HttpClient http_;
    BotApi api_;
    TelegramDelivery delivery_;
    OutboxSender sender_;
    boost::asio::steady_timer poll_timer_;
    std::string bot_username_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> started_{false};

    std::atomic<std::uint64_t> updates_recorded_{0}, updates_duplicate_{0}, updates_ignored_{0},
        webhook_rejected_{0}, poll_failures_{0};
};

}  // namespace rubdown::bot
