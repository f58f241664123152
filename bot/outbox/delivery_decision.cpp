#include "bot/outbox/delivery_decision.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace rubdown::bot {

std::chrono::milliseconds retry_backoff(const adapters::SenderPolicy& policy, int attempts,
                                        double unit_random) {
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const double uncapped =
        static_cast<double>(policy.base_backoff.count()) * std::ldexp(1.0, doublings);
    const double capped = std::min(uncapped, static_cast<double>(policy.max_backoff.count()));
    const double jitter = 0.5 + 0.5 * std::clamp(unit_random, 0.0, 1.0);
    return std::chrono::milliseconds{static_cast<std::int64_t>(capped * jitter)};
}

namespace {

DeliveryDecision decide_retry(const storage::OutboxMessage& row,
                              const adapters::DeliveryResult& result,
                              const adapters::SenderPolicy& policy,
                              std::chrono::milliseconds channel_problem_pause, double unit_random) {
    using Action = DeliveryDecision::Action;
    DeliveryDecision decision;
    const bool flood_control = result.retry_after.count() > 0;
    if (!result.channel_problem && !flood_control && row.attempts >= policy.max_attempts) {
        decision.action = Action::give_up;
        decision.error =
            "gave up after " + std::to_string(row.attempts) + " attempts: " + result.error;
        return decision;
    }
    decision.action = Action::retry;
    decision.error = result.error;
    decision.pause_channel = result.channel_problem;
    decision.delay = result.channel_problem ? channel_problem_pause
                                            : std::max<std::chrono::milliseconds>(
                                                  result.retry_after,
                                                  retry_backoff(policy, row.attempts, unit_random));
    return decision;
}

}  // namespace

DeliveryDecision decide(const storage::OutboxMessage& row, const adapters::DeliveryResult& result,
                        const adapters::SenderPolicy& policy,
                        std::chrono::milliseconds channel_problem_pause, double unit_random) {
    using Kind = adapters::DeliveryResult::Kind;
    using Action = DeliveryDecision::Action;
    DeliveryDecision decision;
    decision.error = result.error;
    switch (result.kind) {
        case Kind::sent:
            decision.action = Action::mark_sent;
            decision.error.clear();
            break;
        case Kind::retry:
            return decide_retry(row, result, policy, channel_problem_pause, unit_random);
        case Kind::failed:
            decision.action = Action::give_up;
            break;
        case Kind::blocked_user:
            decision.action = Action::runner_blocked;
            decision.error = "blocked: " + result.error;
            break;
        case Kind::chat_moved:
            decision.action = Action::chat_moved;
            decision.moved_to = result.moved_to;
            break;
        case Kind::chat_unavailable:
            decision.action = Action::chat_unavailable;
            decision.error = "chat unavailable: " + result.error;
            break;
    }
    return decision;
}

}  // namespace rubdown::bot
