#pragma once
/// Builders for Bot API calls. Each returns the method name and its JSON body; the HTTP client
/// POSTs the body (Content-Type: application/json) to method_url(base, token, method).
/// Text is sent without parse_mode: replies are plain text, so nothing needs escaping.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "intents/message.hpp"

namespace rubdown::telegram {

struct ApiCall {
    std::string method;  ///< e.g. "sendMessage"
    std::string body;    ///< JSON object
    /// What the builder had to leave out (a button with callback data over 64 bytes...), for the
    /// log: the call is still valid without it.
    std::vector<std::string> warnings;
    /// A PNG to upload with the call (sendPhoto's `photo`): the call then goes as
    /// multipart/form-data, the body's fields as form fields. Empty for none.
    std::string photo_png;
};

/// "{api_base}/bot{token}/{method}"; a trailing '/' on the base is tolerated.
std::string method_url(std::string_view api_base, std::string_view token, std::string_view method);

/// `text` with every occurrence of the token replaced by "<token>": URLs carry the token, logs
/// must not.
std::string redact_token(std::string_view text, std::string_view token);

/// callback_data must be 1-64 bytes.
inline constexpr std::size_t max_callback_data_bytes = 64;

/// The update types the bot asks for, in setWebhook and getUpdates.
inline constexpr std::array<std::string_view, 3> allowed_update_types = {
    "message", "edited_message", "callback_query"};

/// An inline keyboard for `buttons`: {"inline_keyboard":[[...]]}. A button with a URL (http,
/// https or tg scheme) opens it; otherwise its action becomes callback_data. Buttons Telegram
/// would reject (empty label, no action and no URL, action over 64 bytes, other URL schemes) are
/// left out and named in `warnings`, because one bad button makes Telegram refuse the whole
/// message; an action is never shortened, as a cut action would mean something else. A few short
/// labels share a row; otherwise each button gets its own row. Null when no button remains.
nlohmann::json inline_keyboard(const std::vector<intents::Button>& buttons,
                               std::vector<std::string>& warnings);

/// sendMessage. `reply_to_message_id` quotes the runner's message (useful in groups); a deleted
/// message does not make the send fail.
ApiCall send_message(std::string_view chat_id, std::string_view text,
                     const std::vector<intents::Button>& buttons = {},
                     std::optional<std::int64_t> reply_to_message_id = std::nullopt);

/// sendPhoto's caption limit, in UTF-16 units as for text.
inline constexpr std::size_t max_caption_length = 1024;

/// sendPhoto: a PNG uploaded with its caption (at most max_caption_length; empty for none) and
/// buttons under it.
ApiCall send_photo(std::string_view chat_id, std::string png, std::string_view caption,
                   const std::vector<intents::Button>& buttons = {},
                   std::optional<std::int64_t> reply_to_message_id = std::nullopt);

/// editMessageText: replaces a message's text and buttons (no buttons removes them).
ApiCall edit_message_text(std::string_view chat_id, std::int64_t message_id, std::string_view text,
                          const std::vector<intents::Button>& buttons = {});

/// editMessageReplyMarkup: replaces only the buttons (none removes them).
ApiCall edit_message_reply_markup(std::string_view chat_id, std::int64_t message_id,
                                  const std::vector<intents::Button>& buttons = {});

/// answerCallbackQuery: stops the button's spinner; `text`, when given, shows as a short notice.
ApiCall answer_callback_query(std::string_view callback_query_id, std::string_view text = {});

struct WebhookSettings {
    std::string url;           ///< public HTTPS URL of POST /telegram/webhook
    std::string secret_token;  ///< sent back in X-Telegram-Bot-Api-Secret-Token
    bool drop_pending_updates = false;
    std::optional<int> max_connections;  ///< 1-100; Telegram's default (40) when unset
};
ApiCall set_webhook(const WebhookSettings& settings);
ApiCall delete_webhook(bool drop_pending_updates = false);
ApiCall get_webhook_info();
ApiCall get_me();

struct BotCommand {
    std::string command;  ///< 1-32 of a-z 0-9 _, without the slash
    std::string description;
};
/// The commands shown in Telegram's menu: start, help, log, race, stats, book, stop, export, undo.
const std::vector<BotCommand>& rubdown_commands();
ApiCall set_my_commands(const std::vector<BotCommand>& commands = rubdown_commands());

/// getUpdates for long polling. The HTTP client's read time-out must exceed `timeout`.
ApiCall get_updates(std::int64_t offset, std::chrono::seconds timeout = std::chrono::seconds{50},
                    int limit = 100);

}  // namespace rubdown::telegram
