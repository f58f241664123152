#include "intents/handlers/plan_handler.hpp"

#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/run_format.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_plan(HandlerContext& context, const nlu::Entities& plan) {
    const auto today = local_today(context.user, context.now);
    std::string what;
    if (plan.distance_km) what = format_distance(*plan.distance_km, units_of(context.user));
    if (plan.duration_s) {
        what += what.empty() ? format_duration(*plan.duration_s)
                             : " in " + format_duration(*plan.duration_s);
    }
    if (plan.date) {
        // A run with its day: nothing to log yet.
        const auto when = friendly_day(day_of(*plan.date, today), today);
        return {Reply{(what.empty() ? std::string{"A run"} : what) + " " + when +
                      ": sounds like a plan. I haven't logged anything; tell me how it went "
                      "afterwards and I'll log it then."}};
    }
    std::string text =
        what.empty() ? std::string{"Good goal!"} : "Going for " + what + ": good goal!";
    text +=
        " I haven't logged anything. Tell me your runs as you go, and your race date once you "
        "have one (\"my race is on 14 Dec\"): I'll time a massage 3 to 5 days before it.";
    return {Reply{text}};
}

}  // namespace rubdown::intents::handlers
