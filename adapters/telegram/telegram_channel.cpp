#include "adapters/telegram/telegram_channel.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <utility>
#include <variant>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "adapters/telegram/api_response.hpp"
#include "adapters/telegram/bot_api_requests.hpp"
#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/webhook_intake.hpp"
#include "adapters/telegram/webhook_verifier.hpp"

namespace rubdown::telegram {

namespace asio = boost::asio;

namespace {

class TelegramReplyShaping final : public adapters::ReplyShaping {
  public:
    bool needs_a_row(const std::string& reply_context) const override {
        return awaits_callback_answer(reply_context);
    }
    std::string context_for_row(const std::string& reply_context,
                                std::size_t index) const override {
        if (index == 0 || !awaits_callback_answer(reply_context)) return reply_context;
        return without_callback_query(reply_context);
    }
    bool shared_chat(const std::string& reply_context) const override {
        return in_shared_chat(reply_context);
    }
    /// Only a message from the private chat shows it: a bot cannot write first to a runner who
    /// has never opened a chat with it, though the chat's id would be their user id.
    std::string private_chat(const std::string& chat_id,
                             const std::string& reply_context) const override {
        return in_private_chat(reply_context) ? chat_id : std::string{};
    }
};

}  // namespace

TelegramChannel::TelegramChannel(asio::any_io_executor executor, adapters::InboxSink& inbox,
                                 TelegramSettings settings)
    : settings_(std::move(settings)),
      inbox_(inbox),
      strand_(asio::make_strand(executor)),
      http_(strand_, settings_.http),
      api_(http_, settings_.api_url, settings_.token),
      delivery_(api_),
      poll_timer_(strand_) {}

TelegramChannel::~TelegramChannel() {
    // No post to the strand here: it would outlive this object. Destroy the channel after the
    // executor stopped running (main does), so no loop is left to touch it.
    stopping_ = true;
}

const adapters::ReplyShaping& reply_shaping_for_telegram() {
    static const TelegramReplyShaping shaping;
    return shaping;
}

const adapters::ReplyShaping* TelegramChannel::reply_shaping() const {
    return &reply_shaping_for_telegram();
}

ParseOptions TelegramChannel::parse_options() const {
    ParseOptions options;
    options.bot_username = bot_username_;
    return options;
}

// ---- start-up ----

void TelegramChannel::start_up() {
    if (settings_.mode != "polling" && settings_.mode != "webhook")
        throw std::runtime_error("Telegram: unknown mode \"" + settings_.mode +
                                 "\" (polling or webhook)");
    if (settings_.mode == "webhook") {
        if (settings_.webhook_url.empty())
            throw std::runtime_error("Telegram: webhook mode needs TELEGRAM_WEBHOOK_URL");
        if (!is_valid_secret_token(settings_.webhook_secret))
            throw std::runtime_error(
                "Telegram: TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -");
    }
    run_blocking([this](BotApi& api) { return check_token(api); });
}

void TelegramChannel::go_live() {
    run_blocking([this](BotApi& api) { return register_delivery(api); });
}

void TelegramChannel::run_blocking(std::function<asio::awaitable<void>(BotApi&)> step) {
    // A private loop, so that the step finishes (or fails) before the caller goes on.
    asio::io_context io;
    std::exception_ptr failure;
    {
        http::HttpClient client(io.get_executor(), settings_.http);
        BotApi api(client, settings_.api_url, settings_.token);
        asio::co_spawn(io, step(api), [&](std::exception_ptr error) { failure = error; });
        io.run();
    }
    if (failure) std::rethrow_exception(failure);
}

asio::awaitable<void> TelegramChannel::check_token(BotApi& api) {
    auto executor = co_await asio::this_coro::executor;
    const auto get_me = telegram::get_me();
    ApiResult me;
    for (int attempt = 1;; ++attempt) {
        me = co_await api.call(get_me, std::chrono::seconds{15});
        if (me.outcome == ApiOutcome::ok) break;
        // Telegram answers 401 for a revoked token and 404 for one that is not a token at all.
        if (me.outcome == ApiOutcome::unauthorized || me.error_code == 404)
            throw std::runtime_error("Telegram rejected the bot token (" +
                                     api.describe(get_me, me) + "); check TELEGRAM_BOT_TOKEN");
        if (me.outcome == ApiOutcome::permanent || attempt >= settings_.start_up_attempts)
            throw std::runtime_error("cannot reach the Telegram Bot API at " +
                                     redact_token(settings_.api_url, settings_.token) + " (" +
                                     api.describe(get_me, me) + ")");
        spdlog::warn("event=telegram_get_me_retry attempt={} error=\"{}\"", attempt,
                     api.describe(get_me, me));
        asio::steady_timer pause(executor, std::chrono::seconds{attempt});
        co_await pause.async_wait(asio::use_awaitable);
    }
    bot_username_ = telegram::bot_username(me).value_or("");
    spdlog::info("event=telegram_ready username={} mode={}", bot_username_, settings_.mode);

    const auto commands = set_my_commands();
    if (auto result = co_await api.call(commands); result.outcome != ApiOutcome::ok)
        spdlog::warn("event=telegram_set_commands_failed error=\"{}\"",
                     api.describe(commands, result));
}

asio::awaitable<void> TelegramChannel::register_delivery(BotApi& api) {
    if (settings_.mode == "webhook") {
        WebhookSettings webhook;
        webhook.url = settings_.webhook_url;
        webhook.secret_token = settings_.webhook_secret;
        const auto call = set_webhook(webhook);
        const auto result = co_await api.call(call);
        if (result.outcome != ApiOutcome::ok)
            throw std::runtime_error("Telegram: could not register the webhook " +
                                     settings_.webhook_url + " (" + api.describe(call, result) +
                                     ")");
        spdlog::info("event=telegram_webhook_set url={}", settings_.webhook_url);
    } else {
        // Polling and a webhook exclude each other (409): drop any webhook left registered.
        const auto call = delete_webhook();
        if (auto result = co_await api.call(call); result.outcome != ApiOutcome::ok)
            spdlog::warn("event=telegram_delete_webhook_failed error=\"{}\"",
                         api.describe(call, result));
    }
}

// ---- running ----

void TelegramChannel::start() {
    if (started_.exchange(true)) return;
    if (settings_.mode != "polling") return;
    asio::co_spawn(strand_, poll_loop(), [](std::exception_ptr error) {
        if (!error) return;
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& failure) {
            spdlog::error("event=telegram_polling_stopped error=\"{}\"", failure.what());
        }
    });
}

void TelegramChannel::stop() {
    if (stopping_.exchange(true)) return;
    asio::post(strand_, [this] {
        poll_timer_.cancel();
        http_.stop();
    });
}

asio::awaitable<void> TelegramChannel::poll_loop() {
    std::int64_t offset = 0;
    int failures = 0;
    auto wait = [this](std::chrono::milliseconds delay) -> asio::awaitable<void> {
        poll_timer_.expires_after(delay);
        boost::system::error_code ignored;
        co_await poll_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    };
    spdlog::info("event=telegram_polling_started timeout_s={}", settings_.poll_timeout.count());

    while (!stopping_) {
        const auto began = std::chrono::steady_clock::now();
        const auto call = get_updates(offset, settings_.poll_timeout);
        const auto result = co_await api_.call(call);
        if (stopping_) break;

        if (result.outcome == ApiOutcome::ok) {
            auto parsed = parse_get_updates_result(result.result, offset, parse_options());
            if (auto* error = std::get_if<ParseError>(&parsed)) {
                ++poll_failures_;
                spdlog::warn("event=telegram_poll_unreadable error=\"{}\"", error->reason);
                co_await wait(std::chrono::seconds{1});
                continue;
            }
            auto& batch = std::get<PollBatch>(parsed);
            for (const auto& bad : batch.malformed)
                spdlog::warn("event=telegram_update_malformed reason=\"{}\"", bad.reason);
            std::vector<intents::IncomingMessage> messages;
            for (auto& update : batch.updates) {
                if (update.kind == ParsedUpdate::Kind::message)
                    messages.push_back(std::move(update.message));
                else
                    ++updates_ignored_;
            }
            adapters::AcceptResult accepted;
            if (!messages.empty()) {
                bool recorded = false;
                try {
                    // Recorded durably before the offset moves: the next getUpdates confirms them.
                    accepted = co_await inbox_.accept(std::move(messages));
                    recorded = true;
                } catch (const std::exception& failure) {
                    ++poll_failures_;
                    spdlog::error("event=telegram_record_failed error=\"{}\"", failure.what());
                }
                if (!recorded) {
                    // Same offset next time: Telegram hands the updates out again.
                    co_await wait(std::chrono::seconds{1});
                    continue;
                }
                updates_recorded_ += accepted.recorded;
                updates_duplicate_ += accepted.duplicates;
            }
            offset = batch.next_offset;
            failures = 0;
            if (accepted.recorded == 0 &&
                std::chrono::steady_clock::now() - began < std::chrono::seconds{1})
                co_await wait(settings_.idle_poll_gap);
            continue;
        }

        ++poll_failures_;
        ++failures;
        std::chrono::milliseconds delay = std::min<std::chrono::milliseconds>(
            std::chrono::seconds{30}, std::chrono::seconds{1} * (1 << std::min(failures, 5)));
        if (result.outcome == ApiOutcome::retry_after)
            delay = std::max<std::chrono::milliseconds>(delay, result.retry_after);
        if (result.outcome == ApiOutcome::unauthorized) {
            delay = std::chrono::seconds{60};
            spdlog::error("event=telegram_poll_unauthorized error=\"{}\"",
                          api_.describe(call, result));
        } else {
            spdlog::warn("event=telegram_poll_failed delay_ms={} error=\"{}\"", delay.count(),
                         api_.describe(call, result));
        }
        co_await wait(delay);
    }
    spdlog::info("event=telegram_polling_stopped");
}

// ---- webhook ----

std::vector<adapters::Route> TelegramChannel::routes() {
    // An update is one message (at most 4,096 characters, 1,024 for a caption) with its
    // entities and perhaps the message it replies to: tens of kilobytes even escaped. A quarter
    // of a mebibyte leaves room and keeps a flood of large bodies cheap to refuse.
    constexpr std::size_t kMaxUpdateBytes = 256 * 1024;
    adapters::Route webhook{
        "POST", "/telegram/webhook",
        [this](const http::HttpRequest& request) { return handle_webhook(request); },
        std::min(kMaxUpdateBytes, settings_.max_body_bytes)};
    // The secret is in a header: a delivery without it is refused before its body is read.
    webhook.check_headers = [this](const http::HttpRequest& head) {
        auto refusal = reject_unverified_webhook(head, settings_.webhook_secret);
        if (refusal) ++webhook_rejected_;
        return refusal;
    };
    return {std::move(webhook)};
}

asio::awaitable<http::HttpResponse> TelegramChannel::handle_webhook(
    const http::HttpRequest& request) {
    if (request.body.size() > settings_.max_body_bytes) {
        ++webhook_rejected_;
        co_return http::HttpResponse::text(413, "update too large\n");
    }
    auto intake = accept_webhook(request, settings_.webhook_secret, parse_options());
    if (auto* response = std::get_if<http::HttpResponse>(&intake)) {
        ++webhook_rejected_;
        co_return std::move(*response);
    }
    auto& update = std::get<ParsedUpdate>(intake);
    if (update.kind == ParsedUpdate::Kind::ignored) {
        ++updates_ignored_;
        co_return acknowledge_update();
    }
    std::vector<intents::IncomingMessage> messages;
    messages.push_back(std::move(update.message));
    try {
        const auto accepted = co_await inbox_.accept(std::move(messages));
        updates_recorded_ += accepted.recorded;
        updates_duplicate_ += accepted.duplicates;
    } catch (const std::exception& failure) {
        spdlog::error("event=telegram_record_failed update_id={} error=\"{}\"", update.update_id,
                      failure.what());
        co_return http::HttpResponse::text(503, "not recorded; please retry\n");
    }
    co_return acknowledge_update();
}

// ---- metrics ----

TelegramCounters TelegramChannel::counters() const {
    return {updates_recorded_.load(), updates_duplicate_.load(), updates_ignored_.load(),
            webhook_rejected_.load(), poll_failures_.load()};
}

void TelegramChannel::register_metrics(metrics::Registry& registry) const {
    const auto counter = [&](const std::string& name, const char* help,
                             const std::atomic<std::uint64_t>& value) {
        registry.counter_reading("rubdown_telegram_" + name + "_total", help, value);
    };
    counter("updates_recorded", "Telegram updates recorded in the inbox.", updates_recorded_);
    counter("updates_duplicate", "Telegram updates received again and not processed twice.",
            updates_duplicate_);
    counter("updates_ignored", "Telegram updates of kinds the bot does not handle.",
            updates_ignored_);
    counter("webhook_rejected", "Webhook deliveries refused (secret, size, unreadable).",
            webhook_rejected_);
    counter("poll_failures", "getUpdates calls that failed.", poll_failures_);
}

}  // namespace rubdown::telegram
