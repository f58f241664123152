#include "intents/handlers/book_massage_handler.hpp"

#include "intents/handlers/date_mentions.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/text_match.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_message.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

/// A warning when the massage falls less than 3 days before a coming race.
std::string race_clash(HandlerContext& context, date::local_days massage_day,
                       date::local_days today) {
    for (const auto& race : context.repos.races.upcoming(context.user.id, iso(today))) {
        const auto race_day = day_of(race.date, today);
        const auto gap = (race_day - massage_day).count();
        if (gap >= 0 && gap < 3) {
            return "\nHeads up: that's only " + std::to_string(gap) +
                   (gap == 1 ? " day" : " days") + " before your " + race.name +
                   ". Deep tissue work can leave you sore, so 3-5 days before is better.";
        }
    }
    return {};
}

}  // namespace

bool says_booked(const std::string& text) {
    const auto padded = padded_words(text);
    if (has_any_phrase(padded, {"how do i book", "how can i book", "where do i book",
                                "where can i book", "want to book", "like to book", "need to book",
                                "should i book", "can i book", "help me book", "not booked",
                                "havent booked", "have not booked", "didnt book"})) {
        return false;
    }
    return has_any_phrase(
        padded, {"booked", "ive got a massage", "i have a massage", "got an appointment",
                 "have an appointment", "made an appointment", "made a booking", "reserved",
                 "rescheduled", "i scheduled", "scheduled my", "scheduled a"});
}

std::string record_booking(HandlerContext& context, const std::optional<std::string>& date) {
    const auto today = local_today(context.user, context.now);
    storage::Booking booking;
    booking.user_id = context.user.id;
    booking.date = date;
    booking.recorded_at = nudges::to_unix(context.now);
    booking.id = context.repos.bookings.add(booking);
    nudges::apply_booking(context.repos, context.user, booking, context.now);
    if (!date) return "Noted: massage booked. I'll hold off the reminders.";
    const auto day = day_of(*date, today);
    return "Noted: massage booked for " + friendly_day(day, today) +
           ". I'll hold off the reminders." + race_clash(context, day, today);
}

std::vector<Reply> handle_book_massage(HandlerContext& context, const nlu::Parse& parse) {
    if (says_booked(parse.text)) {
        const auto today = local_today(context.user, context.now);
        std::optional<std::string> date;
        if (const auto day = future_day_mentioned(parse.text, today)) date = iso(*day);
        return {Reply{record_booking(context, date)}};
    }
    const std::string tell_me =
        " Once you've booked, tell me (e.g. \"booked for Friday\") and I'll stop reminding you.";
    if (context.settings.booking_url.empty()) {
        return {
            Reply{"I don't have a booking link set up. Book a deep tissue massage with your "
                  "usual therapist." +
                  tell_me}};
    }
    Reply reply{"Here's where to book your deep tissue massage." + tell_me};
    reply.buttons.push_back(Button{"Book now", "", context.settings.booking_url});
    reply.buttons.push_back(Button{"Booked ✓", std::string{nudges::kBookedAction}, ""});
    return {reply};
}

}  // namespace rubdown::intents::handlers
