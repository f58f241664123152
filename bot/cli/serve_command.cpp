#include "bot/cli/serve_command.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>

#include <spdlog/spdlog.h>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include "adapters/metrics/metrics_registry.hpp"
#include "bot/admin/dashboard_routes.hpp"
#include "bot/cli/channel_catalogue.hpp"
#include "bot/cli/clock_factory.hpp"
#include "bot/cli/knowledge_reloader.hpp"
#include "bot/cli/process_limits.hpp"
#include "bot/http/http_server.hpp"
#include "bot/http/io_pool.hpp"
#include "bot/http/operator_routes.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/outbox/channel_set.hpp"
#include "bot/outbox/conversation_reader.hpp"
#include "bot/retention/retention_pruner.hpp"
#include "bot/scheduling/nudge_scheduler.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;

namespace {

/// How long a graceful stop waits for requests and platform sends in flight (systemd's default
/// stop timeout is 90 s; a platform call normally takes well under a second).
constexpr std::chrono::seconds kShutdownGrace{5};

ServerLimits server_limits(const Config& config) {
    ServerLimits limits;
    limits.max_body_bytes = config.max_body_bytes;
    limits.header_timeout = config.header_timeout;
    limits.idle_timeout = config.idle_timeout;
    limits.max_connections = config.max_connections;
    limits.max_connections_per_address = config.effective_max_connections_per_address();
    return limits;
}

/// Every allowed connection needs a descriptor, besides the database, logs and outbound clients.
void raise_open_files_for(std::size_t max_connections) {
    const std::size_t wanted = max_connections + 128;
    const auto limit = raise_open_file_limit(wanted);
    if (limit < wanted)
        spdlog::warn(
            "event=open_file_limit_low limit={} wanted={} hint=\"lower "
            "RUBDOWN_MAX_CONNECTIONS or raise the hard limit (ulimit -Hn)\"",
            limit, wanted);
}

/// A nudge that waited in a channel's outbox (an outage, a long queue) still keeps the runner's
/// quiet hours and its grace period.
OutboxSenderOptions sender_options(const intents::nudges::NudgePolicy& policy) {
    OutboxSenderOptions options;
    options.may_go_now = [policy](storage::Repositories& repos, const storage::OutboxMessage& row,
                                  storage::UnixSeconds now) {
        return nudge_row_may_go_now(repos, row, intents::Seconds{std::chrono::seconds{now}},
                                    policy);
    };
    return options;
}

void announce(const HttpServer& server, const Config& config, const intents::Clock& clock) {
    const auto bound = server.local_endpoint();
    spdlog::info("event=listening address={}:{} database={} clock={}", bound.address().to_string(),
                 bound.port(), config.db_path, clock.simulated() ? "simulated" : "system");
    const bool platform = config.telegram_enabled() || config.slack_enabled();
    if (platform) return;
    // An address that means every interface is not one to open: the loopback one is.
    auto shown = bound.address();
    if (shown.is_unspecified())
        shown = shown.is_v6() ? asio::ip::address(asio::ip::address_v6::loopback())
                              : asio::ip::address(asio::ip::address_v4::loopback());
    const auto host = shown.is_v6() ? "[" + shown.to_string() + "]" : shown.to_string();
    std::cerr << "Rubdown is running with " << kNoChannelHint << ".\n";
    if (config.web_chat)
        std::cerr << "Chat with it in a browser: http://" << host << ":" << bound.port() << "/\n";
    std::cerr << "Or in a terminal: rubdown chat\n";
    if (!config.admin_token.empty())
        std::cerr << "Operator dashboard: http://" << host << ":" << bound.port() << "/admin/\n";
}

void listen_or_explain(HttpServer& server, const Config& config) {
    try {
        server.listen({asio::ip::make_address(config.listen_host), config.listen_port});
    } catch (const std::system_error& error) {
        throw std::runtime_error(std::string("RUBDOWN_LISTEN: ") + error.what());
    }
}

}  // namespace

int run_serve(const Config& config) {
    storage::Store store(config.db_path);
    auto clock = make_clock(config);
    const auto settings = engine_settings(config);
    auto engine = intents::make_engine(settings);
    metrics::Registry registry;

    IoPool io_pool(config.io_threads);
    auto& io = io_pool.main_context();
    Dispatcher dispatcher(io.get_executor(), store, *engine, *clock, settings);
    dispatcher.set_flood_limit(config.runner_messages_per_minute);
    dispatcher.register_metrics(registry);
    // Before the channels, which read from it until they stop.
    StoreConversationSource conversations(store);
    ChannelSet channels;
    // Due nudges go into the outbox; the channels they are for are woken, as after processing.
    NudgeScheduler scheduler(
        asio::make_strand(io), store, *clock, settings.nudge_policy, config.booking_url,
        [&channels](const std::set<std::string>& names) { channels.wake(names); });
    scheduler.register_metrics(registry);
    dispatcher.set_outbox_listener([&channels](const std::string& name) { channels.wake(name); });
    // A processed message may have planned a nudge earlier than the one the scheduler awaits.
    dispatcher.set_nudge_listener(
        [&scheduler](storage::UnixSeconds due) { scheduler.nudge_planned(due); });

    RetentionPrunerOptions retention;
    retention.policy.texts = std::chrono::hours{24} * config.inbox_retention_days;
    RetentionPruner pruner(asio::make_strand(io), store, *clock, retention);
    pruner.register_metrics(registry);

    Router router;
    raise_open_files_for(config.max_connections);
    return_large_blocks_to_the_system();
    HttpServer server(io, server_limits(config), router,
                      [&io_pool] { return io_pool.next_executor(); });
    // The database is open and the port bound before any platform call: a second instance
    // started on a taken port stops here, before it could take the first one's deliveries.
    listen_or_explain(server, config);
    // Start-up checks (getMe, auth.test) run as each channel is added, so a bad token stops the
    // process with a clear message before it serves anything.
    for (auto& channel : make_channels(config, io.get_executor(), dispatcher, conversations))
        channels.add(std::move(channel), store, *clock, sender_options(settings.nudge_policy),
                     dispatcher, router, registry);
    KnowledgeReloader reloader(io, config.knowledge_path, settings.knowledge, registry);

    OperatorDeps operator_deps{store, server, *clock, registry};
    operator_deps.simulated_clock = dynamic_cast<intents::SimulatedClock*>(clock.get());
    operator_deps.admin_token = config.admin_token;
    operator_deps.fire_due = [&scheduler, &pruner]() -> asio::awaitable<void> {
        co_await scheduler.fire_now();
        co_await pruner.prune_now();
    };
    add_operator_routes(router, std::move(operator_deps));
    add_dashboard_routes(router, {store, *clock, config.admin_token, channels.names()});

    server.start();
    dispatcher.process_backlog();
    scheduler.start();
    pruner.start();
    channels.start();
    reloader.start();
    // Last: from here the platforms deliver to this instance (Telegram's setWebhook).
    channels.go_live();
    announce(server, config, *clock);

    // SIGINT/SIGTERM: stop accepting, let requests in flight finish, flush the store, exit 0.
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& error, int signal) {
        if (error) return;
        spdlog::info("event=shutting_down signal={}", signal);
        scheduler.stop();
        pruner.stop();
        reloader.stop();
        // The store stops once both the requests in flight and the sends in flight have
        // recorded what they did: an acknowledged update or a sent reply is never repeated
        // after a graceful stop.
        auto parts_running = std::make_shared<std::atomic<int>>(2);
        auto part_stopped = [&store, &io_pool, parts_running] {
            if (parts_running->fetch_sub(1) != 1) return;
            store.stop();
            io_pool.stop();
        };
        channels.stop(kShutdownGrace, part_stopped);
        server.shutdown(kShutdownGrace, part_stopped);
    });
    io_pool.run();
    store.stop();
    spdlog::info("event=stopped");
    return 0;
}

}  // namespace rubdown::bot
