#include "intents/handlers/running_figures.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::handlers {
namespace {

constexpr double kRecordTolerance = 0.02;
constexpr int kLoadWeeks = 4;
constexpr int kLoadWeeksNeeded = 3;

struct StandardDistance {
    double km;
    const char* name;
};
constexpr std::array<StandardDistance, 4> kStandardDistances{
    {{5.0, "5k"}, {10.0, "10k"}, {21.0975, "half marathon"}, {42.195, "marathon"}}};

date::local_days monday_of(date::local_days day) {
    return day - date::days{date::weekday{day}.iso_encoding() - 1};
}

std::set<date::local_days> run_days(const std::vector<storage::Run>& runs) {
    std::set<date::local_days> days;
    for (const auto& run : runs) {
        if (const auto day = nudges::parse_iso_date(run.date)) days.insert(*day);
    }
    return days;
}

}  // namespace

Totals totals_of(const std::vector<storage::Run>& runs) {
    Totals totals;
    for (const auto& run : runs) {
        totals.km += run.distance_km.value_or(0.0);
        ++totals.runs;
        if (run.distance_km && run.duration_s && *run.distance_km > 0) {
            totals.timed_km += *run.distance_km;
            totals.timed_s += *run.duration_s;
        }
    }
    return totals;
}

std::optional<double> average_pace(const Totals& totals) {
    if (totals.timed_km <= 0.0) return std::nullopt;
    return static_cast<double>(totals.timed_s) / totals.timed_km;
}

std::optional<storage::Run> longest_of(const std::vector<storage::Run>& runs) {
    std::optional<storage::Run> best;
    for (const auto& run : runs) {
        if (!run.distance_km) continue;
        if (!best || *run.distance_km > *best->distance_km) best = run;
    }
    return best;
}

std::vector<Record> records_of(const std::vector<storage::Run>& runs,
                               std::optional<double> distance_km) {
    std::vector<Record> records;
    for (const auto& standard : kStandardDistances) {
        if (distance_km && std::abs(*distance_km - standard.km) > 0.05) continue;
        std::optional<storage::Run> fastest;
        for (const auto& run : runs) {
            if (!run.distance_km || !run.duration_s) continue;
            if (std::abs(*run.distance_km - standard.km) > standard.km * kRecordTolerance) continue;
            if (!fastest || *run.duration_s < *fastest->duration_s) fastest = run;
        }
        if (fastest) records.push_back(Record{standard.km, standard.name, *fastest});
    }
    return records;
}

Streak streak_of(const std::vector<storage::Run>& runs, date::local_days today) {
    Streak streak;
    const auto days = run_days(runs);
    // Today's run may still be ahead: a streak up to yesterday is still alive.
    auto day = days.contains(today) ? today : today - date::days{1};
    while (days.contains(day)) {
        ++streak.current_days;
        day -= date::days{1};
    }
    int run = 0;
    std::optional<date::local_days> previous;
    for (const auto d : days) {
        run = previous && d - *previous == date::days{1} ? run + 1 : 1;
        streak.longest_days = std::max(streak.longest_days, run);
        previous = d;
    }
    std::set<date::local_days> weeks;
    for (const auto d : days) weeks.insert(monday_of(d));
    // This week counts from the first run in it; a week without one yet does not break it.
    auto week =
        weeks.contains(monday_of(today)) ? monday_of(today) : monday_of(today) - date::days{7};
    while (weeks.contains(week)) {
        ++streak.current_weeks;
        week -= date::days{7};
    }
    return streak;
}

std::optional<double> load_ratio(const std::vector<storage::Run>& runs, date::local_days today) {
    const auto this_monday = monday_of(today);
    double this_week = 0.0;
    std::array<double, kLoadWeeks> before{};
    std::array<bool, kLoadWeeks> logged{};
    for (const auto& run : runs) {
        const auto day = nudges::parse_iso_date(run.date);
        if (!day || *day > today) continue;
        const auto weeks_back = (this_monday - monday_of(*day)).count() / 7;
        if (weeks_back == 0) {
            this_week += run.distance_km.value_or(0.0);
        } else if (weeks_back >= 1 && weeks_back <= kLoadWeeks) {
            before[static_cast<std::size_t>(weeks_back - 1)] += run.distance_km.value_or(0.0);
            logged[static_cast<std::size_t>(weeks_back - 1)] = true;
        }
    }
    const auto weeks = std::count(logged.begin(), logged.end(), true);
    if (weeks < kLoadWeeksNeeded) return std::nullopt;
    double total = 0.0;
    for (const double km : before) total += km;
    const double average = total / kLoadWeeks;
    if (average <= 0.0) return std::nullopt;
    return this_week / average;
}

}  // namespace rubdown::intents::handlers
