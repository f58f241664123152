#include "adapters/slack/slack_client.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

#include "adapters/http/client_url.hpp"
#include "adapters/http/form_fields.hpp"
#include "adapters/slack/slack_reply_context.hpp"

namespace rubdown::slack {

namespace asio = boost::asio;

namespace {

std::string_view target_name(const ApiCall& call) {
    return call.target == ApiCall::Target::response_url ? std::string_view("response_url")
                                                        : std::string_view(call.method);
}

using nlohmann::json;

}  // namespace

adapters::DeliveryResult to_delivery_result(const SendOutcome& outcome) {
    adapters::DeliveryResult result;
    result.error = outcome.error;
    switch (outcome.verdict) {
        case SendOutcome::Verdict::sent:
            result.kind = adapters::DeliveryResult::Kind::sent;
            result.error.clear();
            break;
        case SendOutcome::Verdict::retry:
            result.kind = adapters::DeliveryResult::Kind::retry;
            result.retry_after = std::chrono::seconds{outcome.retry_after_seconds};
            result.channel_problem = outcome.configuration_problem;
            break;
        case SendOutcome::Verdict::give_up:
            // A refused token fails every row alike: keep them until the operator fixes it.
            if (outcome.configuration_problem) {
                result.kind = adapters::DeliveryResult::Kind::retry;
                result.channel_problem = true;
            } else {
                result.kind = adapters::DeliveryResult::Kind::failed;
            }
            break;
    }
    return result;
}

SlackClient::SlackClient(asio::any_io_executor executor, SlackClientSettings settings)
    : settings_(std::move(settings)),
      strand_(asio::make_strand(std::move(executor))),
      http_(std::make_shared<http::HttpClient>(strand_, settings_.http)) {}

SlackClient::~SlackClient() = default;

adapters::PreparedRow SlackClient::prepare(const storage::OutboxMessage& message) const {
    // The dispatcher keeps edit_original as a column; the plan reads it from the context.
    auto marked = message;
    if (marked.edit_original) marked.reply_context = with_edit_original(marked.reply_context);
    auto plan = plan_delivery(marked, settings_.delivery);
    // No context: a nudge or a plain answer goes to chat_id (the runner's DM).
    auto key = message.chat_id;
    if ((message.edit_original || !message.reply_context.empty()) && !plan.empty() &&
        !plan.front().call.pacing_key.empty())
        key = plan.front().call.pacing_key;
    return {std::move(key), {}, std::move(plan)};
}

asio::awaitable<adapters::DeliveryResult> SlackClient::deliver(
    storage::OutboxMessage message, const adapters::PreparedRow& prepared,
    const adapters::RecordCallsDone& record_calls_done) {
    // The HTTP client lives on strand_; the caller resumes on its own executor afterwards (and
    // keeps `prepared` and `record_calls_done` alive until then).
    co_return co_await asio::co_spawn(
        strand_, deliver_on_strand(std::move(message), prepared, record_calls_done),
        asio::use_awaitable);
}

asio::awaitable<adapters::DeliveryResult> SlackClient::deliver_on_strand(
    storage::OutboxMessage message, const adapters::PreparedRow& prepared,
    const adapters::RecordCallsDone& record_calls_done) {
    const auto* planned = std::any_cast<std::vector<PlannedCall>>(&prepared.plan);
    // A row this client did not prepare (an empty PreparedRow) is planned here.
    const auto own = planned ? adapters::PreparedRow{} : prepare(message);
    if (!planned) planned = std::any_cast<std::vector<PlannedCall>>(&own.plan);
    const auto& plan = *planned;
    if (plan.empty()) {
        ++failed_;
        co_return adapters::DeliveryResult{adapters::DeliveryResult::Kind::failed,
                                           std::chrono::seconds{0}, false, "nothing to send"};
    }

    const auto first = static_cast<std::size_t>(std::max(0, message.calls_done));
    for (auto part = first; part < plan.size(); ++part) {
        // Durable before the next part: a crash from here on repeats at most that part.
        if (part > first) co_await record_calls_done(static_cast<int>(part));
        const auto& step = plan[part];
        auto outcome = co_await call(step.call);
        if (step.fallback && should_fall_back(outcome)) {
            spdlog::info("event=slack_fallback outbox_id={} call={} error=\"{}\" fallback={}",
                         message.id, target_name(step.call), outcome.error,
                         target_name(*step.fallback));
            ++fallbacks_;
            outcome = co_await call(*step.fallback);
        }
        if (outcome.verdict == SendOutcome::Verdict::sent) continue;

        auto result = to_delivery_result(outcome);
        if (outcome.rate_limited) ++rate_limited_;
        if (result.kind == adapters::DeliveryResult::Kind::retry)
            ++retried_;
        else
            ++failed_;
        if (result.channel_problem)
            spdlog::error(
                "event=slack_configuration_problem outbox_id={} error=\"{}\" hint=\"check "
                "SLACK_BOT_TOKEN, its scopes and SLACK_API_URL\"",
                message.id, result.error);
        else
            spdlog::warn("event=slack_delivery outbox_id={} part={}/{} result={} error=\"{}\"",
                         message.id, part + 1, plan.size(),
                         result.kind == adapters::DeliveryResult::Kind::retry ? "retry" : "failed",
                         result.error);
        co_return result;
    }
    ++sent_;
    co_return adapters::DeliveryResult{};
}

http::ClientRequest SlackClient::web_api_request(const std::string& method,
                                                 std::string json_body) const {
    http::ClientRequest request;
    request.method = "POST";
    request.url = method_url(settings_.api_url, method);
    request.headers.emplace_back("Authorization", "Bearer " + settings_.bot_token);
    request.body = std::move(json_body);
    request.content_type = "application/json; charset=utf-8";
    request.timeout = settings_.request_timeout;
    return request;
}

asio::awaitable<SendOutcome> SlackClient::call(const ApiCall& api_call) {
    if (api_call.target == ApiCall::Target::file_upload) co_return co_await upload_file(api_call);
    http::ClientRequest request;
    if (api_call.target == ApiCall::Target::web_api) {
        request = web_api_request(api_call.method, api_call.body);
    } else {
        // A response_url carries its own credential: no token goes with it.
        request.method = "POST";
        request.url = api_call.url;
        request.body = api_call.body;
        request.content_type = "application/json; charset=utf-8";
        request.timeout = settings_.request_timeout;
    }
    request.idempotent = api_call.method == "auth.test";
    co_return co_await send(std::move(request), api_call.target);
}

asio::awaitable<SendOutcome> SlackClient::upload_file(const ApiCall& api_call) {
    const auto file = json::parse(api_call.body, nullptr, /*allow_exceptions=*/false);
    const auto field = [&](const char* name) {
        return file.is_object() && file.contains(name) && file[name].is_string()
                   ? file[name].get<std::string>()
                   : std::string{};
    };
    // 1. Where to put the bytes. This method takes a form, not JSON.
    auto ask = web_api_request("files.getUploadURLExternal", {});
    ask.content_type = "application/x-www-form-urlencoded";
    ask.body = http::encode_form({{"filename", field("filename")},
                                  {"length", std::to_string(api_call.file_bytes.size())},
                                  {"alt_txt", field("alt_txt")}});
    std::string answer;
    auto outcome = co_await send(std::move(ask), ApiCall::Target::web_api, &answer);
    if (outcome.configuration_problem && outcome.error == "missing_scope") {
        // An app installed before charts lacks files:write: the chart is described in words
        // (the plan's fallback) and every other reply goes on, rather than the channel pausing.
        spdlog::warn(
            "event=slack_file_refused error=missing_scope hint=\"add the files:write scope to the "
            "Slack app and reinstall it to send charts\"");
        outcome.configuration_problem = false;
        outcome.verdict = SendOutcome::Verdict::give_up;
    }
    if (outcome.verdict != SendOutcome::Verdict::sent) co_return outcome;
    const auto where = json::parse(answer, nullptr, /*allow_exceptions=*/false);
    const auto upload_url = where.is_object() ? where.value("upload_url", std::string{}) : "";
    const auto file_id = where.is_object() ? where.value("file_id", std::string{}) : "";
    const auto& prefix = settings_.delivery.upload_url_prefix;
    if (upload_url.empty() || file_id.empty() || prefix.empty() ||
        !upload_url.starts_with(prefix)) {
        // Never post a runner's data to a place Slack's own answer did not name.
        SendOutcome refused;
        refused.verdict = SendOutcome::Verdict::give_up;
        refused.error = "upload_url missing or untrusted";
        co_return refused;
    }
    // 2. The bytes, without the token (the URL is the credential).
    http::ClientRequest put;
    put.method = "POST";
    put.url = upload_url;
    put.body = api_call.file_bytes;
    put.content_type = "application/octet-stream";
    put.timeout = settings_.request_timeout;
    outcome = co_await send(std::move(put), ApiCall::Target::response_url);
    if (outcome.verdict != SendOutcome::Verdict::sent) co_return outcome;
    // 3. Shared where the reply goes: only now does it show.
    json complete{{"files", json::array({{{"id", file_id}, {"title", field("title")}}})},
                  {"channel_id", field("channel_id")}};
    if (const auto thread = field("thread_ts"); !thread.empty()) complete["thread_ts"] = thread;
    co_return co_await send(web_api_request("files.completeUploadExternal", complete.dump()),
                            ApiCall::Target::web_api);
}

asio::awaitable<SendOutcome> SlackClient::send(http::ClientRequest request, ApiCall::Target target,
                                               std::string* answer) {
    const bool web_api = target == ApiCall::Target::web_api;
    ++calls_;
    try {
        const auto response = co_await http_->request(std::move(request));
        if (answer) *answer = response.body;
        co_return classify_response(target, response.status, response.header("Retry-After"),
                                    response.body);
    } catch (const http::HttpClientError& failure) {
        // The error's text is its category message only: a response_url is itself a secret.
        auto outcome = classify_transport_failure(failure.code().message());
        const auto errc = failure.errc();
        if (!http::is_transient(errc) && errc != http::ClientErrc::stopped) {
            // No answer will ever come: a bad SLACK_API_URL or TLS setup is the operator's to fix;
            // a bad response_url falls back to a new message.
            if (web_api)
                outcome.configuration_problem = true;
            else
                outcome.verdict = SendOutcome::Verdict::give_up;
        }
        co_return outcome;
    }
}

asio::awaitable<BotIdentity> SlackClient::authenticate() {
    co_return co_await asio::co_spawn(strand_, authenticate_on_strand(), asio::use_awaitable);
}

asio::awaitable<BotIdentity> SlackClient::authenticate_on_strand() {
    const auto api_call = auth_test_call();
    auto request = web_api_request(api_call.method, api_call.body);
    request.idempotent = true;

    const auto where = http::redact_url(request.url);
    ++calls_;
    http::ClientResponse response;
    try {
        response = co_await http_->request(std::move(request));
    } catch (const http::HttpClientError& failure) {
        throw SlackStartupError(
            "Slack: auth.test at " + where + " got no answer: " + failure.code().message(),
            http::is_transient(failure.errc()));
    }
    if (auto identity = parse_auth_test(response.body)) co_return *identity;
    if (response.status == 429 || response.status >= 500)
        throw SlackStartupError("Slack: auth.test at " + where + " answered HTTP " +
                                    std::to_string(response.status) + "; Slack may be unavailable",
                                true);

    const auto answer = nlohmann::json::parse(response.body, nullptr, false);
    std::string error = "HTTP " + std::to_string(response.status);
    if (answer.is_object() && answer.contains("error") && answer["error"].is_string())
        error = answer["error"].get<std::string>();
    throw SlackStartupError("Slack: auth.test at " + where + " refused SLACK_BOT_TOKEN (" + error +
                                "); check the bot token and SLACK_API_URL",
                            false);
}

void SlackClient::stop() {
    // The HTTP client is used only on its strand; the copy keeps it alive until the stop runs.
    asio::post(strand_, [http = http_] { http->stop(); });
}

SlackClientStats SlackClient::stats() const {
    return SlackClientStats{calls_.load(),  sent_.load(),         retried_.load(),
                            failed_.load(), rate_limited_.load(), fallbacks_.load()};
}

}  // namespace rubdown::slack
