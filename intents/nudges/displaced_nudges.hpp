#pragma once
/// Displaced nudges coming back. plan_after_hard_session() plans no nudge for a hard run when
/// another nudge is due within the minimum gap of it, and nothing records the one it left out: the
/// run itself is the record. When that other nudge is cancelled (its race moved or was called
/// off), the run's nudge is decided again, by plan_after_hard_session() with today's facts and by
/// the few rules below about what happened since. Pure functions, like nudge_rules.hpp.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "intents/clock.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "intents/nudges/nudge_rules.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::nudges {

/// Whether `other`, pending from its planning until now, kept the after-hard-session nudge of
/// `run` out when the run was logged: it was planned by then and due within the minimum gap of the
/// nudge's time. The run's own nudge never displaced it, and neither did a snooze: "remind me
/// tomorrow" is not made up for by a reminder today.
bool displaced(const storage::Run& run, const storage::Nudge& other, const storage::User& user,
               const NudgePolicy& policy);

/// A run whose nudge a cancelled nudge had displaced, decided again.
struct DisplacedVerdict {
    std::int64_t run_id = 0;
    std::optional<storage::Nudge> nudge;  ///< set when planned again
    /// "planned", or why not: "already_planned" (a nudge for the run is pending), "reminded_since"
    /// (a nudge went out after the run was logged), "booked_since" (a booking recorded after the
    /// run would have cancelled its nudge), "late" (it would go later than the grace period after
    /// its time, which decide_due() expires), "planning_rules" (plan_after_hard_session() says no:
    /// stopped, paused, a recent booking, another nudge still within the gap, an old run).
    std::string_view reason;
};

/// The runs among `runs` (newest first, as RunRepository::list, each judged against the runs after
/// it) whose nudge one of the `cancelled` nudges displaced, oldest first, each decided again at
/// `now`. `facts` are the planning facts as they are now, the cancelled nudges no longer pending.
/// A nudge planned here counts for the runs after it, as it would have when they were logged.
std::vector<DisplacedVerdict> plan_displaced(const storage::User& user,
                                             const std::vector<storage::Nudge>& cancelled,
                                             const std::vector<storage::Run>& runs,
                                             const NudgeFacts& facts, Seconds now,
                                             const NudgePolicy& policy);

}  // namespace rubdown::intents::nudges
