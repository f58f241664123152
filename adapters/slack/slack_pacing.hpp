#pragma once
/// Sending pace, without I/O or clocks: about one message a second per conversation, a pause when
/// Slack answers 429 with Retry-After, and exponential backoff with jitter for other temporary
/// failures, for a bounded number of attempts. The outbox worker asks it when to send.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "adapters/slack/slack_response.hpp"

namespace rubdown::slack {

using PaceClock = std::chrono::sys_time<std::chrono::milliseconds>;

/// One conversation's next free slot. Memory stays bounded: forget_idle drops entries whose slot
/// has passed, which lose nothing since a free conversation needs no entry.
class ChannelPacer {
  public:
    explicit ChannelPacer(std::chrono::milliseconds interval = std::chrono::seconds{1})
        : interval_(interval) {}

    /// The earliest instant `conversation` may be sent to: `now` when it is free.
    PaceClock ready_at(std::string_view conversation, PaceClock now) const;
    /// A message went out to `conversation` at `now`; the next waits one interval.
    void on_sent(std::string_view conversation, PaceClock now);
    /// Holds `conversation` until `until` (Retry-After); never shortens an existing pause.
    void pause(std::string_view conversation, PaceClock until);
    /// Forgets conversations that are free at `now`.
    void forget_idle(PaceClock now);
    std::size_t tracked() const { return next_free_.size(); }

  private:
    std::chrono::milliseconds interval_;
    std::unordered_map<std::string, PaceClock> next_free_;
};

struct RetryPolicy {
    int max_attempts = 6;  ///< including the first
    std::chrono::milliseconds base_delay{2000};
    std::chrono::milliseconds max_delay{std::chrono::minutes{10}};
};

/// Delay before attempt `failed_attempts + 1`: base * 2^(failed_attempts-1), capped, then scaled by
/// `unit_random` in [0,1) into its upper half ("equal jitter"), so retries spread but never bunch
/// at zero.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int failed_attempts,
                                        double unit_random);

struct RetryDecision {
    bool give_up = false;
    PaceClock retry_at{};  ///< when not giving up
};

/// After a failed attempt (`attempts` made so far, this one included): give up on give_up outcomes
/// and when attempts are exhausted; otherwise retry after Retry-After when Slack gave one, else
/// after backoff_delay.
RetryDecision next_attempt(const RetryPolicy& policy, const SendOutcome& outcome, int attempts,
                           PaceClock now, double unit_random);

}  // namespace rubdown::slack
