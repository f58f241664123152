#include "intents/nudges/nudge_message.hpp"

#include "intents/button_owner.hpp"
#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::nudges {

namespace {

using storage::NudgeKind;

/// "Berlin Marathon", or "your race" when it has no name.
std::string race_label(const std::optional<storage::Race>& race, bool sentence_start) {
    if (race && !race->name.empty()) return race->name;
    return sentence_start ? "Your race" : "your race";
}

/// "Sun 27 Sep", "Fri 6 Nov".
std::string short_date(date::local_days day) {
    auto text = date::format("%a %e %b", day);
    // %e pads single-digit days with a space.
    if (const auto pos = text.find("  "); pos != std::string::npos) text.erase(pos, 1);
    return text;
}

/// " is on Sun 27 Sep, in 5 days" (or "tomorrow"), counted from the nudge's local day.
std::string race_when(const std::optional<storage::Race>& race, const storage::Nudge& nudge,
                      const storage::User& user) {
    if (!race) return "";
    const auto day = parse_iso_date(race->date);
    if (!day) return "";
    std::string when = " is on " + short_date(*day);
    const auto today = local_date(zone_or_utc(user.time_zone), from_unix(nudge.due_at));
    const auto days_away = (*day - today).count();
    if (days_away == 1) {
        when += ", tomorrow";
    } else if (days_away > 1) {
        when += ", in " + std::to_string(days_away) + " days";
    }
    return when;
}

/// " (Sun 25 Oct to Tue 27 Oct)": the days 5 to 3 before the race.
std::string window_dates(const std::optional<storage::Race>& race) {
    if (!race) return "";
    const auto day = parse_iso_date(race->date);
    if (!day) return "";
    return " (" + short_date(*day - date::days{5}) + " to " + short_date(*day - date::days{3}) +
           ")";
}

std::string greeting(const storage::User& user, const std::string& opener) {
    if (user.display_name.empty()) return opener + "!";
    return opener + ", " + user.display_name + "!";
}

std::string text_for(const storage::Nudge& nudge, const storage::User& user,
                     const std::optional<storage::Race>& race) {
    const std::string why_window =
        "Deep tissue work leaves you a bit sore for a day or two, so 3-5 days before the race is "
        "the sweet spot.";
    switch (nudge.kind) {
        case NudgeKind::after_hard_session:
            return greeting(user, "Strong work on that hard session") +
                   " 💪 A deep tissue massage in the next day or two eases tight spots and gets the "
                   "blood flowing, so your legs recover faster. Want to book one?";
        case NudgeKind::pre_race_first:
            return race_label(race, true) + race_when(race, nudge, user) +
                   ". 🏁 Now is the time to book your massage, in the 3-5 day window before the "
                   "race" +
                   window_dates(race) +
                   ". Deep tissue work leaves you a bit sore for a day or two, so you want it done "
                   "well before race day.";
        case NudgeKind::pre_race_second:
            return "Have you booked your pre-race massage yet? " + race_label(race, true) +
                   race_when(race, nudge, user) +
                   ", so today or tomorrow is the last good moment. " + why_window;
        case NudgeKind::post_race:
            return greeting(user, "Well done on " + race_label(race, false)) +
                   " 🎉 A gentle recovery massage in the next couple of days eases the soreness and "
                   "gets you back to running sooner.";
        case NudgeKind::snoozed:
            if (race) {
                return "Here's the reminder you asked for: " + race_label(race, false) +
                       race_when(race, nudge, user) + ". Have you booked your massage? " +
                       why_window;
            }
            return "Here's the reminder you asked for: how about booking that massage? A deep "
                   "tissue session helps your legs recover from hard training.";
    }
    return "Time to book your massage?";
}

}  // namespace

Reply nudge_message(const storage::Nudge& nudge, const storage::User& user,
                    const std::optional<storage::Race>& race, const std::string& booking_url) {
    Reply reply;
    reply.text = text_for(nudge, user, race);
    if (!booking_url.empty()) reply.buttons.push_back(Button{"Book now", "", booking_url});
    reply.buttons.push_back(Button{"Booked ✓", std::string{kBookedAction}, ""});
    reply.buttons.push_back(Button{"Remind me tomorrow", std::string{kSnoozeAction}, ""});
    reply.buttons.push_back(Button{"Stop these", std::string{kStopAction}, ""});
    // In a group, only the runner the reminder is for may answer it.
    bind_buttons(reply.buttons, user.key);
    return reply;
}

}  // namespace rubdown::intents::nudges
