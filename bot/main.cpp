/// The composition root: reads the configuration, builds the parts and runs the chosen command.

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <iostream>
#include <set>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include "bot/chat_command.hpp"
#include "bot/clock_factory.hpp"
#include "bot/command_line.hpp"
#include "bot/dispatcher.hpp"
#include "bot/http_server.hpp"
#include "bot/io_pool.hpp"
#include "bot/nudge_listing.hpp"
#include "bot/nudge_scheduler.hpp"
#include "bot/operator_routes.hpp"
#include "bot/process_limits.hpp"
#include "bot/slack_channel.hpp"
#include "bot/telegram_channel.hpp"
#include "intents/handlers/runs_export.hpp"
#include "intents/knowledge/knowledge_file.hpp"
#include "intents/knowledge/live_knowledge.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/nlu/nlu_stream.hpp"
#include "storage/sqlite_database.hpp"
#include "storage/store.hpp"

namespace asio = boost::asio;
using namespace rubdown;

namespace {

void configure_logging(const std::string& level) {
    // Logs go to stderr: stdout belongs to `chat`, `nlu` and `export` output.
    auto logger = spdlog::stderr_logger_mt("rubdown");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(logger);
}

int run_serve(const bot::Config& config) {
    storage::Store store(config.db_path);
    auto clock = bot::make_clock(config);
    const auto settings = engine_settings(config);
    auto engine = intents::make_engine(settings);

    bot::IoPool io_pool(config.io_threads);
    auto& io = io_pool.main_context();
    bot::Dispatcher dispatcher(io.get_executor(), store, *engine, *clock, settings);

    // The scheduler fires due nudges into the outbox; whoever sends a channel's outbox is woken.
    std::vector<std::function<void(const std::string&)>> outbox_waiters;
    auto wake_senders = [&outbox_waiters](const std::string& channel) {
        for (auto& wake : outbox_waiters) wake(channel);
    };
    bot::NudgeScheduler scheduler(asio::make_strand(io), store, *clock, settings.nudge_policy,
                                  config.booking_url,
                                  [&wake_senders](const std::set<std::string>& channels) {
                                      for (const auto& channel : channels) wake_senders(channel);
                                  });
    dispatcher.set_outbox_listener(wake_senders);
    // A processed message may have planned a nudge earlier than the one the scheduler awaits.
    dispatcher.set_nudge_listener(
        [&scheduler](storage::UnixSeconds due) { scheduler.nudge_planned(due); });

    bot::Router router;
    bot::ServerLimits limits;
    limits.max_body_bytes = config.max_body_bytes;
    limits.header_timeout = config.header_timeout;
    limits.idle_timeout = config.idle_timeout;
    limits.max_connections = config.max_connections;
    // Descriptors for every allowed connection, plus the database, logs and outbound clients.
    const std::size_t files_wanted = config.max_connections + 128;
    const auto files = bot::raise_open_file_limit(files_wanted);
    if (files < files_wanted)
        spdlog::warn(
            "event=open_file_limit_low limit={} wanted={} hint=\"lower "
            "RUBDOWN_MAX_CONNECTIONS or raise the hard limit (ulimit -Hn)\"",
            files, files_wanted);
    bot::HttpServer server(io, limits, router, [&io_pool] { return io_pool.next_executor(); });

    // A nudge that waited in a channel's outbox (an outage, a long queue) still keeps the runner's
    // quiet hours and its grace period.
    auto timely_nudges = [policy = settings.nudge_policy](storage::Repositories& repos,
                                                          const storage::OutboxMessage& row,
                                                          storage::UnixSeconds now) {
        return bot::nudge_row_may_go_now(repos, row, intents::Seconds{std::chrono::seconds{now}},
                                         policy);
    };

    // The channels the configuration enables. Start-up checks (getMe, auth.test) run now, so a bad
    // token stops the process with a clear message before it serves anything.
    std::unique_ptr<bot::TelegramChannel> telegram;
    if (config.telegram_enabled()) {
        auto telegram_settings = bot::telegram_settings(config);
        telegram_settings.sender.may_go_now = timely_nudges;
        telegram = std::make_unique<bot::TelegramChannel>(io.get_executor(), store, dispatcher,
                                                          *clock, std::move(telegram_settings));
        telegram->start_up();
        telegram->add_routes(router);
        outbox_waiters.push_back([&telegram](const std::string& channel) {
            if (channel == "telegram") telegram->wake();
        });
    }
    std::unique_ptr<bot::SlackChannel> slack;
    if (config.slack_enabled()) {
        auto slack_settings = bot::slack_settings(config);
        slack_settings.sender.may_go_now = timely_nudges;
        slack = std::make_unique<bot::SlackChannel>(io.get_executor(), store, dispatcher, *clock,
                                                    std::move(slack_settings));
        slack->start_up();
        slack->add_routes(router);
        outbox_waiters.push_back([&slack](const std::string& channel) {
            if (channel == "slack") slack->wake();
        });
    }

    bot::OperatorDeps operator_deps{store, server, *clock};
    operator_deps.simulated_clock = dynamic_cast<intents::SimulatedClock*>(clock.get());
    operator_deps.admin_token = config.admin_token;
    operator_deps.fire_due = [&scheduler]() -> asio::awaitable<void> {
        co_await scheduler.fire_now();
    };
    // SIGHUP: read the operator's knowledge file again; a bad file keeps the answers in force.
    std::atomic<std::uint64_t> reloads_ok{0};  // written on the first IO thread, read by /metrics
    std::atomic<std::uint64_t> reloads_failed{0};
    asio::signal_set hangups(io, SIGHUP);
    std::function<void()> await_hangup = [&] {
        hangups.async_wait([&](const boost::system::error_code& error, int) {
            if (error) return;
            if (config.knowledge_path.empty()) {
                spdlog::warn("event=knowledge_reload_skipped reason=\"no RUBDOWN_KNOWLEDGE\"");
            } else {
                try {
                    auto next = intents::knowledge::build_knowledge(config.knowledge_path);
                    const auto entries = next->size();
                    settings.knowledge->replace(std::move(next));
                    ++reloads_ok;
                    spdlog::info("event=knowledge_reloaded file={} entries={}",
                                 config.knowledge_path, entries);
                } catch (const std::exception& problem) {
                    ++reloads_failed;
                    spdlog::warn("event=knowledge_reload_failed error=\"{}\" kept=previous",
                                 problem.what());
                }
            }
            await_hangup();
        });
    };
    await_hangup();

    operator_deps.extra_metrics = [&scheduler, &telegram, &slack, &settings, &reloads_ok,
                                   &reloads_failed] {
        const auto totals = scheduler.totals();
        std::string text = "# TYPE rubdown_nudges_sent_total counter\nrubdown_nudges_sent_total " +
                           std::to_string(totals.sent) +
                           "\n# TYPE rubdown_nudges_expired_total counter\n"
                           "rubdown_nudges_expired_total " +
                           std::to_string(totals.expired) + "\n";
        if (telegram) text += telegram->metrics();
        if (slack) text += slack->metrics();
        text +=
            "# TYPE rubdown_knowledge_reloads_total counter\n"
            "rubdown_knowledge_reloads_total{result=\"ok\"} " +
            std::to_string(reloads_ok.load()) +
            "\nrubdown_knowledge_reloads_total{result=\"failed\"} " +
            std::to_string(reloads_failed.load()) + "\n";
        text += "# TYPE rubdown_knowledge_entries gauge\nrubdown_knowledge_entries " +
                std::to_string(settings.knowledge->current()->size()) + "\n";
        return text;
    };
    bot::add_operator_routes(router, std::move(operator_deps));

    const asio::ip::tcp::endpoint endpoint{asio::ip::make_address(config.listen_host),
                                           config.listen_port};
    server.start(endpoint);
    dispatcher.process_backlog();
    scheduler.start();
    if (telegram) telegram->start();
    if (slack) slack->start();

    const auto bound = server.local_endpoint();
    spdlog::info("event=listening address={}:{} database={} clock={}", bound.address().to_string(),
                 bound.port(), config.db_path, clock->simulated() ? "simulated" : "system");
    if (!config.telegram_enabled() && !config.slack_enabled())
        std::cerr << "Rubdown is running on http://" << bound.address().to_string() << ":"
                  << bound.port()
                  << " with no platform configured (set TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN and "
                     "SLACK_SIGNING_SECRET).\nTalk to it in a terminal with: rubdown chat\n";

    // SIGINT/SIGTERM: stop accepting, let requests in flight finish, flush the store, exit 0.
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& error, int signal) {
        if (error) return;
        spdlog::info("event=shutting_down signal={}", signal);
        scheduler.stop();
        hangups.cancel();
        if (telegram) telegram->stop();
        if (slack) slack->stop();
        server.shutdown(std::chrono::seconds(5), [&] {
            store.stop();
            io_pool.stop();
        });
    });

    io_pool.run();
    store.stop();
    spdlog::info("event=stopped");
    return 0;
}

int run_nlu(const bot::CommandLine& line) {
    intents::nlu::Nlu nlu;
    intents::nlu::run_nlu_stream(nlu, std::cin, std::cout, *bot::parse_iso_instant(line.nlu_now),
                                 line.nlu_time_zone);
    return 0;
}

int run_knowledge_check(const std::string& path) {
    try {
        const auto file = intents::knowledge::load_knowledge_file(path);
        std::cout << path << ": OK, " << file.entries.size() << " entr"
                  << (file.entries.size() == 1 ? "y" : "ies")
                  << (file.title.empty() ? "" : " (" + file.title + ")") << "\n";
        return 0;
    } catch (const intents::knowledge::KnowledgeFileError& problem) {
        std::cerr << problem.what() << "\n";
        return 1;
    }
}

int run_knowledge_ask(const bot::Config& config, const std::string& question) {
    namespace knowledge = intents::knowledge;
    const auto base = knowledge::build_knowledge(config.knowledge_path);
    const auto answer = base->answer(question);
    const auto match = base->best_match(question);
    const auto scores = [&](const knowledge::Match& m) {
        return "score " + std::to_string(m.score).substr(0, 4) + ", coverage " +
               std::to_string(m.coverage).substr(0, 4);
    };
    switch (answer.kind) {
        case knowledge::AnswerKind::answer:
            std::cout << "entry: " << answer.id << " (" << scores(*match) << ")\n"
                      << answer.text << "\n";
            break;
        case knowledge::AnswerKind::referral:
            std::cout << "referral: a medical question, referred to a doctor or physio\n";
            break;
        case knowledge::AnswerKind::fallback:
            std::cout << "abstain: no entry answers it with confidence";
            if (match) std::cout << " (best: " << match->id << ", " << scores(*match) << ")";
            std::cout << "\n";
            break;
    }
    return 0;
}

int run_migrate(const bot::Config& config) {
    const int applied = storage::migrate_database(config.db_path);
    std::cout << config.db_path << ": applied " << applied << " migration"
              << (applied == 1 ? "" : "s") << "\n";
    return 0;
}

int run_export(const bot::CommandLine& line) {
    storage::Store store(line.config.db_path);
    auto runs =
        store.run([&](storage::Repositories& repos) -> std::optional<std::vector<storage::Run>> {
            auto user = repos.users.find_by_key(line.user_key);
            if (!user) return std::nullopt;
            auto runs = repos.runs.list(user->id, 1000000);
            std::reverse(runs.begin(), runs.end());  // oldest first reads naturally in a file
            return runs;
        });
    if (!runs) {
        std::cerr << "rubdown: --user: no user " << line.user_key << " in " << line.config.db_path
                  << "\n";
        return 1;
    }
    std::cout << (line.export_format == "json" ? intents::handlers::runs_to_json(*runs) + "\n"
                                               : intents::handlers::runs_to_csv(*runs));
    return 0;
}

int run_nudges(const bot::CommandLine& line) {
    storage::Store store(line.config.db_path);
    const std::optional<std::string> user =
        line.user_key.empty() ? std::nullopt : std::optional<std::string>(line.user_key);
    std::cout << store.run(
        [&](storage::Repositories& repos) { return bot::format_pending_nudges(repos, user); });
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto parsed = bot::parse_command_line(argc, argv, bot::read_environment());
    if (const auto* early = std::get_if<bot::EarlyExit>(&parsed)) {
        (early->exit_code == 0 ? std::cout : std::cerr) << early->text << "\n";
        return early->exit_code;
    }
    const auto& line = std::get<bot::CommandLine>(parsed);
    configure_logging(line.config.log_level);
    try {
        switch (line.command) {
            case bot::Command::serve:
                return run_serve(line.config);
            case bot::Command::chat:
                return bot::run_chat(line.config, line.chat_user, std::cin, std::cout,
                                     isatty(STDIN_FILENO) != 0);
            case bot::Command::nlu:
                return run_nlu(line);
            case bot::Command::migrate:
                return run_migrate(line.config);
            case bot::Command::export_runs:
                return run_export(line);
            case bot::Command::nudges:
                return run_nudges(line);
            case bot::Command::knowledge_check:
                return run_knowledge_check(line.knowledge_file);
            case bot::Command::knowledge_ask:
                return run_knowledge_ask(line.config, line.question);
        }
    } catch (const intents::knowledge::KnowledgeFileError& error) {
        // A bad RUBDOWN_KNOWLEDGE file is a bad setting: stop before serving, naming file and line.
        std::cerr << "rubdown: RUBDOWN_KNOWLEDGE: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "rubdown: " << error.what() << "\n";
        return 1;
    }
    return 1;
}
