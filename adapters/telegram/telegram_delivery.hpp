#pragma once
/// The Telegram adapters::ChannelClient: delivers one outbox row as the Bot API calls of its plan
/// (adapters/telegram/outbox_plan.hpp) over an HTTP transport, and says what happened.

#include <chrono>
#include <cstdint>
#include <string>

#include <boost/asio/awaitable.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/http_client.hpp"
#include "adapters/telegram/api_response.hpp"
#include "adapters/telegram/bot_api_requests.hpp"

namespace rubdown::telegram {

/// What a Bot API outcome means for the outbox row (429 -> retry after retry_after; 5xx and
/// network -> retry; 403 -> blocked_user; 400/404/409 -> failed; 401 -> retry + channel_problem).
/// A 403 in a group, supergroup or channel (negative chat id) means the bot was removed from that
/// chat, not that the runner blocked it: TelegramDelivery turns it into chat_unavailable.
/// `error` should already be free of the token.
adapters::DeliveryResult to_delivery_result(const ApiResult& result, std::string error);

/// Makes one Bot API call over an HTTP transport. Never throws for a failed call: no answer is
/// an ApiResult too (to_api_result), and every text it returns has the token redacted.
class BotApi {
  public:
    BotApi(http::HttpTransport& transport, std::string api_url, std::string token);

    boost::asio::awaitable<ApiResult> call(const ApiCall& call,
                                           std::chrono::milliseconds timeout = std::chrono::seconds{
                                               30});

    /// "sendMessage: Bad Request: chat not found (400)", token redacted.
    std::string describe(const ApiCall& call, const ApiResult& result) const;
    const std::string& api_url() const { return api_url_; }

  private:
    http::HttpTransport& transport_;
    std::string api_url_;
    std::string token_;
};

class TelegramDelivery final : public adapters::ChannelClient {
  public:
    /// On the row's attempt this many or later, an edit failing with 5xx or a network error falls
    /// back to a new message (before the sender's default max_attempts of 6 gives the row up).
    static constexpr int edit_attempts_before_fallback = 3;

    explicit TelegramDelivery(BotApi& api) : api_(api) {}

    std::string channel() const override { return "telegram"; }
    /// Paced per chat (Telegram's flood limits are per chat); each part of a split reply and each
    /// edit is a message in the chat; a group, supergroup or channel is a shared chat (Telegram:
    /// about 20 messages a minute there). The plan is adapters/telegram/outbox_plan.hpp's.
    adapters::PreparedRow prepare(const storage::OutboxMessage& message) const override;
    /// answerCallbackQuery first when the row answers a button press (best effort: an expired
    /// query never costs the reply), then editMessageText for edit_original (falling back to a new
    /// message when the original cannot be edited, or keeps failing), else sendMessage, split over
    /// 4096 characters.
    /// A retried row, also one resent after a restart, resumes at the first call not yet made
    /// (message.calls_done), so only a part in flight at a crash can be sent twice.
    boost::asio::awaitable<adapters::DeliveryResult> deliver(
        storage::OutboxMessage message, const adapters::PreparedRow& prepared,
        const adapters::RecordCallsDone& record_calls_done) override;
    /// A private chat's id is the runner's user id ("telegram:<id>").
    std::string private_chat(const storage::User& user) const override;

  private:
    BotApi& api_;
};

}  // namespace rubdown::telegram
