#pragma once
/// Whether two IANA zones keep the same clock, and zones for a bare UTC offset. A runner in
/// Vancouver or Seattle, Berlin or Paris, need not be asked which they meant: the bot only uses a
/// zone to tell the local date and hour.

#include <chrono>
#include <optional>
#include <string>

namespace rubdown::intents::places {

/// The zone's name as the installed tz database spells it, or nothing when it does not know it.
std::optional<std::string> canonical_zone(const std::string& name);

/// True when both zones show the same local time at every instant from 2026 to the end of 2028
/// (the years the bot plans for). Unknown zones are never the same clock.
bool same_clock(const std::string& a, const std::string& b);

/// A zone whose clock is `offset` from UTC all year (no daylight saving) over the same years:
/// "Etc/GMT-2" for +02:00, "Asia/Kolkata" for +05:30. Nothing when no zone keeps that offset.
std::optional<std::string> fixed_offset_zone(std::chrono::minutes offset);

/// "+05:30", "-03:00": an offset as the NLU writes it.
std::string offset_text(std::chrono::minutes offset);

}  // namespace rubdown::intents::places
