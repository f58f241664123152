#pragma once
/// Turning what a runner says about where they are ("Europe/Berlin", "New York", "london") into
/// an IANA zone name that the zone database knows.

#include <optional>
#include <string>
#include <string_view>

namespace rubdown::intents::handlers {

/// The IANA zone for a zone name in any letter case ("europe/berlin"), "UTC"/"GMT", or a city or
/// country from a small built-in map ("New York" -> "America/New_York"). Only names that
/// date::locate_zone accepts are returned.
std::optional<std::string> resolve_time_zone(std::string_view place);

/// Reads a time-zone statement: "my time zone is Europe/Berlin", "timezone: Tokyo",
/// "I'm in New York", "I live in Berlin", "set tz to UTC". Nothing when the text is not one or
/// names no known place (so "I'm in pain" is not a time zone).
std::optional<std::string> time_zone_statement(std::string_view text);

}  // namespace rubdown::intents::handlers
