#pragma once
/// Where an outbox row sent as several platform calls stands (a long reply split in parts, an
/// answered button press then the reply): the first call not yet made, kept while the row waits
/// to be retried, so that a retry resumes there and no part goes out twice. Shared by every
/// channel whose rows may take more than one call. In memory and bounded: a row the process
/// loses track of (a restart, or past the bound) starts again from its first call.
///
/// Not thread-safe: each channel's client uses its own from its sender's executor.

#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace rubdown::adapters {

class PartProgress {
  public:
    explicit PartProgress(std::size_t max_rows = 10000) : max_rows_(max_rows) {}

    /// The call to start `row_id` at: 0 unless an earlier attempt stopped part way.
    std::size_t resume_at(std::int64_t row_id) const {
        const auto found = calls_done_.find(row_id);
        return found == calls_done_.end() ? 0 : found->second;
    }
    /// An attempt stopped before call `next_call` (calls before it went out); 0 forgets the row.
    void stopped_before(std::int64_t row_id, std::size_t next_call) {
        if (next_call == 0) return finished(row_id);
        // Past the bound, forgetting is the safe side of the trade only for memory: those rows
        // would repeat their first parts. The bound is far above the rows in flight at once.
        if (calls_done_.size() >= max_rows_ && !calls_done_.count(row_id)) calls_done_.clear();
        calls_done_[row_id] = next_call;
    }
    /// The row is done with (sent, or given up): forget it.
    void finished(std::int64_t row_id) { calls_done_.erase(row_id); }

    std::size_t size() const { return calls_done_.size(); }

  private:
    std::size_t max_rows_;
    std::unordered_map<std::int64_t, std::size_t> calls_done_;
};

}  // namespace rubdown::adapters
