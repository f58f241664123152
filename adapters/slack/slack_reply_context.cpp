#include "adapters/slack/slack_reply_context.hpp"

#include <nlohmann/json.hpp>

namespace rubdown::slack {

namespace {

std::string_view source_name(ReplySource source) {
    switch (source) {
        case ReplySource::event:
            return "event";
        case ReplySource::command:
            return "command";
        case ReplySource::action:
            return "action";
        case ReplySource::none:
            break;
    }
    return "";
}

ReplySource source_from_name(std::string_view name) {
    if (name == "event") return ReplySource::event;
    if (name == "command") return ReplySource::command;
    if (name == "action") return ReplySource::action;
    return ReplySource::none;
}

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool bool_field(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

std::string to_json(const ReplyContext& context) {
    nlohmann::json object = nlohmann::json::object();
    // Only the fields that are set, so stored contexts stay small.
    const auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) object[key] = value;
    };
    put("source", std::string(source_name(context.source)));
    put("team", context.team_id);
    put("channel", context.channel);
    put("thread_ts", context.thread_ts);
    put("message_ts", context.message_ts);
    put("response_url", context.response_url);
    if (context.ephemeral) object["ephemeral"] = true;
    if (context.edit_original) object["edit_original"] = true;
    return object.dump();
}

ReplyContext reply_context_from_json(std::string_view json) {
    ReplyContext context;
    const auto object = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) return context;
    context.source = source_from_name(string_field(object, "source"));
    context.team_id = string_field(object, "team");
    context.channel = string_field(object, "channel");
    context.thread_ts = string_field(object, "thread_ts");
    context.message_ts = string_field(object, "message_ts");
    context.response_url = string_field(object, "response_url");
    context.ephemeral = bool_field(object, "ephemeral");
    context.edit_original = bool_field(object, "edit_original");
    return context;
}

std::string with_edit_original(std::string_view reply_context) {
    auto object = nlohmann::json::parse(reply_context, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) object = nlohmann::json::object();
    object["edit_original"] = true;
    return object.dump();
}

}  // namespace rubdown::slack
