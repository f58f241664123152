#include "bot/http/operator_routes.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <openssl/crypto.h>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>

#include "adapters/http/client_address.hpp"
#include "bot/cli/config.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;
using http::HttpRequest;
using http::HttpResponse;

bool bearer_token_matches(std::string_view authorization, const std::string& token) {
    constexpr std::string_view kPrefix = "Bearer ";
    if (token.empty() || authorization.substr(0, kPrefix.size()) != kPrefix) return false;
    const auto given = authorization.substr(kPrefix.size());
    if (given.size() != token.size()) return false;
    return CRYPTO_memcmp(given.data(), token.data(), token.size()) == 0;
}

namespace {

/// The server's and the store's own counters, read at each scrape.
void register_server_and_store(metrics::Registry& registry, const HttpServer& server,
                               storage::Store& store) {
    const auto reading = [](auto read) { return [read] { return static_cast<double>(read()); }; };
    registry.counter_reading("rubdown_http_requests_total", "HTTP requests answered.",
                             reading([&server] { return server.stats().requests; }));
    registry.gauge_reading("rubdown_http_open_connections", "HTTP connections open now.",
                           reading([&server] { return server.stats().open_connections; }));
    registry.gauge_reading("rubdown_http_waiting_connections",
                           "HTTP connections open now and waiting for a request.",
                           reading([&server] { return server.stats().waiting_connections; }));
    registry.counter_reading("rubdown_http_rejected_connections_total",
                             "Connections refused at the connection limit.",
                             reading([&server] { return server.stats().rejected_connections; }));
    registry.counter_reading("rubdown_http_evicted_waiting_connections_total",
                             "Connections waiting for a request, closed at the cap to make room.",
                             reading([&server] { return server.stats().evicted_waiting; }));
    registry.counter_reading("rubdown_http_bodies_refused_total",
                             "Requests refused (503) while other bodies held the memory budget.",
                             reading([&server] { return server.stats().bodies_refused; }));
    registry.counter_reading("rubdown_store_jobs_total", "Jobs run on the store thread.",
                             reading([&store] { return store.stats().jobs; }));
    registry.counter_reading("rubdown_store_transactions_total",
                             "Transactions committed (each holds one or more jobs).",
                             reading([&store] { return store.stats().transactions; }));
    registry.counter_reading("rubdown_store_failed_jobs_total", "Store jobs that failed.",
                             reading([&store] { return store.stats().failed_jobs; }));
}

}  // namespace

void add_operator_routes(Router& router, OperatorDeps deps) {
    auto shared = std::make_shared<OperatorDeps>(std::move(deps));

    router.add("GET", "/healthz", [shared](const HttpRequest&) -> asio::awaitable<HttpResponse> {
        // A trivial query through the store proves the store thread and the database answer.
        bool healthy = false;
        try {
            healthy = co_await shared->store.async_run(
                [](storage::Repositories& repos) {
                    repos.inbox.unprocessed(1);
                    return true;
                },
                asio::use_awaitable);
        } catch (const std::exception&) {
            healthy = false;
        }
        co_return healthy ? HttpResponse::text(200, "ok\n")
                          : HttpResponse::text(503, "database unavailable\n");
    });

    register_server_and_store(shared->metrics, shared->server, shared->store);
    router.add("GET", "/metrics", [shared](const HttpRequest&) -> asio::awaitable<HttpResponse> {
        // Recorded but not yet processed: processing runs behind the acknowledgements during a
        // burst, and this is how far. Counted on the inbox's partial index of such rows.
        std::vector<metrics::Sample> now;
        try {
            const auto unprocessed = co_await shared->store.async_run(
                [](storage::Repositories& repos) { return repos.inbox.count_unprocessed(); },
                asio::use_awaitable);
            now.push_back({"rubdown_inbox_unprocessed", "Messages recorded, not yet processed.",
                           prometheus::MetricType::Gauge, static_cast<double>(unprocessed)});
        } catch (const std::exception&) {
            // The store is failing (/healthz says so): the gauge is left out, not made up.
        }
        auto response = HttpResponse::text(200, shared->metrics.text(now));
        response.content_type = "text/plain; version=0.0.4";
        co_return response;
    });

    // Checked on the headers, before any body is read (Router::admit runs it for every request).
    const auto clock_access = [shared](const HttpRequest& request) -> std::optional<HttpResponse> {
        // Hidden entirely unless the clock is simulated: a real deployment has no such endpoint.
        if (!shared->simulated_clock) return HttpResponse::text(404, "not found\n");
        if (!http::is_loopback_address(request.remote_address))
            return HttpResponse::text(403, "loopback only\n");
        if (!bearer_token_matches(request.header("Authorization"), shared->admin_token))
            return HttpResponse::text(401, "bearer token required\n");
        return std::nullopt;
    };
    constexpr std::size_t kClockBodyBytes = 4096;  // {"set": "..."} or {"advance_seconds": N}
    router.add(
        "POST", "/admin/clock",
        [shared](const HttpRequest& request) -> asio::awaitable<HttpResponse> {
            const auto body = nlohmann::json::parse(request.body, nullptr, false);
            if (!body.is_object()) co_return HttpResponse::text(400, "expected a JSON object\n");
            if (auto advance = body.find("advance_seconds"); advance != body.end()) {
                // Ten years at a time at most: far beyond any test or demo, and far from the
                // overflow of the clock's representation a huge value would reach.
                constexpr std::int64_t kMaxAdvance = 10LL * 366 * 24 * 3600;
                if (!advance->is_number_integer() || advance->get<std::int64_t>() < 0 ||
                    advance->get<std::int64_t>() > kMaxAdvance)
                    co_return HttpResponse::text(
                        400, "advance_seconds must be a whole number from 0 to " +
                                 std::to_string(kMaxAdvance) + " (ten years)\n");
                shared->simulated_clock->advance(
                    std::chrono::seconds{advance->get<std::int64_t>()});
            } else if (auto set = body.find("set"); set != body.end()) {
                const auto instant =
                    set->is_string() ? parse_iso_instant(set->get<std::string>()) : std::nullopt;
                if (!instant) co_return HttpResponse::text(400, "set must be an ISO instant\n");
                shared->simulated_clock->set(*instant);
            } else {
                co_return HttpResponse::text(400, "expected advance_seconds or set\n");
            }
            if (shared->fire_due) co_await shared->fire_due();
            co_return HttpResponse::json(
                200, nlohmann::json{{"now", format_iso_instant(shared->clock.now())}}.dump());
        },
        kClockBodyBytes, clock_access);
}

}  // namespace rubdown::bot
