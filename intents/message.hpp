#pragma once
/// Platform-neutral messages: what a channel hands to the bot and what the bot hands back.
/// No platform JSON and no Beast type crosses this seam.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents {

/// A button under a reply. Either an action the bot receives back when pressed, or a link.
struct Button {
    std::string label;
    std::string action;  ///< sent back as IncomingMessage::action; at most 64 bytes (Telegram)
    std::string url;     ///< when set, the button opens this link instead
    bool operator==(const Button&) const = default;
};

/// A message from a runner: typed text or a button press.
struct IncomingMessage {
    std::string channel;        ///< "telegram", "slack", "console"
    std::string user_key;       ///< "telegram:42", "slack:T1:U2", "console:ana"
    std::string chat_id;        ///< where the answer goes
    std::string display_name;   ///< how the runner is called, may be empty
    std::string text;           ///< typed text (mentions already stripped)
    std::string action;         ///< the pressed button's action, empty for typed text
    std::string dedup_key;      ///< unique per delivery from the platform (update_id, event_id)
    std::string reply_context;  ///< channel-specific JSON the adapter needs to answer in place
    /// The platform's id of the runner's message ("telegram:<chat>:<message_id>", "slack:<team>:
    /// <channel>:<ts>"); empty for button presses and channels without one. An edit carries the
    /// id of the message it edits.
    std::string source_id;
    /// 0 for a message as first sent; for an edit, a number that rises with each later edit (the
    /// platform's edit time), so that an older edit arriving late changes nothing.
    std::int64_t edit_version = 0;
};

/// A picture sent with a reply (a mileage chart).
struct Image {
    std::string png;  ///< the bytes of a PNG file
    std::string alt;  ///< what it shows, in words: for screen readers and text-only channels
    bool operator==(const Image&) const = default;
};

/// What the bot says back.
struct Reply {
    std::string text;
    std::vector<Button> buttons;
    /// True when this reply should replace the message whose button was pressed (e.g. "Booked ✓").
    bool edit_original = false;
    /// The runner's own log (an export, their stats): asked in a chat others read (a group), it
    /// goes to the runner's private chat, and the group gets a short note instead.
    bool private_data = false;
    /// Sent with the text (Telegram: a photo captioned by the text; Slack: an uploaded file;
    /// the web chat: inline); empty png for none.
    Image image;
    bool operator==(const Reply&) const = default;
};

/// A runner's display name as the bot keeps and repeats it: control characters (a newline in a
/// name) become spaces, surrounding spaces go, and at most kMaxDisplayNameChars characters are
/// kept, cut between two UTF-8 characters. Platforms allow long names (Slack's run to kilobytes);
/// one would otherwise be echoed into every reply that greets the runner.
inline constexpr std::size_t kMaxDisplayNameChars = 64;
std::string tidy_display_name(std::string_view name);

/// Buttons travel through the outbox as JSON: [{"label":..,"action":..,"url":..}].
std::string buttons_to_json(const std::vector<Button>& buttons);
std::vector<Button> buttons_from_json(const std::string& json);

}  // namespace rubdown::intents
