#include "adapters/slack/slack_web_api.hpp"

#include <set>

#include "adapters/slack/slack_interactions.hpp"
#include "adapters/slack/slack_json.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "adapters/slack/slack_text.hpp"

namespace rubdown::slack {

namespace {

using nlohmann::json;

/// Slack's limit on a file's alt text (characters; the descriptions are ASCII).
constexpr std::size_t kMaxAltTextBytes = 1000;

json plain_text(std::string_view text) {
    return json{{"type", "plain_text"}, {"text", std::string(text)}, {"emoji", true}};
}

json section(std::string_view escaped_text) {
    return json{{"type", "section"},
                {"text", json{{"type", "mrkdwn"}, {"text", std::string(escaped_text)}}}};
}

/// Button elements; action_ids must be unique within a block, so a repeated action gets a suffix
/// (the action itself travels in `value`, which is what the interactivity parser reads).
std::vector<json> button_elements(const std::vector<intents::Button>& buttons,
                                  const MessageLimits& limits) {
    std::vector<json> elements;
    std::set<std::string> used_ids;
    std::size_t link_number = 0;
    for (const auto& button : buttons) {
        const std::string& fallback_label = button.action.empty() ? button.url : button.action;
        const auto label = truncate_text(button.label.empty() ? fallback_label : button.label,
                                         limits.button_label_chars);
        if (label.empty()) continue;
        json element{{"type", "button"}, {"text", plain_text(label)}};
        if (!button.url.empty()) {
            if (slack_length(button.url) > limits.button_url_chars) continue;
            element["url"] = button.url;
            element["action_id"] = std::string(kLinkActionPrefix) + std::to_string(link_number++);
        } else if (!button.action.empty()) {
            std::string id = button.action;
            for (int n = 2; used_ids.count(id) != 0; ++n)
                id = button.action + "#" + std::to_string(n);
            used_ids.insert(id);
            element["action_id"] = id;
            element["value"] = button.action;
        } else {
            continue;
        }
        elements.push_back(std::move(element));
    }
    return elements;
}

std::vector<json> actions_blocks(const std::vector<intents::Button>& buttons,
                                 const MessageLimits& limits) {
    std::vector<json> blocks;
    const auto elements = button_elements(buttons, limits);
    const std::size_t per_block = std::max<std::size_t>(limits.buttons_per_block, 1);
    for (std::size_t i = 0; i < elements.size(); i += per_block) {
        json block{{"type", "actions"}, {"elements", json::array()}};
        for (std::size_t k = i; k < std::min(elements.size(), i + per_block); ++k)
            block["elements"].push_back(elements[k]);
        blocks.push_back(std::move(block));
    }
    return blocks;
}

std::string button_labels(const json& blocks) {
    std::string labels;
    for (const auto& block : blocks) {
        if (json_read::text(block, "type") != "actions") continue;
        for (const auto& element : block["elements"]) {
            if (!labels.empty()) labels += " · ";
            labels += escape_mrkdwn(json_read::text(element["text"], "text"));
        }
    }
    return labels;
}

ApiCall web_api(std::string method, std::string body, std::string pacing_key) {
    ApiCall call;
    call.target = ApiCall::Target::web_api;
    call.method = std::move(method);
    call.body = std::move(body);
    call.pacing_key = std::move(pacing_key);
    return call;
}

ApiCall response_url_call(std::string url, std::string body, std::string pacing_key) {
    ApiCall call;
    call.target = ApiCall::Target::response_url;
    call.url = std::move(url);
    call.body = std::move(body);
    call.pacing_key = std::move(pacing_key);
    return call;
}

}  // namespace

std::string method_url(std::string_view api_base, std::string_view method) {
    while (api_base.ends_with('/')) api_base.remove_suffix(1);
    return std::string(api_base) + "/" + std::string(method);
}

std::vector<MessageContent> compose_messages(std::string_view text,
                                             const std::vector<intents::Button>& buttons,
                                             const MessageLimits& limits) {
    const std::size_t max_blocks = std::max<std::size_t>(limits.max_blocks, 2);
    auto button_blocks = actions_blocks(buttons, limits);
    // Keep at least one block free for text on the message that carries the buttons.
    if (button_blocks.size() > max_blocks - 1) button_blocks.resize(max_blocks - 1);

    // Sections, escaped, packed greedily into messages.
    std::vector<std::vector<std::string>> groups;
    std::vector<std::size_t> group_chars;
    for (const auto& part : split_text(text, limits.section_chars)) {
        auto escaped = escape_mrkdwn(part);
        const auto chars = slack_length(escaped);
        const bool fits = !groups.empty() && groups.back().size() + 1 <= max_blocks &&
                          group_chars.back() + 2 + chars <= limits.message_chars;
        if (!fits) {
            groups.emplace_back();
            group_chars.push_back(0);
        } else {
            group_chars.back() += 2;  // the blank line between sections in the fallback text
        }
        groups.back().push_back(std::move(escaped));
        group_chars.back() += chars;
    }
    if (groups.empty() && button_blocks.empty()) return {};

    // The buttons go on the last message; move sections on when they would not fit beside them.
    if (!button_blocks.empty()) {
        if (groups.empty()) groups.emplace_back();
        const std::size_t room = max_blocks - button_blocks.size();
        if (groups.back().size() > room) {
            std::vector<std::string> moved(groups.back().begin() + static_cast<long>(room),
                                           groups.back().end());
            groups.back().resize(room);
            groups.push_back(std::move(moved));
        }
    }

    std::vector<MessageContent> messages;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        MessageContent content;
        for (const auto& escaped : groups[g]) {
            if (!content.text.empty()) content.text += "\n\n";
            content.text += escaped;
            content.blocks.push_back(section(escaped));
        }
        if (g + 1 == groups.size())
            for (const auto& block : button_blocks) content.blocks.push_back(block);
        if (content.text.empty()) content.text = button_labels(content.blocks);
        messages.push_back(std::move(content));
    }
    return messages;
}

std::string post_message_body(std::string_view channel, const MessageContent& content,
                              std::string_view thread_ts) {
    json body{
        {"channel", std::string(channel)}, {"text", content.text}, {"blocks", content.blocks}};
    if (!thread_ts.empty()) body["thread_ts"] = std::string(thread_ts);
    return body.dump();
}

std::string update_body(std::string_view channel, std::string_view ts,
                        const MessageContent& content) {
    return json{{"channel", std::string(channel)},
                {"ts", std::string(ts)},
                {"text", content.text},
                {"blocks", content.blocks}}
        .dump();
}

std::string response_url_body(const MessageContent& content, bool replace_original) {
    json body{{"text", content.text}, {"blocks", content.blocks}};
    if (replace_original) {
        body["replace_original"] = true;
    } else {
        body["response_type"] = "ephemeral";
        body["replace_original"] = false;
    }
    return body.dump();
}

std::vector<PlannedCall> plan_delivery(const storage::OutboxMessage& message,
                                       const DeliveryOptions& options) {
    const auto context = reply_context_from_json(message.reply_context);
    const auto contents = compose_messages(
        message.text, intents::buttons_from_json(message.buttons_json), options.limits);

    const bool url_usable = !context.response_url.empty() && !options.response_url_prefix.empty() &&
                            context.response_url.starts_with(options.response_url_prefix);
    // The conversation the runner wrote in; the outbox chat_id (their DM) when there is none.
    const std::string& conversation = context.channel.empty() ? message.chat_id : context.channel;

    // Ways to deliver one part.
    const auto to_direct_message = [&](const MessageContent& content) {
        return web_api("chat.postMessage", post_message_body(message.chat_id, content),
                       message.chat_id);
    };
    const auto to_conversation = [&](const MessageContent& content) {
        return web_api("chat.postMessage",
                       post_message_body(conversation, content, context.thread_ts), conversation);
    };
    const auto to_response_url = [&](const MessageContent& content, bool replace) {
        return response_url_call(context.response_url, response_url_body(content, replace),
                                 conversation);
    };

    std::vector<PlannedCall> calls;
    if (!message.image_png.empty()) {
        const bool private_answer = context.source == ReplySource::command ||
                                    context.source == ReplySource::none ||
                                    (context.source == ReplySource::action && context.ephemeral);
        const auto& where = private_answer ? message.chat_id : conversation;
        json file{{"channel_id", where},
                  {"filename", "chart.png"},
                  {"title", "Chart"},
                  {"alt_txt", message.image_alt.substr(0, kMaxAltTextBytes)}};
        if (!private_answer && !context.thread_ts.empty()) file["thread_ts"] = context.thread_ts;
        ApiCall upload;
        upload.target = ApiCall::Target::file_upload;
        upload.method = "files.completeUploadExternal";
        upload.body = file.dump(-1, ' ', false, json::error_handler_t::replace);
        upload.pacing_key = where;
        upload.file_bytes = message.image_png;
        // A file that cannot be shared (an app installed without files:write) is described in
        // words instead, where it would have gone.
        std::optional<ApiCall> described;
        if (const auto words = compose_messages(message.image_alt, {}, options.limits);
            !words.empty()) {
            described = web_api(
                "chat.postMessage",
                post_message_body(where, words.front(), private_answer ? "" : context.thread_ts),
                where);
        }
        calls.push_back({std::move(upload), std::move(described)});
    }
    for (std::size_t i = 0; i < contents.size(); ++i) {
        const auto& content = contents[i];
        if (i == 0 && context.edit_original && context.source == ReplySource::action) {
            if (!context.ephemeral && !context.message_ts.empty() && !conversation.empty()) {
                calls.push_back(
                    {web_api("chat.update", update_body(conversation, context.message_ts, content),
                             conversation),
                     to_conversation(content)});
                continue;
            }
            if (url_usable) {
                calls.push_back({to_response_url(content, true), to_direct_message(content)});
                continue;
            }
        }
        // Commands can come from conversations the bot is not in, and an ephemeral button was
        // seen by the runner alone: both are answered privately.
        const bool private_answer = context.source == ReplySource::command ||
                                    (context.source == ReplySource::action && context.ephemeral);
        if (private_answer) {
            if (url_usable)
                calls.push_back({to_response_url(content, false), to_direct_message(content)});
            else
                calls.push_back({to_direct_message(content), std::nullopt});
        } else if (context.source == ReplySource::none) {
            calls.push_back({to_direct_message(content), std::nullopt});
        } else {
            calls.push_back({to_conversation(content), std::nullopt});
        }
    }
    return calls;
}

ApiCall auth_test_call() {
    return web_api("auth.test", "{}", {});
}

std::optional<BotIdentity> parse_auth_test(std::string_view body) {
    const auto answer = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!json_read::flag(answer, "ok")) return std::nullopt;
    BotIdentity identity;
    identity.team_id = json_read::text(answer, "team_id");
    identity.user_id = json_read::text(answer, "user_id");
    identity.bot_id = json_read::text(answer, "bot_id");
    if (identity.team_id.empty() || identity.user_id.empty()) return std::nullopt;
    return identity;
}

}  // namespace rubdown::slack
