#pragma once
/// A runner's runs as CSV or JSON, for /export and `rubdown export`.

#include <string>
#include <vector>

#include "storage/records.hpp"

namespace rubdown::intents::handlers {

/// Header `date,distance_km,duration_s,effort,text`, then one line per run in the given order.
/// Unknown values are empty fields; text is quoted when it holds a comma, quote or line break.
std::string runs_to_csv(const std::vector<storage::Run>& runs);

/// A JSON array of {"date","distance_km","duration_s","effort","text"}; unknown values are null.
std::string runs_to_json(const std::vector<storage::Run>& runs);

}  // namespace rubdown::intents::handlers
