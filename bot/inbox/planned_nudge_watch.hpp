#pragma once
/// Notes the earliest due instant among the nudges a job plans, so that the nudge scheduler is
/// woken only when a new nudge is due before the instant it already sleeps towards.
///
/// Why: processing woke the scheduler after every message, and each wake cost it two store jobs
/// (fire what is due, read the next due instant) in the acknowledgements' lane. Under a burst
/// that halved the rate at which recorded messages were processed (bench/telegram/README.md),
/// though almost no message plans a nudge earlier than the ones already waiting.

#include <optional>

#include "storage/repositories.hpp"

namespace rubdown::bot {

/// A NudgeRepository that passes everything through to `inner` and remembers the earliest
/// `due_at` of the pending nudges added or updated through it.
class PlannedNudgeWatch final : public storage::NudgeRepository {
  public:
    explicit PlannedNudgeWatch(storage::NudgeRepository& inner) : inner_(inner) {}

    /// The earliest due instant of a pending nudge written through this watch, if any.
    std::optional<storage::UnixSeconds> earliest_planned() const { return earliest_; }

    std::int64_t add(const storage::Nudge& nudge) override;
    void update(const storage::Nudge& nudge) override;
    std::vector<storage::Nudge> due(storage::UnixSeconds now, std::size_t limit) override {
        return inner_.due(now, limit);
    }
    std::optional<storage::UnixSeconds> next_due() override { return inner_.next_due(); }
    std::optional<storage::Nudge> find(std::int64_t id) override { return inner_.find(id); }
    std::vector<storage::Nudge> pending_for_user(std::int64_t user_id) override {
        return inner_.pending_for_user(user_id);
    }
    std::vector<storage::Nudge> pending(std::size_t limit) override {
        return inner_.pending(limit);
    }
    std::optional<storage::UnixSeconds> last_sent(std::int64_t user_id) override {
        return inner_.last_sent(user_id);
    }
    std::vector<storage::Nudge> sent_for_race(std::int64_t user_id, std::int64_t race_id) override {
        return inner_.sent_for_race(user_id, race_id);
    }

  private:
    void note(const storage::Nudge& nudge);

    storage::NudgeRepository& inner_;
    std::optional<storage::UnixSeconds> earliest_;
};

}  // namespace rubdown::bot
