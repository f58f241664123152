#pragma once
/// The web chat: a runner talks to the bot from a page the server itself serves, with no
/// platform in between. `GET /` gives the page (and the browser its session cookie); messages
/// go up with `POST /chat/messages`; the bot's replies come down as server-sent events on
/// `GET /chat/events`, read from the outbox, so a browser that reconnects gets what it missed;
/// `GET /chat/conversation` is what a page shows when it opens.
///
/// Delivering a row is releasing it: the sender marks it taken, the channel wakes the chat's open
/// streams, and each stream reads the rows from the database. The outbox is the mailbox: a
/// reply released while no tab is open is shown when one opens.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/strand.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/rate_limiter.hpp"
#include "adapters/web/reply_signal.hpp"
#include "adapters/web/stream_slots.hpp"

namespace rubdown::web {

struct WebChatSettings {
    /// Messages one remote address may post a minute, beyond a burst: a runner types far less;
    /// a script minting sessions to get past the per-runner flood guard meets this.
    double posts_per_minute_per_address = 60;
    double post_burst_per_address = 30;
    /// A comment on an idle stream this often, so a dead connection is noticed and proxies keep
    /// it open.
    std::chrono::steady_clock::duration keep_alive = std::chrono::seconds{15};
    /// A stream ends after this long and the browser reconnects (with Last-Event-ID), so no
    /// connection is held for ever by a tab left open.
    std::chrono::steady_clock::duration stream_lifetime = std::chrono::minutes{10};
    /// Lines a page shows when it opens.
    std::size_t conversation_lines = 200;
    /// The body of a post at most (a message of 4,096 characters in JSON fits).
    std::size_t max_post_bytes = 32 * 1024;
    /// Event streams open at once: a quarter of the default connection cap, so that streams never
    /// crowd out the platforms' webhooks; and from one address (a reverse proxy on loopback
    /// has no cap of its own: it speaks for everyone).
    std::size_t max_streams = 512;
    std::size_t max_streams_per_address = 16;
};

class WebChatChannel final : public adapters::Channel {
  public:
    WebChatChannel(boost::asio::any_io_executor executor, adapters::InboxSink& inbox,
                   adapters::ConversationSource& conversation, WebChatSettings settings = {});

    std::string name() const override { return kName; }
    void start_up() override {}
    std::vector<adapters::Route> routes() override;
    void stop() override { signal_.stop(); }

    adapters::ChannelClient& client() override { return client_; }
    boost::asio::any_io_executor sender_executor() override { return sender_executor_; }
    adapters::SenderPolicy sender_policy() const override;
    void register_metrics(metrics::Registry& registry) const override;

    static constexpr const char* kName = "web";

  private:
    /// Releasing a row wakes its chat's streams; nothing can fail.
    class Client final : public adapters::ChannelClient {
      public:
        explicit Client(ReplySignal& signal) : signal_(signal) {}
        std::string channel() const override { return kName; }
        adapters::PreparedRow prepare(const storage::OutboxMessage& message) const override;
        boost::asio::awaitable<adapters::DeliveryResult> deliver(
            storage::OutboxMessage message, const adapters::PreparedRow& prepared,
            const adapters::RecordCallsDone& record_calls_done) override;

      private:
        ReplySignal& signal_;
    };

    boost::asio::awaitable<http::HttpResponse> page(const http::HttpRequest& request);
    boost::asio::awaitable<http::HttpResponse> post_message(const http::HttpRequest& request);
    boost::asio::awaitable<http::HttpResponse> conversation(const http::HttpRequest& request);
    boost::asio::awaitable<http::HttpResponse> events(const http::HttpRequest& request);
    /// The refusal of a post on its headers (origin, session, content type). No side effect
    /// but the refusal counter: the router may run it twice for one request.
    std::optional<http::HttpResponse> check_post(const http::HttpRequest& request);
    /// Streams the replies to `runner` from `position` until the client leaves, the stream's
    /// lifetime ends or the channel stops.
    boost::asio::awaitable<void> stream_replies(std::string runner, std::int64_t position,
                                                const http::StreamWriter& write);

    boost::asio::any_io_executor sender_executor_;
    adapters::InboxSink& inbox_;
    adapters::ConversationSource& conversation_;
    WebChatSettings settings_;
    ReplySignal signal_;
    Client client_;
    http::RateLimiter posts_by_address_;
    StreamSlots streams_;

    std::atomic<std::uint64_t> posted_{0};
    std::atomic<std::uint64_t> duplicates_{0};
    std::atomic<std::uint64_t> refused_{0};
    std::atomic<std::uint64_t> streams_refused_{0};
    std::atomic<std::uint64_t> sessions_started_{0};
};

}  // namespace rubdown::web
