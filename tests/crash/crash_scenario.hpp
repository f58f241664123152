#pragma once
/// The crash scenario: the real `rubdown serve` on a simulated clock takes a steady webhook load
/// (Telegram updates and Slack events, mixed, plus redeliveries) while it is killed with SIGKILL at
/// moments drawn from a seed and restarted on the same SQLite file; every update not acknowledged
/// with a 200 is delivered again, as the platforms do. Nudges fire between the days of load.
///
/// Afterwards it checks the promise "a crash loses no acknowledged message, processes none twice
/// and sends no nudge twice" through `rubdown export`, the database and what the platform fakes
/// received. The one window the product leaves open is documented in OutboxRepository::
/// abandon_in_flight: a reply or nudge whose platform call was in flight at the kill is marked
/// failed and never resent, so it can be lost, never doubled. The scenario allows exactly that:
/// a message missing at the platform is accepted only when its outbox row was `sending` in the
/// database right after a kill and was abandoned at the restart; it is counted, not hidden.

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
    std::string binary;                        ///< the rubdown executable
    std::string work_dir;                      ///< database, logs
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
    std::size_t replies_received = 0;         ///< distinct replies the fakes got
    std::size_t nudges_planned = 0;           ///< what the rules must have planned
    std::size_t nudges_sent_state = 0;        ///< nudge rows in state `sent`
    std::size_t nudges_received = 0;          ///< distinct nudges the fakes got
    std::size_t in_flight_at_kills = 0;       ///< distinct outbox rows `sending` after a kill
    std::size_t abandoned = 0;                ///< rows marked failed as interrupted at a restart
    std::size_t abandoned_but_delivered = 0;  ///< of those, the platform had received it
    std::size_t lost_in_window = 0;           ///< of those, the platform never received it
    std::size_t duplicates = 0;               ///< messages the platform received twice or more
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
