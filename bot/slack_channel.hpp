#pragma once
/// The Slack channel as the server runs it: the auth.test check at start-up, the three Slack
/// endpoints that feed the dispatcher, and the outbox sender that answers through the Web API.
///
/// How the composition root uses it (all on the main thread, before io.run()):
///
///   std::unique_ptr<SlackChannel> slack;
///   if (config.slack_enabled()) {
///       slack = std::make_unique<SlackChannel>(io.get_executor(), store, dispatcher, *clock,
///                                              slack_settings(config));
///       slack->start_up();         // blocking; throws std::runtime_error (token never in it)
///       slack->add_routes(router); // before server.start(): the router is not thread-safe
///   }
///   dispatcher.set_outbox_listener(... slack->wake() for channel "slack" ...);
///   (the nudge scheduler's outbox rows need the same wake-up)
///   server.start(endpoint);
///   if (slack) slack->start();    // the outbox sender
///   /metrics: OperatorDeps::extra_metrics appends slack->metrics()
///   ... on SIGTERM: slack->stop() before store.stop().

#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "adapters/slack/slack_identity.hpp"
#include "bot/config.hpp"
#include "bot/dispatcher.hpp"
#include "bot/outbox_sender.hpp"
#include "bot/router.hpp"
#include "bot/slack_client.hpp"
#include "bot/slack_intake.hpp"
#include "intents/clock.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

struct SlackSettings {
    std::string bot_token;       ///< SLACK_BOT_TOKEN
    std::string signing_secret;  ///< SLACK_SIGNING_SECRET
    std::string api_url = "https://slack.com/api";
    /// Answer every message in channels the bot is in, not only mentions.
    bool answer_channel_messages = false;
    /// response_urls are trusted only under this prefix (a test's fake Slack sets its own).
    std::string response_url_prefix = "https://hooks.slack.com/";
    /// chat.postMessage: about 1 message/s per conversation, short bursts tolerated; Slack
    /// publishes no overall figure, so the overall cap stays well under its per-workspace limits.
    SenderPolicy policy{
        std::chrono::milliseconds{1000}, 3, 20.0, 6, std::chrono::milliseconds{2000},
        std::chrono::minutes{10}};
    OutboxSenderOptions sender{};
    int start_up_attempts = 3;  ///< auth.test tries when Slack cannot be reached
    /// Judges the age of a request's signed timestamp. Slack stamps requests with real time, so by
    /// default this is the wall clock even when the bot runs on a simulated one; tests that sign
    /// with a fixed timestamp set their own.
    const intents::Clock* request_clock = nullptr;
    http::HttpClientOptions http{};
};

/// The settings the configuration asks for.
SlackSettings slack_settings(const Config& config);

class SlackChannel {
  public:
    /// Builds the parts; makes no call yet. `store`, `dispatcher` and `clock` must outlive it.
    SlackChannel(boost::asio::any_io_executor executor, storage::Store& store,
                 Dispatcher& dispatcher, const intents::Clock& clock, SlackSettings settings);
    ~SlackChannel();
    SlackChannel(const SlackChannel&) = delete;
    SlackChannel& operator=(const SlackChannel&) = delete;

    /// Blocking, on a private event loop (call it before io.run()): auth.test. A refused token
    /// throws std::runtime_error naming SLACK_BOT_TOKEN (never its value); an unreachable API is
    /// asked start_up_attempts times, then throws. Remembers the bot's identity, so the bot's
    /// own mentions are stripped and its own messages ignored.
    void start_up();
    /// The same inside a running event loop (tests, or a caller that is already async).
    boost::asio::awaitable<void> start_up_async();

    /// POST /slack/events, /slack/commands, /slack/interactivity: 401 on a bad or stale
    /// signature, 2xx only once the message is durably recorded (500 when it could not be, so
    /// Slack retries), redeliveries acknowledged and not processed twice, url_verification
    /// answered with its challenge.
    void add_routes(Router& router);

    /// Starts the outbox sender. Thread-safe.
    void start();
    /// The outbox has new Slack rows. Thread-safe.
    void wake();
    /// Stops the sender and aborts Web API calls in flight. Thread-safe; the executor must keep
    /// running (or be destroyed) for the sender's loop to end.
    void stop();

    /// Prometheus lines, every name prefixed rubdown_slack_.
    std::string metrics() const;
    SenderCounters sender_counters() const { return sender_.counters(); }
    SlackInboundStats inbound_stats() const { return intake_.stats(); }
    SlackClientStats client_stats() const { return client_.stats(); }
    /// From auth.test at start_up(); empty before.
    const slack::BotIdentity& identity() const { return identity_; }

  private:
    SlackClientSettings client_settings() const;
    void remember(const slack::BotIdentity& identity);

    SlackSettings settings_;
    intents::SystemClock wall_clock_;
    SlackClient client_;
    SlackIntake intake_;
    OutboxSender sender_;
    slack::BotIdentity identity_;
};

}  // namespace rubdown::bot
