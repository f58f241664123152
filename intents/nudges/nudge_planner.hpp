#pragma once
/// When to nudge a runner to book a massage. The rules are pure functions over value types; the
/// `apply_*` functions write their decisions through the repositories and are what handlers call.

#include <chrono>
#include <optional>
#include <vector>

#include "intents/clock.hpp"
#include "intents/message.hpp"
#include "storage/repositories.hpp"

namespace rubdown::intents::nudges {

/// Operator-tunable rules (configurable at start-up).
struct NudgePolicy {
    std::chrono::seconds after_hard_session_delay{std::chrono::hours{2}};
    std::chrono::seconds min_gap_between_nudges{std::chrono::hours{24}};
    std::chrono::seconds grace_period{std::chrono::hours{6}};
    std::chrono::seconds booked_suppresses_within{std::chrono::hours{48}};
};

/// Called by log_run after storing a run. Plans an after-hard-session nudge when the run is hard.
void apply_run_logged(storage::Repositories& repos, const storage::User& user,
                      const storage::Run& run, Seconds now, const NudgePolicy& policy);

/// Called by set_race after storing, moving or cancelling a race: cancels its old nudges and
/// plans the pre-race (D-5, D-4 at 09:00 local) and post-race (D+1 10:00 local) ones.
void apply_race_changed(storage::Repositories& repos, const storage::User& user,
                        const storage::Race& race, Seconds now, const NudgePolicy& policy);

/// Called when a booking is recorded: cancels the nudges it makes pointless.
void apply_booking(storage::Repositories& repos, const storage::User& user,
                   const storage::Booking& booking, Seconds now);

/// Called when the runner stops nudges: cancels every pending one.
void apply_nudges_stopped(storage::Repositories& repos, const storage::User& user);

/// "Remind me tomorrow": a snoozed nudge 24 h later, moved out of quiet hours.
void apply_snooze(storage::Repositories& repos, const storage::User& user, Seconds now,
                  const NudgePolicy& policy);

/// Whether the pre-race massage window (3-5 days before) is still ahead for a race on `race_date`.
bool pre_race_window_open(const storage::User& user, const std::string& race_date, Seconds now);

/// The message a due nudge sends, with its buttons (Book now, Booked ✓, Remind me tomorrow, Stop).
Reply nudge_message(const storage::Nudge& nudge, const storage::User& user,
                    const std::optional<storage::Race>& race, const std::string& booking_url);

}  // namespace rubdown::intents::nudges
