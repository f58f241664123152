#include "intents/handlers/undo_handler.hpp"

#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/run_format.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_undo(HandlerContext& context) {
    auto& repos = context.repos;
    const auto last = repos.runs.last_logged(context.user.id);
    if (!last) return {Reply{"There's no run to undo."}};
    // A nudge planned for this run would now remind the runner of a session that never happened.
    for (auto nudge : repos.nudges.pending_for_user(context.user.id)) {
        if (nudge.run_id == last->id) {
            nudge.state = storage::NudgeState::cancelled;
            repos.nudges.update(nudge);
        }
    }
    repos.runs.erase(last->id);
    repos.conversations.clear(context.user.id);
    const auto today = local_today(context.user, context.now);
    return {Reply{"Deleted your last run: " + describe_run_on(*last, today) + "."}};
}

}  // namespace rubdown::intents::handlers
