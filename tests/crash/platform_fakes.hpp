#pragma once
/// Loopback stand-ins for the Telegram Bot API and the Slack Web API as the crash test needs them:
/// they answer start-up calls (getMe, setMyCommands, setWebhook, auth.test) and every message the
/// bot sends (sendMessage, chat.postMessage) like the real APIs, after a short delay that keeps
/// each send in flight for a while, and they log every message they receive with the test phase
/// ("epoch") it arrived in.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "support/fake_http_server.hpp"

namespace rubdown::testing::crash {

/// One message the bot sent to a platform, as the platform received it.
struct ReceivedMessage {
    std::string channel;  ///< "telegram" or "slack"
    std::string chat;     ///< Telegram chat_id, Slack channel
    std::string text;
    int epoch = 0;  ///< PlatformFakes::set_epoch() value when it arrived
};

class PlatformFakes {
  public:
    /// `send_delay`: how long each sendMessage / chat.postMessage waits before its answer.
    explicit PlatformFakes(std::chrono::milliseconds send_delay);

    std::string telegram_url() const { return telegram_.base_url(); }
    std::string slack_url() const { return slack_.base_url(); }

    void set_epoch(int epoch) { epoch_ = epoch; }
    std::vector<ReceivedMessage> received() const;

    static constexpr const char* kSlackTeam = "T061EG9R6";
    static constexpr const char* kSlackBotUser = "U0LAN0Z89";

  private:
    FakeReply answer_telegram(const RecordedRequest& request);
    FakeReply answer_slack(const RecordedRequest& request);
    void remember(const std::string& channel, const std::string& chat, const std::string& text);

    std::chrono::milliseconds send_delay_;
    std::atomic<int> epoch_{0};
    mutable std::mutex mutex_;
    std::vector<ReceivedMessage> received_;
    std::int64_t next_message_id_ = 1;  ///< under mutex_
    FakeHttpServer telegram_;
    FakeHttpServer slack_;
};

}  // namespace rubdown::testing::crash
