#include "adapters/slack/slack_channel.hpp"

#include "adapters/slack/slack_reply_context.hpp"

#include <exception>
#include <stdexcept>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace rubdown::slack {

std::string upload_url_prefix_for(std::string_view api_url) {
    constexpr std::string_view slack_api = "https://slack.com/api";
    if (api_url.starts_with(slack_api)) return "https://files.slack.com/";
    const auto scheme_end = api_url.find("://");
    if (scheme_end == std::string_view::npos) return {};  // nothing is trusted
    const auto path = api_url.find('/', scheme_end + 3);
    return std::string(api_url.substr(0, path)) + "/";
}

namespace asio = boost::asio;

namespace {

/// Asks auth.test up to `attempts` times while Slack is unreachable; a refusal throws at once.
asio::awaitable<BotIdentity> authenticate_with_retries(SlackClient& client, int attempts) {
    for (int attempt = 1;; ++attempt) {
        try {
            co_return co_await client.authenticate();
        } catch (const SlackStartupError& error) {
            if (!error.transient() || attempt >= attempts) throw std::runtime_error(error.what());
            spdlog::warn("event=slack_auth_test_retry attempt={} error=\"{}\"", attempt,
                         error.what());
        }
        asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::seconds{attempt});
        co_await pause.async_wait(asio::use_awaitable);
    }
}

class SlackReplyShaping final : public adapters::ReplyShaping {
  public:
    bool shared_chat(const std::string& reply_context) const override {
        const auto context = reply_context_from_json(reply_context);
        const bool direct_message = context.channel.empty() || context.channel.starts_with('D');
        switch (context.source) {
            case ReplySource::event:
                return !direct_message;
            case ReplySource::action:
                return !direct_message && !context.ephemeral;
            case ReplySource::command:
            case ReplySource::none:
                return false;
        }
        return false;
    }
    std::string private_chat(const std::string& chat_id,
                             const std::string& /*reply_context*/) const override {
        return chat_id;
    }
};

}  // namespace

SlackChannel::SlackChannel(asio::any_io_executor executor, adapters::InboxSink& inbox,
                           SlackSettings settings)
    : settings_(std::move(settings)),
      client_(std::move(executor), client_settings()),
      intake_(inbox, settings_.request_clock ? *settings_.request_clock : wall_clock_,
              InboundSettings{settings_.signing_secret,
                              InboundOptions{{}, settings_.answer_channel_messages}}) {}

SlackChannel::~SlackChannel() = default;

SlackClientSettings SlackChannel::client_settings() const {
    SlackClientSettings settings;
    settings.bot_token = settings_.bot_token;
    settings.api_url = settings_.api_url;
    settings.delivery.response_url_prefix = settings_.response_url_prefix;
    settings.delivery.upload_url_prefix = settings_.upload_url_prefix;
    settings.http = settings_.http;
    return settings;
}

void SlackChannel::start_up() {
    // A private loop, so that start-up finishes (or fails) before the server takes traffic.
    asio::io_context io;
    std::exception_ptr failure;
    BotIdentity identity;
    {
        SlackClient probe(io.get_executor(), client_settings());
        asio::co_spawn(io, authenticate_with_retries(probe, settings_.start_up_attempts),
                       [&](std::exception_ptr error, BotIdentity found) {
                           failure = error;
                           identity = std::move(found);
                       });
        io.run();
    }
    if (failure) std::rethrow_exception(failure);
    remember(identity);
}

asio::awaitable<void> SlackChannel::start_up_async() {
    remember(co_await authenticate_with_retries(client_, settings_.start_up_attempts));
}

void SlackChannel::remember(const BotIdentity& identity) {
    identity_ = identity;
    intake_.set_bot_identity(identity);
    spdlog::info("event=slack_ready team={} bot_user={} bot_id={}", identity.team_id,
                 identity.user_id, identity.bot_id);
}

const adapters::ReplyShaping& reply_shaping_for_slack() {
    static const SlackReplyShaping shaping;
    return shaping;
}

void SlackChannel::register_metrics(metrics::Registry& registry) const {
    // Read at each scrape from the intake's and the client's own counters.
    const auto counter = [&](const std::string& name, const char* help, auto read) {
        registry.counter_reading("rubdown_slack_" + name + "_total", help,
                                 [this, read] { return static_cast<double>(read(*this)); });
    };
    using Self = const SlackChannel&;
    counter("requests", "Requests to the Slack endpoints.",
            [](Self self) { return self.intake_.stats().requests; });
    counter("recorded", "Slack messages recorded in the inbox.",
            [](Self self) { return self.intake_.stats().recorded; });
    counter("duplicates", "Slack redeliveries of messages already recorded.",
            [](Self self) { return self.intake_.stats().duplicates; });
    counter("ignored", "Verified Slack requests with nothing to process.",
            [](Self self) { return self.intake_.stats().ignored; });
    counter("bad_signature", "Slack requests refused for their signature.",
            [](Self self) { return self.intake_.stats().bad_signature; });
    counter("malformed", "Slack requests that could not be parsed.",
            [](Self self) { return self.intake_.stats().malformed; });
    counter("record_failures", "Slack requests answered 500: the store failed.",
            [](Self self) { return self.intake_.stats().record_failures; });
    counter("api_calls", "Web API and response_url requests made.",
            [](Self self) { return self.client_.stats().calls; });
    counter("rate_limited", "Slack answers asking to slow down.",
            [](Self self) { return self.client_.stats().rate_limited; });
    counter("fallbacks", "Fallback messages after a failed edit or response_url.",
            [](Self self) { return self.client_.stats().fallbacks; });
}

}  // namespace rubdown::slack
