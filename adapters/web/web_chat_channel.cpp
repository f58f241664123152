#include "adapters/web/web_chat_channel.hpp"

#include <utility>

#include <spdlog/spdlog.h>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

#include "adapters/http/browser_page.hpp"
#include "adapters/http/client_address.hpp"
#include "adapters/web/chat_protocol.hpp"
#include "adapters/web/web_assets.hpp"
#include "adapters/web/web_identity.hpp"

namespace rubdown::web {

namespace asio = boost::asio;
using http::HttpRequest;
using http::HttpResponse;

namespace {

/// Rows read per query while a stream catches up.
constexpr std::size_t kReplyPage = 200;
constexpr std::size_t kMaxPagesPerRead = 10;

HttpResponse error_json(int status, const std::string& message) {
    return HttpResponse::json(status, nlohmann::json{{"error", message}}.dump());
}

HttpResponse asset(std::string_view body, const char* content_type) {
    HttpResponse response;
    response.content_type = content_type;
    response.body = std::string(body);
    // Always revalidated: an upgraded server's page and script must not be mixed with old ones.
    response.headers.emplace_back("Cache-Control", "no-cache");
    http::add_page_headers(response, kChatContentSecurityPolicy);
    return response;
}

/// The session token a browser's request carries, if any.
std::optional<std::string> session_of(const HttpRequest& request) {
    return token_from_cookies(request.header("Cookie"));
}

bool is_json(std::string_view content_type) {
    constexpr std::string_view kJson = "application/json";
    return content_type.size() >= kJson.size() &&
           http::header_name_equals(content_type.substr(0, kJson.size()), kJson) &&
           (content_type.size() == kJson.size() || content_type[kJson.size()] == ';');
}

}  // namespace

WebChatChannel::WebChatChannel(asio::any_io_executor executor, adapters::InboxSink& inbox,
                               adapters::ConversationSource& conversation, WebChatSettings settings)
    : sender_executor_(asio::make_strand(executor)),
      inbox_(inbox),
      conversation_(conversation),
      settings_(settings),
      client_(signal_),
      posts_by_address_(settings.posts_per_minute_per_address, settings.post_burst_per_address),
      streams_(settings.max_streams, settings.max_streams_per_address) {}

adapters::SenderPolicy WebChatChannel::sender_policy() const {
    // No platform to spare: releasing a row is a notification in this process.
    adapters::SenderPolicy policy;
    policy.per_key_interval = std::chrono::milliseconds{1};
    policy.per_key_burst = 100;
    policy.global_per_second = 10000;
    return policy;
}

adapters::PreparedRow WebChatChannel::Client::prepare(const storage::OutboxMessage& message) const {
    adapters::PreparedRow prepared;
    prepared.pacing_key = message.chat_id;
    return prepared;
}

asio::awaitable<adapters::DeliveryResult> WebChatChannel::Client::deliver(
    storage::OutboxMessage message, const adapters::PreparedRow& /*prepared*/,
    const adapters::RecordCallsDone& /*record_calls_done*/) {
    // The row is marked taken (sending) before this is called: the streams find it released.
    signal_.notify(message.chat_id);
    co_return adapters::DeliveryResult{};
}

std::vector<adapters::Route> WebChatChannel::routes() {
    const auto handler = [this](auto member) -> adapters::RouteHandler {
        return [this, member](const HttpRequest& request) { return (this->*member)(request); };
    };
    const auto static_file = [](std::string_view (*read)(), const char* type) {
        return [read, type](const HttpRequest&) -> asio::awaitable<HttpResponse> {
            co_return asset(read(), type);
        };
    };
    std::vector<adapters::Route> routes;
    routes.push_back({"GET", "/", handler(&WebChatChannel::page)});
    routes.push_back({"GET", "/chat/app.js",
                      static_file(&assets::chat_script, "text/javascript; charset=utf-8")});
    routes.push_back(
        {"GET", "/chat/app.css", static_file(&assets::chat_style, "text/css; charset=utf-8")});
    routes.push_back({"GET", "/chat/icon.svg", static_file(&assets::chat_icon, "image/svg+xml")});
    routes.push_back({"GET", "/chat/conversation", handler(&WebChatChannel::conversation)});
    routes.push_back({"GET", "/chat/events", handler(&WebChatChannel::events)});
    routes.push_back({"POST", "/chat/messages", handler(&WebChatChannel::post_message),
                      settings_.max_post_bytes,
                      [this](const HttpRequest& request) { return check_post(request); }});
    return routes;
}

asio::awaitable<HttpResponse> WebChatChannel::page(const HttpRequest& request) {
    auto response = asset(assets::chat_page(), "text/html; charset=utf-8");
    auto token = session_of(request);
    if (!token) {
        token = new_token();
        ++sessions_started_;
    }
    // The page came over HTTPS when a TLS proxy in front says so.
    const bool secure = http::header_name_equals(request.header("X-Forwarded-Proto"), "https");
    response.headers.emplace_back("Set-Cookie", session_cookie(*token, secure));
    co_return response;
}

std::optional<HttpResponse> WebChatChannel::check_post(const HttpRequest& request) {
    if (!http::same_origin(request, true)) {
        ++refused_;
        return error_json(403, "posts are taken from this server's own page only");
    }
    if (!session_of(request)) {
        ++refused_;
        return error_json(401, "no chat session: reload the page");
    }
    if (!is_json(request.header("Content-Type"))) {
        ++refused_;
        return error_json(415, "send application/json");
    }
    return std::nullopt;
}

asio::awaitable<HttpResponse> WebChatChannel::post_message(const HttpRequest& request) {
    // check_post() passed (the router runs it, before the body when there is one). The rate is
    // taken here, once: the router may run a header check more than once for one request.
    const auto now = http::RateLimiter::Clock::now();
    const auto address = http::rate_key(request.remote_address);
    if (!posts_by_address_.allow(address, now)) {
        ++refused_;
        auto slow_down = error_json(429, "too many messages from this address; wait a moment");
        slow_down.headers.emplace_back(
            "Retry-After", std::to_string(posts_by_address_.seconds_until_allowed(address, now)));
        co_return slow_down;
    }
    const auto token = session_of(request);
    auto read = read_post(request.body, runner_id(*token));
    if (const auto* error = std::get_if<PostError>(&read)) {
        ++refused_;
        co_return error_json(error->status, error->message);
    }
    std::vector<intents::IncomingMessage> messages;
    messages.push_back(std::move(std::get<intents::IncomingMessage>(read)));
    adapters::AcceptResult accepted;
    try {
        accepted = co_await inbox_.accept(std::move(messages));
    } catch (const std::exception& failure) {
        spdlog::error("event=web_message_not_recorded error=\"{}\"", failure.what());
        auto busy = error_json(503, "not recorded; send it again");
        busy.headers.emplace_back("Retry-After", "1");
        co_return busy;
    }
    posted_ += accepted.recorded;
    duplicates_ += accepted.duplicates;
    co_return HttpResponse::json(202, nlohmann::json{{"recorded", accepted.recorded == 1}}.dump());
}

asio::awaitable<HttpResponse> WebChatChannel::conversation(const HttpRequest& request) {
    if (!http::same_origin(request, false))
        co_return error_json(403, "not from this server's page");
    const auto token = session_of(request);
    if (!token) co_return error_json(401, "no chat session: reload the page");
    const auto runner = runner_id(*token);
    const auto shown = co_await conversation_.recent(kName, runner, user_key_for(runner),
                                                     settings_.conversation_lines);
    auto response = HttpResponse::json(200, conversation_json(shown.lines, shown.settled_through));
    response.headers.emplace_back("Cache-Control", "no-store");
    co_return response;
}

asio::awaitable<HttpResponse> WebChatChannel::events(const HttpRequest& request) {
    if (!http::same_origin(request, false))
        co_return error_json(403, "not from this server's page");
    const auto token = session_of(request);
    if (!token) co_return error_json(401, "no chat session: reload the page");
    auto slot = streams_.take(http::rate_key(request.remote_address),
                              http::is_loopback_address(request.remote_address));
    if (!slot) {
        ++streams_refused_;
        auto busy = error_json(503, "too many open chats; the page tries again");
        busy.headers.emplace_back("Retry-After", "30");
        co_return busy;
    }
    HttpResponse response;
    response.content_type = "text/event-stream";
    response.headers.emplace_back("Cache-Control", "no-store");
    // A buffering proxy (nginx) would hold the events back.
    response.headers.emplace_back("X-Accel-Buffering", "no");
    response.body = std::string(kRetryAdvice);
    // The slot is held while the stream (or a copy of it) exists.
    response.stream = [this, runner = runner_id(*token), position = stream_start(request),
                       slot = std::move(slot)](const http::StreamWriter& write) {
        return stream_replies(runner, position, write);
    };
    co_return response;
}

asio::awaitable<void> WebChatChannel::stream_replies(std::string runner, std::int64_t position,
                                                     const http::StreamWriter& write) {
    const auto ends = std::chrono::steady_clock::now() + settings_.stream_lifetime;
    ReplyCursor cursor(position);
    while (!signal_.stopped()) {
        // The version before the read: a reply released during it wakes the wait below at once.
        const auto seen = signal_.version(runner);
        // From the position: a held row below later ones is read again until it goes. (While one
        // is held, rows more than the pages below allow beyond it wait for it.)
        std::vector<storage::OutboxMessage> rows;
        auto after = cursor.position();
        for (std::size_t page = 0; page < kMaxPagesPerRead; ++page) {
            auto more = co_await conversation_.replies_after(kName, runner, after, kReplyPage);
            const bool full = more.size() == kReplyPage;
            if (!more.empty()) after = more.back().id;
            rows.insert(rows.end(), std::make_move_iterator(more.begin()),
                        std::make_move_iterator(more.end()));
            if (!full) break;
        }
        if (auto events = cursor.take(rows); !events.empty() && !co_await write(std::move(events)))
            co_return;
        if (std::chrono::steady_clock::now() >= ends) co_return;
        co_await signal_.wait(runner, seen, settings_.keep_alive);
        if (signal_.version(runner) == seen && !signal_.stopped() &&
            !co_await write(std::string(kKeepAlive)))
            co_return;
    }
}

void WebChatChannel::register_metrics(metrics::Registry& registry) const {
    registry.counter_reading("rubdown_web_messages_total", "Web chat messages recorded.", posted_);
    registry.counter_reading("rubdown_web_duplicates_total",
                             "Web chat posts of a message already recorded (a retried post).",
                             duplicates_);
    registry.counter_reading("rubdown_web_refused_total",
                             "Web chat posts refused (origin, session, body, rate).", refused_);
    registry.counter_reading("rubdown_web_sessions_started_total",
                             "Browsers given a new chat session.", sessions_started_);
    registry.gauge_reading("rubdown_web_streams_open", "Web chat event streams open now.",
                           [this] { return static_cast<double>(streams_.open()); });
    registry.counter_reading("rubdown_web_streams_refused_total",
                             "Web chat event streams refused: the server's or the address's "
                             "streams were all open.",
                             streams_refused_);
}

}  // namespace rubdown::web
