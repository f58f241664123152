#pragma once
/// The nudge rules as pure functions: value types in, decisions out. No repository, no clock: the
/// caller passes `now` and the facts it read, so every rule is tested with plain data.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/clock.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::nudges {

/// What the rules need to know about a runner besides the user row.
struct NudgeFacts {
    std::vector<storage::Booking> bookings;
    /// When the last nudge went out to this runner, if ever.
    std::optional<storage::UnixSeconds> last_sent;
    /// The runner's other pending nudges (used when planning, for the daily cap).
    std::vector<storage::Nudge> pending;
    /// The race a nudge is about, when it has one (used when deciding a due nudge).
    std::optional<storage::Race> race;
    /// The nudges already sent about the race being planned (used when planning it again).
    std::vector<storage::Nudge> sent_for_race;
};

enum class DueAction {
    send,      ///< send it now
    expire,    ///< too late to be useful (past grace or not_after): mark expired
    cancel,    ///< pointless now (booked, stopped, inactive, race cancelled): mark cancelled
    postpone,  ///< not now (quiet hours, paused, daily cap): set due_at to `until`
};

struct DueDecision {
    DueAction action = DueAction::send;
    Seconds until{};          ///< the new due instant, for postpone
    std::string_view reason;  ///< short and stable, for logs and metrics ("quiet_hours", "booked")
};

/// What to do with a nudge whose due instant has come. The scheduler calls it for each due row;
/// `facts` needs bookings, last_sent and (for race nudges) the nudge's race.
DueDecision decide_due(const storage::Nudge& nudge, const storage::User& user,
                       const NudgeFacts& facts, Seconds now, const NudgePolicy& policy);

/// What to do with a nudge's message that is about to go out at `now` after waiting in the outbox
/// (a platform outage, a long queue): send it, hold it (`until`) out of the runner's quiet hours,
/// or drop it (`expire`) once it would be later than the grace period, as decide_due() would.
/// Only the timing is judged: a booking or a stop since the nudge went into the outbox is not.
DueDecision decide_queued_nudge(const storage::Nudge& nudge, const storage::User& user, Seconds now,
                                const NudgePolicy& policy);

/// Whether the runner may be nudged at all: active on their channel and nudges not stopped.
bool may_nudge(const storage::User& user);

/// How many of the runner's previous runs (newest first) judge "much longer than usual".
inline constexpr std::size_t kRunsForMedian = 10;

/// Flagged hard or logged with hard effort: hard whatever the runner's history.
bool flagged_hard(const storage::Run& run);

/// A hard session: flagged hard, hard effort, or much longer (> 1.5x) than the median of the
/// runner's previous runs (`previous_runs`, newest first; the first kRunsForMedian count, and a
/// few are needed to judge).
bool is_hard_session(const storage::Run& run, const std::vector<storage::Run>& previous_runs);

/// A massage booked for a date within `policy.booked_suppresses_within` of now (either side), or
/// a booking without a date recorded that recently.
bool booking_is_recent(const storage::Booking& booking, const storage::User& user, Seconds now,
                       const NudgePolicy& policy);

/// A booking that serves as the pre-race massage for `race`: dated in the week before race day,
/// or without a date and recorded in that week.
bool booking_covers_race(const storage::Booking& booking, const storage::User& user,
                         const storage::Race& race);

/// Whether two nudges at `a` and `b` would be closer than min_gap_between_nudges (the one-a-day
/// cap used when planning).
bool within_min_gap(Seconds a, Seconds b, const NudgePolicy& policy);

/// How much less than the minimum gap a nudge may follow the last one sent: daily_cap_slack for
/// the default day-long gap, scaled down with a shorter gap so that the cap still holds.
std::chrono::seconds cap_slack(const NudgePolicy& policy);

/// Whether a nudge at `next` would come too soon after the last one sent, at `last`.
bool too_soon_after_last_sent(Seconds last, Seconds next, const NudgePolicy& policy);

/// When the after-hard-session nudge of `run` goes if it is planned at `now`: the delay after the
/// run was logged (now, if that is unknown), not before `now`, and out of quiet hours.
Seconds after_hard_session_due(const storage::User& user, const storage::Run& run, Seconds now,
                               const NudgePolicy& policy);

/// The after-hard-session nudge for a run that was just logged, if one is due.
std::optional<storage::Nudge> plan_after_hard_session(
    const storage::User& user, const storage::Run& run,
    const std::vector<storage::Run>& previous_runs, const NudgeFacts& facts, Seconds now,
    const NudgePolicy& policy);

/// The pre-race (D-5 and D-4 at 09:00) and post-race (D+1 at 10:00) nudges of a race, local to
/// the runner, leaving out those already past, the pre-race ones a booking already covers and
/// those `facts.sent_for_race` shows were sent for this race day already. Planning a race again
/// (a new time zone, reminders resumed) sends at once, out of quiet hours, a nudge that was still
/// pending in `facts.pending` but whose new local time has just gone by.
std::vector<storage::Nudge> plan_race_nudges(const storage::User& user, const storage::Race& race,
                                             const NudgeFacts& facts, Seconds now);

/// Whether pressing "Remind me tomorrow" replaces a pending nudge of this kind (the race nudges
/// stay: they are reminders of their own).
bool replaced_by_snooze(storage::NudgeKind kind);

enum class SnoozeOutcome {
    planned,
    reminders_off,    ///< the runner stopped nudges or blocked the bot
    reminder_coming,  ///< a race nudge in `facts.pending` reminds the runner that day anyway
    race_too_close,   ///< tomorrow is past the pre-race massage window of a race this week
};

struct SnoozePlan {
    SnoozeOutcome outcome = SnoozeOutcome::planned;
    std::optional<storage::Nudge> nudge;  ///< set when planned
};

/// The snoozed nudge 24 h from now, out of quiet hours. It belongs to `next_race` when that race
/// is within a week, and then never goes out after the pre-race massage window (the end of D-3):
/// it asks whether a massage is booked, and closer to the race one should not be.
SnoozePlan plan_snooze(const storage::User& user, const std::optional<storage::Race>& next_race,
                       const NudgeFacts& facts, Seconds now, const NudgePolicy& policy);

/// Whether recording `booking` makes the pending `nudge` pointless. `race` is the nudge's race.
bool booking_cancels(const storage::Nudge& nudge, const storage::Booking& booking,
                     const storage::User& user, const std::optional<storage::Race>& race);

/// Whether the pre-race massage window (3-5 days before) is still ahead for a race on `race_date`
/// (ISO local date): true until the end of D-3, local to the runner.
bool pre_race_window_open(const storage::User& user, const std::string& race_date, Seconds now);

/// The end of that window: local midnight after D-3, as a UTC instant.
std::optional<Seconds> pre_race_window_end(const storage::User& user, const std::string& race_date);

/// Local midnight at the start of race day, as the UTC instant after which no pre-race nudge goes.
std::optional<Seconds> race_day_start(const storage::User& user, const std::string& race_date);

}  // namespace rubdown::intents::nudges
