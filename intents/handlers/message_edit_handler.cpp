#include "intents/handlers/message_edit_handler.hpp"

#include <algorithm>
#include <string>

#include "intents/handlers/correction_handler.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/log_run_handler.hpp"
#include "intents/handlers/run_format.hpp"
#include "intents/handlers/set_race_handler.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

/// The parts of the edited text that make something: runs with a figure, and races.
std::vector<nlu::Parse> parts_of(const nlu::Parse& parse, const std::string& intent) {
    std::vector<nlu::Parse> parts;
    const auto keep = [&](const nlu::Parse& part) {
        if (part.intent != intent) return false;
        if (intent == "log_run") return part.entities.distance_km || part.entities.duration_s;
        return part.entities.race_date.has_value();
    };
    if (parse.items.empty()) {
        if (keep(parse)) parts.push_back(parse);
        return parts;
    }
    for (const auto& item : parse.items) {
        auto part = nlu::as_parse(item, parse.confidence);
        if (keep(part)) parts.push_back(std::move(part));
    }
    return parts;
}

storage::Run edited_run(storage::Run run, const nlu::Parse& part, const std::string& text,
                        std::int64_t version) {
    const auto& e = part.entities;
    if (e.date) run.date = *e.date;
    run.distance_km = e.distance_km;
    run.duration_s = e.duration_s;
    run.effort = e.effort ? storage::effort_from_string(*e.effort) : storage::Effort::unknown;
    run.hard = run.effort == storage::Effort::hard || (e.rpe && *e.rpe >= 7) || e.race_result;
    run.text = text;
    run.source_version = version;
    return run;
}

void append(std::vector<Reply>& to, std::vector<Reply> replies) {
    to.insert(to.end(), std::make_move_iterator(replies.begin()),
              std::make_move_iterator(replies.end()));
}

}  // namespace

bool made_something(HandlerContext& context) {
    const auto& source = context.message.source_id;
    if (source.empty() || context.user.id == 0) return false;
    return !context.repos.runs.from_source(context.user.id, source).empty() ||
           !context.repos.races.from_source(context.user.id, source).empty();
}

std::optional<std::vector<Reply>> handle_message_edit(HandlerContext& context,
                                                      const nlu::Parse& parse,
                                                      const nudges::NudgePolicy& policy) {
    const auto& message = context.message;
    if (message.source_id.empty() || context.user.id == 0) return std::nullopt;
    const auto runs = context.repos.runs.from_source(context.user.id, message.source_id);
    const auto races = context.repos.races.from_source(context.user.id, message.source_id);
    if (runs.empty() && races.empty()) return std::nullopt;

    // Only a newer version of the message changes anything: the original arriving after its
    // edit, or an older edit after a newer one, would put back what the runner corrected.
    std::int64_t version = 0;
    for (const auto& run : runs) version = std::max(version, run.source_version);
    for (const auto& race : races) version = std::max(version, race.source_version);
    if (message.edit_version <= version) return std::vector<Reply>{};

    context.repos.conversations.clear(context.user.id);
    const auto today = local_today(context.user, context.now);
    std::vector<Reply> replies;
    std::string told;
    bool runs_changed = false;
    const auto tell = [&](const std::string& line) {
        if (!told.empty()) told += "\n";
        told += line;
    };

    const auto new_runs = parts_of(parse, "log_run");
    for (std::size_t i = 0; i < std::max(runs.size(), new_runs.size()); ++i) {
        if (i < runs.size() && i < new_runs.size()) {
            const auto& before = runs[i];
            const auto after = edited_run(before, new_runs[i], message.text, message.edit_version);
            apply_edit(context, policy, before, after);
            tell("Updated from your edit ✓ " +
                 describe_run_on(before, today, units_of(context.user)) + " → " +
                 describe_run_on(after, today, units_of(context.user)) + ".");
            runs_changed = true;
        } else if (i < runs.size()) {
            apply_delete(context, runs[i]);
            tell("Your edit no longer tells " +
                 describe_run_on(runs[i], today, units_of(context.user)) + ", so I removed it.");
            runs_changed = true;
        } else {
            append(replies, handle_log_run(context, new_runs[i], policy));
        }
    }

    const auto new_races = parts_of(parse, "set_race");
    for (std::size_t i = 0; i < std::max(races.size(), new_races.size()); ++i) {
        if (i >= races.size()) {
            append(replies, handle_set_race(context, new_races[i], policy));
            continue;
        }
        auto race = races[i];
        race.updated_at = nudges::to_unix(context.now);
        race.source_version = message.edit_version;
        if (i < new_races.size()) {
            const auto& e = new_races[i].entities;
            race.date = *e.race_date;
            if (e.race_distance_km) {
                race.distance_km = e.race_distance_km;
                race.name = race_name(e.race_distance_km, message.text);
            }
            race.cancelled = false;
            tell("Updated from your edit ✓ your " + race.name + " is on " +
                 short_day(day_of(race.date, today), today) + ".");
        } else {
            race.cancelled = true;
            tell("Your edit no longer tells of your " + race.name + ", so I took it off.");
        }
        context.repos.races.update(race);
        nudges::apply_race_changed(context.repos, context.user, race, context.now, policy);
    }

    if (told.empty() && replies.empty()) return std::vector<Reply>{};
    if (!told.empty()) {
        if (runs_changed) told += "\nNot right? Say /undo.";
        replies.insert(replies.begin(), Reply{told});
    }
    return replies;
}

}  // namespace rubdown::intents::handlers
