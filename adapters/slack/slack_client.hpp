#pragma once
/// The Slack side of the outbox: delivers one outbox message through the Web API (chat.postMessage,
/// chat.update) or a response_url, following adapters/slack's plan, and says what happened in the
/// outbox's terms. Also makes the start-up auth.test call.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/strand.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/http_client.hpp"
#include "adapters/slack/slack_identity.hpp"
#include "adapters/slack/slack_response.hpp"
#include "adapters/slack/slack_web_api.hpp"

namespace rubdown::slack {

/// What the outbound side needs; the token never leaves this struct except in the
/// Authorization header.
struct SlackClientSettings {
    std::string bot_token;                          ///< SLACK_BOT_TOKEN
    std::string api_url = "https://slack.com/api";  ///< SLACK_API_URL
    DeliveryOptions delivery;                       ///< limits; trusted response_url prefix
    std::chrono::milliseconds request_timeout{10000};
    http::HttpClientOptions http;
};

/// Counters for /metrics; read from any thread.
struct SlackClientStats {
    std::uint64_t calls = 0;         ///< HTTP requests made (fallbacks included)
    std::uint64_t sent = 0;          ///< outbox messages delivered
    std::uint64_t retried = 0;       ///< deliveries answered "try later"
    std::uint64_t failed = 0;        ///< deliveries given up
    std::uint64_t rate_limited = 0;  ///< 429 or ratelimited answers
    std::uint64_t fallbacks = 0;     ///< fallback calls made (an edit or response_url failed)
};

/// The outcome of one Slack answer in the outbox's terms: sent; retry (after Retry-After when
/// Slack named it) for rate limits, 5xx and network trouble; retry with channel_problem for a
/// token or scope problem (nothing goes out until the operator acts, so the rows wait); failed for
/// everything else (channel_not_found, not_in_channel, invalid_blocks, ...).
adapters::DeliveryResult to_delivery_result(const SendOutcome& outcome);

/// Raised by authenticate() when Slack refuses the token or cannot be asked. what() never
/// contains the token.
class SlackStartupError : public std::runtime_error {
  public:
    SlackStartupError(const std::string& what, bool transient)
        : std::runtime_error(what), transient_(transient) {}
    /// Slack did not answer or was unavailable (worth asking again), rather than refusing.
    bool transient() const { return transient_; }

  private:
    bool transient_;
};

class SlackClient final : public adapters::ChannelClient {
  public:
    /// Requests run on a strand of `executor` (the HTTP client is single-threaded); deliver() may
    /// be awaited from any executor.
    SlackClient(boost::asio::any_io_executor executor, SlackClientSettings settings);
    ~SlackClient() override;

    std::string channel() const override { return "slack"; }
    /// The strand every request runs on; give it to the OutboxSender driving this client.
    boost::asio::any_io_executor executor() const { return strand_; }
    /// The row's calls (plan_delivery), paced by the Slack conversation the row lands in (the
    /// thread's channel, or the runner's DM).
    adapters::PreparedRow prepare(const storage::OutboxMessage& message) const override;
    /// The conversation prepare() paces the row by.
    std::string pacing_key(const storage::OutboxMessage& message) const {
        return prepare(message).pacing_key;
    }
    /// Makes the planned calls in order, each with its fallback when it fails for good. A row
    /// retried after some of its parts went out, also one resent after a restart, resumes at the
    /// first part not yet sent (message.calls_done), so only a part in flight at a crash can be
    /// posted twice.
    boost::asio::awaitable<adapters::DeliveryResult> deliver(
        storage::OutboxMessage message, const adapters::PreparedRow& prepared,
        const adapters::RecordCallsDone& record_calls_done) override;

    /// auth.test: who the token belongs to. Throws SlackStartupError (without the token) when
    /// Slack refuses it or does not answer.
    boost::asio::awaitable<BotIdentity> authenticate();

    /// Aborts requests in flight; later deliveries answer retry. Safe from any thread.
    void stop();

    SlackClientStats stats() const;

  private:
    boost::asio::awaitable<adapters::DeliveryResult> deliver_on_strand(
        storage::OutboxMessage message, const adapters::PreparedRow& prepared,
        const adapters::RecordCallsDone& record_calls_done);
    /// A POST to the Web API's `method` with the bot token and a JSON body.
    http::ClientRequest web_api_request(const std::string& method, std::string json_body) const;
    boost::asio::awaitable<SendOutcome> call(const ApiCall& api_call);
    /// One HTTP request of a call, its answer read as `target`'s.
    boost::asio::awaitable<SendOutcome> send(http::ClientRequest request, ApiCall::Target target,
                                             std::string* answer = nullptr);
    /// A file_upload call's three requests.
    boost::asio::awaitable<SendOutcome> upload_file(const ApiCall& api_call);
    boost::asio::awaitable<BotIdentity> authenticate_on_strand();

    SlackClientSettings settings_;
    boost::asio::strand<boost::asio::any_io_executor> strand_;
    std::shared_ptr<http::HttpClient> http_;

    std::atomic<std::uint64_t> calls_{0};
    std::atomic<std::uint64_t> sent_{0};
    std::atomic<std::uint64_t> retried_{0};
    std::atomic<std::uint64_t> failed_{0};
    std::atomic<std::uint64_t> rate_limited_{0};
    std::atomic<std::uint64_t> fallbacks_{0};
};

}  // namespace rubdown::slack
