#pragma once
/// The console channel: a runner typing in a terminal (or a pipe). Pure functions that turn a line
/// into an IncomingMessage and an outbox message into the text shown, buttons as numbered choices.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "intents/message.hpp"
#include "storage/records.hpp"

namespace rubdown::console {

inline constexpr const char* kChannel = "console";

/// "console:<name>"; the chat id is the name itself.
std::string user_key_for(const std::string& name);

/// A typed line. A bare number that matches one of the choices last shown presses that button;
/// `session` and `sequence` make the dedup key unique across runs of `rubdown chat`.
intents::IncomingMessage message_from_line(const std::string& name, std::string_view line,
                                           const std::vector<intents::Button>& last_choices,
                                           const std::string& session, std::uint64_t sequence);

/// The reply as shown: its text, then one line per button ("  [1] Booked ✓", "  [2] Book now:
/// https://..."). Link buttons are shown with their URL since a terminal cannot press them.
std::string render(const storage::OutboxMessage& message);

}  // namespace rubdown::console
