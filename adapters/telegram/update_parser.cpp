#include "adapters/telegram/update_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

#include <nlohmann/json.hpp>

#include "adapters/telegram/reply_context.hpp"

namespace rubdown::telegram {

namespace {

using nlohmann::json;

constexpr std::string_view channel_name = "telegram";

std::optional<std::int64_t> get_int64(const json& object, std::string_view key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto value = it->get<std::uint64_t>();
        if (value > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
        return static_cast<std::int64_t>(value);
    }
    if (it->is_number_integer()) return it->get<std::int64_t>();
    return std::nullopt;
}

std::optional<std::string> get_string(const json& object, std::string_view key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

bool get_bool(const json& object, std::string_view key) {
    if (!object.is_object()) return false;
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

const json* get_object(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object()) return nullptr;
    return &*it;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/// "@RubdownBot, 10k easy" -> "10k easy" when the mention names this bot.
std::string strip_leading_self_mention(std::string text, std::string_view bot_username) {
    if (bot_username.empty() || text.size() < bot_username.size() + 1 || text[0] != '@')
        return text;
    if (!iequals(std::string_view(text).substr(1, bot_username.size()), bot_username)) return text;
    std::size_t end = bot_username.size() + 1;
    // A longer name that merely starts with ours ("@RubdownBotFan") is someone else.
    if (end < text.size() &&
        (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        return text;
    while (end < text.size() && (is_space(text[end]) || text[end] == ',' || text[end] == ':'))
        ++end;
    return text.substr(end);
}

ParsedUpdate ignored(std::int64_t update_id, std::string type, std::string reason) {
    ParsedUpdate parsed;
    parsed.kind = ParsedUpdate::Kind::ignored;
    parsed.update_id = update_id;
    parsed.update_type = std::move(type);
    parsed.ignore_reason = std::move(reason);
    return parsed;
}

/// Content a runner sent that the bot cannot read; service messages (joins, pins...) are not in it.
bool has_unreadable_content(const json& message) {
    static constexpr std::array<std::string_view, 15> content_fields = {
        "sticker",  "photo", "voice",   "video", "video_note", "audio", "document", "animation",
        "location", "venue", "contact", "poll",  "dice",       "game",  "story"};
    return std::any_of(content_fields.begin(), content_fields.end(),
                       [&](std::string_view field) { return message.contains(field); });
}

/// Sender, chat and dedup fields shared by typed messages and button presses.
intents::IncomingMessage base_message(std::int64_t update_id, const json& from,
                                      std::int64_t chat_id) {
    intents::IncomingMessage message;
    message.channel = std::string(channel_name);
    message.user_key = std::string(channel_name) + ":" + std::to_string(*get_int64(from, "id"));
    message.chat_id = std::to_string(chat_id);
    message.display_name = get_string(from, "first_name").value_or("");
    message.dedup_key = "telegram:update:" + std::to_string(update_id);
    return message;
}

ParseResult parse_message(std::int64_t update_id, const std::string& type, const json& message,
                          const ParseOptions& options) {
    const json* chat = get_object(message, "chat");
    const auto chat_id = chat ? get_int64(*chat, "id") : std::nullopt;
    if (!chat_id) return ParseError{type + ".chat.id missing"};

    const json* from = get_object(message, "from");
    if (!from || !get_int64(*from, "id")) return ignored(update_id, type, "no sender");
    if (get_bool(*from, "is_bot")) return ignored(update_id, type, "sent by a bot");

    const auto chat_type = get_string(*chat, "type").value_or("");
    const bool edited = type == "edited_message";

    auto text = get_string(message, "text");
    if (!text) text = get_string(message, "caption");

    auto incoming = base_message(update_id, *from, *chat_id);
    if (text) {
        auto stripped = strip_command_mention(*text, options.bot_username);
        if (!stripped) return ignored(update_id, type, "command for another bot");
        incoming.text = strip_leading_self_mention(std::move(*stripped), options.bot_username);
    } else {
        // Edits without text are mostly live-location updates, and in groups a sticker is
        // chatter among people: answering those would be noise.
        if (edited) return ignored(update_id, type, "edited message without text");
        if (chat_type != "private") return ignored(update_id, type, "group message without text");
        if (!has_unreadable_content(message)) return ignored(update_id, type, "service message");
        incoming.action = std::string(non_text_action);
    }

    ReplyContext context;
    context.message_id = get_int64(message, "message_id");
    context.chat_type = chat_type;
    incoming.reply_context = to_json(context);
    // An edit names the message it edits by the same chat and message_id; its edit_date orders
    // the edits of one message.
    if (context.message_id) {
        incoming.source_id =
            "telegram:" + std::to_string(*chat_id) + ":" + std::to_string(*context.message_id);
    }
    if (edited) {
        incoming.edit_version =
            std::max<std::int64_t>(1, get_int64(message, "edit_date").value_or(1));
    }

    ParsedUpdate parsed;
    parsed.kind = ParsedUpdate::Kind::message;
    parsed.update_id = update_id;
    parsed.update_type = type;
    parsed.message = std::move(incoming);
    return parsed;
}

ParseResult parse_callback_query(std::int64_t update_id, const json& query) {
    const std::string type = "callback_query";
    const auto query_id = get_string(query, "id");
    if (!query_id || query_id->empty()) return ParseError{"callback_query.id missing"};
    const json* from = get_object(query, "from");
    if (!from || !get_int64(*from, "id")) return ParseError{"callback_query.from.id missing"};

    const auto data = get_string(query, "data");
    // A game's "play" button carries no data; the bot has no games.
    if (!data || data->empty()) return ignored(update_id, type, "callback without data");

    // The message with the button; absent for inline-mode messages, which are sent in the
    // runner's name, so the private chat with the runner (same id as the user) is the answer's
    // place.
    const json* message = get_object(query, "message");
    const json* chat = message ? get_object(*message, "chat") : nullptr;
    const auto chat_id = chat ? get_int64(*chat, "id") : std::nullopt;

    auto incoming = base_message(update_id, *from, chat_id.value_or(*get_int64(*from, "id")));
    incoming.action = *data;

    ReplyContext context;
    context.callback_query_id = *query_id;
    if (message) context.message_id = get_int64(*message, "message_id");
    context.chat_type = chat ? get_string(*chat, "type").value_or("") : "";
    incoming.reply_context = to_json(context);

    ParsedUpdate parsed;
    parsed.kind = ParsedUpdate::Kind::message;
    parsed.update_id = update_id;
    parsed.update_type = type;
    parsed.message = std::move(incoming);
    return parsed;
}

/// The update's type is the one optional field present besides update_id.
std::string update_type_of(const json& update) {
    for (const auto& [key, value] : update.items())
        if (key != "update_id") return key;
    return "";
}

}  // namespace

std::optional<std::string> strip_command_mention(std::string_view text,
                                                 std::string_view bot_username) {
    if (text.empty() || text[0] != '/') return std::string(text);
    const auto token_end = std::find_if(text.begin(), text.end(), is_space) - text.begin();
    const auto token = text.substr(0, static_cast<std::size_t>(token_end));
    const auto at = token.find('@');
    if (at == std::string_view::npos) return std::string(text);
    const auto addressee = token.substr(at + 1);
    if (!bot_username.empty() && !iequals(addressee, bot_username)) return std::nullopt;
    std::string result(token.substr(0, at));
    result.append(text.substr(static_cast<std::size_t>(token_end)));
    return result;
}

ParseResult parse_update_object(const json& update, const ParseOptions& options) {
    if (!update.is_object()) return ParseError{"update is not a JSON object"};
    const auto update_id = get_int64(update, "update_id");
    if (!update_id) return ParseError{"update_id missing"};

    const auto type = update_type_of(update);
    if (type == "message" || type == "edited_message") {
        const json* message = get_object(update, type);
        if (!message) return ParseError{type + " is not an object"};
        return parse_message(*update_id, type, *message, options);
    }
    if (type == "callback_query") {
        const json* query = get_object(update, type);
        if (!query) return ParseError{"callback_query is not an object"};
        return parse_callback_query(*update_id, *query);
    }
    return ignored(*update_id, type, type.empty() ? "empty update" : "unhandled update type");
}

ParseResult parse_update(std::string_view body, const ParseOptions& options) {
    const auto update = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (update.is_discarded()) return ParseError{"body is not valid JSON"};
    return parse_update_object(update, options);
}

std::variant<PollBatch, ParseError> parse_get_updates_result(const json& result,
                                                             std::int64_t current_offset,
                                                             const ParseOptions& options) {
    if (!result.is_array()) return ParseError{"getUpdates result is not an array"};
    PollBatch batch;
    batch.next_offset = current_offset;
    for (const auto& entry : result) {
        auto parsed = parse_update_object(entry, options);
        if (auto* error = std::get_if<ParseError>(&parsed)) {
            const auto update_id = get_int64(entry, "update_id");
            if (!update_id) {
                batch.malformed.push_back(std::move(*error));
                continue;
            }
            // An unreadable update with an id must still be confirmed, or every later
            // getUpdates would return it again and polling would stall on it.
            parsed = ignored(*update_id, update_type_of(entry), "malformed: " + error->reason);
        }
        auto& update = std::get<ParsedUpdate>(parsed);
        // Saturating: an id of INT64_MAX (never sent, but readable) must not overflow the offset.
        const auto after = update.update_id < std::numeric_limits<std::int64_t>::max()
                               ? update.update_id + 1
                               : update.update_id;
        batch.next_offset = std::max(batch.next_offset, after);
        batch.updates.push_back(std::move(update));
    }
    std::stable_sort(batch.updates.begin(), batch.updates.end(),
                     [](const auto& a, const auto& b) { return a.update_id < b.update_id; });
    return batch;
}

std::variant<PollBatch, ParseError> parse_get_updates_response(std::string_view body,
                                                               std::int64_t current_offset,
                                                               const ParseOptions& options) {
    const auto response = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!response.is_object()) return ParseError{"getUpdates answer is not a JSON object"};
    if (!get_bool(response, "ok"))
        return ParseError{"getUpdates failed: " + get_string(response, "description").value_or("")};
    const auto it = response.find("result");
    if (it == response.end()) return ParseError{"getUpdates answer has no result"};
    return parse_get_updates_result(*it, current_offset, options);
}

}  // namespace rubdown::telegram
