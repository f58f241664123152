#include "bot/cli/nudge_listing.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <sstream>
#include <vector>

#include <date/tz.h>

#include "intents/nudges/local_time.hpp"

namespace rubdown::bot {

namespace {

namespace nudges = intents::nudges;

constexpr std::size_t kColumns = 5;
using Row = std::array<std::string, kColumns>;

std::string iso_utc(storage::UnixSeconds instant) {
    return date::format("%FT%TZ", nudges::from_unix(instant));
}

std::string local_time(const storage::User& user, storage::UnixSeconds instant) {
    const auto* zone = nudges::zone_or_utc(user.time_zone);
    const date::zoned_seconds local{zone, nudges::from_unix(instant)};
    return date::format("%F %H:%M %Z", local) + (user.time_zone_known ? "" : " (zone not known)");
}

std::string render(const std::vector<Row>& rows) {
    std::array<std::size_t, kColumns> widths{};
    for (const auto& row : rows) {
        for (std::size_t column = 0; column < kColumns; ++column) {
            widths[column] = std::max(widths[column], row[column].size());
        }
    }
    std::ostringstream out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t column = 0; column < kColumns; ++column) {
            line += row[column];
            if (column + 1 < kColumns)
                line += std::string(widths[column] - row[column].size() + 2, ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    }
    return out.str();
}

}  // namespace

std::string format_pending_nudges(storage::Repositories& repos, std::optional<std::string> user_key,
                                  std::size_t limit) {
    std::vector<storage::Nudge> pending;
    std::map<std::int64_t, std::optional<storage::User>> users;
    if (user_key) {
        const auto user = repos.users.find_by_key(*user_key);
        if (!user) return "No runner " + *user_key + ".\n";
        users.emplace(user->id, user);
        pending = repos.nudges.pending_for_user(user->id);
    } else {
        // One more than shown, to tell whether the list is cut.
        pending = repos.nudges.pending(limit + 1);
    }
    const std::string whose = user_key ? " for " + *user_key : "";
    if (pending.empty()) return "No pending nudges" + whose + ".\n";

    const bool cut = pending.size() > limit;
    if (cut) pending.resize(limit);

    std::map<std::int64_t, std::optional<storage::Race>> races;
    std::vector<Row> rows{{"DUE (UTC)", "RUNNER'S LOCAL TIME", "KIND", "USER", "RACE"}};
    for (const auto& nudge : pending) {
        auto user_it = users.find(nudge.user_id);
        if (user_it == users.end()) {
            user_it = users.emplace(nudge.user_id, repos.users.find_by_id(nudge.user_id)).first;
        }
        const auto& user = user_it->second;
        std::string race_date;
        if (nudge.race_id) {
            auto race_it = races.find(*nudge.race_id);
            if (race_it == races.end()) {
                race_it = races.emplace(*nudge.race_id, repos.races.find(*nudge.race_id)).first;
            }
            if (race_it->second) {
                race_date =
                    race_it->second->date + (race_it->second->cancelled ? " (cancelled)" : "");
            }
        }
        rows.push_back({iso_utc(nudge.due_at), user ? local_time(*user, nudge.due_at) : "?",
                        storage::to_string(nudge.kind), user ? user->key : "(deleted)",
                        race_date.empty() ? "-" : race_date});
    }

    auto table = render(rows);
    if (cut) {
        table += "Showing the " + std::to_string(limit) + " earliest; more nudges are pending" +
                 whose + ".\n";
    } else {
        table += std::to_string(pending.size()) + " pending nudge" +
                 (pending.size() == 1 ? "" : "s") + whose + ".\n";
    }
    return table;
}

}  // namespace rubdown::bot
