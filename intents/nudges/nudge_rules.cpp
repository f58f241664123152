#include "intents/nudges/nudge_rules.hpp"

#include <algorithm>
#include <chrono>

#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::nudges {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using storage::NudgeKind;

// When the race nudges go, local to the runner.
constexpr int kPreRaceFirstDaysBefore = 5;
constexpr int kPreRaceSecondDaysBefore = 4;
constexpr int kPreRaceWindowLastDayBefore = 3;
constexpr minutes kPreRaceClockTime = hours{9};
constexpr int kPostRaceDaysAfter = 1;
constexpr minutes kPostRaceClockTime = hours{10};
// A recovery nudge is pointless once the second day after the race is over.
constexpr int kPostRaceRelevantDays = 3;
// A massage in the week before the race serves as the pre-race one.
constexpr int kPreRaceBookingDays = 7;
// A snooze belongs to a race this close.
constexpr int kSnoozeRaceReachDays = 7;
// "Much longer than usual": judged against the median of this many previous runs, when there are
// at least kMinRunsForMedian of them.
constexpr std::size_t kMinRunsForMedian = 3;
constexpr double kMuchLongerFactor = 1.5;
constexpr std::chrono::hours kSnoozeDelay{24};

Seconds::duration apart(Seconds a, Seconds b) {
    return a > b ? a - b : b - a;
}

bool is_race_kind(NudgeKind kind) {
    return kind == NudgeKind::pre_race_first || kind == NudgeKind::pre_race_second;
}

bool is_of_race(const storage::Nudge& nudge, const storage::Race& race, NudgeKind kind) {
    return nudge.kind == kind && nudge.race_id && *nudge.race_id == race.id;
}

std::optional<double> median(std::vector<double> values) {
    if (values.size() < kMinRunsForMedian) return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto middle = values.size() / 2;
    if (values.size() % 2 == 1) return values[middle];
    return (values[middle - 1] + values[middle]) / 2.0;
}

/// The run's length and the usual length, by distance when both are known, else by duration.
bool much_longer_than_usual(const storage::Run& run, const std::vector<storage::Run>& previous) {
    std::vector<double> distances;
    std::vector<double> durations;
    std::size_t considered = 0;
    for (const auto& other : previous) {
        if (other.id != 0 && other.id == run.id) continue;
        if (considered++ == kRunsForMedian) break;
        if (other.distance_km && *other.distance_km > 0) distances.push_back(*other.distance_km);
        if (other.duration_s && *other.duration_s > 0) {
            durations.push_back(static_cast<double>(*other.duration_s));
        }
    }
    if (run.distance_km) {
        if (const auto usual = median(distances)) {
            return *run.distance_km > kMuchLongerFactor * *usual;
        }
    }
    if (run.duration_s) {
        if (const auto usual = median(durations)) {
            return static_cast<double>(*run.duration_s) > kMuchLongerFactor * *usual;
        }
    }
    return false;
}

storage::Nudge make_nudge(const storage::User& user, NudgeKind kind, Seconds due, Seconds now) {
    storage::Nudge nudge;
    nudge.user_id = user.id;
    nudge.kind = kind;
    nudge.due_at = to_unix(due);
    nudge.state = storage::NudgeState::pending;
    nudge.created_at = to_unix(now);
    return nudge;
}

bool any_recent_booking(const std::vector<storage::Booking>& bookings, const storage::User& user,
                        Seconds now, const NudgePolicy& policy) {
    return std::any_of(bookings.begin(), bookings.end(), [&](const storage::Booking& booking) {
        return booking_is_recent(booking, user, now, policy);
    });
}

bool any_booking_covers(const std::vector<storage::Booking>& bookings, const storage::User& user,
                        const storage::Race& race) {
    return std::any_of(bookings.begin(), bookings.end(), [&](const storage::Booking& booking) {
        return booking_covers_race(booking, user, race);
    });
}

}  // namespace

bool may_nudge(const storage::User& user) {
    return user.active && !user.nudges_stopped;
}

bool flagged_hard(const storage::Run& run) {
    return run.hard || run.effort == storage::Effort::hard;
}

bool is_hard_session(const storage::Run& run, const std::vector<storage::Run>& previous_runs) {
    if (flagged_hard(run)) return true;
    return much_longer_than_usual(run, previous_runs);
}

bool booking_is_recent(const storage::Booking& booking, const storage::User& user, Seconds now,
                       const NudgePolicy& policy) {
    const auto window = policy.booked_suppresses_within;
    if (booking.date) {
        if (const auto day = parse_iso_date(*booking.date)) {
            const auto* zone = zone_or_utc(user.time_zone);
            const auto day_start = start_of_local_day(zone, *day);
            const auto day_end = start_of_local_day(zone, *day + date::days{1});
            // The massage day overlaps [now - window, now + window].
            return day_end > now - window && day_start <= now + window;
        }
    }
    const auto recorded = from_unix(booking.recorded_at);
    return recorded >= now - window && recorded <= now + window;
}

bool booking_covers_race(const storage::Booking& booking, const storage::User& user,
                         const storage::Race& race) {
    const auto race_day = parse_iso_date(race.date);
    if (!race_day) return false;
    std::optional<date::local_days> massage_day;
    if (booking.date) massage_day = parse_iso_date(*booking.date);
    // Without a date, the day it was recorded stands in for the day of the massage.
    if (!massage_day)
        massage_day = local_date(zone_or_utc(user.time_zone), from_unix(booking.recorded_at));
    return *massage_day >= *race_day - date::days{kPreRaceBookingDays} && *massage_day < *race_day;
}

bool within_min_gap(Seconds a, Seconds b, const NudgePolicy& policy) {
    return apart(a, b) < policy.min_gap_between_nudges;
}

std::chrono::seconds cap_slack(const NudgePolicy& policy) {
    // 2 h of a 24 h gap: the same share of a shorter one, so that a 2 h gap still spaces nudges.
    constexpr auto kDay = std::chrono::seconds{hours{24}};
    if (policy.min_gap_between_nudges >= kDay) return policy.daily_cap_slack;
    return policy.daily_cap_slack * policy.min_gap_between_nudges.count() / kDay.count();
}

bool too_soon_after_last_sent(Seconds last, Seconds next, const NudgePolicy& policy) {
    return last <= next && next - last < policy.min_gap_between_nudges - cap_slack(policy);
}

std::optional<Seconds> race_day_start(const storage::User& user, const std::string& race_date) {
    const auto day = parse_iso_date(race_date);
    if (!day) return std::nullopt;
    return start_of_local_day(zone_or_utc(user.time_zone), *day);
}

std::optional<Seconds> pre_race_window_end(const storage::User& user,
                                           const std::string& race_date) {
    const auto day = parse_iso_date(race_date);
    if (!day) return std::nullopt;
    return start_of_local_day(zone_or_utc(user.time_zone),
                              *day - date::days{kPreRaceWindowLastDayBefore - 1});
}

bool pre_race_window_open(const storage::User& user, const std::string& race_date, Seconds now) {
    const auto window_end = pre_race_window_end(user, race_date);
    return window_end && now < *window_end;
}

Seconds after_hard_session_due(const storage::User& user, const storage::Run& run, Seconds now,
                               const NudgePolicy& policy) {
    const auto logged = run.logged_at != 0 ? from_unix(run.logged_at) : now;
    return out_of_quiet_hours(user, std::max(logged + policy.after_hard_session_delay, now));
}

std::optional<storage::Nudge> plan_after_hard_session(
    const storage::User& user, const storage::Run& run,
    const std::vector<storage::Run>& previous_runs, const NudgeFacts& facts, Seconds now,
    const NudgePolicy& policy) {
    if (!may_nudge(user)) return std::nullopt;
    if (!is_hard_session(run, previous_runs)) return std::nullopt;
    // A hard run logged days later has already been recovered from.
    const auto* zone = zone_or_utc(user.time_zone);
    if (const auto run_day = parse_iso_date(run.date)) {
        if (*run_day < local_date(zone, now) - date::days{1}) return std::nullopt;
    }
    if (any_recent_booking(facts.bookings, user, now, policy)) return std::nullopt;
    const auto due = after_hard_session_due(user, run, now, policy);
    // Judged at the due instant, as decide_due() will: a pause over by then, or yesterday's
    // nudge a day before it, leaves this one free to go.
    const auto paused_until = from_unix(user.nudges_paused_until);
    if (paused_until > due && paused_until - due > policy.grace_period) return std::nullopt;
    if (facts.last_sent && too_soon_after_last_sent(from_unix(*facts.last_sent), due, policy)) {
        return std::nullopt;
    }
    for (const auto& other : facts.pending) {
        if (within_min_gap(from_unix(other.due_at), due, policy)) return std::nullopt;
    }
    auto nudge = make_nudge(user, NudgeKind::after_hard_session, due, now);
    if (run.id != 0) nudge.run_id = run.id;
    return nudge;
}

std::vector<storage::Nudge> plan_race_nudges(const storage::User& user, const storage::Race& race,
                                             const NudgeFacts& facts, Seconds now) {
    std::vector<storage::Nudge> planned;
    if (race.cancelled || !may_nudge(user)) return planned;
    const auto race_day = parse_iso_date(race.date);
    if (!race_day) return planned;
    const auto* zone = zone_or_utc(user.time_zone);
    const auto race_start = start_of_local_day(zone, *race_day);

    // Sent for this race day already: a pre-race nudge in its last week, a post-race one after it.
    // A race moved further than that gets its reminders again.
    const auto pre_race_since =
        start_of_local_day(zone, *race_day - date::days{kPreRaceBookingDays});
    const auto already_sent = [&](NudgeKind kind) {
        const auto since = is_race_kind(kind) ? pre_race_since : race_start;
        return std::any_of(facts.sent_for_race.begin(), facts.sent_for_race.end(),
                           [&](const storage::Nudge& sent) {
                               return is_of_race(sent, race, kind) &&
                                      from_unix(sent.sent_at) >= since;
                           });
    };
    const auto was_pending = [&](NudgeKind kind) {
        return std::any_of(
            facts.pending.begin(), facts.pending.end(),
            [&](const storage::Nudge& other) { return is_of_race(other, race, kind); });
    };
    const auto add = [&](NudgeKind kind, date::local_days day, minutes clock_time,
                         Seconds not_after) {
        if (already_sent(kind)) return;
        auto due = out_of_quiet_hours(user, local_instant(zone, day, clock_time));
        if (due <= now) {
            // Still owed to the runner, whose new zone put its hour behind us: now, then.
            if (!was_pending(kind)) return;
            due = out_of_quiet_hours(user, now);
            if (is_race_kind(kind) && !pre_race_window_open(user, race.date, due)) return;
        }
        if (due >= not_after) return;
        auto nudge = make_nudge(user, kind, due, now);
        nudge.not_after = to_unix(not_after);
        if (race.id != 0) nudge.race_id = race.id;
        planned.push_back(nudge);
    };
    if (!any_booking_covers(facts.bookings, user, race)) {
        add(NudgeKind::pre_race_first, *race_day - date::days{kPreRaceFirstDaysBefore},
            kPreRaceClockTime, race_start);
        add(NudgeKind::pre_race_second, *race_day - date::days{kPreRaceSecondDaysBefore},
            kPreRaceClockTime, race_start);
    }
    add(NudgeKind::post_race, *race_day + date::days{kPostRaceDaysAfter}, kPostRaceClockTime,
        start_of_local_day(zone, *race_day + date::days{kPostRaceRelevantDays}));
    return planned;
}

bool replaced_by_snooze(NudgeKind kind) {
    return kind == NudgeKind::after_hard_session || kind == NudgeKind::snoozed;
}

SnoozePlan plan_snooze(const storage::User& user, const std::optional<storage::Race>& next_race,
                       const NudgeFacts& facts, Seconds now, const NudgePolicy& policy) {
    if (!may_nudge(user)) return {SnoozeOutcome::reminders_off, std::nullopt};
    const auto due = out_of_quiet_hours(user, now + kSnoozeDelay);
    auto nudge = make_nudge(user, NudgeKind::snoozed, due, now);
    if (next_race && !next_race->cancelled) {
        const auto* zone = zone_or_utc(user.time_zone);
        const auto race_day = parse_iso_date(next_race->date);
        if (race_day && *race_day - local_date(zone, now) <= date::days{kSnoozeRaceReachDays}) {
            const auto window_end = pre_race_window_end(user, next_race->date);
            if (due >= *window_end) return {SnoozeOutcome::race_too_close, std::nullopt};
            nudge.not_after = to_unix(*window_end);
            if (next_race->id != 0) nudge.race_id = next_race->id;
        }
    }
    for (const auto& other : facts.pending) {
        if (!replaced_by_snooze(other.kind) &&
            within_min_gap(from_unix(other.due_at), due, policy)) {
            return {SnoozeOutcome::reminder_coming, std::nullopt};
        }
    }
    return {SnoozeOutcome::planned, nudge};
}

bool booking_cancels(const storage::Nudge& nudge, const storage::Booking& booking,
                     const storage::User& user, const std::optional<storage::Race>& race) {
    switch (nudge.kind) {
        case NudgeKind::after_hard_session:
        case NudgeKind::snoozed:
            return true;
        case NudgeKind::pre_race_first:
        case NudgeKind::pre_race_second:
            return race && booking_covers_race(booking, user, *race);
        case NudgeKind::post_race:
            // A massage after the race is what the recovery nudge asks for; one before it is not.
            return false;
    }
    return false;
}

DueDecision decide_queued_nudge(const storage::Nudge& nudge, const storage::User& user, Seconds now,
                                const NudgePolicy& policy) {
    const auto due = from_unix(nudge.due_at);
    const Seconds not_after = nudge.not_after != 0 ? from_unix(nudge.not_after) : Seconds::max();
    const auto allowed = out_of_quiet_hours(user, now);
    if (allowed >= not_after) return {DueAction::expire, {}, "past_not_after"};
    if (allowed - due > policy.grace_period) {
        return {DueAction::expire, {}, allowed == now ? "late" : "quiet_hours"};
    }
    if (allowed != now) return {DueAction::postpone, allowed, "quiet_hours"};
    return {DueAction::send, {}, "due"};
}

DueDecision decide_due(const storage::Nudge& nudge, const storage::User& user,
                       const NudgeFacts& facts, Seconds now, const NudgePolicy& policy) {
    const auto due = from_unix(nudge.due_at);
    // No limit is the far future, so the comparisons below need no special case.
    const Seconds not_after = nudge.not_after != 0 ? from_unix(nudge.not_after) : Seconds::max();
    if (now >= not_after) return {DueAction::expire, {}, "past_not_after"};
    if (now - due > policy.grace_period) return {DueAction::expire, {}, "late"};
    if (!user.active) return {DueAction::cancel, {}, "inactive"};
    if (user.nudges_stopped) return {DueAction::cancel, {}, "stopped"};
    if (facts.race && facts.race->cancelled) return {DueAction::cancel, {}, "race_cancelled"};
    if (any_recent_booking(facts.bookings, user, now, policy)) {
        return {DueAction::cancel, {}, "booked"};
    }
    if (facts.race && (is_race_kind(nudge.kind) || nudge.kind == NudgeKind::snoozed) &&
        any_booking_covers(facts.bookings, user, *facts.race)) {
        return {DueAction::cancel, {}, "booked"};
    }

    // Asked early (a scheduler that woke up ahead of time): not before its due instant.
    auto earliest = std::max(now, due);
    std::string_view reason = earliest > now ? "not_due" : "";
    const auto paused_until = from_unix(user.nudges_paused_until);
    if (paused_until > now) {
        // A nudge that would only go out after its grace period is stale: paused means not sent.
        if (paused_until - due > policy.grace_period) return {DueAction::expire, {}, "paused"};
        earliest = paused_until;
        reason = "paused";
    }
    if (facts.last_sent) {
        const auto last = from_unix(*facts.last_sent);
        // Sending tolerates a little less than the full gap (see cap_slack).
        if (too_soon_after_last_sent(last, earliest, policy)) {
            earliest = last + policy.min_gap_between_nudges;
            reason = "daily_cap";
        }
    }
    const auto allowed = out_of_quiet_hours(user, earliest);
    if (allowed != earliest && reason.empty()) reason = "quiet_hours";
    if (allowed == now) return {DueAction::send, {}, "due"};
    if (allowed >= not_after) return {DueAction::expire, {}, reason};
    return {DueAction::postpone, allowed, reason};
}

}  // namespace rubdown::intents::nudges
