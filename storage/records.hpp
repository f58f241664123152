#pragma once
/// Value types stored by Rubdown. Plain data, no database types: every repository takes and returns
/// these, so the intents and the adapters never see SQLite.

#include <cstdint>
#include <optional>
#include <string>

namespace rubdown::storage {

/// Seconds since the Unix epoch, UTC. Every stored instant uses it; local dates are ISO strings.
using UnixSeconds = std::int64_t;

/// A runner, keyed by their channel identity ("telegram:42", "slack:T1:U2", "console:ana").
struct User {
    std::int64_t id = 0;
    std::string key;      ///< channel identity, unique
    std::string channel;  ///< "telegram", "slack", "console"
    std::string chat_id;  ///< where replies and nudges go on that channel
    /// Where the bot can write to the runner alone (their private chat); empty until they have
    /// written from one (a Telegram bot cannot start a private chat with a runner).
    std::string private_chat;
    std::string display_name;
    std::string time_zone = "UTC";  ///< IANA zone name
    bool time_zone_known = false;   ///< false until the runner tells us; asked once
    bool time_zone_asked = false;
    bool active = true;  ///< false once the platform says the bot is blocked
    // Nudge preferences.
    bool nudges_stopped = false;
    UnixSeconds nudges_paused_until = 0;  ///< 0 = not paused
    int quiet_start_minute = 21 * 60;     ///< local minutes after midnight
    int quiet_end_minute = 8 * 60;
    int quiet_days = 0;  ///< bit d set: no nudges on that local weekday (bit 0 Monday .. 6 Sunday)
    std::string units;   ///< "km" or "mi" for replies; empty until known (km is shown)
    bool units_chosen = false;  ///< said by the runner, not taken from how they talk
    UnixSeconds created_at = 0;
};

enum class Effort { unknown, easy, moderate, hard };

struct Run {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string date;  ///< ISO local date of the run, "2026-11-22"
    std::optional<double> distance_km;
    std::optional<std::int64_t> duration_s;
    Effort effort = Effort::unknown;
    bool hard = false;  ///< hard effort, RPE >= 7, or a race: the nudge planner's signal
    std::string text;   ///< what the runner wrote
    UnixSeconds logged_at = 0;
    /// The platform message that told it ("telegram:<chat>:<message_id>"), empty when none: an
    /// edit of that message changes this run instead of logging another.
    std::string source_id;
    std::int64_t source_version = 0;  ///< the edit it was last set from (0: the original)
};

/// What a change did to a runner's log, kept so that /undo can take back the last one, whatever
/// it was.
enum class RunChangeKind { logged, edited, deleted };

struct RunChange {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    RunChangeKind kind = RunChangeKind::logged;
    /// logged: the run as logged; edited and deleted: the run as it was before.
    Run run;
    UnixSeconds changed_at = 0;
};

struct Race {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string date;  ///< ISO local date
    std::optional<double> distance_km;
    std::string name;
    bool cancelled = false;
    UnixSeconds updated_at = 0;
    std::string source_id;  ///< as for Run
    std::int64_t source_version = 0;
};

struct Booking {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::optional<std::string> date;  ///< ISO local date of the massage, when the runner said it
    UnixSeconds recorded_at = 0;
};

/// A message received from a channel, recorded before it is acknowledged.
struct InboxEntry {
    std::int64_t id = 0;
    std::string dedup_key;  ///< e.g. "telegram:update:123", "slack:event:Ev01"
    std::string channel;
    std::string user_key;
    std::string chat_id;
    std::string display_name;
    std::string text;
    std::string action;             ///< a button press's action, empty for typed text
    std::string reply_context;      ///< opaque, channel-specific (JSON): how to answer in place
    std::string source_id;          ///< the platform's id of the runner's message, if any
    std::int64_t edit_version = 0;  ///< 0 for a message as sent; rises with each edit of it
    UnixSeconds received_at = 0;
    bool processed = false;
};

enum class OutboxStatus { pending, sending, sent, failed };

/// A message waiting to be sent (or sent) on a channel.
struct OutboxMessage {
    std::int64_t id = 0;
    std::string channel;
    std::string chat_id;
    std::int64_t user_id = 0;
    std::string text;
    std::string buttons_json = "[]";  ///< serialised buttons (see intents/message.hpp)
    std::string reply_context;        ///< copied from the inbox entry it answers, if any
    std::optional<std::int64_t> nudge_id;
    bool edit_original = false;  ///< replace the message whose button was pressed
    OutboxStatus status = OutboxStatus::pending;
    int attempts = 0;
    /// The row's first platform calls that went out (parts of a long reply): an attempt resumes
    /// after them, also after a restart.
    int calls_done = 0;
    UnixSeconds not_before = 0;  ///< earliest instant for the next attempt
    UnixSeconds created_at = 0;
    std::string last_error;
    /// An image sent with the text (a chart): the bytes of a PNG file, empty for none, and its
    /// description for those who cannot see it (alt text; the console's fallback).
    std::string image_png;
    std::string image_alt;
};

enum class NudgeKind { after_hard_session, pre_race_first, pre_race_second, post_race, snoozed };
enum class NudgeState { pending, claimed, sent, failed, cancelled, expired };

struct Nudge {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    NudgeKind kind = NudgeKind::after_hard_session;
    UnixSeconds due_at = 0;
    /// Never send after this instant (e.g. the race start for a pre-race nudge); 0 = no limit.
    UnixSeconds not_after = 0;
    std::optional<std::int64_t> race_id;
    std::optional<std::int64_t> run_id;
    NudgeState state = NudgeState::pending;
    int attempts = 0;
    UnixSeconds created_at = 0;
    UnixSeconds sent_at = 0;
};

/// How many messages of one day (UTC), on one channel, the bot understood as one thing.
struct ActivityCount {
    std::string day;  ///< "2026-12-07"
    std::string channel;
    std::string understood_as;  ///< an NLU label, "button", "red_flag", "not_understood"...
    std::int64_t messages = 0;
};

/// A message the bot did not understand, kept for the operator (to improve the bot) as long as
/// the retention of texts allows.
struct NotUnderstood {
    std::int64_t id = 0;
    std::string channel;
    std::string text;
    UnixSeconds received_at = 0;
};

/// A runner as the operator's dashboard lists them.
struct RunnerSummary {
    User user;
    UnixSeconds last_seen_at = 0;
    std::int64_t runs = 0;
    double distance_km = 0;
};

/// The nudges' funnel since an instant: what the bot planned and what runners did with it.
struct NudgeFigures {
    std::int64_t planned = 0;    ///< planned since
    std::int64_t pending = 0;    ///< waiting to be sent now
    std::int64_t sent = 0;       ///< sent since
    std::int64_t booked = 0;     ///< bookings recorded since ("Booked ✓")
    std::int64_t snoozed = 0;    ///< snoozes asked since
    std::int64_t cancelled = 0;  ///< of those planned since, called off (a red flag, an undo...)
    std::int64_t expired = 0;    ///< of those planned since, too late after an outage
    std::int64_t stopped = 0;    ///< runners who said stop (now)
    std::int64_t paused = 0;     ///< runners paused now
};

/// One channel's outbox as it stands.
struct OutboxFigures {
    std::string channel;
    std::int64_t queued = 0;    ///< pending, never tried
    std::int64_t retrying = 0;  ///< pending after a failed attempt
    std::int64_t sending = 0;
    std::int64_t failed = 0;  ///< given up (kept until pruned)
    std::int64_t sent = 0;    ///< kept until pruned
};

std::string to_string(Effort effort);
Effort effort_from_string(const std::string& text);
std::string to_string(RunChangeKind kind);
RunChangeKind run_change_kind_from_string(const std::string& text);
std::string to_string(OutboxStatus status);
OutboxStatus outbox_status_from_string(const std::string& text);
std::string to_string(NudgeKind kind);
NudgeKind nudge_kind_from_string(const std::string& text);
std::string to_string(NudgeState state);
NudgeState nudge_state_from_string(const std::string& text);

}  // namespace rubdown::storage
