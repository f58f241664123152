#pragma once
/// Figures over a runner's logged runs: totals, average pace, longest, personal records of the
/// standard distances, streaks, and how this week's distance compares with the weeks before.
/// Pure functions over runs; the stats handler says them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "storage/records.hpp"

namespace rubdown::intents::handlers {

struct Totals {
    double km = 0.0;
    int runs = 0;
    double timed_km = 0.0;  ///< of the runs with both distance and time
    std::int64_t timed_s = 0;
};

Totals totals_of(const std::vector<storage::Run>& runs);

/// Seconds per km over the timed runs (total time over total distance); nothing without any.
std::optional<double> average_pace(const Totals& totals);

std::optional<storage::Run> longest_of(const std::vector<storage::Run>& runs);

/// The fastest run at a standard distance (5k, 10k, half, marathon): a run counts for the
/// distance it is within 2 % of, timed.
struct Record {
    double distance_km = 0.0;
    std::string name;  ///< "5k", "10k", "half marathon", "marathon"
    storage::Run run;
};

/// The records in `runs`, shortest distance first; only `distance_km`'s when given.
std::vector<Record> records_of(const std::vector<storage::Run>& runs,
                               std::optional<double> distance_km = std::nullopt);

struct Streak {
    int current_days = 0;  ///< days in a row with a run, up to today (or yesterday)
    int longest_days = 0;
    int current_weeks = 0;  ///< weeks (Monday to Sunday) in a row with a run, this one included
};

Streak streak_of(const std::vector<storage::Run>& runs, date::local_days today);

/// This week's distance against the average of the four weeks before it: the ratio, when the
/// runner logged in at least three of them.
std::optional<double> load_ratio(const std::vector<storage::Run>& runs, date::local_days today);

}  // namespace rubdown::intents::handlers
