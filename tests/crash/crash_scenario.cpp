#include "crash/crash_scenario.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "adapters/slack/slack_signature.hpp"
#include "crash/platform_fakes.hpp"
#include "support/child_process.hpp"
#include "support/raw_http_client.hpp"

namespace rubdown::testing::crash {

namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kAdminToken = "crash-admin-token";
constexpr const char* kTelegramToken = "123456:crash-test-token";
constexpr const char* kTelegramSecret = "crash-webhook-secret";
constexpr const char* kSlackToken = "xoxb-crash-test-token";
constexpr const char* kSlackSecret = "crash-signing-secret";
/// Day 0 (the set-up day) starts at 10:00 UTC, outside the default quiet hours (21:00-08:00).
constexpr std::int64_t kFirstDay = 1795428000;  // 2026-11-23T10:00:00Z
constexpr std::int64_t kDay = 24 * 3600;
/// Hard sessions are logged at 10:00; their nudge is due two hours later. The clock then moves
/// to 12:05, inside the grace period, so every planned nudge goes out that day.
constexpr std::int64_t kNudgeDelay = 2 * 3600;
/// Platform calls a channel's sender has in flight at most (OutboxSenderOptions::max_in_flight).
constexpr std::size_t kSendConcurrency = 16;
constexpr std::int64_t kFireOffset = kNudgeDelay + 5 * 60;
constexpr auto kAckDeadline = 90s;    ///< one update must be acknowledged within this
constexpr auto kServerStartup = 60s;  ///< the server must listen within this
constexpr auto kDrainDeadline = 90s;  ///< processing / outbox draining must end within this

constexpr const char* kNudgeOpening = "Strong work on that hard session";

std::string iso_instant(std::int64_t unix_seconds) {
    const std::time_t time = unix_seconds;
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

std::string iso_date(std::int64_t unix_seconds) {
    return iso_instant(unix_seconds).substr(0, 10);
}

/// "30:17" for 1817 seconds, as the bot writes a duration under an hour.
std::string minutes_seconds(int seconds) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d:%02d", seconds / 60, seconds % 60);
    return buffer;
}

struct Runner {
    std::string channel;  ///< "telegram" or "slack"
    std::string user_key;
    std::string chat;  ///< where replies go (Telegram chat id, Slack DM channel)
    std::int64_t telegram_id = 0;
    std::string slack_user;
    int runs_logged = 0;  ///< next run's duration index
};

/// One update / event the platforms deliver until it is acknowledged.
struct Update {
    std::size_t index = 0;
    std::size_t runner = 0;
    int day = 0;
    std::string text;
    bool is_run = false;
    bool hard = false;
    int duration_s = 0;
    std::atomic<bool> acknowledged{false};
    std::atomic<int> posts{0};
};

/// Counters shared by the posting threads.
struct LoadCounters {
    std::atomic<std::size_t> posts{0}, unanswered{0}, redelivered_unacknowledged{0},
        redelivered_acknowledged{0}, acknowledged{0};
};

/// What a kill looks like in the plan.
enum class KillMoment { during_load, after_load, while_firing, during_nudges };

struct PlannedKill {
    int day = 0;
    KillMoment moment = KillMoment::during_load;
    double load_fraction = 0;  ///< during_load: once this share of the day's updates is acked
    std::chrono::milliseconds delay{0};  ///< then wait this long
};

const char* to_string(KillMoment moment) {
    switch (moment) {
        case KillMoment::during_load:
            return "during load";
        case KillMoment::after_load:
            return "after load";
        case KillMoment::while_firing:
            return "while firing nudges";
        case KillMoment::during_nudges:
            return "during nudges";
    }
    return "?";
}

/// The server process and how to reach it. Only the controller thread starts and kills it; the
/// posting threads read the port (0 while it is down).
class Server {
  public:
    Server(const CrashOptions& options, std::map<std::string, std::string> env)
        : options_(options), env_(std::move(env)) {}

    void start(std::int64_t sim_now) {
        auto env = env_;
        env["RUBDOWN_SIM_CLOCK"] = iso_instant(sim_now);
        process_ = std::make_unique<ChildProcess>(
            options_.binary, std::vector<std::string>{"serve"}, options_.work_dir, env);
        ++starts_;
        const auto deadline = SteadyClock::now() + kServerStartup;
        const std::regex listening("event=listening address=127\\.0\\.0\\.1:(\\d+)");
        for (;;) {
            const auto log = process_->err();
            std::smatch match;
            if (std::regex_search(log, match, listening)) {
                port_ = static_cast<unsigned short>(std::stoi(match[1]));
                return;
            }
            if (const auto code = process_->wait(0ms))
                throw std::runtime_error("rubdown serve (start " + std::to_string(starts_) +
                                         ") exited with " + std::to_string(*code) +
                                         " before listening: " + tail(log));
            if (SteadyClock::now() > deadline)
                throw std::runtime_error("rubdown serve (start " + std::to_string(starts_) +
                                         ") did not listen within 60 s: " + tail(log));
            std::this_thread::sleep_for(10ms);
        }
    }

    void kill() {
        port_ = 0;
        process_->signal(SIGKILL);
        if (!process_->wait(10s)) throw std::runtime_error("rubdown serve survived SIGKILL 10 s");
    }

    /// SIGTERM and a bounded wait; the exit code.
    int stop() {
        port_ = 0;
        process_->signal(SIGTERM);
        const auto code = process_->wait(30s);
        if (!code) throw std::runtime_error("rubdown serve did not stop within 30 s of SIGTERM");
        return *code;
    }

    unsigned short port() const { return port_; }
    std::string log_tail() const { return process_ ? tail(process_->err()) : ""; }

  private:
    static std::string tail(const std::string& log) {
        return log.size() > 2000 ? log.substr(log.size() - 2000) : log;
    }

    const CrashOptions& options_;
    std::map<std::string, std::string> env_;
    std::unique_ptr<ChildProcess> process_;
    std::atomic<unsigned short> port_{0};
    int starts_ = 0;
};

/// One HTTP request to the server; the status, or 0 when no answer came (refused, reset).
int post(unsigned short port, const std::string& target, const std::string& body,
         const std::string& headers) {
    if (port == 0) return 0;
    try {
        RawHttpClient client(port);
        const auto response =
            client.request("POST", target, body,
                           "Content-Type: application/json\r\nConnection: close\r\n" + headers);
        return response ? response->result_int() : 0;
    } catch (const std::exception&) {
        return 0;
    }
}

/// The database, opened per query: the server may be writing (WAL lets us read meanwhile) or
/// dead after a kill.
class Database {
  public:
    explicit Database(std::string path) : path_(std::move(path)) {}

    std::int64_t count(const std::string& sql) const {
        SQLite::Database db(path_, SQLite::OPEN_READWRITE);
        db.setBusyTimeout(5000);
        return db.execAndGet(sql).getInt64();
    }

    std::vector<std::int64_t> ids(const std::string& sql) const {
        SQLite::Database db(path_, SQLite::OPEN_READWRITE);
        db.setBusyTimeout(5000);
        SQLite::Statement query(db, sql);
        std::vector<std::int64_t> result;
        while (query.executeStep()) result.push_back(query.getColumn(0).getInt64());
        return result;
    }

    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

/// Waits until `condition` holds; throws naming `what` after `timeout`.
void wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
                const std::string& what) {
    const auto deadline = SteadyClock::now() + timeout;
    while (!condition()) {
        if (SteadyClock::now() > deadline)
            throw std::runtime_error("timed out after " + std::to_string(timeout.count() / 1000) +
                                     " s waiting for " + what);
        std::this_thread::sleep_for(10ms);
    }
}

class Scenario {
  public:
    explicit Scenario(const CrashOptions& options)
        : options_(options),
          fakes_(options.send_delay),
          db_(options.work_dir + "/crash.db"),
          server_(options, server_env()),
          random_(options.seed) {}

    CrashOutcome run() {
        const auto started = SteadyClock::now();
        outcome_.log.push_back("seed " + std::to_string(options_.seed));
        make_runners();
        plan_kills();

        server_.start(sim_now_);
        for (int day = 0; day <= options_.days; ++day) run_day(day);

        // The end: everything processed and sent, then a clean stop.
        wait_until([&] { return db_.count("SELECT COUNT(*) FROM inbox WHERE processed = 0") == 0; },
                   kDrainDeadline, "the last messages to be processed");
        wait_until(
            [&] {
                return db_.count(
                           "SELECT COUNT(*) FROM outbox WHERE status IN "
                           "('pending','sending')") == 0;
            },
            kDrainDeadline, "the outbox to drain");
        const int code = server_.stop();
        if (code != 0)
            violation("rubdown serve exited " + std::to_string(code) +
                      " after SIGTERM: " + server_.log_tail());

        check();
        outcome_.figures.wall_seconds =
            std::chrono::duration<double>(SteadyClock::now() - started).count();
        return std::move(outcome_);
    }

  private:
    std::map<std::string, std::string> server_env() const {
        return {{"RUBDOWN_DB", options_.work_dir + "/crash.db"},
                {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                {"RUBDOWN_ADMIN_TOKEN", kAdminToken},
                {"RUBDOWN_LOG_LEVEL", "info"},
                // Days are 24 h apart and nudges go out at 12:05: a 12 h gap lets every day's
                // hard session plan its own nudge.
                {"RUBDOWN_NUDGE_MIN_GAP_HOURS", "12"},
                // The check reads every message and reply of the whole run from the database:
                // nothing may be pruned for age during it (its simulated days run for weeks).
                {"RUBDOWN_INBOX_RETENTION_DAYS", "3650"},
                {"TELEGRAM_BOT_TOKEN", kTelegramToken},
                {"TELEGRAM_API_URL", fakes_.telegram_url()},
                {"TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook"},
                {"TELEGRAM_WEBHOOK_SECRET", kTelegramSecret},
                {"SLACK_BOT_TOKEN", kSlackToken},
                {"SLACK_SIGNING_SECRET", kSlackSecret},
                {"SLACK_API_URL", fakes_.slack_url()}};
    }

    void violation(std::string text) { outcome_.violations.push_back(std::move(text)); }

    void make_runners() {
        for (int i = 0; i < options_.telegram_runners; ++i) {
            Runner runner;
            runner.channel = "telegram";
            runner.telegram_id = 700000 + i;
            runner.user_key = "telegram:" + std::to_string(runner.telegram_id);
            runner.chat = std::to_string(runner.telegram_id);
            runners_.push_back(runner);
        }
        for (int i = 0; i < options_.slack_runners; ++i) {
            Runner runner;
            runner.channel = "slack";
            runner.slack_user = "UCRASH" + std::to_string(100 + i);
            runner.user_key =
                std::string("slack:") + PlatformFakes::kSlackTeam + ":" + runner.slack_user;
            runner.chat = "DCRASH" + std::to_string(100 + i);
            runners_.push_back(runner);
        }
    }

    void plan_kills() {
        std::uniform_int_distribution<int> day(0, options_.days);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int i = 0; i < options_.kills; ++i) {
            PlannedKill kill;
            kill.day = day(random_);
            const double which = unit(random_);
            kill.moment = which < 0.5    ? KillMoment::during_load
                          : which < 0.65 ? KillMoment::after_load
                          : which < 0.8  ? KillMoment::while_firing
                                         : KillMoment::during_nudges;
            kill.load_fraction = 0.05 + 0.9 * unit(random_);
            // Nudge sends take send_delay at the fakes: spread the kill over the first sends.
            // Firing a day's nudges takes a few milliseconds.
            const int max_delay = kill.moment == KillMoment::during_nudges  ? 250
                                  : kill.moment == KillMoment::while_firing ? 15
                                                                            : 60;
            kill.delay = std::chrono::milliseconds{
                std::uniform_int_distribution<int>(0, max_delay)(random_)};
            kills_.push_back(kill);
        }
        std::sort(kills_.begin(), kills_.end(), [](const PlannedKill& a, const PlannedKill& b) {
            if (a.day != b.day) return a.day < b.day;
            if (a.moment != b.moment) return a.moment < b.moment;
            return a.load_fraction < b.load_fraction;
        });
    }

    /// The day's updates: a set-up message on day 0, runs afterwards.
    std::vector<std::shared_ptr<Update>> plan_day(int day) {
        std::vector<std::shared_ptr<Update>> planned;
        std::uniform_int_distribution<int> runs(1, std::max(1, options_.max_runs_per_day));
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        std::vector<std::vector<std::shared_ptr<Update>>> per_runner(runners_.size());
        for (std::size_t r = 0; r < runners_.size(); ++r) {
            auto add = [&](std::string text) {
                auto update = std::make_shared<Update>();
                update->index = updates_.size();
                update->runner = r;
                update->day = day;
                update->text = std::move(text);
                updates_.push_back(update);
                per_runner[r].push_back(update);
                return update;
            };
            if (day == 0) {
                add("my time zone is UTC");
                continue;
            }
            const int count = runs(random_);
            for (int i = 0; i < count; ++i) {
                const bool hard = unit(random_) < options_.hard_share;
                // A distinct duration per runner identifies the run in the export and its reply.
                const int duration = 30 * 60 + runners_[r].runs_logged++;
                auto update = add("ran 6k in " + minutes_seconds(duration) + ", felt " +
                                  (hard ? "hard" : "easy"));
                update->is_run = true;
                update->hard = hard;
                update->duration_s = duration;
            }
        }
        // Interleave the runners: a chat's updates stay in order, as Telegram delivers them.
        for (std::size_t round = 0;; ++round) {
            bool any = false;
            for (auto& list : per_runner) {
                if (round < list.size()) {
                    planned.push_back(list[round]);
                    any = true;
                }
            }
            if (!any) break;
        }
        return planned;
    }

    std::string body_of(const Update& update, std::int64_t sim_now) const {
        const auto& runner = runners_[update.runner];
        if (runner.channel == "telegram") {
            return Json{
                {"update_id", 500000 + update.index},
                {"message",
                 {{"message_id", 10 + update.index},
                  {"date", sim_now},
                  {"chat", {{"id", runner.telegram_id}, {"type", "private"}}},
                  {"from",
                   {{"id", runner.telegram_id}, {"is_bot", false}, {"first_name", "Runner"}}},
                  {"text", update.text}}}}
                .dump();
        }
        const auto ts = std::to_string(sim_now) + "." + std::to_string(100000 + update.index);
        return Json{{"type", "event_callback"},
                    {"team_id", PlatformFakes::kSlackTeam},
                    {"event_id", "EvCRASH" + std::to_string(update.index)},
                    {"event_time", sim_now},
                    {"event",
                     {{"type", "message"},
                      {"channel_type", "im"},
                      {"channel", runner.chat},
                      {"user", runner.slack_user},
                      {"text", update.text},
                      {"ts", ts},
                      {"event_ts", ts}}}}
            .dump();
    }

    /// One delivery of `update` as its platform makes it; true when answered 2xx.
    bool deliver(const Update& update, int retry_number, std::int64_t sim_now) {
        const auto& runner = runners_[update.runner];
        const auto body = body_of(update, sim_now);
        int status = 0;
        if (runner.channel == "telegram") {
            status =
                post(server_.port(), "/telegram/webhook", body,
                     std::string("X-Telegram-Bot-Api-Secret-Token: ") + kTelegramSecret + "\r\n");
        } else {
            // Slack signs every attempt afresh, with the real time of that attempt: the bot judges
            // a signature's age by the wall clock even when it runs on a simulated one.
            const auto stamp =
                std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count());
            std::string headers =
                "X-Slack-Request-Timestamp: " + stamp +
                "\r\nX-Slack-Signature: " + slack::compute_signature(kSlackSecret, stamp, body) +
                "\r\n";
            if (retry_number > 0)
                headers += "X-Slack-Retry-Num: " + std::to_string(std::min(retry_number, 3)) +
                           "\r\nX-Slack-Retry-Reason: http_timeout\r\n";
            status = post(server_.port(), "/slack/events", body, headers);
        }
        ++counters_.posts;
        if (status >= 200 && status < 300) return true;
        ++counters_.unanswered;
        if (status != 0 && status != 503)
            throw std::runtime_error("update " + std::to_string(update.index) + " got HTTP " +
                                     std::to_string(status) +
                                     " (only 2xx, 503 or no answer "
                                     "are expected)");
        return false;
    }

    /// Delivers until acknowledged, like a platform retrying (with a growing pause); bounded.
    void deliver_until_acknowledged(Update& update, std::int64_t sim_now) {
        const auto deadline = SteadyClock::now() + kAckDeadline;
        if (update.acknowledged) ++counters_.redelivered_acknowledged;
        auto pause = 5ms;
        for (;;) {
            if (stop_) throw std::runtime_error("stopped: another thread failed");
            const int delivery = update.posts++;
            if (deliver(update, delivery, sim_now)) break;
            if (SteadyClock::now() > deadline)
                throw std::runtime_error("update " + std::to_string(update.index) +
                                         " was not acknowledged within 90 s");
            std::this_thread::sleep_for(pause);
            pause = std::min<std::chrono::milliseconds>(pause * 2, 200ms);
        }
        if (!update.acknowledged.exchange(true)) {
            ++counters_.acknowledged;
            if (update.posts > 1) ++counters_.redelivered_unacknowledged;
        }
    }

    /// A posting thread: its share of the day's updates in order, and now and then one it has
    /// already had acknowledged (as a platform retrying after a time-out does).
    void post_share(const std::vector<std::shared_ptr<Update>>& day_updates, int worker,
                    std::int64_t sim_now, std::uint64_t seed, std::exception_ptr& failure) {
        try {
            std::mt19937_64 random(seed);
            std::uniform_real_distribution<double> unit(0.0, 1.0);
            std::vector<Update*> mine_before;
            // Only yesterday's and today's: a platform redelivers within a day (Telegram keeps an
            // update 24 h), and after the 48 h dedup window a key is a new message by design.
            const int today = day_updates.empty() ? 0 : day_updates.front()->day;
            for (const auto& update : updates_)
                if (update->acknowledged && update->day >= today - 1 &&
                    update->runner % options_.workers == static_cast<std::size_t>(worker))
                    mine_before.push_back(update.get());
            for (const auto& update : day_updates) {
                if (update->runner % options_.workers != static_cast<std::size_t>(worker)) continue;
                deliver_until_acknowledged(*update, sim_now);
                mine_before.push_back(update.get());
                if (unit(random) < options_.redelivery_share) {
                    std::uniform_int_distribution<std::size_t> pick(0, mine_before.size() - 1);
                    deliver_until_acknowledged(*mine_before[pick(random)], sim_now);
                }
            }
        } catch (...) {
            failure = std::current_exception();
            stop_ = true;
        }
    }

    void crash_and_restart(const PlannedKill& kill, int day) {
        if (options_.graceful) {
            // Sends under way as the stop begins: what the graceful stop has to wait for.
            outcome_.figures.sending_at_graceful_stops +=
                db_.ids("SELECT id FROM outbox WHERE status = 'sending'").size();
            if (const int code = server_.stop(); code != 0)
                violation("rubdown serve exited " + std::to_string(code) + " after SIGTERM");
        } else {
            server_.kill();
        }
        // What was in flight at the kill: the only rows the product may send twice.
        const auto sending = db_.ids("SELECT id FROM outbox WHERE status = 'sending'");
        if (options_.graceful && !sending.empty())
            violation(std::to_string(sending.size()) +
                      " outbox rows left `sending` by a graceful stop");
        // A row can be in flight at two kills when the second comes before it was sent again.
        for (const auto id : sending) ++in_flight_at_kills_[id];
        outcome_.figures.in_flight_at_kills = in_flight_at_kills_.size();
        ++outcome_.figures.kills;
        switch (kill.moment) {
            case KillMoment::during_load:
                ++outcome_.figures.kills_during_load;
                break;
            case KillMoment::after_load:
                ++outcome_.figures.kills_after_load;
                break;
            case KillMoment::while_firing:
                ++outcome_.figures.kills_while_firing;
                break;
            case KillMoment::during_nudges:
                ++outcome_.figures.kills_during_nudges;
                break;
        }
        outcome_.log.push_back("kill " + std::to_string(outcome_.figures.kills) + ": day " +
                               std::to_string(day) + ", " + to_string(kill.moment) + ", " +
                               std::to_string(counters_.acknowledged.load()) +
                               " updates acknowledged so far, " + std::to_string(sending.size()) +
                               " outbox rows in flight");
        server_.start(sim_now_);
    }

    /// Moves the simulated clock (the server fires what became due before it answers).
    void set_clock(std::int64_t instant) {
        const auto body = Json{{"set", iso_instant(instant)}}.dump();
        const auto deadline = SteadyClock::now() + 30s;
        while (post(server_.port(), "/admin/clock", body,
                    std::string("Authorization: Bearer ") + kAdminToken + "\r\n") != 200) {
            if (SteadyClock::now() > deadline)
                throw std::runtime_error("POST /admin/clock was not answered 200 within 30 s");
            std::this_thread::sleep_for(20ms);
        }
        sim_now_ = instant;
    }

    void run_day(int day) {
        const std::int64_t day_start = kFirstDay + day * kDay;
        auto day_updates = plan_day(day);
        std::vector<PlannedKill> today;
        for (const auto& kill : kills_)
            if (kill.day == day) today.push_back(kill);

        // Load: the posting threads run while this thread kills at the planned moments.
        std::vector<std::thread> workers;
        std::vector<std::exception_ptr> failures(options_.workers);
        for (int w = 0; w < options_.workers; ++w)
            workers.emplace_back([&, w] {
                post_share(day_updates, w, day_start,
                           options_.seed * 7919 + static_cast<std::uint64_t>(day * 131 + w),
                           failures[w]);
            });
        auto acknowledged_today = [&] {
            return static_cast<std::size_t>(
                std::count_if(day_updates.begin(), day_updates.end(),
                              [](const auto& update) { return update->acknowledged.load(); }));
        };
        const auto all_done = [&] {
            return std::all_of(failures.begin(), failures.end(), [](auto& f) { return !f; }) &&
                   acknowledged_today() == day_updates.size();
        };
        std::exception_ptr controller_failure;
        try {
            for (const auto& kill : today) {
                if (kill.moment != KillMoment::during_load) continue;
                const auto target =
                    static_cast<std::size_t>(kill.load_fraction * day_updates.size());
                const auto deadline = SteadyClock::now() + kAckDeadline;
                while (acknowledged_today() < target && !all_done() && !stop_ &&
                       SteadyClock::now() < deadline)
                    std::this_thread::sleep_for(1ms);
                std::this_thread::sleep_for(kill.delay);
                crash_and_restart(kill, day);
            }
        } catch (...) {
            controller_failure = std::current_exception();
            stop_ = true;
        }
        for (auto& worker : workers) worker.join();
        if (controller_failure) std::rethrow_exception(controller_failure);
        // The first failure explains; the others only say they were stopped.
        for (auto& failure : failures) {
            if (!failure) continue;
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& error) {
                if (std::string(error.what()).rfind("stopped:", 0) != 0) throw;
            }
        }
        if (stop_) throw std::runtime_error("a posting thread failed");

        // Acknowledged means recorded; processing and replies may still be under way.
        for (const auto& kill : today) {
            if (kill.moment != KillMoment::after_load) continue;
            std::this_thread::sleep_for(kill.delay);
            crash_and_restart(kill, day);
        }
        wait_until([&] { return db_.count("SELECT COUNT(*) FROM inbox WHERE processed = 0") == 0; },
                   kDrainDeadline, "day " + std::to_string(day) + "'s messages to be processed");

        fakes_.set_epoch(day);
        for (const auto& kill : today) {
            if (kill.moment != KillMoment::while_firing) continue;
            // The clock request goes out on its own thread; the kill may come before, during or
            // after the transaction that marks the nudges sent and writes their outbox rows.
            const auto body = Json{{"set", iso_instant(day_start + kFireOffset)}}.dump();
            const auto port = server_.port();
            std::thread request([port, body] {
                post(port, "/admin/clock", body,
                     std::string("Authorization: Bearer ") + kAdminToken + "\r\n");
            });
            std::this_thread::sleep_for(kill.delay);
            crash_and_restart(kill, day);
            request.join();
        }
        set_clock(day_start + kFireOffset);
        for (const auto& kill : today) {
            if (kill.moment != KillMoment::during_nudges) continue;
            std::this_thread::sleep_for(kill.delay);
            crash_and_restart(kill, day);
        }
        // Today's nudges are out before the clock moves on: so what the fakes
        // receive in an epoch belongs to that day, and because a nudge still waiting in the
        // outbox a day after it was due is dropped as late, as after an outage.
        wait_until(
            [&] {
                return db_.count(
                           "SELECT COUNT(*) FROM outbox WHERE nudge_id IS NOT NULL AND "
                           "status IN ('pending','sending')") == 0;
            },
            kDrainDeadline, "day " + std::to_string(day) + "'s nudges to be sent");
        set_clock(day_start + kDay);
        outcome_.log.push_back("day " + std::to_string(day) + ": " +
                               std::to_string(day_updates.size()) + " updates");
    }

    /// Every promise, checked against the exports, the database and the fakes.
    void check() {
        auto& figures = outcome_.figures;
        figures.updates = updates_.size();
        figures.posts = counters_.posts;
        figures.acknowledged = counters_.acknowledged;
        figures.redelivered_unacknowledged = counters_.redelivered_unacknowledged;
        figures.redelivered_acknowledged = counters_.redelivered_acknowledged;
        figures.unanswered_posts = counters_.unanswered;
        if (figures.acknowledged != figures.updates)
            violation(std::to_string(figures.updates - figures.acknowledged) +
                      " updates never acknowledged");

        // Outbox rows, by chat.
        struct OutboxRow {
            std::int64_t id;
            std::string channel, chat, text, status, error;
            std::optional<std::int64_t> nudge_id;
        };
        std::vector<OutboxRow> outbox;
        std::map<std::int64_t, std::string> user_keys;
        struct NudgeRow {
            std::int64_t id, user_id, due_at;
            std::string kind, state;
        };
        std::vector<NudgeRow> nudges;
        {
            SQLite::Database db(db_.path(), SQLite::OPEN_READWRITE);
            SQLite::Statement rows(
                db, "SELECT id, channel, chat_id, text, status, last_error, nudge_id FROM outbox");
            while (rows.executeStep()) {
                OutboxRow row{rows.getColumn(0).getInt64(),
                              rows.getColumn(1).getString(),
                              rows.getColumn(2).getString(),
                              rows.getColumn(3).getString(),
                              rows.getColumn(4).getString(),
                              rows.getColumn(5).getString(),
                              std::nullopt};
                if (!rows.getColumn(6).isNull()) row.nudge_id = rows.getColumn(6).getInt64();
                outbox.push_back(row);
            }
            SQLite::Statement users(db, "SELECT id, key FROM users");
            while (users.executeStep())
                user_keys[users.getColumn(0).getInt64()] = users.getColumn(1).getString();
            SQLite::Statement nudge_rows(db, "SELECT id, user_id, due_at, kind, state FROM nudges");
            while (nudge_rows.executeStep())
                nudges.push_back(
                    {nudge_rows.getColumn(0).getInt64(), nudge_rows.getColumn(1).getInt64(),
                     nudge_rows.getColumn(2).getInt64(), nudge_rows.getColumn(3).getString(),
                     nudge_rows.getColumn(4).getString()});
        }

        // What the fakes received, by chat and by what it answers.
        const auto received = fakes_.received();
        std::map<std::string, std::size_t> received_count;  // channel|chat|key
        auto key_of = [](const std::string& text) -> std::string {
            if (text.rfind(kNudgeOpening, 0) == 0) return "nudge";
            static const std::regex run(" in (\\d+:\\d\\d) \\(");
            std::smatch match;
            if (std::regex_search(text, match, run)) return "run " + match[1].str();
            return "other";
        };
        for (const auto& message : received) {
            auto key = message.channel + "|" + message.chat + "|" + key_of(message.text);
            if (key_of(message.text) == "nudge") key += " epoch " + std::to_string(message.epoch);
            ++received_count[key];
        }
        std::set<std::string> accounted;

        // One message the bot owed: its outbox rows and what the platform got.
        auto check_delivery = [&](const std::string& what, const std::string& key,
                                  const std::vector<const OutboxRow*>& rows) {
            accounted.insert(key);
            const auto got = received_count.count(key) ? received_count.at(key) : 0;
            if (rows.size() != 1) {
                violation(what + ": " + std::to_string(rows.size()) + " outbox rows (processed " +
                          (rows.empty() ? "never)" : "more than once)"));
                return;
            }
            const auto& row = *rows.front();
            // Once, plus once more for each kill that caught its send in flight.
            const auto kills_in_flight =
                in_flight_at_kills_.count(row.id) ? in_flight_at_kills_.at(row.id) : 0;
            if (got > 1) {
                ++figures.repeated;
                figures.extra_copies += got - 1;
                if (got > 1 + kills_in_flight) {
                    ++figures.duplicates;
                    violation(what + ": the platform received it " + std::to_string(got) +
                              " times; it was in flight at " + std::to_string(kills_in_flight) +
                              " kill(s)");
                }
            }
            if (row.status != "sent") {
                violation(what + ": outbox row " + std::to_string(row.id) + " ended " + row.status +
                          " (" + row.error + ")");
            } else if (got == 0) {
                ++figures.lost;
                violation(what + ": outbox row " + std::to_string(row.id) +
                          " is sent but the platform never received it");
            }
        };

        for (std::size_t r = 0; r < runners_.size(); ++r) {
            const auto& runner = runners_[r];
            std::vector<const OutboxRow*> chat_rows;
            for (const auto& row : outbox)
                if (row.channel == runner.channel && row.chat == runner.chat)
                    chat_rows.push_back(&row);
            auto rows_with = [&](const std::string& key) {
                std::vector<const OutboxRow*> found;
                for (const auto* row : chat_rows)
                    if (!row->nudge_id && key_of(row->text) == key) found.push_back(row);
                return found;
            };
            const auto prefix = runner.channel + "|" + runner.chat + "|";

            // Runs: one row each in the export, one reply each.
            const auto exported = run_to_end(
                options_.binary, {"export", "--user", runner.user_key, "--format", "json"},
                options_.work_dir, {{"RUBDOWN_DB", db_.path()}});
            if (exported.exit_code != 0) {
                violation(runner.user_key + ": export exited " +
                          std::to_string(exported.exit_code) + ": " + exported.err);
                continue;
            }
            const auto runs = Json::parse(exported.out, nullptr, false);
            std::map<int, std::vector<Json>> runs_by_duration;
            if (runs.is_array()) {
                for (const auto& run : runs)
                    if (run["duration_s"].is_number_integer())
                        runs_by_duration[run["duration_s"].get<int>()].push_back(run);
                figures.runs_exported += runs.size();
            } else {
                violation(runner.user_key + ": export is not a JSON array");
            }
            std::set<int> hard_days;
            std::size_t runs_of_runner = 0;
            for (const auto& update : updates_) {
                if (update->runner != r) continue;
                const auto what = runner.user_key + " update " + std::to_string(update->index) +
                                  " (\"" + update->text + "\")";
                if (!update->is_run) {
                    ++figures.replies_expected;
                    check_delivery(what, prefix + "other", rows_with("other"));
                    continue;
                }
                ++runs_of_runner;
                ++figures.runs_expected;
                ++figures.replies_expected;
                const auto found = runs_by_duration[update->duration_s];
                if (found.size() != 1) {
                    violation(what + ": " + std::to_string(found.size()) + " runs exported");
                } else {
                    const auto& run = found.front();
                    const auto day = iso_date(kFirstDay + update->day * kDay);
                    if (run["date"] != day || run["effort"] != (update->hard ? "hard" : "easy"))
                        violation(what + ": exported as " + run.dump());
                }
                const auto key = "run " + minutes_seconds(update->duration_s);
                check_delivery(what, prefix + key, rows_with(key));
                if (update->hard) hard_days.insert(update->day);
            }
            if (runs.is_array() && runs.size() != runs_of_runner)
                violation(runner.user_key + ": " + std::to_string(runs.size()) +
                          " runs exported, " + std::to_string(runs_of_runner) + " logged");

            // Nudges: one per day with a hard session, due two hours after it, sent once.
            std::optional<std::int64_t> user_id;
            for (const auto& [id, key] : user_keys)
                if (key == runner.user_key) user_id = id;
            std::map<std::int64_t, std::vector<const NudgeRow*>> nudges_by_due;
            for (const auto& nudge : nudges) {
                if (!user_id || nudge.user_id != *user_id) continue;
                nudges_by_due[nudge.due_at].push_back(&nudge);
                if (nudge.state == "sent") ++figures.nudges_sent_state;
            }
            for (const int day : hard_days) {
                ++figures.nudges_planned;
                const auto due = kFirstDay + day * kDay + kNudgeDelay;
                const auto what = runner.user_key + " nudge for day " + std::to_string(day);
                auto& at_due = nudges_by_due[due];
                if (at_due.size() != 1 || at_due.front()->kind != "after_hard_session" ||
                    at_due.front()->state != "sent") {
                    violation(what + ": " + std::to_string(at_due.size()) + " nudge rows due at " +
                              iso_instant(due) +
                              (at_due.empty() ? ""
                                              : ", first " + at_due.front()->kind + " " +
                                                    at_due.front()->state));
                    at_due.clear();
                    continue;
                }
                std::vector<const OutboxRow*> rows;
                for (const auto* row : chat_rows)
                    if (row->nudge_id == at_due.front()->id) rows.push_back(row);
                check_delivery(what, prefix + "nudge epoch " + std::to_string(day), rows);
                at_due.clear();
            }
            for (const auto& [due, left] : nudges_by_due)
                for (const auto* nudge : left)
                    violation(runner.user_key + ": unexpected nudge " + std::to_string(nudge->id) +
                              " " + nudge->kind + " " + nudge->state + " due " + iso_instant(due));
        }

        // Whatever the fakes received that no message accounts for (a reply to nobody, a
        // nudge on a day without a hard session, an error reply).
        for (const auto& [key, count] : received_count) {
            if (key.find("|nudge") != std::string::npos || key.find("|run") != std::string::npos ||
                key.find("|other") != std::string::npos) {
                if (accounted.count(key)) continue;
            }
            violation("the platform received " + std::to_string(count) +
                      " message(s) nobody was owed: " + key);
        }
        for (const auto& key : accounted)
            if (received_count.count(key)) {
                if (key.find("|nudge") != std::string::npos)
                    ++figures.nudges_received;
                else
                    ++figures.replies_received;
            }
        for (const auto& row : outbox)
            if (row.status == "failed")
                violation("outbox row " + std::to_string(row.id) + " failed: " + row.error);
        // Replies and nudges together: what was owed, plus at most the sends in flight at each
        // kill (the sender's concurrency, per channel).
        for (const auto& [key, count] : received_count) figures.received_total += count;
        const auto owed = figures.replies_expected + figures.nudges_planned;
        const auto bound = owed + static_cast<std::size_t>(figures.kills) * kSendConcurrency * 2;
        if (figures.received_total > bound)
            violation("the platforms received " + std::to_string(figures.received_total) +
                      " messages; at most " + std::to_string(bound) + " were allowed");
    }

    const CrashOptions& options_;
    PlatformFakes fakes_;
    Database db_;
    Server server_;
    std::mt19937_64 random_;
    std::vector<Runner> runners_;
    std::vector<PlannedKill> kills_;
    std::vector<std::shared_ptr<Update>> updates_;
    LoadCounters counters_;
    std::int64_t sim_now_ = kFirstDay;
    std::map<std::int64_t, std::size_t> in_flight_at_kills_;  ///< row id: kills it was in flight
    std::atomic<bool> stop_{false};  ///< a thread failed: the others give up too
    CrashOutcome outcome_;
};

}  // namespace

std::string CrashOutcome::summary() const {
    const auto& f = figures;
    std::ostringstream text;
    text << "kills " << f.kills << " (during load " << f.kills_during_load << ", after load "
         << f.kills_after_load << ", while firing nudges " << f.kills_while_firing
         << ", during nudges " << f.kills_during_nudges << ")\n"
         << "updates " << f.updates << ", posts " << f.posts << ", acknowledged " << f.acknowledged
         << ", acknowledged only on a redelivery " << f.redelivered_unacknowledged
         << ", delivered again after their 200 " << f.redelivered_acknowledged
         << ", unanswered posts " << f.unanswered_posts << "\n"
         << "runs expected " << f.runs_expected << ", exported " << f.runs_exported
         << "; replies expected " << f.replies_expected << ", received " << f.replies_received
         << "\n"
         << "nudges planned " << f.nudges_planned << ", in state sent " << f.nudges_sent_state
         << ", received " << f.nudges_received << "\n"
         << "messages received " << f.received_total << " (repeats included); outbox rows in "
         << "flight at kills " << f.in_flight_at_kills << ", received more than once " << f.repeated
         << " (" << f.extra_copies << " extra copies), lost " << f.lost
         << ", unexplained duplicates " << f.duplicates << "\n"
         << "sends under way as a graceful stop began " << f.sending_at_graceful_stops << "\n"
         << "wall time " << f.wall_seconds << " s\n";
    return text.str();
}

CrashOutcome run_crash_scenario(const CrashOptions& options) {
    Scenario scenario(options);
    return scenario.run();
}

}  // namespace rubdown::testing::crash
