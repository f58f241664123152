#include "intents/nudges/nudge_planner.hpp"

#include "intents/nudges/displaced_nudges.hpp"
#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::nudges {

namespace {

NudgeFacts read_planning_facts(storage::Repositories& repos, const storage::User& user) {
    NudgeFacts facts;
    facts.bookings = repos.bookings.list(user.id);
    facts.last_sent = repos.nudges.last_sent(user.id);
    facts.pending = repos.nudges.pending_for_user(user.id);
    return facts;
}

void cancel(storage::Repositories& repos, storage::Nudge nudge) {
    nudge.state = storage::NudgeState::cancelled;
    repos.nudges.update(nudge);
}

}  // namespace

std::optional<storage::Nudge> apply_run_logged(storage::Repositories& repos,
                                               const storage::User& user, const storage::Run& run,
                                               Seconds now, const NudgePolicy& policy) {
    if (!may_nudge(user)) return std::nullopt;
    // Logging a run is the commonest message, so read no more than the plan needs: the history
    // only when the run is not flagged hard, the rest only for a hard session.
    std::vector<storage::Run> previous;
    if (!flagged_hard(run)) {
        previous = repos.runs.list(user.id, kRunsForMedian + 1);  // may include this run
        std::erase_if(previous, [&](const storage::Run& other) { return other.id == run.id; });
        if (!is_hard_session(run, previous)) return std::nullopt;
    }
    const auto facts = read_planning_facts(repos, user);
    auto nudge = plan_after_hard_session(user, run, previous, facts, now, policy);
    if (nudge) nudge->id = repos.nudges.add(*nudge);
    return nudge;
}

void apply_race_changed(storage::Repositories& repos, const storage::User& user,
                        const storage::Race& race, Seconds now, const NudgePolicy& policy) {
    auto facts = read_planning_facts(repos, user);
    facts.sent_for_race = repos.nudges.sent_for_race(user.id, race.id);
    std::vector<storage::Nudge> cancelled;
    for (auto nudge : facts.pending) {
        if (!nudge.race_id || *nudge.race_id != race.id) continue;
        if (nudge.kind != storage::NudgeKind::snoozed) {
            cancel(repos, nudge);  // planned again below, for the race as it is now
            cancelled.push_back(nudge);
            continue;
        }
        // The runner asked for this one: it stays, within the moved race's window.
        const auto window_end = pre_race_window_end(user, race.date);
        if (race.cancelled || !window_end || from_unix(nudge.due_at) >= *window_end) {
            cancel(repos, nudge);
            cancelled.push_back(nudge);
        } else if (nudge.not_after != to_unix(*window_end)) {
            nudge.not_after = to_unix(*window_end);
            repos.nudges.update(nudge);
        }
    }
    for (const auto& nudge : plan_race_nudges(user, race, facts, now)) repos.nudges.add(nudge);
    // After the race's new nudges, which may displace the same runs again.
    apply_nudges_cancelled(repos, user, cancelled, now, policy);
}

void apply_booking(storage::Repositories& repos, const storage::User& user,
                   const storage::Booking& booking, Seconds /*now*/) {
    for (const auto& nudge : repos.nudges.pending_for_user(user.id)) {
        std::optional<storage::Race> race;
        if (nudge.race_id) race = repos.races.find(*nudge.race_id);
        if (booking_cancels(nudge, booking, user, race)) cancel(repos, nudge);
    }
}

std::size_t apply_red_flag(storage::Repositories& repos, const storage::User& user) {
    std::size_t cancelled = 0;
    for (const auto& nudge : repos.nudges.pending_for_user(user.id)) {
        if (nudge.race_id) continue;  // days away, and about the race: the runner may be cleared
        cancel(repos, nudge);
        ++cancelled;
    }
    return cancelled;
}

void apply_nudges_stopped(storage::Repositories& repos, const storage::User& user) {
    for (const auto& nudge : repos.nudges.pending_for_user(user.id)) cancel(repos, nudge);
}

void apply_nudges_cancelled(storage::Repositories& repos, const storage::User& user,
                            const std::vector<storage::Nudge>& cancelled, Seconds now,
                            const NudgePolicy& policy) {
    if (cancelled.empty() || !may_nudge(user)) return;
    // Only a run of today or yesterday earns a nudge (plan_after_hard_session); the runs before
    // them say what is usual for them.
    const auto today = local_date(zone_or_utc(user.time_zone), now);
    const auto recent =
        repos.runs.between(user.id, format_iso_date(today - date::days{1}), format_iso_date(today));
    if (recent.empty()) return;
    const auto runs = repos.runs.list(user.id, recent.size() + kRunsForMedian);
    const auto facts = read_planning_facts(repos, user);
    for (const auto& verdict : plan_displaced(user, cancelled, runs, facts, now, policy)) {
        if (verdict.nudge) repos.nudges.add(*verdict.nudge);
    }
}

SnoozeOutcome apply_snooze(storage::Repositories& repos, const storage::User& user, Seconds now,
                           const NudgePolicy& policy) {
    if (!may_nudge(user)) return SnoozeOutcome::reminders_off;
    const auto facts = read_planning_facts(repos, user);
    const auto today = local_date(zone_or_utc(user.time_zone), now);
    const auto races = repos.races.upcoming(user.id, format_iso_date(today));
    std::optional<storage::Race> next_race;
    if (!races.empty()) next_race = races.front();
    const auto snoozed = plan_snooze(user, next_race, facts, now, policy);
    if (!snoozed.nudge) return snoozed.outcome;
    // The snooze takes the place of the general reminders still waiting; race nudges stay.
    for (const auto& nudge : facts.pending) {
        if (replaced_by_snooze(nudge.kind)) cancel(repos, nudge);
    }
    repos.nudges.add(*snoozed.nudge);
    return snoozed.outcome;
}

NudgeFacts read_due_facts(storage::Repositories& repos, const storage::Nudge& nudge) {
    NudgeFacts facts;
    facts.bookings = repos.bookings.list(nudge.user_id);
    facts.last_sent = repos.nudges.last_sent(nudge.user_id);
    if (nudge.race_id) facts.race = repos.races.find(*nudge.race_id);
    return facts;
}

void record_due_decision(storage::Repositories& repos, storage::Nudge nudge,
                         const DueDecision& decision) {
    switch (decision.action) {
        case DueAction::send:
            return;  // the scheduler claims it, enqueues the message and marks it sent
        case DueAction::expire:
            nudge.state = storage::NudgeState::expired;
            break;
        case DueAction::cancel:
            nudge.state = storage::NudgeState::cancelled;
            break;
        case DueAction::postpone:
            nudge.due_at = to_unix(decision.until);
            break;
    }
    repos.nudges.update(nudge);
}

}  // namespace rubdown::intents::nudges
