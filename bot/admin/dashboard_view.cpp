#include "bot/admin/dashboard_view.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>

#include <date/date.h>

#include "intents/charts/bar_chart.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/html_escape.hpp"

namespace rubdown::bot {

using intents::html_escape;

namespace {

using intents::charts::bar_chart_svg;
using intents::handlers::Units;

std::string page(const std::string& title, const std::string& body, bool signed_in) {
    std::string html =
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        html_escape(title) +
        " · Rubdown</title>\n"
        "<link rel=\"icon\" href=\"/chat/icon.svg\" type=\"image/svg+xml\">\n"
        "<link rel=\"stylesheet\" href=\"/admin/app.css\">\n</head>\n<body>\n"
        "<header class=\"top\"><a class=\"brand\" href=\"/admin/\">Rubdown</a>"
        "<span class=\"where\">operator</span>";
    if (signed_in)
        html +=
            "<form method=\"post\" action=\"/admin/logout\" class=\"logout\">"
            "<button type=\"submit\">Log out</button></form>";
    html += "</header>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    return html;
}

std::string count(std::int64_t value) {
    return std::to_string(value);
}

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return "–";
    char text[16];
    std::snprintf(text, sizeof text, "%.0f %%", 100.0 * static_cast<double>(part) / whole);
    return text;
}

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string tile(const std::string& label, const std::string& value, const std::string& note) {
    return "<div class=\"tile\"><div class=\"value\">" + html_escape(value) +
           "</div><div class=\"label\">" + html_escape(label) + "</div>" +
           (note.empty() ? "" : "<div class=\"note\">" + html_escape(note) + "</div>") + "</div>";
}

std::int64_t total_of(const std::vector<std::pair<std::string, std::int64_t>>& by_channel) {
    std::int64_t total = 0;
    for (const auto& [channel, value] : by_channel) total += value;
    return total;
}

std::string by_channel_note(const std::vector<std::pair<std::string, std::int64_t>>& by_channel) {
    std::string note;
    for (const auto& [channel, value] : by_channel) {
        if (!note.empty()) note += ", ";
        note += channel + " " + std::to_string(value);
    }
    return note;
}

/// How an activity label reads for the operator.
std::string label_of(const std::string& understood_as) {
    static const std::map<std::string, std::string> kLabels{
        {"log_run", "logging a run"},
        {"set_race", "a race"},
        {"run_stats", "their stats"},
        {"massage_question", "a massage question"},
        {"book_massage", "booking a massage"},
        {"reminders", "reminder settings"},
        {"settings", "settings (zone, units)"},
        {"correction", "correcting the log"},
        {"plan", "a plan or goal"},
        {"greeting", "a greeting"},
        {"help", "help"},
        {"small_talk", "small talk"},
        {"out_of_scope", "something else (out of scope)"},
        {"not_understood", "not understood"},
        {"button", "a button pressed"},
        {"red_flag", "a medical red flag"},
        {"edit", "an edited message"},
        {"follow_up", "an answer to the bot's question"},
        {"several", "several things at once"},
        {"undo", "/undo"},
        {"export", "/export"},
        {"forget", "/forget"},
        {"set_aside", "set aside (flooding)"},
    };
    const auto found = kLabels.find(understood_as);
    return found == kLabels.end() ? understood_as : found->second;
}

std::string runners_section(const DashboardData& data) {
    std::string html = "<section><h2>Runners</h2><div class=\"tiles\">";
    html += tile("runners", count(data.runners_total), "");
    html += tile("active this week", count(total_of(data.active_week)),
                 by_channel_note(data.active_week));
    html += tile("active this month", count(total_of(data.active_month)),
                 by_channel_note(data.active_month));
    html += "</div></section>\n";
    return html;
}

std::string messages_section(const DashboardData& data) {
    // Messages a day (all channels), the last 14 days with any, newest first.
    std::map<std::string, std::map<std::string, std::int64_t>, std::greater<>> by_day;
    std::map<std::string, std::int64_t> by_label;
    std::int64_t total = 0;
    for (const auto& row : data.activity) {
        by_day[row.day][row.channel] += row.messages;
        by_label[row.understood_as] += row.messages;
        total += row.messages;
    }
    std::string html = "<section><h2>Messages</h2>";
    if (by_day.empty())
        return html + "<p class=\"empty\">No messages in the last 30 days.</p></section>\n";
    html += "<div class=\"columns\"><div><h3>A day</h3><table><thead><tr><th>day</th>";
    for (const auto& channel : data.channels) html += "<th>" + html_escape(channel) + "</th>";
    html += "<th>all</th></tr></thead><tbody>";
    int shown = 0;
    for (const auto& [day, channels] : by_day) {
        if (++shown > 14) break;
        std::int64_t day_total = 0;
        html += "<tr><td>" + html_escape(day) + "</td>";
        for (const auto& channel : data.channels) {
            const auto found = channels.find(channel);
            const auto value = found == channels.end() ? 0 : found->second;
            html += "<td class=\"num\">" + count(value) + "</td>";
        }
        for (const auto& [channel, value] : channels) day_total += value;
        html += "<td class=\"num\">" + count(day_total) + "</td></tr>";
    }
    html += "</tbody></table></div>";
    std::vector<std::pair<std::int64_t, std::string>> asked;
    for (const auto& [label, value] : by_label) asked.emplace_back(value, label);
    std::sort(asked.rbegin(), asked.rend());
    html +=
        "<div><h3>What runners ask (30 days)</h3><table><thead><tr><th>understood as</th>"
        "<th>messages</th><th>share</th></tr></thead><tbody>";
    for (const auto& [value, label] : asked)
        html += "<tr><td>" + html_escape(label_of(label)) + "</td><td class=\"num\">" +
                count(value) + "</td><td class=\"num\">" + percent(value, total) + "</td></tr>";
    html += "</tbody></table></div></div>";
    return html + "</section>\n";
}

std::string not_understood_section(const DashboardData& data) {
    std::string html =
        "<section><h2>Not understood</h2><p class=\"hint\">What the bot could not place, newest "
        "first: the wordings to teach it. Kept as long as messages are "
        "(RUBDOWN_INBOX_RETENTION_DAYS).</p>";
    if (data.not_understood.empty()) return html + "<p class=\"empty\">Nothing.</p></section>\n";
    html += "<table><thead><tr><th>when</th><th>channel</th><th>message</th></tr></thead><tbody>";
    for (const auto& kept : data.not_understood)
        html += "<tr><td>" + format_instant(kept.received_at) + "</td><td>" +
                html_escape(kept.channel) + "</td><td class=\"said\">" + html_escape(kept.text) +
                "</td></tr>";
    return html + "</tbody></table></section>\n";
}

std::string nudges_section(const storage::NudgeFigures& nudges) {
    std::string html = "<section><h2>Massage reminders (30 days)</h2><div class=\"tiles\">";
    html += tile("planned", count(nudges.planned), count(nudges.pending) + " waiting now");
    html += tile("sent", count(nudges.sent), "");
    html += tile("booked", count(nudges.booked), percent(nudges.booked, nudges.sent) + " of sent");
    html += tile("snoozed", count(nudges.snoozed), "");
    html += tile("called off", count(nudges.cancelled + nudges.expired),
                 count(nudges.expired) + " too late after an outage");
    html += tile("stopped", count(nudges.stopped), count(nudges.paused) + " paused now");
    return html + "</div></section>\n";
}

std::string outbox_section(const DashboardData& data) {
    std::string html =
        "<section><h2>Channels and outbox</h2><table><thead><tr><th>channel</th><th>queued</th>"
        "<th>retrying</th><th>sending</th><th>failed</th><th>sent (kept)</th><th>state</th>"
        "</tr></thead><tbody>";
    std::map<std::string, storage::OutboxFigures> by_channel;
    for (const auto& figures : data.outbox) by_channel[figures.channel] = figures;
    for (const auto& channel : data.channels) by_channel[channel].channel = channel;
    for (const auto& [channel, figures] : by_channel) {
        const bool running =
            std::find(data.channels.begin(), data.channels.end(), channel) != data.channels.end();
        std::string state = running ? "running" : "not configured";
        if (running && figures.retrying > 0) state = "retrying sends";
        if (running && figures.failed > 0 && figures.retrying == 0) state = "running, some failed";
        html += "<tr><td>" + html_escape(channel) + "</td><td class=\"num\">" +
                count(figures.queued) + "</td><td class=\"num\">" + count(figures.retrying) +
                "</td><td class=\"num\">" + count(figures.sending) + "</td><td class=\"num\">" +
                count(figures.failed) + "</td><td class=\"num\">" + count(figures.sent) +
                "</td><td>" + html_escape(state) + "</td></tr>";
    }
    return html + "</tbody></table></section>\n";
}

std::string charts_section(const DashboardData& data) {
    return "<section><h2>The club's mileage</h2><div class=\"charts\"><figure>" +
           bar_chart_svg(data.club_weeks, "Kilometres run by all runners, week by week", "km") +
           "<figcaption>Week by week, all runners (km)</figcaption></figure><figure>" +
           bar_chart_svg(data.club_months, "Kilometres run by all runners, month by month", "km") +
           "<figcaption>Month by month, all runners (km)</figcaption></figure></div></section>\n";
}

std::string runner_name(const storage::User& user) {
    if (!user.display_name.empty()) return user.display_name;
    // A web chat's runner gives no name; the start of their key tells them apart.
    constexpr std::string_view web = "web:";
    if (user.key.starts_with(web)) return "Web runner " + user.key.substr(web.size(), 6);
    return user.key;
}

std::string runners_table(const DashboardData& data) {
    std::string html = "<section><h2>Runners, last seen first</h2>";
    if (data.runners.empty()) return html + "<p class=\"empty\">No runner yet.</p></section>\n";
    html +=
        "<table><thead><tr><th>runner</th><th>channel</th><th>last seen</th><th>runs</th>"
        "<th>km</th><th>reminders</th></tr></thead><tbody>";
    for (const auto& runner : data.runners) {
        const auto& user = runner.user;
        std::string reminders = "on";
        if (user.nudges_stopped)
            reminders = "stopped";
        else if (user.nudges_paused_until > data.now)
            reminders = "paused";
        html += "<tr><td><a href=\"/admin/runner?id=" + std::to_string(user.id) + "\">" +
                html_escape(runner_name(user)) + "</a></td><td>" + html_escape(user.channel) +
                "</td><td>" + format_instant(runner.last_seen_at) + "</td><td class=\"num\">" +
                count(runner.runs) + "</td><td class=\"num\">" + one_decimal(runner.distance_km) +
                "</td><td>" + reminders + "</td></tr>";
    }
    return html + "</tbody></table></section>\n";
}

std::string pause_form(std::int64_t user_id, int days, const std::string& label) {
    return "<form method=\"post\" action=\"/admin/runner/pause\"><input type=\"hidden\" "
           "name=\"id\" value=\"" +
           std::to_string(user_id) + "\"><input type=\"hidden\" name=\"days\" value=\"" +
           std::to_string(days) + "\"><button type=\"submit\">" + html_escape(label) +
           "</button></form>";
}

}  // namespace

std::string format_instant(storage::UnixSeconds at) {
    if (at <= 0) return "never";
    const date::sys_seconds instant{std::chrono::seconds{at}};
    return date::format("%F %H:%M UTC", std::chrono::floor<std::chrono::minutes>(instant));
}

std::string dashboard_page(const DashboardData& data) {
    std::string body = "<h1>How the bot is doing</h1><p class=\"hint\">As of " +
                       format_instant(data.now) + ". Channels: ";
    for (std::size_t i = 0; i < data.channels.size(); ++i)
        body += (i ? ", " : "") + html_escape(data.channels[i]);
    if (data.channels.empty()) body += "none";
    body += ".</p>\n";
    body += runners_section(data) + nudges_section(data.nudges) + messages_section(data) +
            not_understood_section(data) + charts_section(data) + outbox_section(data) +
            runners_table(data);
    return page("Dashboard", body, true);
}

std::string runner_page(const RunnerPageData& data) {
    const auto& user = data.runner.user;
    const auto units = data.unit == "mi" ? Units::mi : Units::km;
    std::string body;
    if (!data.notice.empty()) body += "<p class=\"notice\">" + html_escape(data.notice) + "</p>";
    body += "<p><a href=\"/admin/\">← all runners</a></p><h1>" + html_escape(runner_name(user)) +
            "</h1><dl class=\"facts\"><dt>channel</dt><dd>" + html_escape(user.channel) +
            "</dd><dt>key</dt><dd><code>" + html_escape(user.key) +
            "</code></dd><dt>time zone</dt><dd>" +
            html_escape(user.time_zone_known ? user.time_zone : user.time_zone + " (not told)") +
            "</dd><dt>units</dt><dd>" + html_escape(data.unit) + "</dd><dt>joined</dt><dd>" +
            format_instant(user.created_at) + "</dd><dt>last seen</dt><dd>" +
            format_instant(data.runner.last_seen_at) + "</dd><dt>runs</dt><dd>" +
            count(data.runner.runs) + " (" +
            intents::handlers::format_distance(data.runner.distance_km, units) + ")</dd></dl>";

    body += "<section><h2>Massage reminders</h2><p>";
    if (user.nudges_stopped)
        body += "Stopped by the runner.";
    else if (user.nudges_paused_until > data.now)
        body += "Paused until " + format_instant(user.nudges_paused_until) + ".";
    else
        body += "On.";
    body += " " + count(static_cast<std::int64_t>(data.pending_nudges.size())) +
            " waiting to be sent.</p><div class=\"actions\">" +
            pause_form(user.id, 7, "Pause reminders for 7 days") +
            pause_form(user.id, 30, "Pause for 30 days") +
            pause_form(user.id, 0, "Resume reminders") + "</div></section>";

    body += "<section><h2>Mileage</h2><figure>" +
            bar_chart_svg(data.weeks, runner_name(user) + ", distance week by week", data.unit) +
            "<figcaption>Week by week (" + html_escape(data.unit) +
            ")</figcaption></figure></section>";

    body += "<section><h2>Races ahead</h2>";
    if (data.races.empty()) {
        body += "<p class=\"empty\">None.</p>";
    } else {
        body += "<table><thead><tr><th>date</th><th>race</th><th>distance</th></tr></thead><tbody>";
        for (const auto& race : data.races)
            body += "<tr><td>" + html_escape(race.date) + "</td><td>" + html_escape(race.name) +
                    "</td><td>" +
                    (race.distance_km ? intents::handlers::format_distance(*race.distance_km, units)
                                      : std::string("–")) +
                    "</td></tr>";
        body += "</tbody></table>";
    }
    body += "</section><section><h2>The log (latest first)</h2>";
    if (data.runs.empty()) {
        body += "<p class=\"empty\">No run logged.</p>";
    } else {
        body +=
            "<table><thead><tr><th>date</th><th>run</th><th>as written</th></tr></thead><tbody>";
        for (const auto& run : data.runs)
            body += "<tr><td>" + html_escape(run.date) + "</td><td>" +
                    html_escape(intents::handlers::describe_run(run, units)) +
                    "</td><td class=\"said\">" + html_escape(run.text) + "</td></tr>";
        body += "</tbody></table>";
    }
    body += "</section>";
    return page(runner_name(user), body, true);
}

std::string login_page(const std::string& error) {
    std::string body = "<h1>Operator login</h1>";
    if (!error.empty()) body += "<p class=\"error\" role=\"alert\">" + html_escape(error) + "</p>";
    body +=
        "<form method=\"post\" action=\"/admin/login\" class=\"login\"><label for=\"token\">Admin "
        "token (RUBDOWN_ADMIN_TOKEN)</label><input id=\"token\" name=\"token\" type=\"password\" "
        "autocomplete=\"current-password\" required autofocus><button type=\"submit\">Log "
        "in</button></form>";
    return page("Login", body, false);
}

std::string no_token_page() {
    return page(
        "Dashboard",
        "<h1>No dashboard yet</h1><p>Start the server with <code>RUBDOWN_ADMIN_TOKEN</code> "
        "set to a long random secret, then log in here with it.</p>",
        false);
}

}  // namespace rubdown::bot
