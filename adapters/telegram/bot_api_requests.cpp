#include "adapters/telegram/bot_api_requests.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "adapters/telegram/text_splitter.hpp"

namespace rubdown::telegram {

namespace {

using nlohmann::json;

/// Writes JSON without throwing on invalid UTF-8 (replaced by U+FFFD; Telegram would refuse it).
std::string dump(const json& body) {
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// Our chat ids are decimal strings; Telegram takes an integer (or "@channelname").
json chat_id_value(std::string_view chat_id) {
    std::int64_t value = 0;
    const auto* end = chat_id.data() + chat_id.size();
    const auto [ptr, error] = std::from_chars(chat_id.data(), end, value);
    if (error == std::errc{} && ptr == end && !chat_id.empty()) return value;
    return std::string(chat_id);
}

bool has_allowed_url_scheme(std::string_view url) {
    return url.starts_with("https://") || url.starts_with("http://") || url.starts_with("tg://");
}

ApiCall make_call(std::string method, const json& body, std::vector<std::string> warnings = {}) {
    return ApiCall{std::move(method), dump(body), std::move(warnings)};
}

// Short labels ("Yes" / "Not now") read best side by side; longer ones get a row each so
// Telegram does not truncate them on narrow screens.
constexpr std::size_t max_buttons_per_shared_row = 3;
constexpr std::size_t max_shared_row_label_units = 30;

}  // namespace

std::string method_url(std::string_view api_base, std::string_view token, std::string_view method) {
    while (!api_base.empty() && api_base.back() == '/') api_base.remove_suffix(1);
    std::string url(api_base);
    url.append("/bot").append(token).append("/").append(method);
    return url;
}

std::string redact_token(std::string_view text, std::string_view token) {
    std::string result(text);
    if (token.empty()) return result;
    for (auto pos = result.find(token); pos != std::string::npos; pos = result.find(token, pos + 7))
        result.replace(pos, token.size(), "<token>");
    return result;
}

json inline_keyboard(const std::vector<intents::Button>& buttons,
                     std::vector<std::string>& warnings) {
    std::vector<json> kept;
    std::size_t label_units = 0;
    for (const auto& button : buttons) {
        const auto label = sanitize_utf8(button.label);
        json item{{"text", label}};
        if (label.empty()) {
            warnings.push_back("button without a label left out");
            continue;
        }
        if (!button.url.empty()) {
            if (!has_allowed_url_scheme(button.url)) {
                warnings.push_back("button '" + label + "' left out: unsupported URL scheme");
                continue;
            }
            item["url"] = button.url;
        } else if (button.action.empty()) {
            warnings.push_back("button '" + label + "' left out: no action and no URL");
            continue;
        } else if (button.action.size() > max_callback_data_bytes) {
            warnings.push_back("button '" + label + "' left out: action over 64 bytes");
            continue;
        } else {
            item["callback_data"] = sanitize_utf8(button.action);
        }
        label_units += utf16_length(label);
        kept.push_back(std::move(item));
    }
    if (kept.empty()) return nullptr;

    auto rows = json::array();
    if (kept.size() <= max_buttons_per_shared_row && label_units <= max_shared_row_label_units) {
        rows.push_back(json(kept));
    } else {
        for (auto& item : kept) rows.push_back(json::array({std::move(item)}));
    }
    return json{{"inline_keyboard", std::move(rows)}};
}

ApiCall send_message(std::string_view chat_id, std::string_view text,
                     const std::vector<intents::Button>& buttons,
                     std::optional<std::int64_t> reply_to_message_id) {
    std::vector<std::string> warnings;
    json body{{"chat_id", chat_id_value(chat_id)}, {"text", sanitize_utf8(text)}};
    if (auto keyboard = inline_keyboard(buttons, warnings); !keyboard.is_null())
        body["reply_markup"] = std::move(keyboard);
    if (reply_to_message_id)
        body["reply_parameters"] = {{"message_id", *reply_to_message_id},
                                    {"allow_sending_without_reply", true}};
    return make_call("sendMessage", body, std::move(warnings));
}

ApiCall send_photo(std::string_view chat_id, std::string png, std::string_view caption,
                   const std::vector<intents::Button>& buttons,
                   std::optional<std::int64_t> reply_to_message_id) {
    std::vector<std::string> warnings;
    json body{{"chat_id", chat_id_value(chat_id)}};
    if (!caption.empty()) body["caption"] = sanitize_utf8(caption);
    if (auto keyboard = inline_keyboard(buttons, warnings); !keyboard.is_null())
        body["reply_markup"] = std::move(keyboard);
    if (reply_to_message_id)
        body["reply_parameters"] = {{"message_id", *reply_to_message_id},
                                    {"allow_sending_without_reply", true}};
    auto call = make_call("sendPhoto", body, std::move(warnings));
    call.photo_png = std::move(png);
    return call;
}

ApiCall edit_message_text(std::string_view chat_id, std::int64_t message_id, std::string_view text,
                          const std::vector<intents::Button>& buttons) {
    std::vector<std::string> warnings;
    json body{{"chat_id", chat_id_value(chat_id)},
              {"message_id", message_id},
              {"text", sanitize_utf8(text)}};
    // Without reply_markup an edit keeps the old buttons; an empty keyboard removes them.
    auto keyboard = inline_keyboard(buttons, warnings);
    body["reply_markup"] =
        keyboard.is_null() ? json{{"inline_keyboard", json::array()}} : std::move(keyboard);
    return make_call("editMessageText", body, std::move(warnings));
}

ApiCall edit_message_reply_markup(std::string_view chat_id, std::int64_t message_id,
                                  const std::vector<intents::Button>& buttons) {
    std::vector<std::string> warnings;
    json body{{"chat_id", chat_id_value(chat_id)}, {"message_id", message_id}};
    auto keyboard = inline_keyboard(buttons, warnings);
    body["reply_markup"] =
        keyboard.is_null() ? json{{"inline_keyboard", json::array()}} : std::move(keyboard);
    return make_call("editMessageReplyMarkup", body, std::move(warnings));
}

ApiCall answer_callback_query(std::string_view callback_query_id, std::string_view text) {
    json body{{"callback_query_id", std::string(callback_query_id)}};
    if (!text.empty()) body["text"] = sanitize_utf8(text);
    return make_call("answerCallbackQuery", body);
}

ApiCall set_webhook(const WebhookSettings& settings) {
    json body{{"url", settings.url},
              {"secret_token", settings.secret_token},
              {"allowed_updates", allowed_update_types}};
    if (settings.drop_pending_updates) body["drop_pending_updates"] = true;
    if (settings.max_connections) body["max_connections"] = *settings.max_connections;
    return make_call("setWebhook", body);
}

ApiCall delete_webhook(bool drop_pending_updates) {
    json body = json::object();
    if (drop_pending_updates) body["drop_pending_updates"] = true;
    return make_call("deleteWebhook", body);
}

ApiCall get_webhook_info() {
    return make_call("getWebhookInfo", json::object());
}

ApiCall get_me() {
    return make_call("getMe", json::object());
}

const std::vector<BotCommand>& rubdown_commands() {
    static const std::vector<BotCommand> commands = {
        {"start", "Meet Rubdown, your recovery coach"},
        {"help", "What you can ask and tell me"},
        {"log", "Log a run, e.g. /log 12k tempo, felt hard"},
        {"race", "Tell me about a race, e.g. /race half marathon Dec 14"},
        {"stats", "Your recent running and recovery"},
        {"book", "Book a sports massage"},
        {"stop", "Stop the massage reminders"},
        {"export", "Download your run log"},
        {"undo", "Take back the last thing you logged"},
    };
    return commands;
}

ApiCall set_my_commands(const std::vector<BotCommand>& commands) {
    auto list = json::array();
    for (const auto& command : commands)
        list.push_back({{"command", command.command}, {"description", command.description}});
    return make_call("setMyCommands", json{{"commands", std::move(list)}});
}

ApiCall get_updates(std::int64_t offset, std::chrono::seconds timeout, int limit) {
    json body{{"offset", offset},
              {"timeout", timeout.count()},
              {"limit", limit},
              {"allowed_updates", allowed_update_types}};
    return make_call("getUpdates", body);
}

}  // namespace rubdown::telegram
