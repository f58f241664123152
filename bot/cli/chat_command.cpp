#include "bot/cli/chat_command.hpp"

#include <iostream>
#include <random>

#include <boost/asio/io_context.hpp>

#include "adapters/console/console_channel.hpp"
#include "bot/cli/clock_factory.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/scheduling/nudge_scheduler.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

namespace {
std::string new_session_id() {
    std::random_device seed;
    std::mt19937_64 random(seed());
    return std::to_string(random());
}
}  // namespace

int run_chat(const Config& config, const std::string& user, std::istream& in, std::ostream& out,
             bool interactive) {
    storage::Store store(config.db_path);
    auto clock = make_clock(config);
    const auto settings = engine_settings(config);
    auto engine = intents::make_engine(settings);
    boost::asio::io_context unused;  // the blocking path never runs background work
    Dispatcher dispatcher(unused.get_executor(), store, *engine, *clock, settings);
    // The operator at their own terminal, or a script piped in, is no flood to guard against.
    dispatcher.set_flood_limit(0);

    const auto session = new_session_id();
    std::uint64_t sequence = 0;
    std::vector<intents::Button> last_choices;

    // Shows (and marks sent) everything waiting for this runner on the console, including nudges
    // that came due while they were away.
    auto show_waiting = [&] {
        auto messages = store.run([&](storage::Repositories& repos) {
            // No scheduler runs in a chat session: fire what came due right here.
            while (
                fire_due_nudges(repos, clock->now(), settings.nudge_policy, config.booking_url, 500)
                    .examined == 500) {
            }
            std::vector<storage::OutboxMessage> mine;
            const auto now = clock->now().time_since_epoch().count();
            for (auto& message : repos.outbox.due(console::kChannel, now, 1000)) {
                if (message.chat_id != user) continue;
                repos.outbox.mark_sent(message.id, now);
                mine.push_back(std::move(message));
            }
            return mine;
        });
        for (const auto& message : messages) {
            out << console::render(message) << "\n";
            const auto buttons = intents::buttons_from_json(message.buttons_json);
            if (!buttons.empty()) last_choices = buttons;
        }
        out.flush();
    };

    if (interactive)
        out << "Rubdown chat as " << console::user_key_for(user)
            << ". Type a message (try /help); Ctrl-D to leave.\n";
    show_waiting();
    std::string line;
    while (true) {
        if (interactive) out << "> " << std::flush;
        if (!std::getline(in, line)) break;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto message =
            console::message_from_line(user, line, last_choices, session, ++sequence);
        dispatcher.handle_blocking(message);
        show_waiting();
    }
    store.stop();
    return 0;
}

}  // namespace rubdown::bot
