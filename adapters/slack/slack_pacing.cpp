#include "adapters/slack/slack_pacing.hpp"

#include <algorithm>
#include <cmath>

namespace rubdown::slack {

PaceClock ChannelPacer::ready_at(std::string_view conversation, PaceClock now) const {
    const auto it = next_free_.find(std::string(conversation));
    if (it == next_free_.end()) return now;
    return std::max(now, it->second);
}

void ChannelPacer::on_sent(std::string_view conversation, PaceClock now) {
    auto& next = next_free_[std::string(conversation)];
    next = std::max(next, now + interval_);
}

void ChannelPacer::pause(std::string_view conversation, PaceClock until) {
    auto& next = next_free_[std::string(conversation)];
    next = std::max(next, until);
}

void ChannelPacer::forget_idle(PaceClock now) {
    std::erase_if(next_free_, [&](const auto& entry) { return entry.second <= now; });
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int failed_attempts,
                                        double unit_random) {
    const int exponent = std::clamp(failed_attempts - 1, 0, 30);
    const double full =
        std::min(static_cast<double>(policy.base_delay.count()) * std::ldexp(1.0, exponent),
                 static_cast<double>(policy.max_delay.count()));
    const double jitter = std::clamp(unit_random, 0.0, 1.0);
    return std::chrono::milliseconds{static_cast<std::int64_t>(full / 2 + full / 2 * jitter)};
}

RetryDecision next_attempt(const RetryPolicy& policy, const SendOutcome& outcome, int attempts,
                           PaceClock now, double unit_random) {
    RetryDecision decision;
    if (outcome.verdict != SendOutcome::Verdict::retry || attempts >= policy.max_attempts) {
        decision.give_up = outcome.verdict != SendOutcome::Verdict::sent;
        return decision;
    }
    if (outcome.retry_after_seconds > 0)
        decision.retry_at = now + std::chrono::seconds{outcome.retry_after_seconds};
    else
        decision.retry_at = now + backoff_delay(policy, attempts, unit_random);
    return decision;
}

}  // namespace rubdown::slack
