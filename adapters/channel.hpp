#pragma once
/// The channel seam: what every channel (Telegram, Slack, a web chat...) gives the generic bot,
/// and what the bot gives it. A channel lives wholly under adapters/<name>/: its routes or polling
/// loop, its intake (verify, parse, hand IncomingMessages to an InboxSink), its ChannelClient
/// (deliver one outbox row) with its pacing limits, and its metrics. The bot's composition root
/// creates the channels; nothing else in bot/ names one.
///
/// Only intents/ and storage value types cross this seam, so bot/ implements InboxSink and drives
/// the ChannelClient with its generic OutboxSender without knowing any platform.

#include <any>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include "adapters/http/http_message.hpp"
#include "adapters/metrics/metrics_registry.hpp"
#include "intents/message.hpp"
#include "storage/records.hpp"

namespace rubdown::adapters {

// ---- intake: from the channel to the bot ----

struct AcceptResult {
    std::size_t recorded = 0;
    std::size_t duplicates = 0;
};

/// Where a channel hands what it received. accept() completes once the messages are durably
/// recorded (deduplicated), so the channel may then acknowledge them to the platform; it throws
/// when they could not be recorded (the channel asks the platform to deliver again).
class InboxSink {
  public:
    virtual ~InboxSink() = default;
    virtual boost::asio::awaitable<AcceptResult> accept(
        std::vector<intents::IncomingMessage> messages) = 0;
};

/// One line of a conversation as a channel that shows it itself (the web chat) displays it.
struct ConversationLine {
    bool from_runner = false;
    std::int64_t reply_id = 0;  ///< the bot's lines: their outbox row; 0 for the runner's
    std::string text;
    std::string buttons_json = "[]";  ///< the bot's lines: their buttons (intents/message.hpp)
    std::string image_png;            ///< the bot's lines: a chart (PNG bytes), empty for none
    std::string image_alt;
    storage::UnixSeconds at = 0;
};

/// A conversation as a page shows it when it opens.
struct Conversation {
    std::vector<ConversationLine> lines;  ///< oldest first
    /// The last reply id up to which every row of the chat is settled (shown, or never to be):
    /// where the page's stream of replies starts, so that a reply held back below a later one
    /// still reaches it.
    std::int64_t settled_through = 0;
};

/// Where a channel that keeps no conversation of its own (the web chat: a browser tab comes and
/// goes) reads it back from the bot's records. By chat, not by runner: the answer to /forget
/// goes to a chat whose runner is gone. Completes on the caller's executor.
class ConversationSource {
  public:
    virtual ~ConversationSource() = default;
    /// The rows for `chat_id` on `channel` with ids above `after_id`, oldest first, at most
    /// `limit`, whatever their status: the channel shows those its sender has taken (sending or
    /// sent), and learns from the others where to read from next time.
    virtual boost::asio::awaitable<std::vector<storage::OutboxMessage>> replies_after(
        std::string channel, std::string chat_id, std::int64_t after_id, std::size_t limit) = 0;
    /// The chat's latest lines, at most `limit`: what its runner (`user_key`) said, while
    /// retention keeps it, and the rows the sender has taken.
    virtual boost::asio::awaitable<Conversation> recent(std::string channel, std::string chat_id,
                                                        std::string user_key,
                                                        std::size_t limit) = 0;
};

/// A request handler: a coroutine on the connection's executor, on neutral HTTP types.
using RouteHandler =
    std::function<boost::asio::awaitable<http::HttpResponse>(const http::HttpRequest&)>;

/// Checks a request on its method, path and headers alone, before its body is read (the request
/// passed has an empty body): a response refuses it, and its body is then never read into
/// memory; nothing lets it in. For what needs no body: a secret header, a bearer token, the
/// freshness of a signature's timestamp.
using HeaderCheck = std::function<std::optional<http::HttpResponse>(const http::HttpRequest&)>;

struct Route {
    std::string method;
    std::string path;
    RouteHandler handler;
    /// The largest body this route takes; 0 = the server's limit (RUBDOWN_MAX_BODY_BYTES), which
    /// also caps a larger value. A body declared larger is refused (413) unread.
    std::size_t max_body_bytes = 0;
    HeaderCheck check_headers;  ///< optional
};

/// How a channel's reply context shapes the outbox rows answering one message. The context is
/// the channel's own (opaque to the bot), so the channel decides.
class ReplyShaping {
  public:
    virtual ~ReplyShaping() = default;
    /// The message needs an outbox row even when the engine has nothing to say (a button press
    /// whose client waits for an answer).
    virtual bool needs_a_row(const std::string& /*reply_context*/) const { return false; }
    /// The reply context of the index-th row answering a message with `reply_context`.
    virtual std::string context_for_row(const std::string& reply_context,
                                        std::size_t /*index*/) const {
        return reply_context;
    }
    /// Others in the conversation read the answers to this message (a group, a channel).
    virtual bool shared_chat(const std::string& /*reply_context*/) const { return false; }
    /// The runner's private chat as this message shows it: where a plain row (no reply context)
    /// reaches them alone. Empty when the message does not show one.
    virtual std::string private_chat(const std::string& chat_id,
                                     const std::string& reply_context) const {
        return shared_chat(reply_context) ? std::string{} : chat_id;
    }
};

// ---- delivery: from the bot's outbox to the platform ----

/// What delivering one row costs its pacing key and the channel.
struct PacingCharge {
    std::size_t messages = 1;  ///< messages the row puts into the chat (its parts)
    bool shared_chat = false;  ///< the key is a shared chat (SenderPolicy::shared_per_minute)
};

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

/// What a client makes of an outbox row once, when the sender queues it: where the row is paced,
/// what it costs, and what the client decoded to deliver it (its plan of platform calls), handed
/// back to deliver() so that a row's reply context is read once.
struct PreparedRow {
    /// Rows with the same key are paced together and sent in order (a chat, a Slack channel).
    std::string pacing_key;
    PacingCharge charge;
    std::any plan;  ///< the client's own; deliver() gets it back as it was made
};

/// Where a delivery records, before its next platform call, that the row's first `calls_done`
/// calls went out. The sender makes it durable, so that after a crash the row resumes there and
/// at most the call in flight at the crash is repeated. A row of one call never needs it.
using RecordCallsDone = std::function<boost::asio::awaitable<void>(int calls_done)>;

/// One platform's way to send. The sender calls it on the channel's sender executor, possibly
/// with several deliveries to different chats in flight at once.
class ChannelClient {
  public:
    virtual ~ChannelClient() = default;
    /// "telegram", "slack": the outbox channel this client serves.
    virtual std::string channel() const = 0;
    /// Reads the row once: its pacing and its plan. Pure: no platform call.
    virtual PreparedRow prepare(const storage::OutboxMessage& message) const = 0;
    /// Delivers the row as prepare() planned it (`message.attempts` counts this attempt),
    /// starting after its first `message.calls_done` calls, and telling `record_calls_done`
    /// after each call that is followed by another.
    virtual boost::asio::awaitable<DeliveryResult> deliver(
        storage::OutboxMessage message, const PreparedRow& prepared,
        const RecordCallsDone& record_calls_done) = 0;
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

// ---- the channel as a whole ----

/// One channel as the server runs it. The composition root creates it (it makes no call yet),
/// binds the server's port, calls start_up() and registers routes() before the server takes
/// traffic, drives client() with an outbox sender on sender_executor(), calls start() once
/// serving, go_live() last, and stop() on shutdown.
class Channel {
  public:
    virtual ~Channel() = default;

    /// The outbox channel name ("telegram"); also the prefix of its metrics.
    virtual std::string name() const = 0;

    /// Blocking checks with the platform (a bad token throws std::runtime_error naming the
    /// setting, never its value). Called before the server takes traffic.
    virtual void start_up() = 0;
    /// Blocking: tells the platform where to deliver (Telegram's setWebhook). Called last, once
    /// the port is bound and everything else has started: an instance that cannot serve must
    /// never take another's deliveries. A failure throws std::runtime_error.
    virtual void go_live() {}
    /// The channel's HTTP endpoints (none for a polling channel).
    virtual std::vector<Route> routes() = 0;
    /// Starts what runs in the background besides the sender (a long-poll loop). Thread-safe.
    virtual void start() {}
    /// Stops the background loops and aborts platform calls in flight. Thread-safe; the executor
    /// must keep running (or be destroyed) for the loops to end.
    virtual void stop() = 0;

    /// How the outbox reaches the platform, the executor the sender must use for it (a strand
    /// shared with the client's HTTP connections) and the platform's pacing limits.
    virtual ChannelClient& client() = 0;
    virtual boost::asio::any_io_executor sender_executor() = 0;
    virtual SenderPolicy sender_policy() const = 0;
    /// The channel's rules for the rows answering a message; nullptr for plain one-to-one ones.
    virtual const ReplyShaping* reply_shaping() const { return nullptr; }

    /// Registers the channel's own counters, every name prefixed rubdown_<name>_. The channel
    /// must outlive the registry's scrapes.
    virtual void register_metrics(metrics::Registry& registry) const = 0;
};

}  // namespace rubdown::adapters
