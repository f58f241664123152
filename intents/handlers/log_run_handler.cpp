#include "intents/handlers/log_run_handler.hpp"

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/text_normalizer.hpp"
#include "intents/nlu/unit_reader.hpp"

#include <regex>
#include <string>

#include "intents/handlers/correction_handler.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/plan_handler.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/handlers/text_match.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

FollowUp draft_from(const HandlerContext& context, const nlu::Parse& parse,
                    date::local_days today) {
    FollowUp draft;
    draft.red_flag = context.red_flag;
    draft.date = parse.entities.date.value_or(iso(today));
    draft.distance_km = parse.entities.distance_km;
    draft.duration_s = parse.entities.duration_s;
    draft.effort = parse.entities.effort;
    draft.rpe = parse.entities.rpe;
    draft.race_result = parse.entities.race_result;
    draft.text = parse.text;
    return draft;
}

/// The unit to answer a run told in `text` in: the runner's choice, else the unit the text
/// tells ("20 miler", "8 miles"), else the unit they log in.
Units reply_units(const storage::User& user, const std::string& text) {
    if (!user.units_chosen) {
        if (const auto told = nlu::distance_unit_told(nlu::lex(nlu::normalize_text(text))))
            return *told == "mi" ? Units::mi : Units::km;
    }
    return units_of(user);
}

std::vector<Reply> ask_amount(HandlerContext& context, FollowUp draft) {
    draft.kind = FollowUp::Kind::log_run_amount;
    save_follow_up(context.repos.conversations, context.user.id, draft);
    return {Reply{"Nice one! How far did you run, or for how long? (e.g. \"8k\" or \"45 min\")"}};
}

std::vector<Reply> ask_confirmation(HandlerContext& context, FollowUp draft) {
    draft.kind = FollowUp::Kind::log_run_confirm;
    save_follow_up(context.repos.conversations, context.user.id, draft);
    storage::Run preview;
    preview.distance_km = draft.distance_km;
    preview.duration_s = draft.duration_s;
    return {Reply{"Just checking: " + describe_run(preview, reply_units(context.user, draft.text)) +
                  "? That looks unusual. Reply \"yes\" to log it, or send the right distance or "
                  "time."}};
}

/// Stores the run, plans its nudge and says what was logged.
std::vector<Reply> store_run(HandlerContext& context, const FollowUp& draft,
                             const nudges::NudgePolicy& policy) {
    const auto today = local_today(context.user, context.now);
    storage::Run run;
    run.user_id = context.user.id;
    run.date = iso(day_of(draft.date, today));
    run.distance_km = draft.distance_km;
    run.duration_s = draft.duration_s;
    run.effort =
        draft.effort ? storage::effort_from_string(*draft.effort) : storage::Effort::unknown;
    run.hard =
        run.effort == storage::Effort::hard || (draft.rpe && *draft.rpe >= 7) || draft.race_result;
    run.text = draft.text;
    run.logged_at = nudges::to_unix(context.now);
    // The platform message that told it, so that an edit of that message changes this run.
    run.source_id = context.message.source_id;
    run.source_version = context.message.edit_version;
    run.id = context.repos.runs.add(run);
    journal_change(context, storage::RunChangeKind::logged, run);
    context.repos.conversations.clear(context.user.id);
    // A run told with a red flag is logged, but no massage is suggested for it.
    // The red flag of the message that told the run, when it is logged from a later answer.
    const bool red_flag = context.red_flag || draft.red_flag;
    const auto nudge =
        red_flag ? std::nullopt
                 : nudges::apply_run_logged(context.repos, context.user, run, context.now, policy);

    // A runner who tells runs in miles reads miles back, unless they chose a unit.
    if (!context.user.units_chosen) {
        if (const auto told = nlu::distance_unit_told(nlu::lex(nlu::normalize_text(draft.text)))) {
            context.user.units = *told;
        }
    }
    std::string text = "Logged ✓ " + describe_run_on(run, today, units_of(context.user)) + ".";
    if (red_flag) {
        text += " No massage reminder for this one: get checked first.";
    } else if (run.hard) {
        text +=
            "\nThat was a hard one: a deep tissue massage in the next day or two helps you "
            "recover.";
        // Promised only when planned: a pause, a recent booking or yesterday's nudge rule it out.
        if (nudge) text += " I'll remind you to book one.";
    }
    text += "\nNot right? Say /undo.";
    return {Reply{text}};
}

/// "20 miler on sunday": run yesterday, or planned for next Sunday? Nothing is logged until the
/// runner says.
std::vector<Reply> ask_run_or_plan(HandlerContext& context, FollowUp draft,
                                   const std::string& planned_date) {
    const auto today = local_today(context.user, context.now);
    draft.kind = FollowUp::Kind::run_or_plan;
    draft.planned_date = planned_date;
    save_follow_up(context.repos.conversations, context.user.id, draft);
    storage::Run preview;
    preview.distance_km = draft.distance_km;
    preview.duration_s = draft.duration_s;
    const auto gone_day = day_of(draft.date, today);
    const auto gone = friendly_day(gone_day, today);
    const auto coming = friendly_day(day_of(planned_date, today), today);
    // "did you run it yesterday (Sun 22 Nov)", "did you run it on Wed 18 Nov".
    const auto when_gone =
        gone == "yesterday" ? gone + " (" + short_day(gone_day, today) + ")" : "on " + gone;
    // In the unit the runner just used: "20 miler on sunday" is asked about in miles.
    Reply ask{describe_run(preview, reply_units(context.user, draft.text)) + " — did you run it " +
              when_gone + ", or is it planned for " + coming + "?"};
    ask.buttons.push_back(Button{"Ran it " + gone, std::string{kRanItAction}, ""});
    ask.buttons.push_back(Button{"Planned for " + coming, std::string{kPlannedItAction}, ""});
    return {ask};
}

bool is_cancel(const std::string& padded) {
    return has_any_phrase(padded, {"cancel", "never mind", "nevermind", "forget it", "skip",
                                   "dont log", "no thanks", "nothing"});
}

bool is_yes(const std::string& padded) {
    return has_any_phrase(padded, {"yes", "yep", "yeah", "yup", "y", "correct", "right", "ok",
                                   "okay", "sure", "thats right", "log it", "confirm"});
}

/// A bare number answering "how far?": "8", "8.5".
std::optional<double> bare_number(const std::string& text) {
    static const std::regex kNumber{R"(^\s*(\d{1,3}(?:[.,]\d+)?)\s*[.!]?\s*$)"};
    std::smatch match;
    if (!std::regex_match(text, match, kNumber)) return std::nullopt;
    auto digits = match[1].str();
    for (auto& c : digits) {
        if (c == ',') c = '.';
    }
    return std::stod(digits);
}

}  // namespace

bool plausible_run(std::optional<double> distance_km, std::optional<std::int64_t> duration_s) {
    if (distance_km && (*distance_km <= 0.0 || *distance_km > 250.0)) return false;
    if (duration_s && (*duration_s <= 0 || *duration_s > 30 * 3600)) return false;
    if (distance_km && duration_s) {
        const double pace = static_cast<double>(*duration_s) / *distance_km;
        if (pace < 150.0 || pace > 20 * 60.0) return false;
    }
    return true;
}

std::vector<Reply> handle_log_run(HandlerContext& context, const nlu::Parse& parse,
                                  const nudges::NudgePolicy& policy) {
    const auto draft = draft_from(context, parse, local_today(context.user, context.now));
    if (parse.entities.or_planned_for && (draft.distance_km || draft.duration_s)) {
        return ask_run_or_plan(context, draft, *parse.entities.or_planned_for);
    }
    if (!draft.distance_km && !draft.duration_s) return ask_amount(context, draft);
    if (!plausible_run(draft.distance_km, draft.duration_s))
        return ask_confirmation(context, draft);
    return store_run(context, draft, policy);
}

std::optional<std::vector<Reply>> continue_log_run(HandlerContext& context,
                                                   const FollowUp& follow_up,
                                                   const nlu::Parse& parse,
                                                   const nudges::NudgePolicy& policy) {
    const auto padded = padded_words(parse.text);
    auto draft = follow_up;
    const auto& entities = parse.entities;
    const bool gave_amount = entities.distance_km || entities.duration_s;

    if (!gave_amount && is_cancel(padded)) {
        context.repos.conversations.clear(context.user.id);
        return std::vector<Reply>{Reply{"OK, I didn't log it."}};
    }
    if (follow_up.kind == FollowUp::Kind::log_run_confirm && !gave_amount) {
        if (is_yes(padded)) return store_run(context, draft, policy);
        if (has_any_phrase(padded, {"no", "nope", "wrong"})) {
            context.repos.conversations.clear(context.user.id);
            return std::vector<Reply>{
                Reply{"OK, not logged. Send the run again with the right numbers."}};
        }
        return std::nullopt;
    }

    if (entities.distance_km) draft.distance_km = entities.distance_km;
    if (entities.duration_s) draft.duration_s = entities.duration_s;
    if (!gave_amount) {
        // "How far?" answered with a bare number: kilometres.
        const auto number = bare_number(parse.text);
        if (!number) return std::nullopt;
        draft.distance_km = *number;
    }
    // The stored text keeps both messages, so an export shows what the runner actually said.
    draft.text = follow_up.text + " / " + parse.text;
    if (!draft.effort && entities.effort) draft.effort = entities.effort;
    if (!draft.rpe && entities.rpe) draft.rpe = entities.rpe;
    if (!plausible_run(draft.distance_km, draft.duration_s) &&
        follow_up.kind != FollowUp::Kind::log_run_confirm) {
        return ask_confirmation(context, draft);
    }
    return store_run(context, draft, policy);
}

std::vector<Reply> answer_run_or_plan(HandlerContext& context, const FollowUp& follow_up, bool ran,
                                      const nudges::NudgePolicy& policy) {
    if (ran) {
        if (!plausible_run(follow_up.distance_km, follow_up.duration_s))
            return ask_confirmation(context, follow_up);
        return store_run(context, follow_up, policy);
    }
    context.repos.conversations.clear(context.user.id);
    nlu::Entities plan;
    plan.distance_km = follow_up.distance_km;
    plan.duration_s = follow_up.duration_s;
    plan.date = follow_up.planned_date;
    return handle_plan(context, plan);
}

std::optional<std::vector<Reply>> continue_run_or_plan(HandlerContext& context,
                                                       const FollowUp& follow_up,
                                                       const std::string& text,
                                                       const nudges::NudgePolicy& policy) {
    const auto padded = padded_words(text);
    if (is_cancel(padded)) {
        context.repos.conversations.clear(context.user.id);
        return std::vector<Reply>{Reply{"OK, I didn't log it."}};
    }
    const bool ran = has_any_phrase(padded, {"ran", "ran it", "did it", "done", "did", "past",
                                             "already", "yesterday", "last", "run it"});
    const bool planned = has_any_phrase(padded, {"plan", "planned", "planning", "next", "coming",
                                                 "future", "will", "going to", "not yet"});
    if (ran == planned) return std::nullopt;
    return answer_run_or_plan(context, follow_up, ran, policy);
}

}  // namespace rubdown::intents::handlers
