#pragma once
/// When to nudge a runner to book a massage. The rules are pure functions over value types; the
/// `apply_*` functions write their decisions through the repositories and are what handlers call.

#include <chrono>
#include <optional>
#include <vector>

#include "intents/clock.hpp"
#include "intents/message.hpp"
#include "intents/nudges/nudge_message.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "intents/nudges/nudge_rules.hpp"
#include "storage/repositories.hpp"

namespace rubdown::intents::nudges {

/// Called by log_run after storing a run. Plans an after-hard-session nudge when the run is hard
/// and returns it (none: nothing was planned, so the reply should promise no reminder).
std::optional<storage::Nudge> apply_run_logged(storage::Repositories& repos,
                                               const storage::User& user, const storage::Run& run,
                                               Seconds now, const NudgePolicy& policy);

/// Called by set_race after storing, moving or cancelling a race, and for every upcoming race
/// when the time zone changes or reminders resume: cancels its old nudges and plans the pre-race
/// (D-5, D-4 at 09:00 local) and post-race (D+1 10:00 local) ones, leaving out those already sent
/// for this race day. A snooze the runner asked for stays, unless the race is cancelled or the
/// snooze would now come after the race's massage window. A hard run's nudge that one of the old
/// nudges displaced may come back (apply_nudges_cancelled).
void apply_race_changed(storage::Repositories& repos, const storage::User& user,
                        const storage::Race& race, Seconds now, const NudgePolicy& policy);

/// Called when a booking is recorded: cancels the nudges it makes pointless. Nothing it cancels
/// brings a displaced nudge back: a booking cancels every after-hard-session nudge
/// (booking_cancels), so one recorded after a run rules out that run's nudge too ("booked_since").
void apply_booking(storage::Repositories& repos, const storage::User& user,
                   const storage::Booking& booking, Seconds now);

/// Called when a message carries a medical red flag: cancels the pending reminders to book a
/// massage that no race is behind (after a hard session, snoozed), since the runner should not
/// book one until cleared. Returns how many it cancelled.
std::size_t apply_red_flag(storage::Repositories& repos, const storage::User& user);

/// Called when the runner stops nudges: cancels every pending one.
void apply_nudges_stopped(storage::Repositories& repos, const storage::User& user);

/// Called after `cancelled` nudges were cancelled because what they were about changed (a race
/// moved or called off): plans again the after-hard-session nudges they had displaced, where the
/// rules still want them (plan_displaced), never a second one for a run. Not for cancellations the
/// runner asked for (stop, snooze) or a red flag: those say no nudge, which this could undo.
void apply_nudges_cancelled(storage::Repositories& repos, const storage::User& user,
                            const std::vector<storage::Nudge>& cancelled, Seconds now,
                            const NudgePolicy& policy);

/// "Remind me tomorrow": a snoozed nudge 24 h later, moved out of quiet hours. Says whether it
/// was planned, or why not, for the reply.
SnoozeOutcome apply_snooze(storage::Repositories& repos, const storage::User& user, Seconds now,
                           const NudgePolicy& policy);

/// For the scheduler: the facts decide_due() needs about a due nudge (bookings, last sent, race).
NudgeFacts read_due_facts(storage::Repositories& repos, const storage::Nudge& nudge);

/// For the scheduler: writes an expire / cancel / postpone decision to the nudge's row. A `send`
/// decision writes nothing: sending (outbox, state sent) is the scheduler's job.
void record_due_decision(storage::Repositories& repos, storage::Nudge nudge,
                         const DueDecision& decision);

// pre_race_window_open() and decide_due() are pure rules: see nudge_rules.hpp.
// nudge_message() builds the text and buttons of a due nudge: see nudge_message.hpp.

}  // namespace rubdown::intents::nudges
