#include "bot/slack_channel.hpp"

#include <exception>
#include <stdexcept>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace rubdown::bot {

namespace asio = boost::asio;

namespace {

/// Asks auth.test up to `attempts` times while Slack is unreachable; a refusal throws at once.
asio::awaitable<slack::BotIdentity> authenticate_with_retries(SlackClient& client, int attempts) {
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

std::string counter(const std::string& name, const char* help, std::uint64_t value) {
    const auto metric = "rubdown_slack_" + name + "_total";
    return "# HELP " + metric + " " + help + "\n# TYPE " + metric + " counter\n" + metric + " " +
           std::to_string(value) + "\n";
}

}  // namespace

SlackSettings slack_settings(const Config& config) {
    SlackSettings settings;
    settings.bot_token = config.slack_bot_token;
    settings.signing_secret = config.slack_signing_secret;
    settings.api_url = config.slack_api_url;
    return settings;
}

SlackChannel::SlackChannel(asio::any_io_executor executor, storage::Store& store,
                           Dispatcher& dispatcher, const intents::Clock& clock,
                           SlackSettings settings)
    : settings_(std::move(settings)),
      client_(std::move(executor), client_settings()),
      intake_(dispatcher, settings_.request_clock ? *settings_.request_clock : wall_clock_,
              slack::InboundSettings{settings_.signing_secret,
                                     slack::InboundOptions{{}, settings_.answer_channel_messages}}),
      sender_(client_.executor(), store, clock, client_, settings_.policy, settings_.sender) {}

SlackChannel::~SlackChannel() = default;

SlackClientSettings SlackChannel::client_settings() const {
    SlackClientSettings settings;
    settings.bot_token = settings_.bot_token;
    settings.api_url = settings_.api_url;
    settings.delivery.response_url_prefix = settings_.response_url_prefix;
    settings.http = settings_.http;
    return settings;
}

void SlackChannel::start_up() {
    // A private loop, so that start-up finishes (or fails) before the server takes traffic.
    asio::io_context io;
    std::exception_ptr failure;
    slack::BotIdentity identity;
    {
        SlackClient probe(io.get_executor(), client_settings());
        asio::co_spawn(io, authenticate_with_retries(probe, settings_.start_up_attempts),
                       [&](std::exception_ptr error, slack::BotIdentity found) {
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

void SlackChannel::remember(const slack::BotIdentity& identity) {
    identity_ = identity;
    intake_.set_bot_identity(identity);
    spdlog::info("event=slack_ready team={} bot_user={} bot_id={}", identity.team_id,
                 identity.user_id, identity.bot_id);
}

void SlackChannel::add_routes(Router& router) {
    intake_.add_routes(router);
}

void SlackChannel::start() {
    sender_.start();
}

void SlackChannel::wake() {
    sender_.wake();
}

void SlackChannel::stop() {
    sender_.stop();
    client_.stop();
}

std::string SlackChannel::metrics() const {
    const auto inbound = intake_.stats();
    const auto outbound = client_.stats();
    std::string text;
    text += counter("requests", "Requests to the Slack endpoints.", inbound.requests);
    text += counter("recorded", "Slack messages recorded in the inbox.", inbound.recorded);
    text += counter("duplicates", "Slack redeliveries of messages already recorded.",
                    inbound.duplicates);
    text += counter("ignored", "Verified Slack requests with nothing to process.", inbound.ignored);
    text += counter("bad_signature", "Slack requests refused for their signature.",
                    inbound.bad_signature);
    text += counter("malformed", "Slack requests that could not be parsed.", inbound.malformed);
    text += counter("record_failures", "Slack requests answered 500: the store failed.",
                    inbound.record_failures);
    text += counter("api_calls", "Web API and response_url requests made.", outbound.calls);
    text += counter("rate_limited", "Slack answers asking to slow down.", outbound.rate_limited);
    text += counter("fallbacks", "Fallback messages after a failed edit or response_url.",
                    outbound.fallbacks);
    text += sender_.metrics("rubdown_slack");
    return text;
}

}  // namespace rubdown::bot
