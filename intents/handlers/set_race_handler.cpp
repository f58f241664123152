#include "intents/handlers/set_race_handler.hpp"

#include <cctype>
#include <cmath>
#include <sstream>

#include "intents/handlers/date_mentions.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/handlers/text_match.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

constexpr double kMarathonKm = 42.195;
constexpr double kHalfKm = 21.0975;

bool same_distance(std::optional<double> a, std::optional<double> b) {
    return a && b && std::abs(*a - *b) < 0.05;
}

bool says_move(const std::string& padded) {
    return has_any_phrase(
        padded, {"moved", "move", "moving", "postponed", "rescheduled", "changed", "change",
                 "now on", "new date", "pushed", "brought forward", "instead", "shifted"});
}

bool says_another(const std::string& padded) {
    return has_any_phrase(padded, {"another", "also", "second race", "as well", "too", "one more"});
}

/// The upcoming races a message may be about: the one on the named date, else those of the named
/// distance, else all of them.
std::vector<storage::Race> races_meant(const std::vector<storage::Race>& upcoming,
                                       const std::optional<std::string>& date,
                                       std::optional<double> distance) {
    if (date) {
        for (const auto& race : upcoming) {
            if (race.date == *date) return {race};
        }
    }
    if (distance) {
        std::vector<storage::Race> same;
        for (const auto& race : upcoming) {
            if (same_distance(race.distance_km, distance)) same.push_back(race);
        }
        if (!same.empty()) return same;
    }
    return upcoming;
}

/// "Which race? [half marathon, Sun 14 Dec] [10k, Sun 28 Dec]": buttons acting on one race.
Reply ask_which_race(const std::string& question, const std::vector<storage::Race>& races,
                     const std::string& action_prefix, const std::string& action_suffix,
                     date::local_days today) {
    Reply ask{question};
    for (const auto& race : races) {
        ask.buttons.push_back(Button{race.name + ", " + short_day(day_of(race.date, today), today),
                                     action_prefix + std::to_string(race.id) + action_suffix, ""});
    }
    return ask;
}

/// "massage Tue 9 - Thu 11 Dec", "massage window now, until Thu 11 Dec", "too close for a
/// massage before; book one after": a short form of pre_race_advice for lists.
std::string massage_window(date::local_days race_day, date::local_days today) {
    const auto window_start = race_day - date::days{5};
    const auto window_end = race_day - date::days{3};
    if (today <= window_start) {
        return "massage " + short_day(window_start, today) + " to " + short_day(window_end, today);
    }
    if (today <= window_end) return "massage window now, until " + short_day(window_end, today);
    return "too close for a massage before; book one after";
}

std::string days_away(date::local_days day, date::local_days today) {
    const auto days = (day - today).count();
    if (days == 0) return "today";
    if (days == 1) return "tomorrow";
    return "in " + std::to_string(days) + " days";
}

/// The race as stored, with its massage window; a question that follows ("when should I book
/// one?") is then about massage.
std::vector<Reply> confirm(HandlerContext& context, const std::string& opening,
                           const storage::Race& race, date::local_days today) {
    save_massage_topic(context.repos.conversations, context.user.id, nudges::to_unix(context.now));
    const auto day = day_of(race.date, today);
    return {Reply{opening + " " + race.name + " on " + short_day(day, today) + " (" +
                  days_away(day, today) + ").\n" + pre_race_advice(day, today)}};
}

std::vector<Reply> cancel_one(HandlerContext& context, storage::Race race,
                              const nudges::NudgePolicy& policy, date::local_days today) {
    race.cancelled = true;
    race.updated_at = nudges::to_unix(context.now);
    context.repos.races.update(race);
    nudges::apply_race_changed(context.repos, context.user, race, context.now, policy);
    const auto left = context.repos.races.upcoming(context.user.id, iso(today));
    std::string text = "Cancelled your " + race.name + " on " +
                       short_day(day_of(race.date, today), today) +
                       ". I won't send reminders for it.";
    text += left.empty() ? " Tell me when you sign up for the next one!"
                         : " Still ahead: " + std::to_string(left.size()) +
                               (left.size() == 1 ? " race." : " races.");
    return {Reply{text}};
}

std::vector<Reply> cancel_race(HandlerContext& context, const nlu::Parse& parse,
                               const std::vector<storage::Race>& upcoming,
                               const nudges::NudgePolicy& policy, date::local_days today) {
    if (upcoming.empty()) {
        return {Reply{"I don't have an upcoming race for you, so there's nothing to cancel."}};
    }
    const auto meant =
        races_meant(upcoming, parse.entities.race_date, parse.entities.race_distance_km);
    // Two races could be meant: ask, never guess which to drop.
    if (meant.size() > 1) {
        return {ask_which_race(
            "You have " + std::to_string(meant.size()) + " races coming up. Which one is off?",
            meant, std::string{kCancelRaceAction}, "", today)};
    }
    return cancel_one(context, meant.front(), policy, today);
}

/// Stores the race on `day`: moves an existing one when that is what the runner means.
std::vector<Reply> place_race(HandlerContext& context, date::local_days day,
                              std::optional<double> distance, const std::string& text,
                              const nudges::NudgePolicy& policy) {
    const auto today = local_today(context.user, context.now);
    if (day < today) {
        return {Reply{"That date has already passed. When is the race? (e.g. \"Dec 14\")"}};
    }
    const auto padded = padded_words(text);
    const auto upcoming = context.repos.races.upcoming(context.user.id, iso(today));

    // The race on that day is the one told again. A new date moves a race only when the runner
    // says so; otherwise it is another race: a new race never replaces one silently.
    std::optional<storage::Race> existing;
    for (const auto& race : upcoming) {
        if (race.date == iso(day)) existing = race;
    }
    if (!existing && !upcoming.empty() && says_move(padded) && !says_another(padded)) {
        const auto meant = races_meant(upcoming, std::nullopt, distance);
        if (meant.size() > 1) {
            return {ask_which_race("Which race moves to " + short_day(day, today) + "?", meant,
                                   std::string{kMoveRaceAction}, ":" + iso(day), today)};
        }
        existing = meant.front();
    }
    if (existing) {
        const auto old_day = day_of(existing->date, today);
        const bool moved = existing->date != iso(day);
        existing->date = iso(day);
        if (distance && !same_distance(existing->distance_km, distance)) {
            existing->distance_km = distance;
            existing->name = race_name(distance, text);
        }
        existing->updated_at = nudges::to_unix(context.now);
        context.repos.races.update(*existing);
        nudges::apply_race_changed(context.repos, context.user, *existing, context.now, policy);
        if (!moved) return confirm(context, "I have it:", *existing, today);
        return confirm(context, "Moved from " + short_day(old_day, today) + ": your", *existing,
                       today);
    }

    storage::Race race;
    race.user_id = context.user.id;
    race.date = iso(day);
    race.distance_km = distance;
    race.name = race_name(distance, text);
    race.updated_at = nudges::to_unix(context.now);
    race.source_id = context.message.source_id;
    race.source_version = context.message.edit_version;
    race.id = context.repos.races.add(race);
    nudges::apply_race_changed(context.repos, context.user, race, context.now, policy);
    auto replies = confirm(context, "Got it: your", race, today);
    // Kept beside the others; say so, in case the runner meant to move one.
    if (!upcoming.empty()) {
        replies.front().text += "\nYou have " + std::to_string(upcoming.size() + 1) +
                                " races coming up now; say \"my races\" to see them, or "
                                "\"cancel the " +
                                upcoming.front().name + "\" if this one replaces it.";
    }
    return replies;
}

/// A race moved by its button: "move:<id>:<date>".
std::vector<Reply> move_race(HandlerContext& context, storage::Race race, date::local_days day,
                             const nudges::NudgePolicy& policy) {
    const auto today = local_today(context.user, context.now);
    const auto old_day = day_of(race.date, today);
    race.date = iso(day);
    race.updated_at = nudges::to_unix(context.now);
    context.repos.races.update(race);
    nudges::apply_race_changed(context.repos, context.user, race, context.now, policy);
    return confirm(context, "Moved from " + short_day(old_day, today) + ": your", race, today);
}

}  // namespace

std::string pre_race_advice(date::local_days race_day, date::local_days today) {
    const auto window_start = race_day - date::days{5};
    const auto window_end = race_day - date::days{3};
    if (race_day == today) {
        return "Good luck today! A deep tissue massage in the days after the race will help you "
               "recover.";
    }
    if (today <= window_start) {
        return "Best time for a pre-race deep tissue massage: " + short_day(window_start, today) +
               " to " + short_day(window_end, today) +
               " (3-5 days before). I'll remind you, and again after the race.";
    }
    if (today <= window_end) {
        return "You're in the pre-race massage window now: book a deep tissue massage by " +
               short_day(window_end, today) + " (at least 3 days before the race).";
    }
    return "That's too close to the race for a deep tissue massage: it can leave you sore for a "
           "few days, so it's best 3-5 days before. Book one after the race instead to help you "
           "recover.";
}

std::string race_name(std::optional<double> distance_km, const std::string& text) {
    std::string label = "race";
    if (distance_km) {
        if (std::abs(*distance_km - kMarathonKm) < 0.05) {
            label = "marathon";
        } else if (std::abs(*distance_km - kHalfKm) < 0.05) {
            label = "half marathon";
        } else if (std::abs(*distance_km - std::round(*distance_km)) < 0.01 &&
                   *distance_km <= 30.0) {
            label = std::to_string(static_cast<int>(std::lround(*distance_km))) + "k";
        } else {
            // The name is stored: it keeps the distance as races are known, in km.
            label = format_distance(*distance_km, Units::km) + " race";
        }
    }
    // A capitalised word right before the race word names the place: "the Berlin marathon".
    std::istringstream words{text};
    std::string previous;
    std::string word;
    static const char* const kRaceWords[] = {"marathon", "half", "10k", "5k", "ultra", "race"};
    static const char* const kNotPlaces[] = {"I", "My", "The", "A", "Half", "Im", "I'm"};
    while (words >> word) {
        std::string lower;
        for (const char c : word) {
            if (std::isalnum(static_cast<unsigned char>(c))) {
                lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            }
        }
        bool race_word = false;
        for (const char* candidate : kRaceWords) race_word = race_word || lower == candidate;
        if (race_word && previous.size() > 1 &&
            std::isupper(static_cast<unsigned char>(previous.front()))) {
            bool place = true;
            for (const char* not_place : kNotPlaces) place = place && previous != not_place;
            if (place) return previous + " " + label;
        }
        previous.clear();
        for (const char c : word) {
            if (std::isalpha(static_cast<unsigned char>(c))) previous.push_back(c);
        }
    }
    return label;
}

std::vector<Reply> handle_set_race(HandlerContext& context, const nlu::Parse& parse,
                                   const nudges::NudgePolicy& policy) {
    const auto today = local_today(context.user, context.now);
    // The NLU reads a race called off (nlu/stats_reader.hpp, cancels_a_race).
    if (parse.entities.action && *parse.entities.action == "cancel") {
        const auto upcoming = context.repos.races.upcoming(context.user.id, iso(today));
        return cancel_race(context, parse, upcoming, policy, today);
    }
    std::optional<date::local_days> day;
    if (parse.entities.race_date) day = nudges::parse_iso_date(*parse.entities.race_date);
    if (!day) day = future_day_mentioned(parse.text, today);
    if (!day) {
        FollowUp follow_up;
        follow_up.kind = FollowUp::Kind::race_date;
        follow_up.distance_km = parse.entities.race_distance_km;
        follow_up.text = parse.text;
        save_follow_up(context.repos.conversations, context.user.id, follow_up);
        return {Reply{"Exciting! When is the race? (e.g. \"Dec 14\" or \"in 3 weeks\")"}};
    }
    return place_race(context, *day, parse.entities.race_distance_km, parse.text, policy);
}

std::string races_overview(HandlerContext& context) {
    const auto today = local_today(context.user, context.now);
    const auto upcoming = context.repos.races.upcoming(context.user.id, iso(today));
    if (upcoming.empty()) {
        return "No races coming up. Tell me about one, like \"half marathon on Dec 14\".";
    }
    std::string text = upcoming.size() == 1 ? "Your race:" : "Your races:";
    for (const auto& race : upcoming) {
        const auto day = day_of(race.date, today);
        text += "\n• " + race.name + " on " + short_day(day, today) + " (" + days_away(day, today) +
                "): " + massage_window(day, today);
    }
    return text;
}

std::vector<Reply> handle_race_button(HandlerContext& context, std::string_view action,
                                      const nudges::NudgePolicy& policy) {
    const bool cancel = action.starts_with(kCancelRaceAction);
    auto rest = action.substr(cancel ? kCancelRaceAction.size() : kMoveRaceAction.size());
    const auto colon = rest.find(':');
    std::int64_t race_id = 0;
    for (const char c : rest.substr(0, colon)) {
        if (c < '0' || c > '9' || race_id > 1'000'000'000'000)
            return {Reply{"That button is broken."}};
        race_id = race_id * 10 + (c - '0');
    }
    auto race = context.repos.races.find(race_id);
    const auto today = local_today(context.user, context.now);
    if (!race || race->user_id != context.user.id || race->cancelled ||
        day_of(race->date, today) < today) {
        return {Reply{"That race isn't coming up any more. Say \"my races\" to see yours."}};
    }
    if (cancel) return cancel_one(context, *race, policy, today);
    if (colon == std::string_view::npos) return {Reply{"That button is broken."}};
    const auto day = nudges::parse_iso_date(std::string{rest.substr(colon + 1)});
    if (!day || *day < today) return {Reply{"That button is broken."}};
    return move_race(context, *race, *day, policy);
}

std::optional<std::vector<Reply>> continue_set_race(HandlerContext& context,
                                                    const FollowUp& follow_up,
                                                    const nlu::Parse& parse,
                                                    const nudges::NudgePolicy& policy) {
    const auto today = local_today(context.user, context.now);
    const auto day = future_day_mentioned(parse.text, today);
    if (!day) return std::nullopt;
    context.repos.conversations.clear(context.user.id);
    const auto distance =
        parse.entities.race_distance_km ? parse.entities.race_distance_km : follow_up.distance_km;
    return place_race(context, *day, distance, follow_up.text + " " + parse.text, policy);
}

}  // namespace rubdown::intents::handlers
