#pragma once
/// The Slack channel (adapters/channel.hpp): the auth.test check at start-up, the three Slack
/// endpoints that hand messages to the inbox, and the Web API client the outbox sender delivers
/// through.

#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "adapters/channel.hpp"
#include "adapters/slack/slack_client.hpp"
#include "adapters/slack/slack_identity.hpp"
#include "adapters/slack/slack_intake.hpp"
#include "intents/clock.hpp"

namespace rubdown::slack {

/// Where file bytes may be posted, for a Web API at `api_url`: Slack's file host for Slack's own
/// API; for a stand-in the operator configured instead (a proxy, a test's fake), that stand-in's
/// own origin ("http://127.0.0.1:8099/"), as it is the one that hands out the upload URLs.
std::string upload_url_prefix_for(std::string_view api_url);

struct SlackSettings {
    std::string bot_token;       ///< SLACK_BOT_TOKEN
    std::string signing_secret;  ///< SLACK_SIGNING_SECRET
    std::string api_url = "https://slack.com/api";
    /// Answer every message in channels the bot is in, not only mentions.
    bool answer_channel_messages = false;
    /// response_urls are trusted only under this prefix (a test's fake Slack sets its own).
    std::string response_url_prefix = "https://hooks.slack.com/";
    /// File bytes go only to upload URLs under this prefix; see upload_url_prefix_for().
    std::string upload_url_prefix = "https://files.slack.com/";
    /// chat.postMessage: about 1 message/s per conversation, short bursts tolerated; Slack
    /// publishes no overall figure, so the overall cap stays well under its per-workspace limits.
    adapters::SenderPolicy policy{
        std::chrono::milliseconds{1000}, 3, 20.0, 6, std::chrono::milliseconds{2000},
        std::chrono::minutes{10}};
    int start_up_attempts = 3;  ///< auth.test tries when Slack cannot be reached
    /// Judges the age of a request's signed timestamp. Slack stamps requests with real time, so by
    /// default this is the wall clock even when the bot runs on a simulated one; tests that sign
    /// with a fixed timestamp set their own.
    const intents::Clock* request_clock = nullptr;
    http::HttpClientOptions http{};
};

/// Slack's reply shaping. A message in a channel, or a button on a message everyone in it sees, is
/// a shared chat; a direct message, a slash command (answered ephemerally) and an ephemeral
/// button are not. The runner's private chat is always known: the outbox chat_id of a Slack
/// message is their own id (or their direct-message channel), where chat.postMessage reaches them
/// alone.
const adapters::ReplyShaping& reply_shaping_for_slack();

class SlackChannel final : public adapters::Channel {
  public:
    /// Builds the parts; makes no call yet. `inbox` must outlive it.
    SlackChannel(boost::asio::any_io_executor executor, adapters::InboxSink& inbox,
                 SlackSettings settings);
    ~SlackChannel() override;
    SlackChannel(const SlackChannel&) = delete;
    SlackChannel& operator=(const SlackChannel&) = delete;

    std::string name() const override { return "slack"; }

    /// Blocking, on a private event loop (call it before io.run()): auth.test. A refused token
    /// throws std::runtime_error naming SLACK_BOT_TOKEN (never its value); an unreachable API is
    /// asked start_up_attempts times, then throws. Remembers the bot's identity, so the bot's
    /// own mentions are stripped and its own messages ignored.
    void start_up() override;
    /// The same inside a running event loop (tests, or a caller that is already async).
    boost::asio::awaitable<void> start_up_async();

    /// POST /slack/events, /slack/commands, /slack/interactivity: 401 on a bad or stale
    /// signature, 2xx only once the message is durably recorded (500 when it could not be, so
    /// Slack retries), redeliveries acknowledged and not processed twice, url_verification
    /// answered with its challenge.
    std::vector<adapters::Route> routes() override { return intake_.routes(); }

    /// Aborts Web API calls in flight. Thread-safe.
    void stop() override { client_.stop(); }

    adapters::ChannelClient& client() override { return client_; }
    boost::asio::any_io_executor sender_executor() override { return client_.executor(); }
    adapters::SenderPolicy sender_policy() const override { return settings_.policy; }
    const adapters::ReplyShaping* reply_shaping() const override {
        return &reply_shaping_for_slack();
    }

    void register_metrics(metrics::Registry& registry) const override;
    SlackInboundStats inbound_stats() const { return intake_.stats(); }
    SlackClientStats client_stats() const { return client_.stats(); }
    /// From auth.test at start_up(); empty before.
    const BotIdentity& identity() const { return identity_; }

  private:
    SlackClientSettings client_settings() const;
    void remember(const BotIdentity& identity);

    SlackSettings settings_;
    intents::SystemClock wall_clock_;
    SlackClient client_;
    SlackIntake intake_;
    BotIdentity identity_;
};

}  // namespace rubdown::slack
