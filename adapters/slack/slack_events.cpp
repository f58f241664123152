#include "adapters/slack/slack_events.hpp"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_json.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "adapters/slack/slack_text.hpp"

namespace rubdown::slack {

namespace {

using json_read::field;
using json_read::flag;
using json_read::text;

EventParse ignored(std::string event_id, std::string reason) {
    EventParse parse;
    parse.kind = EventParse::Kind::ignored;
    parse.event_id = std::move(event_id);
    parse.reason = std::move(reason);
    return parse;
}

EventParse malformed(std::string reason) {
    EventParse parse;
    parse.kind = EventParse::Kind::malformed;
    parse.reason = std::move(reason);
    return parse;
}

/// Message subtypes that still carry something a person typed. Everything else (edits, deletions,
/// joins, bot posts, topic changes, ...) is not addressed to the bot.
bool is_typed_by_a_person(std::string_view subtype) {
    return subtype.empty() || subtype == "file_share" || subtype == "thread_broadcast";
}

bool mentions(std::string_view text_value, std::string_view user_id) {
    return text_value.find("<@" + std::string(user_id)) != std::string_view::npos;
}

/// A Slack timestamp ("1358878755.000001") as one rising number (microseconds); 0 when it is none.
std::int64_t ts_number(std::string_view ts) {
    std::int64_t value = 0;
    int digits = 0;
    for (const char c : ts) {
        if (c == '.') continue;
        if (c < '0' || c > '9' || ++digits > 18) return 0;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

RetryInfo read_retry_info(const http::HttpRequest& request) {
    RetryInfo info;
    const auto number = request.header("X-Slack-Retry-Num");
    int parsed = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), parsed);
    if (error == std::errc{} && end == number.data() + number.size() && parsed > 0)
        info.number = parsed;
    info.reason = std::string(request.header("X-Slack-Retry-Reason"));
    return info;
}

EventParse parse_event_body(std::string_view body, const InboundOptions& options) {
    const auto envelope = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!envelope.is_object()) return malformed("body is not a JSON object");

    const auto type = text(envelope, "type");
    if (type == "url_verification") {
        EventParse parse;
        parse.kind = EventParse::Kind::url_verification;
        parse.challenge = text(envelope, "challenge");
        if (parse.challenge.empty()) return malformed("url_verification without a challenge");
        return parse;
    }
    if (type != "event_callback") {
        if (type.empty()) return malformed("no envelope type");
        return ignored({}, "envelope type " + type);
    }

    const auto event_id = text(envelope, "event_id");
    const auto& event = field(envelope, "event");
    if (event_id.empty() || !event.is_object()) return malformed("event_callback without event");

    const auto event_type = text(event, "type");
    if (event_type != "message" && event_type != "app_mention")
        return ignored(event_id, "event type " + event_type);
    const auto subtype = text(event, "subtype");
    // An edit (hidden, with the message as it now reads inside it) changes what the message made.
    const bool edit = subtype == "message_changed";
    const auto& said = edit ? field(event, "message") : event;
    if (edit) {
        if (!said.is_object()) return ignored(event_id, "message_changed without the message");
        // Slack sends this too when a link preview unfolds: nothing the runner changed.
        if (text(field(event, "previous_message"), "text") == text(said, "text"))
            return ignored(event_id, "edit without a change of text");
    } else {
        if (flag(event, "hidden")) return ignored(event_id, "hidden message");
        if (!is_typed_by_a_person(subtype)) return ignored(event_id, "message subtype " + subtype);
    }
    if (!text(said, "bot_id").empty() || field(said, "bot_profile").is_object())
        return ignored(event_id, "posted by a bot");

    const auto user = text(said, "user");
    if (user.empty()) return ignored(event_id, "no user");
    if (!options.bot.user_id.empty() && user == options.bot.user_id)
        return ignored(event_id, "the bot's own message");
    const auto channel = text(event, "channel");
    if (channel.empty()) return ignored(event_id, "no channel");

    const auto raw_text = text(said, "text");
    const auto channel_type = text(event, "channel_type");
    const bool direct = channel_type == "im" || channel_type == "app_home";
    if (edit && !direct && !options.answer_channel_messages) {
        // No app_mention comes for an edit: in a channel, an edit is the bot's when it mentions it.
        const bool addressed_to_bot = options.bot.user_id.empty()
                                          ? raw_text.starts_with("<@")
                                          : mentions(raw_text, options.bot.user_id);
        if (!addressed_to_bot) return ignored(event_id, "channel edit without a mention");
    } else if (event_type == "message" && !direct && !edit) {
        if (!options.answer_channel_messages)
            return ignored(event_id, "channel message without a mention");
        // A mention arrives twice, as app_mention and as message; answer the app_mention only.
        // Without the bot's id any leading mention is taken for the bot's.
        const bool addressed_to_bot = options.bot.user_id.empty()
                                          ? raw_text.starts_with("<@")
                                          : mentions(raw_text, options.bot.user_id);
        if (addressed_to_bot) return ignored(event_id, "mention, answered as app_mention");
    }

    // The user's own workspace, which differs from the envelope's in a shared channel.
    auto team = text(said, "user_team");
    if (team.empty()) team = text(said, "team");
    if (team.empty()) team = text(event, "user_team");
    if (team.empty()) team = text(event, "team");
    if (team.empty()) team = text(envelope, "team_id");
    if (team.empty()) return ignored(event_id, "no team");

    ReplyContext context;
    context.source = ReplySource::event;
    context.team_id = team;
    context.channel = channel;
    context.thread_ts = text(said, "thread_ts");

    intents::IncomingMessage message;
    message.channel = "slack";
    message.user_key = "slack:" + team + ":" + user;
    message.chat_id = direct && channel.starts_with('D') ? channel : user;
    message.text = unescape_slack_text(strip_leading_mention(raw_text, options.bot.user_id));
    message.dedup_key = "slack:event:" + event_id;
    message.reply_context = to_json(context);
    if (const auto ts = text(said, "ts"); !ts.empty())
        message.source_id = "slack:" + team + ":" + channel + ":" + ts;
    if (edit) {
        const auto edited_at = text(field(said, "edited"), "ts");
        message.edit_version =
            std::max<std::int64_t>(1, ts_number(edited_at.empty() ? text(event, "ts") : edited_at));
    }

    EventParse parse;
    parse.kind = EventParse::Kind::message;
    parse.event_id = event_id;
    if (message.text.empty()) {
        // A bare "@Rubdown" asks for attention: treat it as a request for help.
        if (event_type != "app_mention") return ignored(event_id, "no text");
        message.text = "help";
    }
    parse.message = std::move(message);
    return parse;
}

}  // namespace rubdown::slack
