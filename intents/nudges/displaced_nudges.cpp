#include "intents/nudges/displaced_nudges.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::nudges {

namespace {

/// What the rules below judge a displaced run's nudge by.
struct Displaced {
    const storage::User& user;
    const storage::Run& run;
    const NudgeFacts& facts;
    Seconds own_time;  ///< when it would have gone, had nothing displaced it
    Seconds due;       ///< when it would go, planned now
    const NudgePolicy& policy;
};

struct KeptOut {
    std::string_view reason;
    bool (*applies)(const Displaced&);
};

/// Why a displaced nudge stays out although what displaced it is gone: what happened since the
/// run was logged, which plan_after_hard_session() does not look at (it plans at logging). The
/// first that applies gives the reason.
constexpr std::array kKeptOut{
    // Planned again by an earlier cancellation: a run gets one nudge.
    KeptOut{"already_planned",
            [](const Displaced& d) {
                return std::any_of(d.facts.pending.begin(), d.facts.pending.end(),
                                   [&](const storage::Nudge& other) {
                                       return other.run_id && *other.run_id == d.run.id;
                                   });
            }},
    // A nudge went out since: the runner was reminded after this session (and the run's own nudge,
    // planned again and sent, is among those).
    KeptOut{"reminded_since",
            [](const Displaced& d) {
                return d.facts.last_sent && *d.facts.last_sent >= d.run.logged_at;
            }},
    // A booking recorded since would have cancelled the nudge, had it been pending then.
    KeptOut{"booked_since",
            [](const Displaced& d) {
                storage::Nudge probe;
                probe.kind = storage::NudgeKind::after_hard_session;
                return std::any_of(d.facts.bookings.begin(), d.facts.bookings.end(),
                                   [&](const storage::Booking& booking) {
                                       return booking.recorded_at >= d.run.logged_at &&
                                              booking_cancels(probe, booking, d.user, std::nullopt);
                                   });
            }},
    // Later than the grace period after its time: decide_due() would expire it as late.
    KeptOut{"late", [](const Displaced& d) { return d.due - d.own_time > d.policy.grace_period; }},
};

}  // namespace

bool displaced(const storage::Run& run, const storage::Nudge& other, const storage::User& user,
               const NudgePolicy& policy) {
    // Without the instant it was logged, the run cannot be placed against the other nudge.
    if (run.logged_at == 0 || other.kind == storage::NudgeKind::snoozed) return false;
    if (other.run_id && *other.run_id == run.id) return false;
    if (other.created_at > run.logged_at) return false;
    const auto own_time = after_hard_session_due(user, run, from_unix(run.logged_at), policy);
    return within_min_gap(from_unix(other.due_at), own_time, policy);
}

std::vector<DisplacedVerdict> plan_displaced(const storage::User& user,
                                             const std::vector<storage::Nudge>& cancelled,
                                             const std::vector<storage::Run>& runs,
                                             const NudgeFacts& facts, Seconds now,
                                             const NudgePolicy& policy) {
    std::vector<DisplacedVerdict> verdicts;
    auto current = facts;
    // Oldest first, as they were logged: a nudge planned for one is in the way of the next.
    for (auto at = runs.size(); at-- > 0;) {
        const auto& run = runs[at];
        const bool was_displaced = std::any_of(
            cancelled.begin(), cancelled.end(),
            [&](const storage::Nudge& other) { return displaced(run, other, user, policy); });
        if (!was_displaced) continue;

        const Displaced judged{user,
                               run,
                               current,
                               after_hard_session_due(user, run, from_unix(run.logged_at), policy),
                               after_hard_session_due(user, run, now, policy),
                               policy};
        DisplacedVerdict verdict{run.id, std::nullopt, "planned"};
        const auto kept_out =
            std::find_if(kKeptOut.begin(), kKeptOut.end(),
                         [&](const KeptOut& rule) { return rule.applies(judged); });
        if (kept_out != kKeptOut.end()) {
            verdict.reason = kept_out->reason;
        } else {
            const std::vector<storage::Run> previous(
                runs.begin() + static_cast<std::ptrdiff_t>(at) + 1, runs.end());
            verdict.nudge = plan_after_hard_session(user, run, previous, current, now, policy);
            if (verdict.nudge) {
                current.pending.push_back(*verdict.nudge);
            } else {
                verdict.reason = "planning_rules";
            }
        }
        verdicts.push_back(verdict);
    }
    return verdicts;
}

}  // namespace rubdown::intents::nudges
