#pragma once
/// The operator's pages on the server: the dashboard at /admin/, one runner's page, the login
/// that gives a browser its session, and the form that pauses a runner's reminders. Read from the
/// database in background store jobs (processing comes first); rendered by dashboard_view.

#include <string>
#include <vector>

#include "bot/http/router.hpp"
#include "intents/clock.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

struct DashboardDeps {
    storage::Store& store;
    const intents::Clock& clock;
    std::string admin_token;            ///< RUBDOWN_ADMIN_TOKEN; empty: no dashboard
    std::vector<std::string> channels;  ///< the channels this server runs
};

/// GET /admin (to /admin/), GET /admin/, GET /admin/app.css, GET and POST /admin/login,
/// POST /admin/logout, GET /admin/runner?id=N, POST /admin/runner/pause.
void add_dashboard_routes(Router& router, DashboardDeps deps);

}  // namespace rubdown::bot
