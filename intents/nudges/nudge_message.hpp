#pragma once
/// The text and buttons a due nudge sends. Pure: the scheduler passes the nudge's race and the
/// operator's booking URL.

#include <optional>
#include <string>
#include <string_view>

#include "intents/message.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::nudges {

/// Button actions under every nudge; the handlers recognise them in IncomingMessage::action.
inline constexpr std::string_view kBookedAction = "nudge:booked";
inline constexpr std::string_view kSnoozeAction = "nudge:snooze";
inline constexpr std::string_view kStopAction = "nudge:stop";

/// The message a due nudge sends, with its buttons: "Book now" (a link, only when `booking_url`
/// is set), "Booked ✓", "Remind me tomorrow", "Stop these".
Reply nudge_message(const storage::Nudge& nudge, const storage::User& user,
                    const std::optional<storage::Race>& race, const std::string& booking_url);

}  // namespace rubdown::intents::nudges
