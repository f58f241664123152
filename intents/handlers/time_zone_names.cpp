#include "intents/handlers/time_zone_names.hpp"

#include <cctype>
#include <stdexcept>
#include <unordered_map>

#include <date/tz.h>

#include "intents/handlers/text_match.hpp"

namespace rubdown::intents::handlers {
namespace {

/// Places runners commonly name, keyed by their padded lower-case words without the padding.
const std::unordered_map<std::string, std::string>& places() {
    static const std::unordered_map<std::string, std::string> map{
        {"utc", "UTC"},
        {"gmt", "UTC"},
        {"london", "Europe/London"},
        {"uk", "Europe/London"},
        {"england", "Europe/London"},
        {"scotland", "Europe/London"},
        {"edinburgh", "Europe/London"},
        {"manchester", "Europe/London"},
        {"dublin", "Europe/Dublin"},
        {"ireland", "Europe/Dublin"},
        {"lisbon", "Europe/Lisbon"},
        {"portugal", "Europe/Lisbon"},
        {"madrid", "Europe/Madrid"},
        {"barcelona", "Europe/Madrid"},
        {"spain", "Europe/Madrid"},
        {"paris", "Europe/Paris"},
        {"france", "Europe/Paris"},
        {"brussels", "Europe/Brussels"},
        {"amsterdam", "Europe/Amsterdam"},
        {"netherlands", "Europe/Amsterdam"},
        {"berlin", "Europe/Berlin"},
        {"munich", "Europe/Berlin"},
        {"hamburg", "Europe/Berlin"},
        {"frankfurt", "Europe/Berlin"},
        {"germany", "Europe/Berlin"},
        {"zurich", "Europe/Zurich"},
        {"geneva", "Europe/Zurich"},
        {"switzerland", "Europe/Zurich"},
        {"vienna", "Europe/Vienna"},
        {"austria", "Europe/Vienna"},
        {"rome", "Europe/Rome"},
        {"milan", "Europe/Rome"},
        {"italy", "Europe/Rome"},
        {"copenhagen", "Europe/Copenhagen"},
        {"stockholm", "Europe/Stockholm"},
        {"oslo", "Europe/Oslo"},
        {"helsinki", "Europe/Helsinki"},
        {"warsaw", "Europe/Warsaw"},
        {"poland", "Europe/Warsaw"},
        {"prague", "Europe/Prague"},
        {"budapest", "Europe/Budapest"},
        {"athens", "Europe/Athens"},
        {"istanbul", "Europe/Istanbul"},
        {"kyiv", "Europe/Kyiv"},
        {"kiev", "Europe/Kyiv"},
        {"moscow", "Europe/Moscow"},
        {"new york", "America/New_York"},
        {"nyc", "America/New_York"},
        {"boston", "America/New_York"},
        {"washington", "America/New_York"},
        {"miami", "America/New_York"},
        {"atlanta", "America/New_York"},
        {"toronto", "America/Toronto"},
        {"montreal", "America/Toronto"},
        {"chicago", "America/Chicago"},
        {"dallas", "America/Chicago"},
        {"houston", "America/Chicago"},
        {"austin", "America/Chicago"},
        {"denver", "America/Denver"},
        {"boulder", "America/Denver"},
        {"phoenix", "America/Phoenix"},
        {"los angeles", "America/Los_Angeles"},
        {"la", "America/Los_Angeles"},
        {"san francisco", "America/Los_Angeles"},
        {"seattle", "America/Los_Angeles"},
        {"portland", "America/Los_Angeles"},
        {"vancouver", "America/Vancouver"},
        {"mexico city", "America/Mexico_City"},
        {"sao paulo", "America/Sao_Paulo"},
        {"buenos aires", "America/Argentina/Buenos_Aires"},
        {"cape town", "Africa/Johannesburg"},
        {"johannesburg", "Africa/Johannesburg"},
        {"nairobi", "Africa/Nairobi"},
        {"kenya", "Africa/Nairobi"},
        {"cairo", "Africa/Cairo"},
        {"dubai", "Asia/Dubai"},
        {"mumbai", "Asia/Kolkata"},
        {"delhi", "Asia/Kolkata"},
        {"bangalore", "Asia/Kolkata"},
        {"india", "Asia/Kolkata"},
        {"singapore", "Asia/Singapore"},
        {"hong kong", "Asia/Hong_Kong"},
        {"shanghai", "Asia/Shanghai"},
        {"beijing", "Asia/Shanghai"},
        {"china", "Asia/Shanghai"},
        {"seoul", "Asia/Seoul"},
        {"tokyo", "Asia/Tokyo"},
        {"japan", "Asia/Tokyo"},
        {"sydney", "Australia/Sydney"},
        {"melbourne", "Australia/Melbourne"},
        {"brisbane", "Australia/Brisbane"},
        {"perth", "Australia/Perth"},
        {"auckland", "Pacific/Auckland"},
        {"new zealand", "Pacific/Auckland"},
        {"honolulu", "Pacific/Honolulu"},
        {"hawaii", "Pacific/Honolulu"},
    };
    return map;
}

bool zone_exists(const std::string& name) {
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::runtime_error&) {
        return false;
    }
}

/// "america/new_york" -> "America/New_York": the database's names capitalise each part.
std::string capitalise_zone_name(std::string_view text) {
    std::string out;
    bool start = true;
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        out.push_back(static_cast<char>(start ? std::toupper(c) : std::tolower(c)));
        start = raw == '/' || raw == '_' || raw == '-';
    }
    return out;
}

std::string trim(std::string_view text) {
    const auto is_junk = [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) || c == '.' || c == '!' || c == '?' ||
               c == ',' || c == ':' || c == '"';
    };
    while (!text.empty() && is_junk(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_junk(text.back())) text.remove_suffix(1);
    return std::string{text};
}

}  // namespace

std::optional<std::string> resolve_time_zone(std::string_view place) {
    const auto trimmed = trim(place);
    if (trimmed.empty() || trimmed.size() > 64) return std::nullopt;
    if (trimmed.find('/') != std::string::npos) {
        // An IANA name, maybe with spaces for underscores ("America/New York").
        std::string name = trimmed;
        for (auto& c : name) {
            if (c == ' ') c = '_';
        }
        if (zone_exists(name)) return name;
        const auto capitalised = capitalise_zone_name(name);
        if (zone_exists(capitalised)) return capitalised;
        return std::nullopt;
    }
    auto words = padded_words(trimmed);
    words = words.substr(1, words.size() - 2);
    for (const auto* prefix : {"the ", "city of "}) {
        if (words.starts_with(prefix)) words.erase(0, std::string_view{prefix}.size());
    }
    if (const auto it = places().find(words); it != places().end() && zone_exists(it->second)) {
        return it->second;
    }
    return std::nullopt;
}

std::optional<std::string> time_zone_statement(std::string_view text) {
    std::string lower;
    for (const char c : text)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    // What follows one of these cues must be, entirely, a place or a zone name.
    static const char* const kCues[] = {
        "my time zone is", "my timezone is", "time zone is", "timezone is", "time zone to",
        "timezone to",     "tz to",          "time zone:",   "timezone:",   "time zone",
        "timezone",        "tz is",          "tz:",          "tz",          "i'm in",
        "i’m in",          "im in",          "i am in",      "i live in",   "i'm based in",
        "i am based in",   "based in",       "i'm now in",   "now in",      "i moved to",
        "i'm from",        "i am from"};
    for (const char* cue : kCues) {
        const auto at = lower.find(cue);
        if (at == std::string::npos) continue;
        // The cue must start the message or follow a space ("tz" inside "ritz" does not count).
        if (at > 0 && !std::isspace(static_cast<unsigned char>(lower[at - 1]))) continue;
        const auto rest = std::string_view{text}.substr(at + std::string_view{cue}.size());
        if (!rest.empty() && std::isalnum(static_cast<unsigned char>(rest.front()))) continue;
        if (auto zone = resolve_time_zone(rest)) return zone;
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::handlers
