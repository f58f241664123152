#include "bot/inbox/planned_nudge_watch.hpp"

#include <algorithm>

namespace rubdown::bot {

std::int64_t PlannedNudgeWatch::add(const storage::Nudge& nudge) {
    const auto id = inner_.add(nudge);
    note(nudge);  // after the write: a failed one plans nothing
    return id;
}

void PlannedNudgeWatch::update(const storage::Nudge& nudge) {
    inner_.update(nudge);
    note(nudge);
}

void PlannedNudgeWatch::note(const storage::Nudge& nudge) {
    // A cancelled or sent nudge never makes the scheduler fire earlier than it planned to.
    if (nudge.state != storage::NudgeState::pending) return;
    earliest_ = earliest_ ? std::min(*earliest_, nudge.due_at) : nudge.due_at;
}

}  // namespace rubdown::bot
