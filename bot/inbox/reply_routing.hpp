#pragma once
/// Where each reply to one message goes. Most answer in place, in the conversation the message came
/// from. A reply with the runner's own log (Reply::private_data) asked for in a chat others read
/// goes to the runner's private chat instead, and the shared chat gets one short note saying so;
/// when the bot knows no private chat for the runner (on Telegram a bot cannot write first), the
/// log is not sent at all and the note tells the runner how to get it. Pure: the dispatcher turns
/// the result into outbox rows.

#include <string>
#include <vector>

#include "intents/message.hpp"

namespace rubdown::bot {

/// The conversation a message came from, as its channel's reply shaping reads it.
struct Conversation {
    bool shared = false;       ///< others read the answers (a group, a channel)
    std::string private_chat;  ///< the runner's private chat; empty when none is known
    std::string runner_name;   ///< how the note in a shared chat addresses the runner
};

struct RoutedReply {
    intents::Reply reply;
    /// Empty: in place, with the message's reply context. Else a plain message to this chat.
    std::string private_chat;
};

std::vector<RoutedReply> route_replies(std::vector<intents::Reply> replies,
                                       const Conversation& conversation);

}  // namespace rubdown::bot
