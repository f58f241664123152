#pragma once
/// A runner edits a message on the platform ("ran 10k" becomes "ran 12k"): what the message made
/// (its runs and its races) is changed to what it now says, instead of logging it twice. The
/// runs are matched in the order written; a run the edit no longer tells is removed, a new one is
/// logged. Each change is journalled like a correction, so /undo takes it back.

#include <optional>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

/// Whether the platform message this one names (an edit, or the original sent again) already made
/// a run or a race.
bool made_something(HandlerContext& context);

/// What to do with a message that names its platform message (`IncomingMessage::source_id`):
/// nullopt when that message made nothing yet (handle it as a new one); no replies when it is no
/// newer than what the runs and races were last set from (an older edit arriving late, or the
/// original after its edit); otherwise the changes made, told. `parse` is the edited text's.
std::optional<std::vector<Reply>> handle_message_edit(HandlerContext& context,
                                                      const nlu::Parse& parse,
                                                      const nudges::NudgePolicy& policy);

}  // namespace rubdown::intents::handlers
