#pragma once
/// Web API requests, built without any I/O: chat.postMessage, chat.update, auth.test and
/// response_url posts. The HTTPS client sends an ApiCall; slack_response.hpp reads the answer.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_identity.hpp"
#include "intents/message.hpp"
#include "storage/records.hpp"

namespace rubdown::slack {

/// One HTTP POST to make, JSON body, "Content-Type: application/json; charset=utf-8".
struct ApiCall {
    enum class Target {
        web_api,       ///< POST {SLACK_API_URL}/{method} with "Authorization: Bearer {bot token}"
        response_url,  ///< POST {url} as given by Slack, without the token
        /// A file shared in a conversation, in Slack's three steps: files.getUploadURLExternal,
        /// the bytes posted to the URL it gives, files.completeUploadExternal. Nothing shows in
        /// the conversation before the last, so the three are repeated together.
        file_upload,
    };
    Target target = Target::web_api;
    std::string method;      ///< "chat.postMessage", "chat.update", "auth.test" (web_api)
    std::string url;         ///< the response_url (response_url)
    std::string body;        ///< JSON
    std::string pacing_key;  ///< the Slack conversation it lands in, for per-channel pacing
    /// file_upload: the file's bytes; `body` then holds {"channel_id", "thread_ts", "filename",
    /// "title", "alt_txt"}.
    std::string file_bytes;
};

/// "{api_base}/{method}" (SLACK_API_URL, default https://slack.com/api); a trailing '/' on the base
/// is tolerated. The call also needs "Authorization: Bearer {SLACK_BOT_TOKEN}".
std::string method_url(std::string_view api_base, std::string_view method);

/// Block Kit and message limits. Defaults follow Slack's documentation.
struct MessageLimits {
    std::size_t section_chars = 3000;     ///< text of one section block
    std::size_t max_blocks = 50;          ///< blocks in one message
    std::size_t message_chars = 12000;    ///< all text of one message (also its `text` fallback)
    std::size_t buttons_per_block = 25;   ///< elements in one actions block
    std::size_t button_label_chars = 75;  ///< a button's plain_text
    std::size_t button_url_chars = 3000;  ///< a link button's url; longer links are dropped
};

struct DeliveryOptions {
    MessageLimits limits;
    /// A response_url is used only when it starts with this, so a stored context can never make
    /// us post (and leak a reply) elsewhere. Tests against a fake Slack set their own base here.
    std::string response_url_prefix = "https://hooks.slack.com/";
    /// Likewise, the bytes of a file are posted to the upload URL files.getUploadURLExternal
    /// gives only when it starts with this.
    std::string upload_url_prefix = "https://files.slack.com/";
};

/// One message's content: mrkdwn section blocks, then the actions blocks on the last message.
struct MessageContent {
    std::string text;  ///< `text` fallback for notifications and screen readers (escaped)
    nlohmann::json blocks = nlohmann::json::array();
};

/// Splits `text` into section blocks of at most section_chars (at paragraph and sentence
/// boundaries), packs them into as many messages as the block and character limits require, and
/// puts the buttons on the last one. Empty when there is neither text nor a usable button.
std::vector<MessageContent> compose_messages(std::string_view text,
                                             const std::vector<intents::Button>& buttons,
                                             const MessageLimits& limits = {});

std::string post_message_body(std::string_view channel, const MessageContent& content,
                              std::string_view thread_ts = {});
std::string update_body(std::string_view channel, std::string_view ts,
                        const MessageContent& content);
/// A response_url post: ephemeral ("only visible to you"), or replacing the message whose button
/// was pressed.
std::string response_url_body(const MessageContent& content, bool replace_original);

/// One step of a delivery: a call, and what to make instead when it fails for good.
struct PlannedCall {
    ApiCall call;
    /// Made when `call` fails permanently (give_up) other than for a configuration problem: an
    /// edit of a message that is gone or too old, or a response_url that expired (30 min) or was
    /// used up (5 uses), falls back to a new chat.postMessage.
    std::optional<ApiCall> fallback;
};

/// Every call needed to deliver one outbox message on Slack, in order. How, from its reply_context:
/// - a reply marked edit_original to a button press: chat.update of the pressed message (or the
///   response_url with replace_original for an ephemeral one); further parts as new messages;
/// - an answer to a slash command: the response_url, ephemeral (chat.postMessage to the user's DM
///   when the url is missing or untrusted);
/// - an answer to a message or button: chat.postMessage to its conversation, in its thread;
/// - no context (a nudge): chat.postMessage to chat_id.
/// A row with an image first shares it as a file (file_upload) where its text goes (a private
/// answer in the runner's DM, else the conversation and thread), then sends the text as above;
/// should the file be refused, its description (alt text) is posted there instead.
/// The parts are not idempotent: a sender retrying after a partial success should resume from the
/// first call not yet done rather than replan from the start.
std::vector<PlannedCall> plan_delivery(const storage::OutboxMessage& message,
                                       const DeliveryOptions& options = {});

/// auth.test: tells who the token belongs to (see parse_auth_test). Call once at start-up.
ApiCall auth_test_call();
/// The bot's identity from an auth.test answer; empty when not ok or the ids are missing.
std::optional<BotIdentity> parse_auth_test(std::string_view body);

}  // namespace rubdown::slack
