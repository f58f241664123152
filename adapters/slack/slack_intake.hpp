#pragma once
/// The three Slack endpoints: verify and parse, record the message durably in the inbox, and only
/// then answer 2xx. A recording failure answers
/// 500, so Slack delivers again; a redelivery (X-Slack-Retry-Num) finds the event already in the
/// inbox and is acknowledged without being processed twice.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/http_message.hpp"
#include "adapters/slack/slack_endpoints.hpp"
#include "intents/clock.hpp"

namespace rubdown::slack {

enum class SlackEndpoint {
    events,         ///< POST /slack/events (Events API, JSON)
    commands,       ///< POST /slack/commands (slash commands, form)
    interactivity,  ///< POST /slack/interactivity (button presses, form with a JSON payload)
};

/// Counters for /metrics; read from any thread.
struct SlackInboundStats {
    std::uint64_t requests = 0;
    std::uint64_t recorded = 0;         ///< new messages in the inbox
    std::uint64_t duplicates = 0;       ///< redeliveries of a message already recorded
    std::uint64_t ignored = 0;          ///< verified, acknowledged, nothing to process
    std::uint64_t bad_signature = 0;    ///< answered 401
    std::uint64_t malformed = 0;        ///< answered 400
    std::uint64_t record_failures = 0;  ///< answered 500 (the store failed)
};

class SlackIntake {
  public:
    SlackIntake(adapters::InboxSink& inbox, const intents::Clock& clock, InboundSettings settings);

    /// Learnt from auth.test after start-up; until then the bot's mentions are stripped by shape
    /// only. Safe while requests are served.
    void set_bot_identity(const BotIdentity& identity);

    /// One request to one endpoint. Runs on the connection's executor.
    boost::asio::awaitable<http::HttpResponse> handle(SlackEndpoint endpoint,
                                                      const http::HttpRequest& request);

    /// POST /slack/events, /slack/commands and /slack/interactivity. `this` must outlive the
    /// routes' use.
    std::vector<adapters::Route> routes();

    SlackInboundStats stats() const;

  private:
    std::shared_ptr<const InboundSettings> settings() const;

    adapters::InboxSink& inbox_;
    const intents::Clock& clock_;
    mutable std::mutex settings_mutex_;
    std::shared_ptr<const InboundSettings> settings_;

    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::uint64_t> recorded_{0};
    std::atomic<std::uint64_t> duplicates_{0};
    std::atomic<std::uint64_t> ignored_{0};
    std::atomic<std::uint64_t> bad_signature_{0};
    std::atomic<std::uint64_t> malformed_{0};
    std::atomic<std::uint64_t> record_failures_{0};
};

}  // namespace rubdown::slack
