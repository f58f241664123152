#pragma once
/// The engine Rubdown runs: button presses first; then, for typed text, the safety triage (a red
/// flag is answered before anything else), data commands, the answer to a pending follow-up
/// question, and the NLU with one handler per intent. Asks once for the runner's time zone while
/// it is unknown.

#include <string>
#include <vector>

#include "intents/engine.hpp"
#include "intents/knowledge/live_knowledge.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "intents/safety/safety_triage.hpp"

namespace rubdown::intents::handlers {

class IntentEngine final : public Engine {
  public:
    /// Below this NLU confidence the bot says it did not understand rather than guess.
    static constexpr double kDefaultMinConfidence = 0.3;

    /// `knowledge`: the answers in force, which a reload may swap; null means the built-in ones.
    explicit IntentEngine(nudges::NudgePolicy policy = {},
                          std::shared_ptr<knowledge::LiveKnowledge> knowledge = nullptr,
                          double min_confidence = kDefaultMinConfidence);

    std::vector<Reply> respond(HandlerContext& context) override;
    /// A message with a medical red flag: safety outranks any limit.
    bool must_answer(const IncomingMessage& message) const override;

    /// Runs the handler of `parse.intent` (for tests and for callers that parsed already).
    std::vector<Reply> route(HandlerContext& context, const nlu::Parse& parse);
    /// Each part of a message that holds several, with one combined reply; a part not
    /// understood is named, not dropped.
    std::vector<Reply> route_parts(HandlerContext& context, const nlu::Parse& parse);

  private:
    std::vector<Reply> respond_to_text(HandlerContext& context);
    /// The safety answer first; a run told with it is still logged (without a nudge) and a race
    /// still remembered; nothing else of the message is acted on.
    std::vector<Reply> respond_to_red_flag(HandlerContext& context, const safety::Verdict& verdict,
                                           const std::string& text);
    /// Appends the one-time time-zone question when it is due.
    void maybe_ask_time_zone(HandlerContext& context, std::vector<Reply>& replies);

    nudges::NudgePolicy policy_;
    double min_confidence_;
    nlu::Nlu nlu_;
    std::shared_ptr<knowledge::LiveKnowledge> knowledge_;
};

/// Data commands that bypass the NLU: "/undo", "undo that", "/export", "/forget",
/// "delete all my data". Empty when the text is none of them.
enum class DataCommand { none, undo, export_runs, forget };
DataCommand data_command(const std::string& text);

}  // namespace rubdown::intents::handlers
