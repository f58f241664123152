#pragma once
/// Endpoints for operators and tests: /healthz, /metrics and the simulated-clock /admin/clock.

#include <functional>
#include <string>

#include "adapters/metrics/metrics_registry.hpp"
#include "bot/http/http_server.hpp"
#include "bot/http/router.hpp"
#include "intents/clock.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

struct OperatorDeps {
    storage::Store& store;
    const HttpServer& server;
    const intents::Clock& clock;
    /// Everything /metrics shows; add_operator_routes registers the server's and the store's
    /// figures in it. Must outlive the router's use.
    metrics::Registry& metrics;
    /// Set only when the clock is simulated; moves it.
    intents::SimulatedClock* simulated_clock = nullptr;
    std::string admin_token;
    /// Does whatever became due after the clock moved (nudges, retention); completes when done.
    std::function<boost::asio::awaitable<void>()> fire_due;
};

void add_operator_routes(Router& router, OperatorDeps deps);

/// Constant-time check of "Authorization: Bearer <token>" against the configured token.
bool bearer_token_matches(std::string_view authorization, const std::string& token);

}  // namespace rubdown::bot
