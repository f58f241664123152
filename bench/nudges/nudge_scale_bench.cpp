/// Nudge scheduler at scale: a SQLite file with a million pending nudges, of which a burst of
/// 100,000 falls due within one minute.
///
///   nudge_scale_bench populate DB   creates the file (users, burst, far-future nudges)
///   nudge_scale_bench fire DB       simulated clock: one fire_now() at the end of the burst minute
///   nudge_scale_bench live DB       real timers: the scheduler loop fires the burst as it falls
///   due
///
/// `fire` and `live` change the file; run each on a fresh copy. Each mode is its own process so
/// that its peak RSS (VmHWM) is the scheduler's alone, not the populating transaction's.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "bot/scheduling/nudge_scheduler.hpp"
#include "intents/clock.hpp"
#include "storage/store.hpp"

using namespace rubdown;
using Clock = std::chrono::steady_clock;
namespace asio = boost::asio;

namespace {

constexpr std::int64_t kUsers = 100'000;
constexpr std::int64_t kPending = 1'000'000;
constexpr std::int64_t kBurst = 100'000;
/// The burst minute starts here (12:00 UTC, outside the default quiet hours of a UTC runner).
const intents::Seconds kBurstStart{date::sys_days{date::year{2030} / 1 / 15} +
                                   std::chrono::hours{12}};

std::int64_t unix_of(intents::Seconds instant) {
    return instant.time_since_epoch().count();
}

/// Kibibytes from a "Vm...:   1234 kB" line of /proc/self/status.
long status_kib(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    }
    return -1;
}

void report_memory(const char* when) {
    std::printf("%-34s VmRSS %6.1f MiB   VmHWM (peak) %6.1f MiB\n", when,
                status_kib("VmRSS") / 1024.0, status_kib("VmHWM") / 1024.0);
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

int populate(const std::string& path) {
    std::remove(path.c_str());
    storage::Store store(path);
    const auto start = Clock::now();
    store.run([](storage::Repositories& repos) {
        std::vector<std::int64_t> users;
        users.reserve(kUsers);
        for (std::int64_t i = 0; i < kUsers; ++i) {
            const auto id = std::to_string(i);
            users.push_back(repos.users.find_or_create("console:" + id, "console", id, "", 0).id);
        }
        const auto base = unix_of(kBurstStart);
        for (std::int64_t i = 0; i < kPending; ++i) {
            storage::Nudge nudge;
            nudge.user_id = users[static_cast<std::size_t>(i % kUsers)];
            nudge.created_at = base - 86400;
            if (i < kBurst) {
                nudge.due_at = base + i % 60;  // one per runner, spread over the burst minute
            } else {
                // The rest wait 1 to 60 days ahead, never in the burst.
                nudge.due_at = base + 86400 + (i * 7919) % (59 * 86400);
            }
            repos.nudges.add(nudge);
        }
    });
    std::printf(
        "populated %lld users, %lld pending nudges (%lld due in the burst minute) in %.1f s\n",
        static_cast<long long>(kUsers), static_cast<long long>(kPending),
        static_cast<long long>(kBurst), ms_since(start) / 1000);
    report_memory("after populating");
    return 0;
}

/// Read-side costs with a million pending rows: the next due instant and the first due batch.
void time_lookups(storage::Store& store) {
    std::vector<double> next_due_us;
    std::vector<double> batch_us;
    const auto burst_end = unix_of(kBurstStart) + 59;
    for (int i = 0; i < 200; ++i) {
        next_due_us.push_back(store.run([](storage::Repositories& repos) {
            const auto start = Clock::now();
            auto next = repos.nudges.next_due();
            if (!next) std::abort();
            return ms_since(start) * 1000;
        }));
        batch_us.push_back(store.run([&](storage::Repositories& repos) {
            const auto start = Clock::now();
            auto due = repos.nudges.due(burst_end, 500);
            if (due.size() != 500) std::abort();
            return ms_since(start) * 1000;
        }));
    }
    std::printf("next_due() inside a store job:     p50 %8.1f us   p99 %8.1f us\n",
                percentile(next_due_us, 0.5), percentile(next_due_us, 0.99));
    std::printf("due(now, 500) inside a store job:  p50 %8.1f us   p99 %8.1f us\n",
                percentile(batch_us, 0.5), percentile(batch_us, 0.99));
}

std::size_t outbox_rows(storage::Store& store) {
    return store.run(
        [](storage::Repositories& repos) { return repos.outbox.count_pending("console"); });
}

int fire(const std::string& path) {
    storage::Store store(path);
    report_memory("after opening");
    time_lookups(store);

    intents::SimulatedClock clock(kBurstStart + std::chrono::seconds{59});
    asio::io_context io;
    std::size_t wakeups = 0;
    bot::NudgeScheduler scheduler(io.get_executor(), store, clock, {}, "https://book.example",
                                  [&](const std::set<std::string>&) { ++wakeups; });
    bot::FireResult result;
    const auto start = Clock::now();
    asio::co_spawn(io, scheduler.fire_now(), [&](std::exception_ptr error, bot::FireResult r) {
        if (error) std::rethrow_exception(error);
        result = r;
    });
    io.run();
    const double seconds = ms_since(start) / 1000;
    std::printf("fire_now(): %zu sent, %zu examined in %.2f s = %.0f nudges/s (%zu batches)\n",
                result.sent, result.examined, seconds, static_cast<double>(result.sent) / seconds,
                wakeups);
    std::printf("outbox rows pending: %zu\n", outbox_rows(store));
    report_memory("after firing the burst");
    return result.sent == static_cast<std::size_t>(kBurst) ? 0 : 1;
}

/// The system clock shifted by whole seconds, so that the burst minute starts shortly after the
/// benchmark does; whole seconds keep the sub-second phase of the real clock, which the scheduler
/// relies on to wake right at a second's start.
class ShiftedClock final : public intents::Clock {
  public:
    explicit ShiftedClock(std::chrono::seconds shift) : shift_(shift) {}
    intents::Seconds now() const override { return system_.now() + shift_; }
    std::chrono::system_clock::time_point precise_now() const {
        return std::chrono::system_clock::now() + shift_;
    }

  private:
    intents::SystemClock system_;
    std::chrono::seconds shift_;
};

int live(const std::string& path) {
    storage::Store store(path);
    report_memory("after opening");

    const ShiftedClock probe(std::chrono::seconds{0});
    const ShiftedClock clock(kBurstStart - (probe.now() + std::chrono::seconds{3}));
    asio::io_context io;
    // (committed-so-far count, instant the senders were woken) per batch.
    std::vector<std::pair<std::size_t, std::chrono::system_clock::time_point>> wakeups;
    std::unique_ptr<bot::NudgeScheduler> scheduler;
    scheduler = std::make_unique<bot::NudgeScheduler>(
        io.get_executor(), store, clock, intents::nudges::NudgePolicy{}, "https://book.example",
        [&](const std::set<std::string>&) {
            const auto committed = scheduler->totals().sent;
            wakeups.emplace_back(committed, clock.precise_now());
            if (committed >= static_cast<std::size_t>(kBurst)) scheduler->stop();
        });
    const auto start = Clock::now();
    scheduler->start();
    io.run_for(std::chrono::minutes{5});
    std::printf("live loop: %zu sent in %.1f s of wall time, %zu batches\n",
                scheduler->totals().sent, ms_since(start) / 1000, wakeups.size());
    report_memory("after the burst");

    // Outbox rows are numbered in commit order; the k-th wake-up covers the rows up to its count.
    // A second, read-only connection streams each row's due instant, so the analysis neither
    // assumes the firing order nor loads the rows.
    SQLite::Database reader(path, SQLite::OPEN_READONLY);
    SQLite::Statement rows(reader,
                           "SELECT n.due_at FROM outbox o JOIN nudges n ON n.id = o.nudge_id "
                           "ORDER BY o.id");
    std::vector<double> lateness_ms;
    lateness_ms.reserve(static_cast<std::size_t>(kBurst));
    std::size_t row = 0;
    for (const auto& [committed, woken_at] : wakeups) {
        for (; row < committed && rows.executeStep(); ++row) {
            const intents::Seconds due{std::chrono::seconds{rows.getColumn(0).getInt64()}};
            lateness_ms.push_back(
                std::chrono::duration<double, std::milli>(woken_at - due).count());
        }
    }
    std::printf(
        "lateness (due instant -> senders woken), %zu nudges: p50 %.0f ms  p99 %.0f ms  "
        "max %.0f ms\n",
        lateness_ms.size(), percentile(lateness_ms, 0.5), percentile(lateness_ms, 0.99),
        percentile(lateness_ms, 1.0));
    return scheduler->totals().sent == static_cast<std::size_t>(kBurst) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: nudge_scale_bench populate|fire|live DB\n";
        return 2;
    }
    const std::string mode = argv[1];
    const std::string path = argv[2];
    if (mode == "populate") return populate(path);
    if (mode == "fire") return fire(path);
    if (mode == "live") return live(path);
    std::cerr << "unknown mode " << mode << "\n";
    return 2;
}
