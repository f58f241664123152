#include "intents/handlers/undo_handler.hpp"

#include "intents/handlers/correction_handler.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {

namespace {

/// The nudge a run earns as it is now, after it was as `before` (none: it was not in the log).
void follow_nudges(HandlerContext& context, const nudges::NudgePolicy& policy,
                   const storage::Run* before, const storage::Run& now) {
    if (before != nullptr && before->hard && !now.hard) cancel_nudges_of(context, now.id);
    if ((before == nullptr || !before->hard) && now.hard)
        nudges::apply_run_logged(context.repos, context.user, now, context.now, policy);
}

}  // namespace

std::vector<Reply> handle_undo(HandlerContext& context, const nudges::NudgePolicy& policy) {
    auto& runs = context.repos.runs;
    const auto change = runs.last_change(context.user.id);
    if (!change) return {Reply{"There's nothing to undo."}};
    runs.drop_change(change->id);
    context.repos.conversations.clear(context.user.id);
    const auto today = local_today(context.user, context.now);
    const auto& run = change->run;
    switch (change->kind) {
        case storage::RunChangeKind::logged: {
            // A nudge planned for this run would remind the runner of a session that never was.
            cancel_nudges_of(context, run.id);
            runs.erase(run.id);
            return {Reply{"Undone ✓ Removed the run you logged: " +
                          describe_run_on(run, today, units_of(context.user)) + "."}};
        }
        case storage::RunChangeKind::edited: {
            const auto now_stored = runs.find(run.id);
            if (!now_stored) return {Reply{"That run is no longer in your log, so I left it."}};
            runs.update(run);
            follow_nudges(context, policy, &*now_stored, run);
            return {Reply{"Undone ✓ Back to " +
                          describe_run_on(run, today, units_of(context.user)) + "."}};
        }
        case storage::RunChangeKind::deleted:
            runs.restore(run);
            follow_nudges(context, policy, nullptr, run);
            return {Reply{"Undone ✓ Put back " +
                          describe_run_on(run, today, units_of(context.user)) + "."}};
    }
    return {};
}

}  // namespace rubdown::intents::handlers
