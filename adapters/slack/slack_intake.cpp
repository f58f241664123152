#include "adapters/slack/slack_intake.hpp"

#include <exception>
#include <vector>

#include <spdlog/spdlog.h>

namespace rubdown::slack {

namespace asio = boost::asio;

namespace {

std::string_view endpoint_name(SlackEndpoint endpoint) {
    switch (endpoint) {
        case SlackEndpoint::events:
            return "events";
        case SlackEndpoint::commands:
            return "commands";
        case SlackEndpoint::interactivity:
            return "interactivity";
    }
    return "unknown";
}

SlackInbound receive(SlackEndpoint endpoint, const http::HttpRequest& request,
                     const InboundSettings& settings, storage::UnixSeconds now) {
    switch (endpoint) {
        case SlackEndpoint::events:
            return receive_event(request, settings, now);
        case SlackEndpoint::commands:
            return receive_command(request, settings, now);
        case SlackEndpoint::interactivity:
            return receive_interaction(request, settings, now);
    }
    return {};
}

}  // namespace

SlackIntake::SlackIntake(adapters::InboxSink& inbox, const intents::Clock& clock,
                         InboundSettings settings)
    : inbox_(inbox),
      clock_(clock),
      settings_(std::make_shared<const InboundSettings>(std::move(settings))) {}

void SlackIntake::set_bot_identity(const BotIdentity& identity) {
    std::lock_guard lock(settings_mutex_);
    auto updated = std::make_shared<InboundSettings>(*settings_);
    updated->options.bot = identity;
    settings_ = std::move(updated);
}

std::shared_ptr<const InboundSettings> SlackIntake::settings() const {
    std::lock_guard lock(settings_mutex_);
    return settings_;
}

asio::awaitable<http::HttpResponse> SlackIntake::handle(SlackEndpoint endpoint,
                                                        const http::HttpRequest& request) {
    ++requests_;
    const auto now = clock_.now().time_since_epoch().count();
    auto inbound = receive(endpoint, request, *settings(), now);
    const auto name = endpoint_name(endpoint);

    if (inbound.signature != SignatureCheck::valid) {
        ++bad_signature_;
        spdlog::warn("event=slack_rejected endpoint={} reason={} remote={}", name, inbound.note,
                     request.remote_address);
        co_return std::move(inbound.response);
    }
    if (!inbound.message) {
        if (inbound.response.status >= 400) {
            ++malformed_;
            spdlog::warn("event=slack_malformed endpoint={} reason=\"{}\"", name, inbound.note);
        } else {
            ++ignored_;
            spdlog::debug("event=slack_ignored endpoint={} reason=\"{}\"", name, inbound.note);
        }
        co_return std::move(inbound.response);
    }

    // Durable first, then the answer: Slack takes a 2xx as "delivered" and never sends it again.
    std::vector<intents::IncomingMessage> messages;
    messages.push_back(std::move(*inbound.message));
    adapters::AcceptResult accepted;
    try {
        accepted = co_await inbox_.accept(std::move(messages));
    } catch (const std::exception& failure) {
        ++record_failures_;
        spdlog::error("event=slack_record_failed endpoint={} error=\"{}\"", name, failure.what());
        co_return http::HttpResponse::text(500, "could not record the request, try again\n");
    }
    recorded_ += accepted.recorded;
    duplicates_ += accepted.duplicates;
    spdlog::debug("event=slack_accepted endpoint={} recorded={} duplicates={} retry={} reason={}",
                  name, accepted.recorded, accepted.duplicates, inbound.retry.number,
                  inbound.retry.reason);
    co_return std::move(inbound.response);
}

std::vector<adapters::Route> SlackIntake::routes() {
    // The signature covers the body, so only its headers are checked before the body is read:
    // a request without a fresh, well-formed signature is refused unread.
    const auto check_headers =
        [this](const http::HttpRequest& head) -> std::optional<http::HttpResponse> {
        const auto inbound = settings();
        const auto check = check_signature_headers(
            inbound->signing_secret, head.header("X-Slack-Request-Timestamp"),
            head.header("X-Slack-Signature"), clock_.now().time_since_epoch().count(),
            inbound->max_clock_skew_seconds);
        if (check == SignatureCheck::valid) return std::nullopt;
        ++bad_signature_;
        spdlog::warn("event=slack_rejected reason={} remote={}", to_string(check),
                     head.remote_address);
        return http::HttpResponse::text(401, "invalid signature\n");
    };
    const auto route = [this, check_headers](const char* path, SlackEndpoint endpoint) {
        adapters::Route route{"POST", path, [this, endpoint](const http::HttpRequest& request) {
                                  return handle(endpoint, request);
                              }};
        route.check_headers = check_headers;
        return route;
    };
    return {route("/slack/events", SlackEndpoint::events),
            route("/slack/commands", SlackEndpoint::commands),
            route("/slack/interactivity", SlackEndpoint::interactivity)};
}

SlackInboundStats SlackIntake::stats() const {
    return SlackInboundStats{requests_.load(),       recorded_.load(),      duplicates_.load(),
                             ignored_.load(),        bad_signature_.load(), malformed_.load(),
                             record_failures_.load()};
}

}  // namespace rubdown::slack
