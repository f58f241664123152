#include "adapters/web/chat_protocol.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <openssl/evp.h>
#include <boost/url/parse.hpp>
#include <nlohmann/json.hpp>

#include "adapters/web/web_identity.hpp"

namespace rubdown::web {

namespace {

using Json = nlohmann::json;
/// A text that is not valid UTF-8 (an operator's knowledge file, say) is shown with U+FFFD
/// rather than failing the stream, which would otherwise retry the same row for ever.
constexpr auto kReplaceInvalid = Json::error_handler_t::replace;

bool valid_message_id(const std::string& id) {
    return !id.empty() && id.size() <= kMaxMessageIdChars &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
           });
}

/// The string member `key`, "" when absent; nothing when present but not a string.
std::optional<std::string> string_member(const Json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end()) return std::string{};
    if (!found->is_string()) return std::nullopt;
    return found->get<std::string>();
}

std::optional<std::int64_t> parse_position(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

std::string trimmed(std::string text) {
    const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && is_space(static_cast<unsigned char>(text[start]))) ++start;
    return text.substr(start);
}

/// A reply's image as the page shows it: {"src": "data:image/png;base64,...", "alt": ...}.
Json image_as_json(const std::string& png, const std::string& alt) {
    std::string encoded(4 * ((png.size() + 2) / 3), '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                       reinterpret_cast<const unsigned char*>(png.data()),
                                       static_cast<int>(png.size()));
    encoded.resize(static_cast<std::size_t>(length));
    return Json{{"src", "data:image/png;base64," + encoded}, {"alt", alt}};
}

Json buttons_as_json(const std::string& buttons_json) {
    Json buttons = Json::array();
    for (const auto& button : intents::buttons_from_json(buttons_json)) {
        Json shown = {{"label", button.label}};
        if (!button.url.empty()) shown["url"] = button.url;
        if (!button.action.empty()) shown["action"] = button.action;
        buttons.push_back(std::move(shown));
    }
    return buttons;
}

}  // namespace

std::string answer_context(const std::string& message_id) {
    return Json{{"answers", message_id}}.dump();
}

std::variant<intents::IncomingMessage, PostError> read_post(std::string_view body,
                                                            const std::string& runner_id) {
    const auto json = Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return PostError{400, "the body must be a JSON object (UTF-8)"};
    const auto id = string_member(json, "id");
    const auto text = string_member(json, "text");
    const auto action = string_member(json, "action");
    const auto label = string_member(json, "label");
    if (!id || !text || !action || !label)
        return PostError{400, "id, text, action and label must be strings"};
    if (!valid_message_id(*id))
        return PostError{400, "id must be 1-64 characters of letters, digits, - and _"};
    if (action->empty() == text->empty())
        return PostError{400, "give either a text or a button's action"};
    if (text->size() > kMaxTextBytes) return PostError{400, "the message is too long"};
    if (action->size() > kMaxActionBytes || label->size() > kMaxLabelBytes)
        return PostError{400, "the button is too long"};

    intents::IncomingMessage message;
    message.channel = kChannel;
    message.user_key = user_key_for(runner_id);
    message.chat_id = runner_id;
    message.dedup_key = std::string(kChannel) + ":" + runner_id + ":" + *id;
    // Copied onto the rows answering it: the conversation shows each answer after its message.
    message.reply_context = answer_context(*id);
    if (!action->empty()) {
        message.action = *action;
        message.text = trimmed(*label);
    } else {
        message.text = trimmed(*text);
        if (message.text.empty()) return PostError{400, "the message is empty"};
    }
    return message;
}

std::int64_t stream_start(const http::HttpRequest& request) {
    if (const auto last = request.header("Last-Event-ID"); !last.empty())
        return parse_position(last).value_or(0);
    const auto target = boost::urls::parse_origin_form(request.target);
    if (!target) return 0;
    const auto params = target->params();
    const auto after = params.find("after");
    if (after == params.end() || !(*after).has_value) return 0;
    return parse_position((*after).value).value_or(0);
}

std::string conversation_json(const std::vector<adapters::ConversationLine>& lines,
                              std::int64_t stream_after) {
    Json shown = Json::array();
    for (const auto& line : lines) {
        Json entry = {
            {"from", line.from_runner ? "runner" : "bot"}, {"text", line.text}, {"at", line.at}};
        if (!line.from_runner) {
            entry["id"] = line.reply_id;
            entry["buttons"] = buttons_as_json(line.buttons_json);
            if (!line.image_png.empty())
                entry["image"] = image_as_json(line.image_png, line.image_alt);
        }
        shown.push_back(std::move(entry));
    }
    return Json{{"lines", std::move(shown)}, {"after", stream_after}}.dump(-1, ' ', false,
                                                                           kReplaceInvalid);
}

std::string reply_event(const storage::OutboxMessage& row, bool names_position) {
    Json data = {{"id", row.id},
                 {"text", row.text},
                 {"buttons", buttons_as_json(row.buttons_json)},
                 {"at", row.created_at}};
    if (!row.image_png.empty()) data["image"] = image_as_json(row.image_png, row.image_alt);
    std::string event;
    if (names_position) event += "id: " + std::to_string(row.id) + "\n";
    // dump() escapes line breaks, so the data is one line, as SSE needs.
    event += "event: reply\ndata: " + data.dump(-1, ' ', false, kReplaceInvalid) + "\n\n";
    return event;
}

std::string position_event(std::int64_t position) {
    return "id: " + std::to_string(position) + "\n\n";
}

std::string ReplyCursor::take(const std::vector<storage::OutboxMessage>& rows) {
    std::string out;
    bool held_below = false;  // a row read before this one is still held
    std::int64_t named = position_;
    for (const auto& row : rows) {
        if (row.id <= position_) continue;
        const bool pending = row.status == storage::OutboxStatus::pending;
        const bool shown = row.status == storage::OutboxStatus::sending ||
                           row.status == storage::OutboxStatus::sent;
        if (pending) {
            held_below = true;
            continue;
        }
        const bool already_sent = sent_beyond_.count(row.id) > 0;
        if (!held_below) {
            // Everything up to here is settled: the position moves past this row.
            position_ = row.id;
            sent_beyond_.erase(row.id);
            if (shown && !already_sent) {
                out += reply_event(row, true);
                named = row.id;
            }
        } else if (shown && !already_sent) {
            out += reply_event(row, false);
            sent_beyond_.insert(row.id);
        }
    }
    // Failed rows and rows sent earlier moved the position without an event naming it.
    if (position_ != named) out += position_event(position_);
    return out;
}

}  // namespace rubdown::web
