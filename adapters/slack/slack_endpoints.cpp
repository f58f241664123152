#include "adapters/slack/slack_endpoints.hpp"

#include "adapters/slack/slack_commands.hpp"
#include "adapters/slack/slack_interactions.hpp"

namespace rubdown::slack {

namespace {

/// Verifies the signature; on failure fills `inbound` with the 401 answer and returns false.
bool verified(const http::HttpRequest& request, const InboundSettings& settings,
              storage::UnixSeconds now, SlackInbound& inbound) {
    inbound.retry = read_retry_info(request);
    inbound.signature =
        verify_request(request, settings.signing_secret, now, settings.max_clock_skew_seconds);
    if (inbound.signature == SignatureCheck::valid) return true;
    inbound.response = http::HttpResponse::text(401, "invalid signature\n");
    inbound.note = std::string(to_string(inbound.signature));
    return false;
}

/// A body that can never parse: Slack would only send it again, so ask it not to.
http::HttpResponse bad_request() {
    auto response = http::HttpResponse::text(400, "malformed request\n");
    response.headers.emplace_back("X-Slack-No-Retry", "1");
    return response;
}

}  // namespace

SlackInbound receive_event(const http::HttpRequest& request, const InboundSettings& settings,
                           storage::UnixSeconds now) {
    SlackInbound inbound;
    if (!verified(request, settings, now, inbound)) return inbound;

    auto parse = parse_event_body(request.body, settings.options);
    switch (parse.kind) {
        case EventParse::Kind::url_verification:
            inbound.response = http::HttpResponse::text(200, parse.challenge);
            inbound.note = "url_verification";
            break;
        case EventParse::Kind::message:
            inbound.response = http::HttpResponse::text(200, "");
            inbound.message = std::move(parse.message);
            break;
        case EventParse::Kind::ignored:
            inbound.response = http::HttpResponse::text(200, "");
            inbound.note = parse.reason;
            break;
        case EventParse::Kind::malformed:
            inbound.response = bad_request();
            inbound.note = parse.reason;
            break;
    }
    return inbound;
}

SlackInbound receive_command(const http::HttpRequest& request, const InboundSettings& settings,
                             storage::UnixSeconds now) {
    SlackInbound inbound;
    if (!verified(request, settings, now, inbound)) return inbound;
    auto parse = parse_command_body(request.body);
    if (!parse.message) {
        inbound.response = bad_request();
        inbound.note = parse.reason;
        return inbound;
    }
    inbound.response = http::HttpResponse::text(200, "");
    inbound.message = std::move(parse.message);
    return inbound;
}

SlackInbound receive_interaction(const http::HttpRequest& request, const InboundSettings& settings,
                                 storage::UnixSeconds now) {
    SlackInbound inbound;
    if (!verified(request, settings, now, inbound)) return inbound;
    auto parse = parse_interaction_body(request.body);
    if (parse.malformed) {
        inbound.response = bad_request();
        inbound.note = parse.reason;
        return inbound;
    }
    inbound.response = http::HttpResponse::text(200, "");
    inbound.message = std::move(parse.message);
    if (!inbound.message) inbound.note = parse.reason;
    return inbound;
}

}  // namespace rubdown::slack
