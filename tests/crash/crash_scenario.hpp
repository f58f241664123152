#pragma once
/// The crash scenario: the real `rubdown serve` on a simulated clock takes a steady webhook load
/// (Telegram updates and Slack events, mixed, plus redeliveries) while it is killed with SIGKILL at
/// moments drawn from a seed and restarted on the same SQLite file; every update not acknowledged
/// with a 200 is delivered again, as the platforms do. Nudges fire between the days of load.
///
/// Afterwards it checks the promise "a crash loses no acknowledged message, processes none twice,
/// answers every one at least once, and repeats only what was in flight" through `rubdown export`,
/// the database and what the platform fakes received. The one window the product leaves open is
/// documented in OutboxRepository::resume_in_flight: a reply or nudge whose platform call was in
/// flight at the kill is sent again after the restart, so it may arrive twice, never be lost. The
/// scenario allows exactly that: a message the platform got more than once is accepted only when
/// its outbox row was `sending` right after a kill (once more per such kill); it is counted.
/// With `graceful`, the restarts are SIGTERM instead: then nothing may repeat at all.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rubdown::testing::crash {

struct CrashOptions {
    std::uint64_t seed = 1;
    int kills = 4;
    int days = 3;  ///< days of logged runs after the set-up day
    int telegram_runners = 4;
    int slack_runners = 4;
    int max_runs_per_day = 2;        ///< each runner logs 1..max runs a day
    double hard_share = 0.5;         ///< chance that a run is a hard session (plans a nudge)
    double redelivery_share = 0.15;  ///< chance that an acknowledged update comes again later
    int workers = 4;                 ///< threads posting (each owns some runners' chats)
    std::chrono::milliseconds send_delay{20};  ///< the fakes' answer delay per message sent
    bool graceful = false;  ///< stop with SIGTERM instead of SIGKILL: nothing may repeat
    std::string binary;     ///< the rubdown executable
    std::string work_dir;   ///< database, logs
};

struct CrashFigures {
    int kills = 0;
    int kills_during_load = 0;
    int kills_after_load = 0;      ///< all acknowledged, processing and replies under way
    int kills_while_firing = 0;    ///< while the clock request fires the day's nudges
    int kills_during_nudges = 0;   ///< just after the clock made nudges due
    std::size_t updates = 0;       ///< distinct update_ids / event_ids
    std::size_t posts = 0;         ///< HTTP deliveries, redeliveries included
    std::size_t acknowledged = 0;  ///< distinct updates answered 200 (all of them in the end)
    std::size_t redelivered_unacknowledged = 0;  ///< updates acknowledged only on a redelivery
    std::size_t redelivered_acknowledged = 0;    ///< updates delivered again after their 200
    std::size_t unanswered_posts = 0;            ///< connection refused/reset, or non-2xx
    std::size_t runs_expected = 0;
    std::size_t runs_exported = 0;
    std::size_t replies_expected = 0;
    std::size_t replies_received = 0;    ///< distinct replies the fakes got
    std::size_t nudges_planned = 0;      ///< what the rules must have planned
    std::size_t nudges_sent_state = 0;   ///< nudge rows in state `sent`
    std::size_t nudges_received = 0;     ///< distinct nudges the fakes got
    std::size_t received_total = 0;      ///< messages the fakes got, repeats included
    std::size_t in_flight_at_kills = 0;  ///< distinct outbox rows `sending` after a kill
    std::size_t repeated = 0;      ///< messages received twice or more, all in flight at a kill
    std::size_t extra_copies = 0;  ///< copies beyond the first of those
    std::size_t lost = 0;          ///< messages owed and never received
    std::size_t duplicates = 0;    ///< repeats no kill explains
    std::size_t sending_at_graceful_stops = 0;  ///< rows `sending` as a SIGTERM was sent
    double wall_seconds = 0;
};

struct CrashOutcome {
    CrashFigures figures;
    std::vector<std::string> violations;  ///< empty when the promise held
    std::vector<std::string> log;         ///< seed, kills and their moments, phases
    /// The figures as a few readable lines.
    std::string summary() const;
};

/// Runs the scenario; throws std::runtime_error (with what it was waiting for) when a bounded
/// wait runs out, e.g. the server does not come up or an update is never acknowledged.
CrashOutcome run_crash_scenario(const CrashOptions& options);

}  // namespace rubdown::testing::crash
