#pragma once
/// book_massage: hands out the operator's booking link, and records a booking when the runner
/// says they have booked (with its day when they name one).

#include <optional>
#include <string>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_book_massage(HandlerContext& context, const nlu::Parse& parse);

/// Records a booking (on `date` when known), cancels the nudges it makes pointless, and says so.
/// Shared with the "Booked ✓" button.
std::string record_booking(HandlerContext& context, const std::optional<std::string>& date);

/// Whether the text says a massage is already booked ("I booked a massage for Friday").
bool says_booked(const std::string& text);

}  // namespace rubdown::intents::handlers
