#pragma once
/// The seam between the outbox and a platform: a ChannelClient delivers one outbox message and
/// says what happened; the OutboxSender (one per channel) decides when to deliver what.

#include <chrono>
#include <string>

#include <boost/asio/awaitable.hpp>

#include "bot/outbox_pacer.hpp"
#include "storage/records.hpp"

namespace rubdown::bot {

struct DeliveryResult {
    enum class Kind {
        sent,          ///< the platform accepted it
        retry,         ///< try again later (429, 5xx, network); after retry_after when given
        failed,        ///< give up on this message (bad request, chat not found, ...)
        blocked_user,  ///< the runner blocked the bot: mark them inactive, no more nudges
        /// The bot can no longer write to this shared chat (removed from a group): drop what is
        /// queued for it and send the runner's nudges to their private chat; they stay active.
        chat_unavailable,
        /// The chat lives on under another id (a Telegram group upgraded to a supergroup): send
        /// this message, the others queued for the chat and the runners' nudges to `moved_to`.
        chat_moved,
    };
    Kind kind = Kind::sent;
    /// From the platform's flood control (Telegram retry_after, Slack Retry-After): pause the
    /// message's pacing key (its chat) that long; 0 when the platform named no time.
    std::chrono::seconds retry_after{0};
    /// The whole channel is misconfigured (bad token): pause every chat, log loudly.
    bool channel_problem = false;
    std::string error;     ///< for logs and the outbox row; never contains a token
    std::string moved_to;  ///< chat_moved: the chat's new id
};

/// One platform's way to send. Implementations live with their adapter; the sender calls them on
/// its own strand, possibly with several deliveries to different chats in flight at once.
class ChannelClient {
  public:
    virtual ~ChannelClient() = default;
    /// "telegram", "slack": the outbox channel this client serves.
    virtual std::string channel() const = 0;
    /// Messages with the same key are paced together and sent in order (a chat, a Slack channel).
    virtual std::string pacing_key(const storage::OutboxMessage& message) const = 0;
    /// What delivering it costs that key: its messages (parts), and whether the key is a shared
    virtual PacingCharge pacing_charge(const storage::OutboxMessage& /*message*/) const {
        return {};
    }
    virtual boost::asio::awaitable<DeliveryResult> deliver(storage::OutboxMessage message) = 0;
    /// The runner's private chat on this channel, where their nudges go once a shared chat is
    /// unavailable; empty when the channel cannot tell (the runner's chat is then left alone).
    virtual std::string private_chat(const storage::User& /*user*/) const { return {}; }
};

/// How fast a channel may send (the platform's published or observed limits).
struct SenderPolicy {
    std::chrono::milliseconds per_key_interval{1000};  ///< about 1 message/s per chat
    int per_key_burst = 3;                             ///< short bursts tolerated
    double global_per_second = 30.0;                   ///< all chats together
    int max_attempts = 6;                              ///< then the message is marked failed
    std::chrono::milliseconds base_backoff{1000};      ///< doubles per attempt, with jitter
    std::chrono::milliseconds max_backoff{std::chrono::minutes(5)};
    std::size_t shared_per_minute = 0;  ///< per shared chat (a group) in any minute; 0 = no cap
};

}  // namespace rubdown::bot
