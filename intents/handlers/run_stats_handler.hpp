#pragma once
/// run_stats: the runner's own numbers — this week's and this month's distance (in their time
/// zone), last run, longest run, recent runs, weekly totals and pace trend.

#include <string>
#include <vector>

#include <date/date.h>

#include "intents/engine.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/nlu/parse.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_run_stats(HandlerContext& context, const nlu::Parse& parse);

/// Monday of the week `day` is in.
date::local_days week_start(date::local_days day);

/// "5:40 -> 5:25 min/km over your last 8 timed runs: getting faster." from runs in any order;
/// empty when fewer than 4 runs have both distance and time.
std::string pace_trend(std::vector<storage::Run> runs, Units units);

}  // namespace rubdown::intents::handlers
