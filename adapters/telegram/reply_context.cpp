#include "adapters/telegram/reply_context.hpp"

#include <nlohmann/json.hpp>

namespace rubdown::telegram {

std::string to_json(const ReplyContext& context) {
    nlohmann::json object = nlohmann::json::object();
    if (!context.callback_query_id.empty()) object["callback_query_id"] = context.callback_query_id;
    if (context.message_id) object["message_id"] = *context.message_id;
    if (!context.chat_type.empty()) object["chat_type"] = context.chat_type;
    if (context.edit_original) object["edit_original"] = true;
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ReplyContext reply_context_from_json(std::string_view json) {
    ReplyContext context;
    const auto object = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) return context;
    if (const auto it = object.find("callback_query_id"); it != object.end() && it->is_string())
        context.callback_query_id = it->get<std::string>();
    if (const auto it = object.find("message_id"); it != object.end() && it->is_number_integer())
        context.message_id = it->get<std::int64_t>();
    if (const auto it = object.find("chat_type"); it != object.end() && it->is_string())
        context.chat_type = it->get<std::string>();
    if (const auto it = object.find("edit_original"); it != object.end() && it->is_boolean())
        context.edit_original = it->get<bool>();
    return context;
}

std::string with_edit_original(std::string_view reply_context) {
    auto context = reply_context_from_json(reply_context);
    context.edit_original = true;
    return to_json(context);
}

std::string without_callback_query(std::string_view reply_context) {
    auto context = reply_context_from_json(reply_context);
    context.callback_query_id.clear();
    return to_json(context);
}

bool awaits_callback_answer(std::string_view reply_context) {
    return reply_context_from_json(reply_context).is_callback();
}

bool in_shared_chat(std::string_view reply_context) {
    return reply_context_from_json(reply_context).is_shared();
}

bool in_private_chat(std::string_view reply_context) {
    return reply_context_from_json(reply_context).chat_type == "private";
}

}  // namespace rubdown::telegram
