#include "bot/inbox/reply_routing.hpp"

#include <cctype>

namespace rubdown::bot {

namespace {

/// "Ana, that's …", or "That's …" for a runner without a name.
std::string addressed(const std::string& name, std::string sentence) {
    if (!name.empty()) return name + ", " + sentence;
    sentence.front() =
        static_cast<char>(std::toupper(static_cast<unsigned char>(sentence.front())));
    return sentence;
}

intents::Reply note_in_shared_chat(const Conversation& conversation) {
    if (!conversation.private_chat.empty()) {
        return intents::Reply{addressed(conversation.runner_name,
                                        "that's your own log, so I've sent it to you in a private "
                                        "message.")};
    }
    return intents::Reply{
        addressed(conversation.runner_name,
                  "that's your own log, so I only show it in a private chat. Open a chat with me "
                  "(tap my name), send me a message, and ask again there.")};
}

}  // namespace

std::vector<RoutedReply> route_replies(std::vector<intents::Reply> replies,
                                       const Conversation& conversation) {
    std::vector<RoutedReply> routed;
    routed.reserve(replies.size() + 1);
    bool noted = false;
    for (auto& reply : replies) {
        if (!reply.private_data || !conversation.shared) {
            routed.push_back(RoutedReply{std::move(reply), {}});
            continue;
        }
        if (!noted) {
            routed.push_back(RoutedReply{note_in_shared_chat(conversation), {}});
            noted = true;
        }
        if (conversation.private_chat.empty()) continue;
        // A new message there: the one to edit, if any, is in the shared chat.
        reply.edit_original = false;
        routed.push_back(RoutedReply{std::move(reply), conversation.private_chat});
    }
    return routed;
}

}  // namespace rubdown::bot
