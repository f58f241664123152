#include "bot/cli/config.hpp"

#include <charconv>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include <date/date.h>
#include <boost/asio/ip/address.hpp>

#include "intents/knowledge/live_knowledge.hpp"

namespace rubdown::bot {

namespace {

long long parse_integer(const std::string& value, long long min, long long max) {
    long long number = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, error] = std::from_chars(value.data(), end, number);
    if (error != std::errc{} || ptr != end || value.empty())
        throw ConfigError("'" + value + "' is not a whole number");
    if (number < min || number > max)
        throw ConfigError(value + " is out of range (" + std::to_string(min) + " to " +
                          std::to_string(max) + ")");
    return number;
}

void require_http_url(const std::string& value) {
    if (value.rfind("https://", 0) != 0 && value.rfind("http://", 0) != 0)
        throw ConfigError("'" + value + "' is not an http:// or https:// URL");
}

void apply_listen(Config& config, const std::string& value) {
    // address:port, with [v6]:port for IPv6 addresses; "localhost" is the IPv4 loopback. Other
    // names are refused rather than resolved: a name can stand for several addresses, and the
    // server listens on one.
    const auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw ConfigError("'" + value + "' is not address:port (e.g. 127.0.0.1:8080)");
    auto host = value.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    boost::system::error_code not_an_address;
    boost::asio::ip::make_address(host, not_an_address);
    if (not_an_address)
        throw ConfigError("'" + host + "' is not an IP address or localhost (e.g. 127.0.0.1:8080)");
    config.listen_host = host;
    config.listen_port =
        static_cast<std::uint16_t>(parse_integer(value.substr(colon + 1), 0, 65535));
}

void apply_log_level(Config& config, const std::string& value) {
    static const char* const kLevels[] = {"trace", "debug", "info", "warn", "error", "off"};
    for (const char* level : kLevels)
        if (value == level) {
            config.log_level = value;
            return;
        }
    throw ConfigError("'" + value + "' is not one of trace, debug, info, warn, error, off");
}

void apply_sim_clock(Config& config, const std::string& value) {
    auto instant = parse_iso_instant(value);
    if (!instant)
        throw ConfigError("'" + value + "' is not an ISO instant like 2026-11-23T10:00:00Z");
    config.sim_clock_start = instant;
}

void apply_telegram_mode(Config& config, const std::string& value) {
    if (value != "polling" && value != "webhook")
        throw ConfigError("'" + value + "' is not polling or webhook");
    config.telegram_mode = value;
}

void apply_webhook_secret(Config& config, const std::string& value) {
    // Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and -.
    const bool valid_chars =
        value.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") ==
        std::string::npos;
    if (value.empty() || value.size() > 256 || !valid_chars)
        throw ConfigError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
    config.telegram_webhook_secret = value;
}

std::chrono::seconds parse_hours(const std::string& value) {
    return std::chrono::hours{parse_integer(value, 0, 24 * 30)};
}

}  // namespace

const std::vector<Setting>& all_settings() {
    static const std::vector<Setting> settings{
        {"RUBDOWN_DB", "--db", "SQLite database file (default rubdown.db)",
         [](Config& c, const std::string& v) {
             // An in-memory database would lose every acknowledged message at a restart.
             if (v == ":memory:")
                 throw ConfigError("':memory:' keeps nothing across a restart; give a file path");
             c.db_path = v;
         }},
        {"RUBDOWN_LISTEN", "--listen",
         "address and port of the HTTP server (default 127.0.0.1:8080)", apply_listen},
        {"RUBDOWN_LOG_LEVEL", "--log-level",
         "trace, debug, info, warn, error or off (default info)", apply_log_level},
        {"RUBDOWN_BOOKING_URL", "--booking-url", "where \"Book now\" sends a runner",
         [](Config& c, const std::string& v) {
             require_http_url(v);
             c.booking_url = v;
         }},
        {"RUBDOWN_KNOWLEDGE", "--knowledge",
         "an operator's Markdown file of questions and answers (reloaded on SIGHUP)",
         [](Config& c, const std::string& v) { c.knowledge_path = v; }},
        {"RUBDOWN_SIM_CLOCK", "--sim-clock",
         "ISO instant: run on a simulated clock that starts there (tests and demos)",
         apply_sim_clock},
        {"RUBDOWN_ADMIN_TOKEN", "--admin-token", "bearer token for /admin/*",
         [](Config& c, const std::string& v) { c.admin_token = v; }},
        {"RUBDOWN_IO_THREADS", "--io-threads", "threads serving HTTP (default 2)",
         [](Config& c, const std::string& v) {
             c.io_threads = static_cast<unsigned>(parse_integer(v, 1, 64));
         }},
        {"RUBDOWN_MAX_BODY_BYTES", "--max-body-bytes",
         "largest request body accepted (default 1048576)",
         [](Config& c, const std::string& v) {
             c.max_body_bytes = static_cast<std::size_t>(parse_integer(v, 1024, 64 << 20));
         }},
        {"RUBDOWN_MAX_CONNECTIONS", "--max-connections", "open connections at most (default 2048)",
         [](Config& c, const std::string& v) {
             c.max_connections = static_cast<std::size_t>(parse_integer(v, 1, 1000000));
         }},
        {"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "--max-connections-per-address",
         "open connections one remote address may hold (default a quarter of the cap, 512)",
         [](Config& c, const std::string& v) {
             c.max_connections_per_address = static_cast<std::size_t>(parse_integer(v, 1, 1000000));
         }},
        {"RUBDOWN_RUNNER_MESSAGES_PER_MINUTE", "--runner-messages-per-minute",
         "a runner's messages acted on per minute, beyond a burst of as many; the rest are "
         "recorded and set aside (default 30, 0 for no limit)",
         [](Config& c, const std::string& v) {
             c.runner_messages_per_minute = static_cast<std::size_t>(parse_integer(v, 0, 100000));
         }},
        {"RUBDOWN_HEADER_TIMEOUT", "--header-timeout",
         "seconds a client has to send a request's headers (default 10)",
         [](Config& c, const std::string& v) {
             c.header_timeout = std::chrono::seconds{parse_integer(v, 1, 3600)};
         }},
        {"RUBDOWN_IDLE_TIMEOUT", "--idle-timeout",
         "seconds an idle keep-alive connection stays open (default 60)",
         [](Config& c, const std::string& v) {
             c.idle_timeout = std::chrono::seconds{parse_integer(v, 1, 3600)};
         }},
        {"RUBDOWN_NUDGE_DELAY_HOURS", "--nudge-delay-hours",
         "hours after a hard session before the booking nudge (default 2)",
         [](Config& c, const std::string& v) { c.nudge_delay_after_hard = parse_hours(v); }},
        {"RUBDOWN_NUDGE_GRACE_HOURS", "--nudge-grace-hours",
         "a nudge late by more than this after downtime expires (default 6)",
         [](Config& c, const std::string& v) { c.nudge_grace = parse_hours(v); }},
        {"RUBDOWN_INBOX_RETENTION_DAYS", "--inbox-retention-days",
         "days the texts of processed messages and sent replies are kept (default 7)",
         [](Config& c, const std::string& v) {
             c.inbox_retention_days = static_cast<int>(parse_integer(v, 0, 3650));
         }},
        {"RUBDOWN_NUDGE_MIN_GAP_HOURS", "--nudge-min-gap-hours",
         "at most one nudge per this many hours (default 24)",
         [](Config& c, const std::string& v) { c.nudge_min_gap = parse_hours(v); }},
        {"TELEGRAM_BOT_TOKEN", "--telegram-token", "enables the Telegram channel",
         [](Config& c, const std::string& v) {
             if (v.find(':') == std::string::npos)
                 throw ConfigError("does not look like a bot token from @BotFather (id:secret)");
             c.telegram_token = v;
         }},
        {"TELEGRAM_API_URL", "--telegram-api-url",
         "Bot API base URL (default https://api.telegram.org)",
         [](Config& c, const std::string& v) {
             require_http_url(v);
             c.telegram_api_url = v;
         }},
        {"TELEGRAM_MODE", "--telegram-mode",
         "polling or webhook (default: webhook when a webhook URL is set)", apply_telegram_mode},
        {"TELEGRAM_WEBHOOK_URL", "--telegram-webhook-url",
         "public HTTPS URL registered with setWebhook",
         [](Config& c, const std::string& v) {
             require_http_url(v);
             c.telegram_webhook_url = v;
         }},
        {"TELEGRAM_WEBHOOK_SECRET", "--telegram-webhook-secret",
         "secret checked on every webhook delivery (required in webhook mode)",
         apply_webhook_secret},
        {"SLACK_BOT_TOKEN", "--slack-bot-token",
         "Slack bot token (xoxb-...); with the signing secret, enables Slack",
         [](Config& c, const std::string& v) { c.slack_bot_token = v; }},
        {"SLACK_SIGNING_SECRET", "--slack-signing-secret", "Slack app signing secret",
         [](Config& c, const std::string& v) { c.slack_signing_secret = v; }},
        {"RUBDOWN_WEB_CHAT", "--web-chat",
         "on or off: the web chat page at / for runners (default on)",
         [](Config& c, const std::string& v) {
             if (v != "on" && v != "off") throw ConfigError("'" + v + "' is not on or off");
             c.web_chat = v == "on";
         }},
        {"SLACK_API_URL", "--slack-api-url", "Web API base URL (default https://slack.com/api)",
         [](Config& c, const std::string& v) {
             require_http_url(v);
             c.slack_api_url = v;
         }},
    };
    return settings;
}

Config load_config(const std::map<std::string, std::string>& environment,
                   const std::map<std::string, std::string>& flags) {
    Config config;
    // An empty value is refused, not taken as unset: `TELEGRAM_BOT_TOKEN=` left by a template
    // would otherwise start the bot quietly without its channel.
    const auto apply = [&config](const Setting& setting, const char* name,
                                 const std::string& value) {
        try {
            if (value.empty()) throw ConfigError("is set but empty; give it a value or unset it");
            setting.apply(config, value);
        } catch (const ConfigError& error) {
            throw ConfigError(std::string(name) + ": " + error.what());
        }
    };
    for (const auto& setting : all_settings())
        if (auto it = environment.find(setting.env); it != environment.end())
            apply(setting, setting.env, it->second);
    for (const auto& setting : all_settings())
        if (auto it = flags.find(setting.flag); it != flags.end())
            apply(setting, setting.flag, it->second);
    if (config.telegram_enabled() && config.effective_telegram_mode() == "webhook" &&
        config.telegram_webhook_secret.empty())
        throw ConfigError("TELEGRAM_WEBHOOK_SECRET: required in webhook mode");
    if (config.slack_bot_token.empty() != config.slack_signing_secret.empty())
        throw ConfigError(std::string(config.slack_bot_token.empty() ? "SLACK_BOT_TOKEN"
                                                                     : "SLACK_SIGNING_SECRET") +
                          ": Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET");
    return config;
}

std::map<std::string, std::string> read_environment() {
    std::map<std::string, std::string> environment;
    for (const auto& setting : all_settings())
        if (const char* value = std::getenv(setting.env)) environment[setting.env] = value;
    return environment;
}

intents::nudges::NudgePolicy nudge_policy(const Config& config) {
    intents::nudges::NudgePolicy policy;
    policy.after_hard_session_delay = config.nudge_delay_after_hard;
    policy.grace_period = config.nudge_grace;
    policy.min_gap_between_nudges = config.nudge_min_gap;
    return policy;
}

intents::EngineSettings engine_settings(const Config& config) {
    return intents::EngineSettings{config.booking_url, nudge_policy(config),
                                   std::make_shared<intents::knowledge::LiveKnowledge>(
                                       intents::knowledge::build_knowledge(config.knowledge_path))};
}

namespace {

/// "YYYY-MM-DDTHH:MM:SS", optional fraction, then Z, +hh, +hhmm or +hh:mm (or -): the shape
/// checked before date::parse sees the text. When reading %T stops before the seconds ("09:p0:00"),
/// date::parse still converts its uninitialised seconds variable to an integer, which is undefined
/// behaviour (a NaN there was caught by fuzzing /admin/clock). With digits where digits belong,
/// the seconds are always read first.
bool has_iso_instant_shape(std::string_view text) {
    const auto digits = [&](std::size_t at, std::size_t count) {
        if (text.size() < at + count) return false;
        for (std::size_t i = at; i < at + count; ++i)
            if (text[i] < '0' || text[i] > '9') return false;
        return true;
    };
    const auto is = [&](std::size_t at, char c) { return at < text.size() && text[at] == c; };
    if (!(digits(0, 4) && is(4, '-') && digits(5, 2) && is(7, '-') && digits(8, 2) && is(10, 'T') &&
          digits(11, 2) && is(13, ':') && digits(14, 2) && is(16, ':') && digits(17, 2)))
        return false;
    std::size_t at = 19;
    if (is(at, '.')) {
        ++at;
        if (!digits(at, 1)) return false;
        while (digits(at, 1)) ++at;
    }
    const auto zone = text.substr(at);
    if (zone == "Z") return true;
    if (zone.empty() || (zone[0] != '+' && zone[0] != '-')) return false;
    // +hh, +hhmm or +hh:mm; date::parse would take "-99:99" as a 100-hour offset. Real offsets
    // stay within 18 hours (the widest any library accepts; the world uses -12 to +14).
    const bool colon = zone.size() == 6;
    if (!(zone.size() == 3 || zone.size() == 5 || (colon && zone[3] == ':'))) return false;
    const std::size_t minutes_at = at + (colon ? 4 : 3);
    if (!digits(at + 1, 2) || (zone.size() > 3 && !digits(minutes_at, 2))) return false;
    const auto number = [&](std::size_t from) {
        return (text[from] - '0') * 10 + (text[from + 1] - '0');
    };
    const int hours = number(at + 1);
    const int minutes = zone.size() > 3 ? number(minutes_at) : 0;
    return minutes < 60 && hours * 60 + minutes <= 18 * 60;
}

}  // namespace

// date::parse keeps a local it fills only on some paths; GCC 12 warns about it when inlined here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
std::optional<intents::Seconds> parse_iso_instant(const std::string& text) {
    if (!has_iso_instant_shape(text)) return std::nullopt;
    // Accept Z or a numeric offset, with or without fractional seconds.
    for (const char* format : {"%FT%TZ", "%FT%T%Ez", "%FT%T%z"}) {
        std::istringstream in(text);
        date::sys_time<std::chrono::milliseconds> instant;
        in >> date::parse(format, instant);
        if (!in.fail() && in.peek() == std::char_traits<char>::eof())
            return std::chrono::floor<std::chrono::seconds>(instant);
    }
    return std::nullopt;
}
#pragma GCC diagnostic pop

std::string format_iso_instant(intents::Seconds instant) {
    return date::format("%FT%TZ", instant);
}

}  // namespace rubdown::bot
