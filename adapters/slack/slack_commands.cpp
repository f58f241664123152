#include "adapters/slack/slack_commands.hpp"

#include "adapters/http/form_fields.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "adapters/slack/slack_text.hpp"

namespace rubdown::slack {

CommandParse parse_command_body(std::string_view body) {
    CommandParse parse;
    const auto form = http::FormFields::parse(body);
    if (!form) {
        parse.reason = "body is not form-encoded";
        return parse;
    }
    parse.command = std::string(form->get("command"));
    const auto team = std::string(form->get("team_id"));
    const auto user = std::string(form->get("user_id"));
    const auto trigger = std::string(form->get("trigger_id"));
    if (parse.command.empty() || team.empty() || user.empty() || trigger.empty()) {
        parse.reason = "missing command, team_id, user_id or trigger_id";
        return parse;
    }

    ReplyContext context;
    context.source = ReplySource::command;
    context.team_id = team;
    context.channel = std::string(form->get("channel_id"));
    context.response_url = std::string(form->get("response_url"));

    intents::IncomingMessage message;
    message.channel = "slack";
    message.user_key = "slack:" + team + ":" + user;
    message.chat_id = user;
    message.display_name = std::string(form->get("user_name"));
    // Command text is escaped like message text; a bare "/rubdown" asks for help.
    message.text = unescape_slack_text(form->get("text"));
    if (message.text.find_first_not_of(" \t\r\n") == std::string::npos) message.text = "help";
    message.dedup_key = "slack:command:" + trigger;
    message.reply_context = to_json(context);
    parse.message = std::move(message);
    return parse;
}

}  // namespace rubdown::slack
