#pragma once
/// Future days named in free text ("Dec 14", "Friday", "in 3 weeks"), for answers to "when is the
/// race?" and for "I booked a massage for Friday", where the NLU gives no date entity.

#include <optional>
#include <string_view>

#include <date/date.h>

namespace rubdown::intents::handlers {

/// The coming day the text names (a date without a year is the next such date on or after
/// `today`), read with the NLU's race-date rules. Nothing when no day is named.
std::optional<date::local_days> future_day_mentioned(std::string_view text, date::local_days today);

}  // namespace rubdown::intents::handlers
