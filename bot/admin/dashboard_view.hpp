#pragma once
/// The operator's pages as HTML, rendered on the server from figures read out of the database:
/// the dashboard (runners, messages, what they ask, nudges, outbox, the club's mileage), one
/// runner's page (their log, races, reminders, and the control to pause them), and the login.
/// Pure: data in, HTML out, every value escaped.

#include <string>
#include <utility>
#include <vector>

#include "intents/charts/period_totals.hpp"
#include "storage/records.hpp"

namespace rubdown::bot {

struct DashboardData {
    storage::UnixSeconds now = 0;
    std::vector<std::string> channels;  ///< the channels this server runs
    std::int64_t runners_total = 0;
    std::vector<std::pair<std::string, std::int64_t>> active_week;   ///< by channel, 7 days
    std::vector<std::pair<std::string, std::int64_t>> active_month;  ///< by channel, 30 days
    std::vector<storage::ActivityCount> activity;                    ///< the last 30 days
    std::vector<storage::NotUnderstood> not_understood;              ///< the latest
    storage::NudgeFigures nudges;                                    ///< the last 30 days
    std::vector<storage::OutboxFigures> outbox;
    std::vector<intents::charts::PeriodTotal> club_weeks;          ///< km, the last 12 weeks
    std::vector<intents::charts::PeriodTotal> club_months;         ///< km, the last 12 months
    std::vector<storage::RunnerSummary> runners;  ///< the most recently seen first
};

struct RunnerPageData {
    storage::UnixSeconds now = 0;
    storage::RunnerSummary runner;
    std::vector<storage::Run> runs;    ///< the latest, newest first
    std::vector<storage::Race> races;  ///< upcoming
    std::vector<storage::Nudge> pending_nudges;
    std::vector<intents::charts::PeriodTotal> weeks;  ///< in the runner's unit
    std::string unit;                ///< "km" or "mi"
    std::string notice;              ///< said once at the top ("Reminders paused for 7 days")
};

std::string dashboard_page(const DashboardData& data);
std::string runner_page(const RunnerPageData& data);
/// The login form; `error` is shown above it when not empty.
std::string login_page(const std::string& error);
/// What /admin/ says when the server has no RUBDOWN_ADMIN_TOKEN.
std::string no_token_page();

/// "2026-12-07 21:40 UTC"; "never" for 0.
std::string format_instant(storage::UnixSeconds at);

}  // namespace rubdown::bot
