#pragma once
/// Corrections of the runner's log in words: "it was 12k not 15k", "change Sunday's run to 14k",
/// "the long run was yesterday, not today", "delete Sunday's run". Finds the run meant (the last
/// one logged unless a day, distance or time names another), changes or deletes it, answers with
/// the run before and after, and asks with buttons when several runs fit.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

/// The action of a "which run?" button: this prefix and the run's id.
inline constexpr std::string_view kFixRunAction = "fix:";

/// The runs among `runs` (newest first) that a correction's target names: the day, the old
/// distance (within 2 % or 100 m) and the old time (within a minute). All of them when it names
/// none; the caller then takes the last one logged.
std::vector<storage::Run> runs_meant(const std::vector<storage::Run>& runs,
                                     const nlu::Entities& correction);

/// The run with the correction's new values (distance, time, effort, day) written over it.
storage::Run corrected(storage::Run run, const nlu::Entities& correction);

std::vector<Reply> handle_correction(HandlerContext& context, const nudges::NudgePolicy& policy,
                                     const nlu::Entities& correction, const std::string& text);

/// A "which run?" button pressed: the correction waiting in the conversation, on that run.
std::vector<Reply> handle_correction_choice(HandlerContext& context,
                                            const nudges::NudgePolicy& policy, std::int64_t run_id);

/// Calls off the pending nudges planned for a run: it is gone, or no longer earns them.
void cancel_nudges_of(HandlerContext& context, std::int64_t run_id);
/// Records a change of the runner's log for /undo: the run as logged, or as it was before an edit
/// or a delete.
void journal_change(HandlerContext& context, storage::RunChangeKind kind, const storage::Run& run);
/// Changes the run to `after` and journals it for /undo; cancels a nudge it no longer earns, and
/// plans one it now earns (a run made hard), unless it came with a red flag.
void apply_edit(HandlerContext& context, const nudges::NudgePolicy& policy,
                const storage::Run& before, const storage::Run& after);
/// Deletes the run and its pending nudges, journalled for /undo.
void apply_delete(HandlerContext& context, const storage::Run& run);

}  // namespace rubdown::intents::handlers
