#include "storage/sqlite/sqlite_reports.hpp"

#include <map>

#include "storage/sqlite/sqlite_rows.hpp"

namespace rubdown::storage {

namespace {

std::int64_t single_count(SQLite::Statement& query) {
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

/// "SELECT <user columns>, last_seen_at, runs, km FROM users ..." with the runner's totals.
std::string runner_select(const char* rest) {
    return std::string("SELECT ") + kUserColumns +
           ", last_seen_at, (SELECT count(*) FROM runs WHERE runs.user_id = users.id), "
           "(SELECT coalesce(sum(distance_km), 0) FROM runs WHERE runs.user_id = users.id) "
           "FROM users " +
           rest;
}

RunnerSummary read_runner(SQLite::Statement& row) {
    RunnerSummary runner;
    runner.user = read_user(row);
    runner.last_seen_at = row.getColumn(18).getInt64();
    runner.runs = row.getColumn(19).getInt64();
    runner.distance_km = row.getColumn(20).getDouble();
    return runner;
}

}  // namespace

NudgeFigures SqliteReports::nudges(UnixSeconds since, UnixSeconds now) {
    NudgeFigures figures;
    auto& planned = sql_.get(
        "SELECT state, kind = 'snoozed', count(*) FROM nudges WHERE created_at >= ? "
        "GROUP BY state, kind = 'snoozed'");
    planned.bind(1, static_cast<std::int64_t>(since));
    while (planned.executeStep()) {
        const auto state = planned.getColumn(0).getString();
        const auto count = planned.getColumn(2).getInt64();
        figures.planned += count;
        if (planned.getColumn(1).getInt() != 0) figures.snoozed += count;
        if (state == "cancelled") figures.cancelled += count;
        if (state == "expired") figures.expired += count;
    }
    auto& sent = sql_.get("SELECT count(*) FROM nudges WHERE state = 'sent' AND sent_at >= ?");
    sent.bind(1, static_cast<std::int64_t>(since));
    figures.sent = single_count(sent);
    auto& pending = sql_.get("SELECT count(*) FROM nudges WHERE state IN ('pending', 'claimed')");
    figures.pending = single_count(pending);
    auto& booked = sql_.get("SELECT count(*) FROM bookings WHERE recorded_at >= ?");
    booked.bind(1, static_cast<std::int64_t>(since));
    figures.booked = single_count(booked);
    auto& stopped = sql_.get("SELECT count(*) FROM users WHERE nudges_stopped = 1");
    figures.stopped = single_count(stopped);
    auto& paused =
        sql_.get("SELECT count(*) FROM users WHERE nudges_stopped = 0 AND nudges_paused_until > ?");
    paused.bind(1, static_cast<std::int64_t>(now));
    figures.paused = single_count(paused);
    return figures;
}

std::vector<OutboxFigures> SqliteReports::outbox() {
    auto& query = sql_.get(
        "SELECT channel, status, attempts > 0, count(*) FROM outbox "
        "GROUP BY channel, status, attempts > 0 ORDER BY channel");
    std::map<std::string, OutboxFigures> by_channel;
    while (query.executeStep()) {
        const auto channel = query.getColumn(0).getString();
        const auto status = query.getColumn(1).getString();
        const bool tried = query.getColumn(2).getInt() != 0;
        const auto count = query.getColumn(3).getInt64();
        auto& figures = by_channel[channel];
        figures.channel = channel;
        if (status == "pending") (tried ? figures.retrying : figures.queued) += count;
        if (status == "sending") figures.sending += count;
        if (status == "failed") figures.failed += count;
        if (status == "sent") figures.sent += count;
    }
    std::vector<OutboxFigures> figures;
    for (auto& [channel, one] : by_channel) figures.push_back(std::move(one));
    return figures;
}

std::vector<std::pair<std::string, double>> SqliteReports::distance_by_day(
    std::int64_t user_id, const std::string& first_date) {
    auto& query = sql_.get(
        "SELECT date, sum(distance_km) FROM runs WHERE date >= ? AND (? = 0 OR user_id = ?) "
        "AND distance_km IS NOT NULL GROUP BY date ORDER BY date");
    query.bind(1, first_date);
    query.bind(2, user_id);
    query.bind(3, user_id);
    std::vector<std::pair<std::string, double>> days;
    while (query.executeStep())
        days.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getDouble());
    return days;
}

std::vector<RunnerSummary> SqliteReports::runners(std::size_t limit, std::size_t offset) {
    auto& query = sql_.get(runner_select("ORDER BY last_seen_at DESC, id DESC LIMIT ? OFFSET ?"));
    query.bind(1, static_cast<std::int64_t>(limit));
    query.bind(2, static_cast<std::int64_t>(offset));
    std::vector<RunnerSummary> runners;
    while (query.executeStep()) runners.push_back(read_runner(query));
    return runners;
}

std::optional<RunnerSummary> SqliteReports::runner(std::int64_t user_id) {
    auto& query = sql_.get(runner_select("WHERE id = ?"));
    query.bind(1, user_id);
    if (!query.executeStep()) return std::nullopt;
    return read_runner(query);
}

std::int64_t SqliteReports::runner_count() {
    auto& query = sql_.get("SELECT count(*) FROM users");
    return single_count(query);
}

}  // namespace rubdown::storage
