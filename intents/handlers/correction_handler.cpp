#include "intents/handlers/correction_handler.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "intents/handlers/follow_up.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

/// How many recent runs a correction looks through, and how many it offers as buttons.
constexpr std::size_t kRunsLookedAt = 100;
constexpr std::size_t kChoicesOffered = 4;

bool close_distance(double a, double b) {
    return std::abs(a - b) <= std::max(0.1, 0.02 * b);
}

bool changes_something(const nlu::Entities& e) {
    return e.distance_km || e.duration_s || e.effort || e.date;
}

FollowUp pending_correction(const nlu::Entities& e, const std::string& text) {
    FollowUp pending;
    pending.kind = FollowUp::Kind::which_run;
    pending.remove = e.action == "delete";
    pending.date = e.date.value_or("");
    pending.distance_km = e.distance_km;
    pending.duration_s = e.duration_s;
    pending.effort = e.effort;
    pending.text = text;
    return pending;
}

nlu::Entities correction_of(const FollowUp& pending) {
    nlu::Entities e;
    e.action = pending.remove ? "delete" : "change";
    if (!pending.date.empty()) e.date = pending.date;
    e.distance_km = pending.distance_km;
    e.duration_s = pending.duration_s;
    e.effort = pending.effort;
    return e;
}

std::string what_was_named(const nlu::Entities& e, date::local_days today, Units units) {
    std::string text = "a run";
    if (e.target_distance_km) text += " of " + format_distance(*e.target_distance_km, units);
    if (e.target_duration_s) text += " of " + format_duration(*e.target_duration_s);
    if (e.target_date) text += " " + friendly_day(day_of(*e.target_date, today), today);
    return text;
}

/// Applies the correction to one run and says what changed.
std::vector<Reply> apply(HandlerContext& context, const nudges::NudgePolicy& policy,
                         const storage::Run& run, const nlu::Entities& e) {
    const auto today = local_today(context.user, context.now);
    context.repos.conversations.clear(context.user.id);
    if (e.action == "delete") {
        apply_delete(context, run);
        return {Reply{"Deleted ✓ " + describe_run_on(run, today, units_of(context.user)) +
                      ".\nSay /undo to put it back."}};
    }
    const auto after = corrected(run, e);
    apply_edit(context, policy, run, after);
    return {Reply{"Changed ✓ " + describe_run_on(run, today, units_of(context.user)) + " → " +
                  describe_run_on(after, today, units_of(context.user)) +
                  ".\nSay /undo to change it back."}};
}

}  // namespace

std::vector<storage::Run> runs_meant(const std::vector<storage::Run>& runs,
                                     const nlu::Entities& e) {
    std::vector<storage::Run> meant;
    for (const auto& run : runs) {
        if (e.target_date && run.date != *e.target_date) continue;
        if (e.target_distance_km &&
            !(run.distance_km && close_distance(*run.distance_km, *e.target_distance_km)))
            continue;
        if (e.target_duration_s &&
            !(run.duration_s && std::llabs(*run.duration_s - *e.target_duration_s) <= 60))
            continue;
        meant.push_back(run);
    }
    return meant;
}

storage::Run corrected(storage::Run run, const nlu::Entities& e) {
    if (e.distance_km) run.distance_km = e.distance_km;
    if (e.duration_s) run.duration_s = e.duration_s;
    if (e.date) run.date = *e.date;
    if (e.effort) {
        run.effort = storage::effort_from_string(*e.effort);
        run.hard = run.effort == storage::Effort::hard;
    }
    return run;
}

void cancel_nudges_of(HandlerContext& context, std::int64_t run_id) {
    for (auto nudge : context.repos.nudges.pending_for_user(context.user.id)) {
        if (nudge.run_id == run_id) {
            nudge.state = storage::NudgeState::cancelled;
            context.repos.nudges.update(nudge);
        }
    }
}

void journal_change(HandlerContext& context, storage::RunChangeKind kind, const storage::Run& run) {
    storage::RunChange change;
    change.user_id = context.user.id;
    change.kind = kind;
    change.run = run;
    change.changed_at = nudges::to_unix(context.now);
    context.repos.runs.record_change(change);
}

void apply_edit(HandlerContext& context, const nudges::NudgePolicy& policy,
                const storage::Run& before, const storage::Run& after) {
    context.repos.runs.update(after);
    journal_change(context, storage::RunChangeKind::edited, before);
    // An easy run earns no massage reminder: one planned for it when it read as hard goes; a run
    // that turns out hard earns one.
    if (before.hard && !after.hard) cancel_nudges_of(context, before.id);
    if (!before.hard && after.hard && !context.red_flag)
        nudges::apply_run_logged(context.repos, context.user, after, context.now, policy);
}

void apply_delete(HandlerContext& context, const storage::Run& run) {
    cancel_nudges_of(context, run.id);
    context.repos.runs.erase(run.id);
    journal_change(context, storage::RunChangeKind::deleted, run);
}

std::vector<Reply> handle_correction(HandlerContext& context, const nudges::NudgePolicy& policy,
                                     const nlu::Entities& e, const std::string& text) {
    const auto today = local_today(context.user, context.now);
    const bool remove = e.action == "delete";
    if (!remove && !changes_something(e)) {
        return {
            Reply{"What should it be? Say it like \"it was 12k not 15k\" or \"change "
                  "Sunday's run to 14k\"."}};
    }
    const bool named = e.target_date || e.target_distance_km || e.target_duration_s;
    std::vector<storage::Run> meant;
    if (named) {
        meant = runs_meant(context.repos.runs.list(context.user.id, kRunsLookedAt), e);
    } else if (const auto last = context.repos.runs.last_logged(context.user.id)) {
        meant.push_back(*last);
    }
    if (meant.empty()) {
        std::string reply = named ? "I couldn't find " +
                                        what_was_named(e, today, units_of(context.user)) +
                                        " in your log, so I changed nothing."
                                  : "There's no run in your log yet, so there's nothing to "
                                    "change.";
        const auto recent = context.repos.runs.list(context.user.id, 3);
        if (!recent.empty()) {
            reply += "\nYour latest runs:";
            for (const auto& run : recent)
                reply += "\n• " + describe_run_on(run, today, units_of(context.user));
        }
        return {Reply{reply}};
    }
    if (meant.size() == 1) return apply(context, policy, meant.front(), e);

    // Several runs fit: the runner picks one.
    save_follow_up(context.repos.conversations, context.user.id, pending_correction(e, text));
    Reply ask{std::string{"Which run do you mean?"}};
    for (std::size_t i = 0; i < meant.size() && i < kChoicesOffered; ++i) {
        ask.buttons.push_back(Button{describe_run_on(meant[i], today, units_of(context.user)),
                                     std::string{kFixRunAction} + std::to_string(meant[i].id), ""});
    }
    return {ask};
}

std::vector<Reply> handle_correction_choice(HandlerContext& context,
                                            const nudges::NudgePolicy& policy,
                                            std::int64_t run_id) {
    const auto pending = load_follow_up(context.repos.conversations, context.user.id);
    const auto run = context.repos.runs.find(run_id);
    if (!pending || pending->kind != FollowUp::Kind::which_run || !run ||
        run->user_id != context.user.id) {
        return {
            Reply{"That choice isn't waiting any more. Tell me the change again, like \"it "
                  "was 12k not 15k\"."}};
    }
    auto replies = apply(context, policy, *run, correction_of(*pending));
    for (auto& reply : replies) reply.edit_original = true;
    return replies;
}

}  // namespace rubdown::intents::handlers
