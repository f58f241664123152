#pragma once
/// The seam between the dispatcher and the intent handlers: plain synchronous code, no Asio, no
/// platform JSON. The same engine serves Telegram, Slack, the console and the tests.

#include <memory>
#include <string>
#include <vector>

#include "intents/clock.hpp"
#include "intents/message.hpp"
#include "intents/nudges/nudge_policy.hpp"
#include "storage/repositories.hpp"

namespace rubdown::intents {

namespace knowledge {
class LiveKnowledge;
}

/// Operator settings the handlers need.
struct EngineSettings {
    std::string booking_url;  ///< RUBDOWN_BOOKING_URL, may be empty
    nudges::NudgePolicy nudge_policy;
    /// The answers in force (built-in plus RUBDOWN_KNOWLEDGE), swapped on reload; null: built-in.
    std::shared_ptr<knowledge::LiveKnowledge> knowledge;
};

/// Everything a handler may use for one message. Built by the dispatcher on the store thread.
struct HandlerContext {
    storage::Repositories& repos;
    storage::User& user;  ///< handlers may change it; the dispatcher saves it afterwards
    const IncomingMessage& message;
    Seconds now;
    const EngineSettings& settings;
    /// The message carries a medical red flag: what it logs plans no booking nudge.
    bool red_flag = false;
    /// What the engine took the message for, for the operator's view: an NLU label
    /// ("log_run", "out_of_scope"...), or kNotUnderstood, "button", "red_flag", "edit",
    /// "follow_up" (an answer to the bot's question), "several" (a message of several parts),
    /// "undo", "export", "forget". Empty when the engine does not say.
    std::string understood_as;
};

/// HandlerContext::understood_as of a message the bot could not make sense of.
inline constexpr const char* kNotUnderstood = "not_understood";

/// Understands a message and answers it, reading and writing storage through the context.
class Engine {
  public:
    virtual ~Engine() = default;
    virtual std::vector<Reply> respond(HandlerContext& context) = 0;
    /// Whether `message` must be handled however fast its runner writes (a medical red flag).
    /// The dispatcher's flood guard asks it only of a message it would otherwise set aside.
    virtual bool must_answer(const IncomingMessage& /*message*/) const { return false; }
};

/// The engine Rubdown runs: NLU, one handler per intent, nudge planning.
std::unique_ptr<Engine> make_engine(EngineSettings settings);

}  // namespace rubdown::intents
