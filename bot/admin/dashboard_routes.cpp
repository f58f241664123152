#include "bot/admin/dashboard_routes.hpp"

#include <charconv>
#include <chrono>
#include <memory>
#include <optional>
#include <utility>

#include <openssl/crypto.h>
#include <spdlog/spdlog.h>
#include <boost/asio/use_awaitable.hpp>
#include <boost/url/parse.hpp>

#include "adapters/http/browser_page.hpp"
#include "adapters/http/client_address.hpp"
#include "adapters/http/form_fields.hpp"
#include "adapters/http/rate_limiter.hpp"
#include "adapters/http/same_origin.hpp"
#include "bot/admin/admin_session.hpp"
#include "bot/admin/dashboard_assets.hpp"
#include "bot/admin/dashboard_view.hpp"
#include "intents/charts/period_totals.hpp"
#include "intents/handlers/run_format.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;
using intents::charts::first_day_of_months;
using intents::charts::first_day_of_weeks;
using intents::charts::monthly_totals;
using intents::charts::weekly_totals;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr storage::UnixSeconds kDay = 24 * 3600;
/// The largest pause the form offers is 30 days; a script may ask for up to a year.
constexpr int kMaxPauseDays = 365;

struct Shared {
    explicit Shared(DashboardDeps deps) : deps(std::move(deps)) {}
    DashboardDeps deps;
    /// Login attempts per address: enough for typos, too few to guess a token.
    http::RateLimiter logins{10, 5};
};

storage::UnixSeconds unix_now(const intents::Clock& clock) {
    return clock.now().time_since_epoch().count();
}

date::sys_days today_of(storage::UnixSeconds now) {
    return std::chrono::floor<date::days>(date::sys_seconds{std::chrono::seconds{now}});
}

std::string iso_day(storage::UnixSeconds at) {
    return date::format("%F", today_of(at));
}

HttpResponse html(int status, std::string body) {
    HttpResponse response;
    response.status = status;
    response.content_type = "text/html; charset=utf-8";
    response.body = std::move(body);
    response.headers.emplace_back("Cache-Control", "no-store");
    // No script at all: the pages are rendered here.
    http::add_page_headers(response,
                           "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    return response;
}

HttpResponse redirect(const std::string& location) {
    HttpResponse response;
    response.status = 303;
    response.body = "see " + location + "\n";
    response.headers.emplace_back("Location", location);
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

bool over_https(const HttpRequest& request) {
    return http::header_name_equals(request.header("X-Forwarded-Proto"), "https");
}

std::optional<std::int64_t> positive_integer(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

std::optional<std::string> query_value(const std::string& target, std::string_view name) {
    const auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) return std::nullopt;
    const auto params = parsed->params();
    const auto found = params.find(name);
    if (found == params.end() || !(*found).has_value) return std::nullopt;
    return std::string((*found).value);
}

/// The request may see the operator's pages; a form it posts must also come from them (a
/// bearer token is a script's, which no other site can make a browser send).
bool allowed(const Shared& shared, const HttpRequest& request, bool posting) {
    if (!operator_authorized(request, shared.deps.admin_token, unix_now(shared.deps.clock)))
        return false;
    if (!posting || !request.header("Authorization").empty()) return true;
    return http::same_origin(request, true);
}

asio::awaitable<HttpResponse> dashboard(std::shared_ptr<Shared> shared) {
    const auto now = unix_now(shared->deps.clock);
    auto job = [now, channels = shared->deps.channels](storage::Repositories& repos) {
        DashboardData data;
        data.now = now;
        data.channels = channels;
        data.runners_total = repos.reports.runner_count();
        data.active_week = repos.activity.active_runners(now - 7 * kDay);
        data.active_month = repos.activity.active_runners(now - 30 * kDay);
        data.activity = repos.activity.since(iso_day(now - 29 * kDay));
        data.not_understood = repos.activity.not_understood(30);
        data.nudges = repos.reports.nudges(now - 30 * kDay, now);
        data.outbox = repos.reports.outbox();
        const auto today = today_of(now);
        const auto km = repos.reports.distance_by_day(0, first_day_of_months(today, 12));
        data.club_weeks = weekly_totals(km, today, 12, false);
        data.club_months = monthly_totals(km, today, 12, false);
        data.runners = repos.reports.runners(100, 0);
        return data;
    };
    const auto data = co_await shared->deps.store.async_run(std::move(job), asio::use_awaitable,
                                                            storage::Lane::background);
    co_return html(200, dashboard_page(data));
}

asio::awaitable<HttpResponse> runner(std::shared_ptr<Shared> shared, std::int64_t user_id,
                                     std::string notice) {
    const auto now = unix_now(shared->deps.clock);
    auto job = [now, user_id, notice = std::move(notice)](
                   storage::Repositories& repos) -> std::optional<RunnerPageData> {
        auto summary = repos.reports.runner(user_id);
        if (!summary) return std::nullopt;
        RunnerPageData data;
        data.now = now;
        data.runner = *summary;
        data.runs = repos.runs.list(user_id, 100);
        data.races = repos.races.upcoming(user_id, iso_day(now));
        data.pending_nudges = repos.nudges.pending_for_user(user_id);
        const bool miles =
            intents::handlers::units_of(summary->user) == intents::handlers::Units::mi;
        data.unit = miles ? "mi" : "km";
        const auto today = today_of(now);
        data.weeks =
            weekly_totals(repos.reports.distance_by_day(user_id, first_day_of_weeks(today, 12)),
                          today, 12, miles);
        data.notice = notice;
        return data;
    };
    const auto data = co_await shared->deps.store.async_run(std::move(job), asio::use_awaitable,
                                                            storage::Lane::background);
    if (!data) co_return html(404, "no such runner\n");
    co_return html(200, runner_page(*data));
}

}  // namespace

void add_dashboard_routes(Router& router, DashboardDeps deps) {
    auto shared = std::make_shared<Shared>(std::move(deps));

    router.add("GET", "/admin", [](const HttpRequest&) -> asio::awaitable<HttpResponse> {
        co_return redirect("/admin/");
    });

    router.add("GET", "/admin/app.css", [](const HttpRequest&) -> asio::awaitable<HttpResponse> {
        HttpResponse response;
        response.content_type = "text/css; charset=utf-8";
        response.body = std::string(admin_assets::dashboard_style());
        response.headers.emplace_back("Cache-Control", "no-cache");
        co_return response;
    });

    router.add("GET", "/admin/",
               [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
                   if (shared->deps.admin_token.empty()) co_return html(404, no_token_page());
                   if (!allowed(*shared, request, false)) co_return redirect("/admin/login");
                   co_return co_await dashboard(shared);
               });

    router.add("GET", "/admin/login",
               [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
                   if (shared->deps.admin_token.empty()) co_return html(404, no_token_page());
                   if (allowed(*shared, request, false)) co_return redirect("/admin/");
                   co_return html(200, login_page(""));
               });

    router.add(
        "POST", "/admin/login",
        [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
            const auto& token = shared->deps.admin_token;
            if (token.empty()) co_return html(404, no_token_page());
            if (!http::same_origin(request, false))
                co_return html(403, login_page("Log in from this server's own page."));
            const auto key = http::rate_key(request.remote_address);
            const auto now = std::chrono::steady_clock::now();
            if (!shared->logins.allow(key, now)) {
                auto slow = html(429, login_page("Too many attempts; wait a minute."));
                slow.headers.emplace_back(
                    "Retry-After", std::to_string(shared->logins.seconds_until_allowed(key, now)));
                co_return slow;
            }
            const auto form = http::FormFields::parse(request.body);
            const auto given = form ? form->get("token") : std::string_view{};
            const bool right = given.size() == token.size() &&
                               CRYPTO_memcmp(given.data(), token.data(), token.size()) == 0;
            if (!right) {
                spdlog::warn("event=admin_login_failed remote={}", request.remote_address);
                co_return html(401, login_page("That is not the admin token."));
            }
            const auto expires = unix_now(shared->deps.clock) + kAdminSessionSeconds;
            auto response = redirect("/admin/");
            response.headers.emplace_back("Set-Cookie",
                                          admin_cookie(admin_session_value(token, expires),
                                                       kAdminSessionSeconds, over_https(request)));
            spdlog::info("event=admin_login remote={}", request.remote_address);
            co_return response;
        },
        4096);

    router.add("POST", "/admin/logout",
               [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
                   if (!http::same_origin(request, true))
                       co_return html(403, "not from this site\n");
                   auto response = redirect("/admin/login");
                   response.headers.emplace_back("Set-Cookie",
                                                 admin_cookie("", 0, over_https(request)));
                   co_return response;
               });

    router.add("GET", "/admin/runner",
               [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
                   if (shared->deps.admin_token.empty()) co_return html(404, no_token_page());
                   if (!allowed(*shared, request, false)) co_return redirect("/admin/login");
                   const auto id = query_value(request.target, "id");
                   const auto user_id = id ? positive_integer(*id) : std::nullopt;
                   if (!user_id) co_return html(400, "give the runner's id: /admin/runner?id=N\n");
                   const auto done = query_value(request.target, "done").value_or("");
                   std::string notice;
                   if (done == "paused") notice = "Reminders paused.";
                   if (done == "resumed") notice = "Reminders resumed.";
                   co_return co_await runner(shared, *user_id, notice);
               });

    router.add(
        "POST", "/admin/runner/pause",
        [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
            if (shared->deps.admin_token.empty()) co_return html(404, no_token_page());
            if (!allowed(*shared, request, true)) co_return html(403, "not allowed\n");
            const auto form = http::FormFields::parse(request.body);
            const auto user_id = form ? positive_integer(form->get("id")) : std::nullopt;
            const auto days = form ? positive_integer(form->get("days")) : std::nullopt;
            if (!user_id || !days || *days > kMaxPauseDays)
                co_return html(400, "give id and days (0 to resume, at most 365)\n");
            const auto now = unix_now(shared->deps.clock);
            auto job = [user_id = *user_id, days = *days, now](storage::Repositories& repos) {
                auto user = repos.users.find_by_id(user_id);
                if (!user) return false;
                if (days == 0) {
                    user->nudges_stopped = false;
                    user->nudges_paused_until = 0;
                } else {
                    user->nudges_paused_until = now + days * kDay;
                }
                repos.users.update(*user);
                return true;
            };
            const bool found =
                co_await shared->deps.store.async_run(std::move(job), asio::use_awaitable);
            if (!found) co_return html(404, "no such runner\n");
            spdlog::info("event=admin_paused_reminders user_id={} days={}", *user_id, *days);
            co_return redirect("/admin/runner?id=" + std::to_string(*user_id) +
                               (*days == 0 ? "&done=resumed" : "&done=paused"));
        },
        4096);
}

}  // namespace rubdown::bot
