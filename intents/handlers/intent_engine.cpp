#include "intents/handlers/intent_engine.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "intents/button_owner.hpp"
#include "intents/handlers/book_massage_handler.hpp"
#include "intents/handlers/button_actions_handler.hpp"
#include "intents/handlers/correction_handler.hpp"
#include "intents/handlers/export_handler.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/handlers/forget_handler.hpp"
#include "intents/handlers/greeting_handler.hpp"
#include "intents/handlers/help_handler.hpp"
#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/log_run_handler.hpp"
#include "intents/handlers/massage_question_handler.hpp"
#include "intents/handlers/message_edit_handler.hpp"
#include "intents/handlers/out_of_scope_handler.hpp"
#include "intents/handlers/plan_handler.hpp"
#include "intents/handlers/reminders_handler.hpp"
#include "intents/handlers/run_stats_handler.hpp"
#include "intents/handlers/set_race_handler.hpp"
#include "intents/handlers/settings_handler.hpp"
#include "intents/handlers/small_talk_handler.hpp"
#include "intents/handlers/text_match.hpp"
#include "intents/handlers/undo_handler.hpp"
#include "intents/nlu/entity_extractor.hpp"
#include "intents/nlu/lexer.hpp"
#include "intents/nlu/text_normalizer.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents {

std::unique_ptr<Engine> make_engine(EngineSettings settings) {
    // Handlers read the booking link from each HandlerContext; the nudge rules are fixed here.
    return std::make_unique<handlers::IntentEngine>(settings.nudge_policy, settings.knowledge);
}

}  // namespace rubdown::intents

namespace rubdown::intents::handlers {
namespace {

/// A runner's export and stats are theirs alone (the dispatcher keeps them out of groups).
std::vector<Reply> for_the_runner_alone(std::vector<Reply> replies) {
    for (auto& reply : replies) reply.private_data = true;
    return replies;
}

std::string trim(const std::string& text) {
    const auto first =
        std::find_if_not(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
    const auto last = std::find_if_not(text.rbegin(), text.rend(), [](unsigned char c) {
                          return std::isspace(c);
                      }).base();
    return first < last ? std::string{first, last} : std::string{};
}

std::size_t word_count(const std::string& padded) {
    return static_cast<std::size_t>(std::count(padded.begin(), padded.end(), ' ')) - 1;
}

/// The parse with the entities `intent` would carry: an answer to "how far?" ("8k") may be
/// classified as anything, but its distance is what matters.
nlu::Parse with_entities_of(const nlu::Parse& parse, const std::string& intent,
                            date::local_days today) {
    auto reparsed = parse;
    reparsed.entities = nlu::extract_entities(nlu::lex(nlu::normalize_text(parse.text)), intent,
                                              date::year_month_day{today});
    return reparsed;
}

}  // namespace

DataCommand data_command(const std::string& text) {
    const auto padded = padded_words(text);
    const auto trimmed = trim(text);
    const auto is_slash = [&trimmed](std::string_view name) {
        if (!trimmed.starts_with(name)) return false;
        const auto rest = std::string_view{trimmed}.substr(name.size());
        return rest.empty() || rest.front() == '@' || rest.front() == ' ';
    };
    if (is_slash("/undo")) return DataCommand::undo;
    if (is_slash("/export")) return DataCommand::export_runs;
    if (is_slash("/forget")) return DataCommand::forget;
    if (has_any_phrase(padded, {"delete all my data", "delete my data", "forget me",
                                "forget everything", "delete my account", "erase my data",
                                "delete everything", "remove my data", "wipe my data"})) {
        return DataCommand::forget;
    }
    // "Delete my last run" is a correction the NLU reads; /undo takes back the last change.
    if (has_any_phrase(padded, {"undo my last run", "undo last run", "undo that",
                                "undo the last change", "undo my last change"}) ||
        padded == " undo ") {
        return DataCommand::undo;
    }
    if (has_any_phrase(padded,
                       {"export my runs", "export my data", "export runs", "download my runs",
                        "download my data", "export as csv", "csv export"})) {
        return DataCommand::export_runs;
    }
    return DataCommand::none;
}

IntentEngine::IntentEngine(nudges::NudgePolicy policy,
                           std::shared_ptr<knowledge::LiveKnowledge> knowledge,
                           double min_confidence)
    : policy_(policy),
      min_confidence_(min_confidence),
      knowledge_(knowledge ? std::move(knowledge)
                           : std::make_shared<knowledge::LiveKnowledge>(
                                 std::make_shared<const knowledge::KnowledgeBase>())) {
    // The triage's model is read from what the build trained on first use (a few milliseconds):
    // here, at start-up, rather than on the first runner's message.
    (void)safety::triage("");
}

std::vector<Reply> IntentEngine::respond(HandlerContext& context) {
    std::vector<Reply> replies;
    if (!context.message.action.empty()) {
        context.understood_as = "button";
        replies = handle_button_action(context, policy_);
    } else {
        replies = respond_to_text(context);
        // No small print under a safety answer.
        if (!context.red_flag) maybe_ask_time_zone(context, replies);
    }
    // Every button acts only for the runner it is shown to (a group sees them all).
    for (auto& reply : replies) bind_buttons(reply.buttons, context.message.user_key);
    return replies;
}

bool IntentEngine::must_answer(const IncomingMessage& message) const {
    return static_cast<bool>(safety::triage(message.text));
}

std::vector<Reply> IntentEngine::respond_to_text(HandlerContext& context) {
    const auto text = trim(context.message.text);
    context.understood_as = kNotUnderstood;
    if (text.empty()) return handle_not_understood(context);
    // An edit of a message that made a run or a race changes those instead of making more.
    if (made_something(context)) {
        const auto verdict = safety::triage(text);
        context.red_flag = static_cast<bool>(verdict);
        const auto parse = nlu_.parse(text, context.now, context.user.time_zone);
        if (auto replies = handle_message_edit(context, parse, policy_)) {
            context.understood_as = "edit";
            if (verdict && !replies->empty()) {
                replies->insert(replies->begin(), Reply{safety::safety_reply(verdict)});
                nudges::apply_red_flag(context.repos, context.user);
            }
            return *replies;
        }
        context.red_flag = false;
    }
    if (const auto verdict = safety::triage(text)) {
        context.understood_as = "red_flag";
        return respond_to_red_flag(context, verdict, text);
    }

    switch (data_command(text)) {
        case DataCommand::undo:
            context.understood_as = "undo";
            return handle_undo(context, policy_);
        case DataCommand::export_runs:
            context.understood_as = "export";
            return for_the_runner_alone(handle_export(context));
        case DataCommand::forget:
            context.understood_as = "forget";
            return handle_forget_request(context);
        case DataCommand::none:
            break;
    }

    const auto parse = nlu_.parse(text, context.now, context.user.time_zone);
    const auto today = local_today(context.user, context.now);

    // An answer to the question asked last time? A confident, longer message about something
    // else is not: the question is dropped and the message handled on its own.
    bool on_massage_topic = false;  // a massage answer was given within the hour
    if (const auto follow_up = load_follow_up(context.repos.conversations, context.user.id)) {
        const auto padded = padded_words(text);
        const bool other_topic = parse.confidence >= min_confidence_ &&
                                 parse.intent != "out_of_scope" && word_count(padded) > 4;
        std::optional<std::vector<Reply>> answered;
        switch (follow_up->kind) {
            case FollowUp::Kind::log_run_amount:
            case FollowUp::Kind::log_run_confirm:
                if (!other_topic || parse.intent == "log_run") {
                    answered = continue_log_run(context, *follow_up,
                                                with_entities_of(parse, "log_run", today), policy_);
                }
                break;
            case FollowUp::Kind::race_date:
                if (!other_topic || parse.intent == "set_race") {
                    answered = continue_set_race(
                        context, *follow_up, with_entities_of(parse, "set_race", today), policy_);
                }
                break;
            case FollowUp::Kind::massage_topic: {
                // Understood as one of the bot's own subjects, the message is about that.
                const bool own_subject = parse.confidence >= min_confidence_ &&
                                         parse.intent != "out_of_scope" && parse.intent != "help" &&
                                         parse.intent != "greeting";
                const auto age = nudges::to_unix(context.now) - follow_up->since;
                on_massage_topic = age < std::chrono::seconds{kMassageTopicLasts}.count();
                if (!own_subject && on_massage_topic && parse.intent != nlu::kSmallTalkIntent) {
                    answered = answer_on_massage_topic(context, text, *knowledge_->current());
                }
                break;
            }
            case FollowUp::Kind::run_or_plan:
                // Answered by its buttons, or in a few words ("ran it", "next week's plan").
                if (!other_topic) {
                    answered = continue_run_or_plan(context, *follow_up, text, policy_);
                }
                break;
            case FollowUp::Kind::which_run:
                // The runs were offered as buttons; typing something else drops the question.
                break;
            case FollowUp::Kind::time_zone:
                // "Berlin", "PST", "UTC+2": a bare place answers the question asked.
                if (parse.intent == nlu::kSettingsIntent) {
                    context.repos.conversations.clear(context.user.id);
                    context.understood_as = "follow_up";
                    return handle_settings(context, parse, policy_);
                }
                break;
        }
        if (answered) {
            context.understood_as = "follow_up";
            return *answered;
        }
        context.repos.conversations.clear(context.user.id);
    }

    if (!parse.items.empty()) {
        context.understood_as = "several";
        return route_parts(context, parse);
    }
    if (parse.confidence < min_confidence_) return handle_not_understood(context, parse.intent);
    context.understood_as = parse.intent;
    // Right after a massage answer, "is once a month enough?" is about massage without saying so.
    if (parse.intent == "massage_question" && on_massage_topic) {
        return handle_massage_question(context, parse, *knowledge_->current(),
                                       knowledge::Subject::massage_topic);
    }
    return route(context, parse);
}

std::vector<Reply> IntentEngine::respond_to_red_flag(HandlerContext& context,
                                                     const safety::Verdict& verdict,
                                                     const std::string& text) {
    context.red_flag = true;
    std::vector<Reply> replies{Reply{safety::safety_reply(verdict)}};
    // A question the bot was waiting on is dropped: this message is about something else.
    context.repos.conversations.clear(context.user.id);
    const auto parse = nlu_.parse(text, context.now, context.user.time_zone);
    std::vector<Reply> handled;
    std::vector<nlu::Parse> parts;
    if (parse.items.empty()) {
        parts.push_back(parse);
    } else {
        for (const auto& item : parse.items) parts.push_back(nlu::as_parse(item));
    }
    for (auto part : parts) {
        std::vector<Reply> replies;
        if (part.intent == "log_run" && (part.entities.distance_km || part.entities.duration_s)) {
            // Beside a red flag a weekday run is logged on the day gone without a second
            // question: the safety answer comes first and is the one to read.
            part.entities.or_planned_for.reset();
            replies = handle_log_run(context, part, policy_);
        } else if (part.intent == "set_race") {
            replies = handle_set_race(context, part, policy_);
        }
        handled.insert(handled.end(), replies.begin(), replies.end());
    }
    replies.insert(replies.end(), handled.begin(), handled.end());
    if (nudges::apply_red_flag(context.repos, context.user) > 0) {
        replies.push_back(
            Reply{"I've called off the massage reminder I had planned. Book one once you've been "
                  "checked and cleared."});
    }
    return replies;
}

std::vector<Reply> IntentEngine::route_parts(HandlerContext& context, const nlu::Parse& parse) {
    // One reply for the whole message, a paragraph per part, in the order written.
    Reply combined;
    for (const auto& item : parse.items) {
        std::vector<Reply> replies;
        if (item.intent == "out_of_scope" || item.intent == "help") {
            replies.push_back(Reply{"I didn't catch \"" + item.text + "\"."});
        } else {
            replies = route(context, nlu::as_parse(item));
        }
        for (auto& reply : replies) {
            if (!combined.text.empty()) combined.text += "\n\n";
            combined.text += reply.text;
            combined.private_data = combined.private_data || reply.private_data;
            combined.buttons.insert(combined.buttons.end(), reply.buttons.begin(),
                                    reply.buttons.end());
        }
    }
    return {combined};
}

std::vector<Reply> IntentEngine::route(HandlerContext& context, const nlu::Parse& parse) {
    const auto& intent = parse.intent;
    if (intent == nlu::kCorrectionIntent)
        return handle_correction(context, policy_, parse.entities, parse.text);
    if (intent == nlu::kPlanIntent) return handle_plan(context, parse.entities);
    if (intent == "log_run") return handle_log_run(context, parse, policy_);
    if (intent == "set_race") return handle_set_race(context, parse, policy_);
    if (intent == "run_stats") return for_the_runner_alone(handle_run_stats(context, parse));
    if (intent == "book_massage") return handle_book_massage(context, parse);
    if (intent == "reminders") return handle_reminders(context, parse, policy_);
    if (intent == nlu::kSettingsIntent) return handle_settings(context, parse, policy_);
    if (intent == "massage_question")
        return handle_massage_question(context, parse, *knowledge_->current());
    if (intent == "greeting") return handle_greeting(context);
    if (intent == nlu::kSmallTalkIntent) return handle_small_talk(parse.text);
    // An operator's own entry may answer what the NLU files as help or out of scope ("what's your
    // address?", "where are you?"); a built-in one only a question naming massage.
    if (const auto answer =
            knowledge_->current()->answer(parse.text, knowledge::Subject::elsewhere);
        answer.kind == knowledge::AnswerKind::answer) {
        return answer_from_knowledge(context, answer);
    }
    if (intent == "help") return handle_help(context);
    return handle_out_of_scope(context);
}

void IntentEngine::maybe_ask_time_zone(HandlerContext& context, std::vector<Reply>& replies) {
    auto& user = context.user;
    if (user.id == 0 || user.time_zone_known || user.time_zone_asked) return;
    // One question at a time: wait while another follow-up is pending (a remembered massage
    // topic is no question; the time zone question replaces it).
    if (const auto pending = load_follow_up(context.repos.conversations, user.id);
        pending && pending->kind != FollowUp::Kind::massage_topic) {
        return;
    }
    // Nor under a reply with buttons (a confirmation, a booking link): it would bury them.
    for (const auto& reply : replies) {
        if (!reply.buttons.empty()) return;
    }
    user.time_zone_asked = true;
    FollowUp follow_up;
    follow_up.kind = FollowUp::Kind::time_zone;
    save_follow_up(context.repos.conversations, user.id, follow_up);
    replies.push_back(
        Reply{"By the way, which time zone are you in? Say a city (\"I'm in New York\") or a zone "
              "(\"Europe/Berlin\"). Until then I use UTC."});
}

}  // namespace rubdown::intents::handlers
