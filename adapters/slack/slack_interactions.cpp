#include "adapters/slack/slack_interactions.hpp"

#include <nlohmann/json.hpp>

#include "adapters/http/form_fields.hpp"
#include "adapters/slack/slack_json.hpp"
#include "adapters/slack/slack_reply_context.hpp"

namespace rubdown::slack {

namespace {

using json_read::field;
using json_read::flag;
using json_read::text;

InteractionParse malformed(std::string reason) {
    InteractionParse parse;
    parse.malformed = true;
    parse.reason = std::move(reason);
    return parse;
}

}  // namespace

InteractionParse parse_interaction_body(std::string_view body) {
    const auto form = http::FormFields::parse(body);
    if (!form || !form->contains("payload")) return malformed("no payload field");
    const auto payload = nlohmann::json::parse(form->get("payload"), nullptr,
                                               /*allow_exceptions=*/false);
    if (!payload.is_object()) return malformed("payload is not a JSON object");

    InteractionParse parse;
    parse.type = text(payload, "type");
    if (parse.type != "block_actions") {
        parse.reason = "interaction type " + parse.type;
        return parse;
    }

    const auto& actions = field(payload, "actions");
    if (!actions.is_array() || actions.empty() || !actions.front().is_object())
        return malformed("block_actions without actions");
    const auto& action = actions.front();
    const auto action_id = text(action, "action_id");
    if (action_id.starts_with(kLinkActionPrefix)) {
        parse.reason = "link button";
        return parse;
    }
    auto value = text(action, "value");
    if (value.empty()) value = action_id;
    const auto action_ts = text(action, "action_ts");

    const auto& user = field(payload, "user");
    const auto user_id = text(user, "id");
    auto team = text(user, "team_id");
    if (team.empty()) team = text(field(payload, "team"), "id");
    if (value.empty() || action_ts.empty() || user_id.empty() || team.empty())
        return malformed("block_actions without action value, action_ts, user or team");

    const auto& container = field(payload, "container");
    const auto& pressed = field(payload, "message");
    ReplyContext context;
    context.source = ReplySource::action;
    context.team_id = team;
    context.channel = text(field(payload, "channel"), "id");
    if (context.channel.empty()) context.channel = text(container, "channel_id");
    context.message_ts = text(pressed, "ts");
    if (context.message_ts.empty()) context.message_ts = text(container, "message_ts");
    // A thread parent carries thread_ts == ts; only a reply inside a thread keeps its thread.
    context.thread_ts = text(pressed, "thread_ts");
    if (context.thread_ts == context.message_ts) context.thread_ts.clear();
    context.ephemeral = flag(container, "is_ephemeral");
    context.response_url = text(payload, "response_url");

    intents::IncomingMessage message;
    message.channel = "slack";
    message.user_key = "slack:" + team + ":" + user_id;
    message.chat_id = user_id;
    message.display_name = text(user, "name");
    if (message.display_name.empty()) message.display_name = text(user, "username");
    message.action = value;
    message.dedup_key = "slack:action:" + team + ":" + user_id + ":" + action_ts;
    message.reply_context = to_json(context);
    parse.message = std::move(message);
    return parse;
}

}  // namespace rubdown::slack
