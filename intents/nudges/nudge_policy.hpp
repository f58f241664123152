#pragma once
/// The operator-tunable numbers of the nudge rules.

#include <chrono>

namespace rubdown::intents::nudges {

/// Operator-tunable rules (configurable at start-up).
struct NudgePolicy {
    std::chrono::seconds after_hard_session_delay{std::chrono::hours{2}};
    std::chrono::seconds min_gap_between_nudges{std::chrono::hours{24}};
    std::chrono::seconds grace_period{std::chrono::hours{6}};
    std::chrono::seconds booked_suppresses_within{std::chrono::hours{48}};
    /// How much shorter than min_gap_between_nudges two nudges may be apart and still count as a
    /// day apart: nudges planned for the same clock time on consecutive days are 23 h apart across
    /// a spring-forward change, and a scheduler sends a few seconds late.
    std::chrono::seconds daily_cap_slack{std::chrono::hours{2}};
};

}  // namespace rubdown::intents::nudges
