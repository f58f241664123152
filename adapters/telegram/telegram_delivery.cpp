#include "adapters/telegram/telegram_delivery.hpp"

#include <algorithm>
#include <utility>

#include <spdlog/spdlog.h>

#include "adapters/telegram/bot_api_transport.hpp"
#include "adapters/telegram/outbox_plan.hpp"
#include "adapters/telegram/reply_context.hpp"

namespace rubdown::telegram {

namespace asio = boost::asio;

adapters::DeliveryResult to_delivery_result(const ApiResult& result, std::string error) {
    adapters::DeliveryResult delivery;
    delivery.error = std::move(error);
    switch (result.outcome) {
        case ApiOutcome::ok:
            delivery.kind = adapters::DeliveryResult::Kind::sent;
            delivery.error.clear();
            break;
        case ApiOutcome::retry_after:
            delivery.kind = adapters::DeliveryResult::Kind::retry;
            delivery.retry_after =
                result.retry_after.count() > 0 ? result.retry_after : default_retry_after;
            break;
        case ApiOutcome::transient:
            delivery.kind = adapters::DeliveryResult::Kind::retry;
            break;
        case ApiOutcome::blocked:
            delivery.kind = adapters::DeliveryResult::Kind::blocked_user;
            break;
        case ApiOutcome::permanent:
            delivery.kind = adapters::DeliveryResult::Kind::failed;
            if (result.migrate_to_chat_id) {
                delivery.kind = adapters::DeliveryResult::Kind::chat_moved;
                delivery.moved_to = std::to_string(*result.migrate_to_chat_id);
            }
            break;
        case ApiOutcome::unauthorized:
            // Nothing will go out until the operator fixes the token: keep the row, pause all.
            delivery.kind = adapters::DeliveryResult::Kind::retry;
            delivery.channel_problem = true;
            break;
    }
    return delivery;
}

namespace {

/// Groups, supergroups and channels have negative ids; a private chat's id is the user's.
bool is_shared_chat(const storage::OutboxMessage& message) {
    return (!message.chat_id.empty() && message.chat_id.front() == '-') ||
           reply_context_from_json(message.reply_context).is_group();
}

}  // namespace

adapters::PreparedRow TelegramDelivery::prepare(const storage::OutboxMessage& message) const {
    // The plan reads edit_original from the reply context; the outbox keeps it in its own column.
    auto marked = message;
    if (marked.edit_original) marked.reply_context = with_edit_original(marked.reply_context);
    auto plan = plan_outbox_message(marked);
    const adapters::PacingCharge charge{std::max<std::size_t>(1, chat_message_count(plan)),
                                        is_shared_chat(message)};
    return {message.chat_id, charge, std::move(plan)};
}

BotApi::BotApi(http::HttpTransport& transport, std::string api_url, std::string token)
    : transport_(transport), api_url_(std::move(api_url)), token_(std::move(token)) {}

asio::awaitable<ApiResult> BotApi::call(const ApiCall& call, std::chrono::milliseconds timeout) {
    auto request = to_client_request(call, api_url_, token_, timeout);
    try {
        const auto response = co_await transport_.request(std::move(request));
        co_return to_api_result(response);
    } catch (const http::HttpClientError& failure) {
        co_return to_api_result(failure.errc(), redact_token(failure.what(), token_));
    }
}

std::string BotApi::describe(const ApiCall& call, const ApiResult& result) const {
    std::string text = call.method + ": " + std::string(to_string(result.outcome));
    if (!result.description.empty()) text += ": " + result.description;
    if (result.error_code != 0) text += " (" + std::to_string(result.error_code) + ")";
    return redact_token(text, token_);
}

asio::awaitable<adapters::DeliveryResult> TelegramDelivery::deliver(
    storage::OutboxMessage message, const adapters::PreparedRow& prepared,
    const adapters::RecordCallsDone& record_calls_done) {
    const auto* plan = std::any_cast<OutboxPlan>(&prepared.plan);
    // A row this client did not prepare (an empty PreparedRow) is planned here.
    const auto own = plan ? adapters::PreparedRow{} : prepare(message);
    if (!plan) plan = std::any_cast<OutboxPlan>(&own.plan);
    for (const auto& warning : plan->warnings)
        spdlog::warn("event=telegram_plan_warning id={} warning=\"{}\"", message.id, warning);

    const auto first = static_cast<std::size_t>(std::max(0, message.calls_done));
    for (auto index = first; index < plan->calls.size(); ++index) {
        // Durable before the next call: a crash from here on repeats at most that call.
        if (index > first) co_await record_calls_done(static_cast<int>(index));
        const auto& planned = plan->calls[index];
        auto result = co_await api_.call(planned.call);
        if (result.outcome == ApiOutcome::ok) continue;

        auto error = api_.describe(planned.call, result);
        if (planned.best_effort && result.outcome != ApiOutcome::unauthorized) {
            // An old or already answered button press: the reply itself still goes out.
            spdlog::info("event=telegram_call_skipped id={} error=\"{}\"", message.id, error);
            continue;
        }
        // An edit that keeps failing with 5xx (a Bot API stand-in without editMessageText
        // answers 500 every time) would cost the runner the reply: after a few tries the text
        // goes out as a new message instead.
        const bool edit_keeps_failing = result.outcome == ApiOutcome::transient &&
                                        message.attempts >= edit_attempts_before_fallback;
        if (planned.fallback && (result.outcome == ApiOutcome::permanent || edit_keeps_failing)) {
            spdlog::info("event=telegram_edit_fallback id={} error=\"{}\"", message.id, error);
            result = co_await api_.call(*planned.fallback);
            if (result.outcome == ApiOutcome::ok) continue;
            error = api_.describe(*planned.fallback, result);
        }
        auto delivery = to_delivery_result(result, error);
        if (delivery.kind == adapters::DeliveryResult::Kind::blocked_user &&
            is_shared_chat(message))
            delivery.kind = adapters::DeliveryResult::Kind::chat_unavailable;
        // A retried row, and a moved chat, get the rest of the row from the call that failed:
        // the calls before it are recorded.
        co_return delivery;
    }
    co_return adapters::DeliveryResult{};
}

std::string TelegramDelivery::private_chat(const storage::User& user) const {
    constexpr std::string_view prefix = "telegram:";
    if (!user.key.starts_with(prefix)) return {};
    return user.key.substr(prefix.size());
}

}  // namespace rubdown::telegram
