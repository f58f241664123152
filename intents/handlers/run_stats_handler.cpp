#include "intents/handlers/run_stats_handler.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/mileage_chart.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/handlers/running_figures.hpp"
#include "intents/handlers/set_race_handler.hpp"
#include "intents/handlers/stats_period.hpp"

namespace rubdown::intents::handlers {
namespace {

constexpr std::size_t kRecentRuns = 5;
constexpr int kWeeksShown = 4;

std::string describe_total(const Totals& total, Units units) {
    if (total.runs == 0) return "no runs yet";
    return format_distance(total.km, units) + " in " + std::to_string(total.runs) +
           (total.runs == 1 ? " run" : " runs");
}

std::string recent(const std::vector<storage::Run>& runs, date::local_days today, Units units) {
    std::string text = "Your recent runs:";
    for (std::size_t i = 0; i < runs.size() && i < kRecentRuns; ++i) {
        text += "\n• " + describe_run_on(runs[i], today, units);
    }
    return text;
}

}  // namespace

date::local_days week_start(date::local_days day) {
    const date::weekday weekday{day};
    // iso_encoding: Monday = 1 ... Sunday = 7.
    return day - date::days{weekday.iso_encoding() - 1};
}

std::string pace_trend(std::vector<storage::Run> runs, Units units) {
    std::erase_if(runs, [](const storage::Run& run) { return !pace_of(run); });
    if (runs.size() < 4) return {};
    std::sort(runs.begin(), runs.end(), [](const storage::Run& a, const storage::Run& b) {
        return a.date != b.date ? a.date < b.date : a.logged_at < b.logged_at;
    });
    if (runs.size() > 10) runs.erase(runs.begin(), runs.end() - 10);
    // Total time over total distance per half, so one short sprint does not swing the average.
    const auto half = runs.size() / 2;
    const auto average = [](auto begin, auto end) {
        double seconds = 0.0;
        double km = 0.0;
        for (auto it = begin; it != end; ++it) {
            seconds += static_cast<double>(*it->duration_s);
            km += *it->distance_km;
        }
        return seconds / km;
    };
    const double earlier = average(runs.begin(), runs.begin() + static_cast<std::ptrdiff_t>(half));
    const double later = average(runs.begin() + static_cast<std::ptrdiff_t>(half), runs.end());
    std::string verdict = "holding steady";
    if (later < earlier - 5.0) verdict = "getting faster";
    if (later > earlier + 5.0) verdict = "a little slower (fine if you've been running easy)";
    return "Pace trend: " + format_pace(earlier, units) + " → " + format_pace(later, units) +
           " over your last " + std::to_string(runs.size()) + " timed runs: " + verdict + ".";
}

namespace {

/// How far above the recent weeks this week may run before the answer mentions it.
constexpr double kLoadNoteRatio = 1.3;
constexpr std::size_t kRunsListed = 10;

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 32);
    return text;
}

std::vector<storage::Run> runs_in(HandlerContext& context, const StatsPeriod& period) {
    auto runs = context.repos.runs.between(context.user.id, iso(period.from), iso(period.to));
    std::sort(runs.begin(), runs.end(), [](const storage::Run& a, const storage::Run& b) {
        return a.date != b.date ? a.date > b.date : a.logged_at > b.logged_at;
    });
    return runs;
}

std::string distance_line(const StatsPeriod& period, const Totals& totals, Units units) {
    return capitalised(period.label) + ": " + describe_total(totals, units) + ".";
}

/// "Up 9 km on last week (41 km)." for a compared figure.
std::string difference(double now, double before, const std::string& label, Units units) {
    const double change = now - before;
    if (std::abs(change) < 0.05) return "The same as " + label + ".";
    return std::string{change > 0 ? "Up " : "Down "} + format_distance(std::abs(change), units) +
           " on " + label + " (" + format_distance(before, units) + ").";
}

/// A week well above the recent ones, said as information: the runner decides what to do.
std::string load_note(const std::vector<storage::Run>& all_runs, date::local_days today,
                      Units units) {
    const auto ratio = load_ratio(all_runs, today);
    if (!ratio || *ratio < kLoadNoteRatio) return {};
    (void)units;
    return "\nThat's " + std::to_string(static_cast<int>(std::lround((*ratio - 1.0) * 100))) +
           "% above your average of the four weeks before. Big jumps in weekly distance are "
           "worth easing into (information, not medical advice).";
}

std::string answer_distance(HandlerContext& context, const StatsPeriod& period, bool compare,
                            Units units, date::local_days today,
                            const std::vector<storage::Run>& all_runs) {
    const auto totals = totals_of(runs_in(context, period));
    std::string text = distance_line(period, totals, units);
    if (compare) {
        const auto before = previous_period(period, today);
        const auto earlier = totals_of(runs_in(context, before));
        text += " " + difference(totals.km, earlier.km, before.label, units);
        if (totals.runs != earlier.runs) {
            text += " Runs: " + std::to_string(totals.runs) + " against " +
                    std::to_string(earlier.runs) + ".";
        }
    }
    if (period.label == "this week") text += load_note(all_runs, today, units);
    return text;
}

std::string answer_runs(HandlerContext& context, const StatsPeriod& period, bool compare,
                        Units units, date::local_days today) {
    const auto runs = runs_in(context, period);
    if (period.kind == "day") {
        if (runs.empty()) return "No run logged " + period.label + ".";
        std::string text = runs.size() == 1 ? "Yes: " : "Yes, " + std::to_string(runs.size()) + ":";
        for (const auto& run : runs)
            text += (runs.size() == 1 ? "" : "\n• ") + describe_run_on(run, today, units);
        return text + (runs.size() == 1 ? "." : "");
    }
    std::string text = capitalised(period.label) + ": " + std::to_string(runs.size()) +
                       (runs.size() == 1 ? " run" : " runs");
    if (compare) {
        const auto before = runs_in(context, previous_period(period, today));
        text +=
            " (" + std::to_string(before.size()) + " " + previous_period(period, today).label + ")";
    }
    text += runs.empty() ? "." : ":";
    for (std::size_t i = 0; i < runs.size() && i < kRunsListed; ++i) {
        text += "\n• " + describe_run_on(runs[i], today, units);
    }
    if (runs.size() > kRunsListed) {
        text += "\n… and " + std::to_string(runs.size() - kRunsListed) + " more.";
    }
    return text;
}

std::string answer_pace(HandlerContext& context, const StatsPeriod& period, bool compare,
                        Units units, date::local_days today) {
    const auto pace = average_pace(totals_of(runs_in(context, period)));
    if (!pace) {
        return "No timed run " + period.label +
               ": tell me the time with the distance (\"10k in 52:30\") to see paces.";
    }
    std::string text = (period.kind == "day" ? "Pace " : "Average pace ") + period.label + ": " +
                       format_pace(*pace, units) + ".";
    if (compare) {
        const auto before = previous_period(period, today);
        if (const auto earlier = average_pace(totals_of(runs_in(context, before)))) {
            text += " " + capitalised(before.label) + ": " + format_pace(*earlier, units) +
                    (*earlier - *pace > 2.0   ? " (faster now)."
                     : *pace - *earlier > 2.0 ? " (slower now)."
                                              : " (about the same).");
        } else {
            text += " No timed run " + before.label + " to compare with.";
        }
    }
    return text;
}

std::string answer_records(const std::vector<storage::Run>& runs, std::optional<double> distance,
                           const std::string& label, Units units, date::local_days today) {
    const auto records = records_of(runs, distance);
    if (records.empty()) {
        return distance ? "No timed run at that distance " + label +
                              " yet: log one with its time (\"10k in 48:12\")."
                        : "No timed 5k, 10k, half or marathon " + label +
                              " yet: log runs with their time to see your bests.";
    }
    std::string text =
        "Your best times" + (label == "all time" ? std::string{} : " " + label) + ":";
    for (const auto& record : records) {
        text += "\n• " + record.name + ": " + format_duration(*record.run.duration_s) + ", " +
                friendly_day(day_of(record.run.date, today), today);
    }
    if (!distance) {
        if (const auto longest = longest_of(runs)) {
            text += "\n• longest run: " + format_distance(*longest->distance_km, units);
        }
    }
    return text;
}

std::string answer_streak(const std::vector<storage::Run>& runs, date::local_days today) {
    const auto streak = streak_of(runs, today);
    std::string text = streak.current_days > 1
                           ? "You've run " + std::to_string(streak.current_days) + " days in a row."
                       : streak.current_days == 1 ? "You ran yesterday or today: a streak of 1 day."
                                                  : "No running streak right now.";
    text += " Longest streak: " + std::to_string(streak.longest_days) +
            (streak.longest_days == 1 ? " day." : " days.");
    if (streak.current_weeks > 1) {
        text += " And " + std::to_string(streak.current_weeks) + " weeks in a row with a run.";
    }
    return text;
}

std::string answer_summary(HandlerContext& context, const StatsPeriod& period, Units units,
                           date::local_days today, const std::vector<storage::Run>& all_runs) {
    const auto runs = runs_in(context, period);
    const auto totals = totals_of(runs);
    std::string text = distance_line(period, totals, units);
    if (const auto pace = average_pace(totals))
        text += "\nAverage pace: " + format_pace(*pace, units) + ".";
    if (const auto longest = longest_of(runs)) {
        text += "\nLongest: " + describe_run_on(*longest, today, units) + ".";
    }
    if (period.label == "this week") text += load_note(all_runs, today, units);
    return text;
}

}  // namespace

std::vector<Reply> handle_run_stats(HandlerContext& context, const nlu::Parse& parse) {
    const auto& e = parse.entities;
    auto stat = e.stat.value_or("summary");
    // "compare this week to last week": the distance, compared.
    if (stat == "summary" && e.compare) stat = "distance";
    if (stat == "races") return {Reply{races_overview(context)}};
    const auto today = local_today(context.user, context.now);
    const auto runs = context.repos.runs.list(context.user.id, 1000);
    if (runs.empty()) {
        return {
            Reply{"You haven't logged any runs yet. Tell me about one, like \"10k easy this "
                  "morning\" or \"5 miles in 42 min yesterday\"."}};
    }
    // "how many km ...?" answers in km whatever the runner usually reads.
    const auto units = e.unit ? (*e.unit == "mi" ? Units::mi : Units::km) : units_of(context.user);
    if (stat == "chart_weeks" || stat == "chart_months")
        return {mileage_chart(context, stat == "chart_months", units)};
    const auto period = e.period ? stats_period(*e.period, today) : std::nullopt;
    const bool compare = e.compare.has_value();
    const auto last = "Last run: " + describe_run_on(runs.front(), today, units) + ".";

    if (stat == "last_run") return {Reply{last}};
    if (stat == "streak") return {Reply{answer_streak(runs, today)}};
    if (stat == "records") {
        const auto in = period ? runs_in(context, *period) : runs;
        return {Reply{answer_records(in, e.race_distance_km, period ? period->label : "all time",
                                     units, today)}};
    }
    if (stat == "longest") {
        const auto in = period ? runs_in(context, *period) : runs;
        const auto best = longest_of(in);
        if (!best)
            return {Reply{"No run with a distance " +
                          (period ? period->label : std::string{"yet"}) + "."}};
        return {Reply{"Longest run" + (period ? " " + period->label : std::string{}) + ": " +
                      describe_run_on(*best, today, units) + "."}};
    }
    if (stat == "pace" && !period && !compare) {
        const auto trend = pace_trend(runs, units);
        return {Reply{trend.empty()
                          ? "I need at least 4 runs with both distance and time to show a pace "
                            "trend. Log them like \"10k in 52:30\"."
                          : trend}};
    }
    const auto week = *stats_period("this_week", today);
    if (stat == "pace")
        return {Reply{answer_pace(context, period.value_or(week), compare, units, today)}};
    if (stat == "runs") {
        if (!period) return {Reply{recent(runs, today, units)}};
        return {Reply{answer_runs(context, *period, compare, units, today)}};
    }
    if (stat == "distance") {
        // The period's total, with the last run for context (a run on Sunday is last week's on
        // Monday).
        Reply reply{answer_distance(context, period.value_or(week), compare, units, today, runs) +
                    (period && period->label != "this week" ? "" : "\n" + last)};
        reply.buttons.push_back(chart_button());
        return {reply};
    }
    if (period) {
        // On a Monday, this week's summary is thin: the last run says where things stand.
        Reply reply{answer_summary(context, *period, units, today, runs) +
                    (period->label == "this week" ? "\n" + last : "")};
        reply.buttons.push_back(chart_button());
        return {reply};
    }

    const auto month = *stats_period("this_month", today);
    std::string text = distance_line(week, totals_of(runs_in(context, week)), units) + "\n" +
                       distance_line(month, totals_of(runs_in(context, month)), units) + "\n" +
                       last;
    if (const auto best = longest_of(runs)) {
        text += "\nLongest run: " + describe_run_on(*best, today, units) + ".";
    }
    if (const auto trend = pace_trend(runs, units); !trend.empty()) text += "\n" + trend;
    text += load_note(runs, today, units);
    Reply reply{text};
    reply.buttons.push_back(chart_button());
    return {reply};
}

}  // namespace rubdown::intents::handlers
