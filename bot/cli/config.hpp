#pragma once
/// Rubdown's configuration: one aggregate with defaults, filled from the environment and then from
/// command-line flags (flags win), validated once at start-up.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/inbox/flood_guard.hpp"
#include "intents/clock.hpp"
#include "intents/engine.hpp"

namespace rubdown::bot {

struct Config {
    std::string db_path = "rubdown.db";
    std::string listen_host = "127.0.0.1";
    std::uint16_t listen_port = 8080;
    std::string log_level = "info";
    std::string booking_url;
    std::string knowledge_path;  ///< an operator's Markdown knowledge file; empty: built-in only
    std::optional<intents::Seconds> sim_clock_start;
    std::string admin_token;

    std::string telegram_token;
    std::string telegram_api_url = "https://api.telegram.org";
    std::string telegram_mode;  ///< "polling" or "webhook" as given; empty = derived, see below
    std::string telegram_webhook_url;
    std::string telegram_webhook_secret;

    std::string slack_bot_token;
    std::string slack_signing_secret;
    std::string slack_api_url = "https://slack.com/api";

    /// The web chat (GET /, /chat/*): on unless turned off.
    bool web_chat = true;

    // Limits at the edge.
    std::size_t max_body_bytes = 1024 * 1024;
    std::chrono::seconds header_timeout{10};
    std::chrono::seconds idle_timeout{60};
    std::size_t max_connections = 2048;
    /// Unset: derived from max_connections, see effective_max_connections_per_address().
    std::optional<std::size_t> max_connections_per_address;
    unsigned io_threads = 2;
    /// A runner's messages acted on per minute, beyond a burst of as many; 0: no limit.
    std::size_t runner_messages_per_minute = FloodGuard::kDefaultPerMinute;

    // Nudges.
    std::chrono::seconds nudge_delay_after_hard{std::chrono::hours{2}};
    std::chrono::seconds nudge_grace{std::chrono::hours{6}};
    std::chrono::seconds nudge_min_gap{std::chrono::hours{24}};

    // Retention (bot/retention/retention_policy.hpp).
    /// Days a processed message's text, and a sent reply, are kept.
    int inbox_retention_days = 7;

    bool telegram_enabled() const { return !telegram_token.empty(); }
    /// The mode in force: as given, else webhook when a webhook URL is set, else polling.
    std::string effective_telegram_mode() const {
        if (!telegram_mode.empty()) return telegram_mode;
        return telegram_webhook_url.empty() ? "polling" : "webhook";
    }
    /// As given, else a quarter of max_connections (512 of the default 2048, at least 1): a
    /// single host, such as a slowloris holding idle connections, then leaves three quarters of
    /// the slots to everyone else (Telegram's and Slack's deliveries), while a reverse proxy on
    /// loopback, all of whose connections come from one address, still has hundreds at once.
    /// It follows the cap, so lowering --max-connections keeps the protection.
    std::size_t effective_max_connections_per_address() const {
        return max_connections_per_address.value_or(std::max<std::size_t>(1, max_connections / 4));
    }
    bool slack_enabled() const { return !slack_bot_token.empty() && !slack_signing_secret.empty(); }
};

/// A bad setting; the message names it ("RUBDOWN_LISTEN" or "--listen") and says what is wrong.
struct ConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One setting: its environment variable, its flag, what it means, and how to apply a value.
struct Setting {
    const char* env;
    const char* flag;
    const char* help;
    void (*apply)(Config& config, const std::string& value);
};

/// Every setting, in the order README documents them.
const std::vector<Setting>& all_settings();

/// Applies values from an environment snapshot, then flag values (flag name -> value), then
/// checks the combination. Throws ConfigError naming the offending variable or flag.
Config load_config(const std::map<std::string, std::string>& environment,
                   const std::map<std::string, std::string>& flags);

/// The process environment, limited to the variables Rubdown reads.
std::map<std::string, std::string> read_environment();

/// "2026-11-23T10:00:00Z" (also with an offset or fractional seconds) -> instant; nullopt if bad.
/// The parts of the configuration the intents and the nudge scheduler see.
intents::nudges::NudgePolicy nudge_policy(const Config& config);
/// Reads the operator's knowledge file (RUBDOWN_KNOWLEDGE): throws
/// intents::knowledge::KnowledgeFileError naming the file and line of a problem.
intents::EngineSettings engine_settings(const Config& config);

std::optional<intents::Seconds> parse_iso_instant(const std::string& text);
std::string format_iso_instant(intents::Seconds instant);

}  // namespace rubdown::bot
