#include "intents/handlers/run_stats_handler.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/handlers/text_match.hpp"

namespace rubdown::intents::handlers {
namespace {

constexpr std::size_t kRecentRuns = 5;
constexpr int kWeeksShown = 4;

struct Total {
    double km = 0.0;
    int runs = 0;
};

Total total_of(const std::vector<storage::Run>& runs) {
    Total total;
    for (const auto& run : runs) {
        total.km += run.distance_km.value_or(0.0);
        ++total.runs;
    }
    return total;
}

std::string describe_total(const Total& total, Units units) {
    if (total.runs == 0) return "no runs yet";
    return format_distance(total.km, units) + " in " + std::to_string(total.runs) +
           (total.runs == 1 ? " run" : " runs");
}

std::optional<storage::Run> longest(const std::vector<storage::Run>& runs) {
    std::optional<storage::Run> best;
    for (const auto& run : runs) {
        if (!run.distance_km) continue;
        if (!best || *run.distance_km > *best->distance_km) best = run;
    }
    return best;
}

std::string this_week(HandlerContext& context, date::local_days today) {
    const auto runs =
        context.repos.runs.between(context.user.id, iso(week_start(today)), iso(today));
    return "This week: " + describe_total(total_of(runs), units_of(context.user)) + ".";
}

std::string this_month(HandlerContext& context, date::local_days today) {
    const date::year_month_day ymd{today};
    const date::local_days first{ymd.year() / ymd.month() / 1};
    const auto runs = context.repos.runs.between(context.user.id, iso(first), iso(today));
    return "This month: " + describe_total(total_of(runs), units_of(context.user)) + ".";
}

std::string weekly_totals(HandlerContext& context, date::local_days today) {
    std::string text = "Weekly totals:";
    const auto current = week_start(today);
    for (int back = kWeeksShown - 1; back >= 0; --back) {
        const auto start = current - date::days{7 * back};
        const auto end = std::min(start + date::days{6}, today);
        const auto runs = context.repos.runs.between(context.user.id, iso(start), iso(end));
        text += "\n• week of " + short_day(start, today) + ": " +
                describe_total(total_of(runs), units_of(context.user));
    }
    return text;
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

std::vector<Reply> handle_run_stats(HandlerContext& context, const nlu::Parse& parse) {
    const auto today = local_today(context.user, context.now);
    const auto runs = context.repos.runs.list(context.user.id, 1000);
    if (runs.empty()) {
        return {
            Reply{"You haven't logged any runs yet. Tell me about one, like \"10k easy this "
                  "morning\" or \"5 miles in 42 min yesterday\"."}};
    }
    const auto padded = padded_words(parse.text);
    const auto units = units_of(context.user);
    const auto last = "Last run: " + describe_run_on(runs.front(), today, units) + ".";
    const auto best = longest(runs);
    const auto longest_text =
        best ? "Longest run: " + describe_run_on(*best, today, units_of(context.user)) + "."
             : std::string{};

    // A specific question gets a specific answer; anything else gets the summary.
    if (has_any_phrase(padded, {"longest", "furthest", "farthest", "biggest", "longest run"})) {
        return {Reply{best ? longest_text : "None of your runs has a distance yet."}};
    }
    if (has_any_phrase(padded, {"trend", "pace", "faster", "slower", "improving", "speed"})) {
        const auto trend = pace_trend(runs, units);
        return {Reply{trend.empty()
                          ? "I need at least 4 runs with both distance and time to show a pace "
                            "trend. Log them like \"10k in 52:30\"."
                          : trend}};
    }
    if (has_any_phrase(padded, {"weekly", "per week", "each week", "every week", "weeks"})) {
        return {Reply{weekly_totals(context, today)}};
    }
    if (has_any_phrase(padded, {"recent", "list", "history", "all my runs", "show my runs",
                                "my runs", "log"})) {
        return {Reply{recent(runs, today, units)}};
    }
    if (has_any_phrase(padded, {"last run", "latest", "previous run", "most recent"})) {
        return {Reply{last}};
    }
    // The period's total, with the last run for context (a run on Sunday is last week's on Monday).
    if (has_any_phrase(padded, {"month", "monthly"}))
        return {Reply{this_month(context, today) + "\n" + last}};
    if (has_any_phrase(padded, {"week"})) return {Reply{this_week(context, today) + "\n" + last}};

    std::string text = this_week(context, today) + "\n" + this_month(context, today) + "\n" + last;
    if (!longest_text.empty()) text += "\n" + longest_text;
    if (const auto trend = pace_trend(runs, units); !trend.empty()) text += "\n" + trend;
    return {Reply{text}};
}

}  // namespace rubdown::intents::handlers
