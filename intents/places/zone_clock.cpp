#include "intents/places/zone_clock.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <date/tz.h>

namespace rubdown::intents::places {
namespace {

using date::sys_seconds;

/// The instants the offset changes and the offset from each, over 2026-2028.
using Clock = std::vector<std::pair<sys_seconds, std::chrono::seconds>>;

const date::time_zone* find_zone(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::runtime_error&) {
        return nullptr;
    }
}

Clock clock_of(const date::time_zone& zone) {
    using namespace date::literals;
    const sys_seconds start = date::sys_days{2026_y / 1 / 1};
    const sys_seconds end = date::sys_days{2029_y / 1 / 1};
    Clock clock;
    for (sys_seconds at = start; at < end;) {
        const auto info = zone.get_info(at);
        // A change of abbreviation alone is no change of clock.
        if (clock.empty() || clock.back().second != info.offset)
            clock.emplace_back(at, info.offset);
        if (info.end <= at) break;
        at = info.end;
    }
    return clock;
}

/// Clocks are computed once per zone: the database does not change while the bot runs.
const Clock* cached_clock(const std::string& name) {
    static std::mutex mutex;
    static std::map<std::string, std::optional<Clock>> cache;
    const std::lock_guard lock{mutex};
    auto [it, added] = cache.try_emplace(name);
    if (added) {
        if (const auto* zone = find_zone(name)) it->second = clock_of(*zone);
    }
    return it->second ? &*it->second : nullptr;
}

}  // namespace

std::optional<std::string> canonical_zone(const std::string& name) {
    const auto* zone = find_zone(name);
    if (zone == nullptr) return std::nullopt;
    return std::string{zone->name()};
}

bool same_clock(const std::string& a, const std::string& b) {
    const auto* first = cached_clock(a);
    const auto* second = cached_clock(b);
    return first != nullptr && second != nullptr && *first == *second;
}

std::optional<std::string> fixed_offset_zone(std::chrono::minutes offset) {
    if (offset < std::chrono::hours{-12} || offset > std::chrono::hours{14}) return std::nullopt;
    // The Etc zones hold every whole hour; their names' signs are POSIX's, the other way round.
    if (offset.count() % 60 == 0) {
        const auto hours = offset.count() / 60;
        if (hours == 0) return "Etc/UTC";
        return std::string{"Etc/GMT"} + (hours > 0 ? "-" : "+") + std::to_string(std::abs(hours));
    }
    for (const auto& zone : date::get_tzdb().zones) {
        const auto* clock = cached_clock(std::string{zone.name()});
        if (clock != nullptr && clock->size() == 1 && clock->front().second == offset) {
            return std::string{zone.name()};
        }
    }
    return std::nullopt;
}

std::string offset_text(std::chrono::minutes offset) {
    const auto total = offset.count();
    const auto magnitude = total < 0 ? -total : total;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", total < 0 ? '-' : '+',
                  static_cast<int>(magnitude / 60), static_cast<int>(magnitude % 60));
    return buffer;
}

}  // namespace rubdown::intents::places
