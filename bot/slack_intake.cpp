#include "bot/slack_intake.hpp"

#include <exception>
#include <vector>

#include <spdlog/spdlog.h>

namespace rubdown::bot {

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

slack::SlackInbound receive(SlackEndpoint endpoint, const http::HttpRequest& request,
                            const slack::InboundSettings& settings, storage::UnixSeconds now) {
    switch (endpoint) {
        case SlackEndpoint::events:
            return slack::receive_event(request, settings, now);
        case SlackEndpoint::commands:
            return slack::receive_command(request, settings, now);
        case SlackEndpoint::interactivity:
            return slack::receive_interaction(request, settings, now);
    }
    return {};
}

}  // namespace

SlackIntake::SlackIntake(Dispatcher& dispatcher, const intents::Clock& clock,
                         slack::InboundSettings settings)
    : dispatcher_(dispatcher),
      clock_(clock),
      settings_(std::make_shared<const slack::InboundSettings>(std::move(settings))) {}

void SlackIntake::set_bot_identity(const slack::BotIdentity& identity) {
    std::lock_guard lock(settings_mutex_);
    auto updated = std::make_shared<slack::InboundSettings>(*settings_);
    updated->options.bot = identity;
    settings_ = std::move(updated);
}

std::shared_ptr<const slack::InboundSettings> SlackIntake::settings() const {
    std::lock_guard lock(settings_mutex_);
    return settings_;
}

asio::awaitable<http::HttpResponse> SlackIntake::handle(SlackEndpoint endpoint,
                                                        const http::HttpRequest& request) {
    ++requests_;
    const auto now = clock_.now().time_since_epoch().count();
    auto inbound = receive(endpoint, request, *settings(), now);
    const auto name = endpoint_name(endpoint);

    if (inbound.signature != slack::SignatureCheck::valid) {
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
    AcceptResult accepted;
    try {
        accepted = co_await dispatcher_.accept(std::move(messages));
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

void SlackIntake::add_routes(Router& router) {
    const auto route = [this](SlackEndpoint endpoint) -> RouteHandler {
        return [this, endpoint](const http::HttpRequest& request) {
            return handle(endpoint, request);
        };
    };
    router.add("POST", "/slack/events", route(SlackEndpoint::events));
    router.add("POST", "/slack/commands", route(SlackEndpoint::commands));
    router.add("POST", "/slack/interactivity", route(SlackEndpoint::interactivity));
}

SlackInboundStats SlackIntake::stats() const {
    return SlackInboundStats{requests_.load(),       recorded_.load(),      duplicates_.load(),
                             ignored_.load(),        bad_signature_.load(), malformed_.load(),
                             record_failures_.load()};
}

}  // namespace rubdown::bot
