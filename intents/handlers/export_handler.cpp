#include "intents/handlers/export_handler.hpp"

#include <algorithm>

#include "intents/handlers/runs_export.hpp"

namespace rubdown::intents::handlers {

std::vector<std::string> split_for_chat(const std::string& text, std::size_t limit) {
    std::vector<std::string> pieces;
    std::string current;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        std::string line = text.substr(start, end - start);
        start = end;
        if (!current.empty() && current.size() + line.size() > limit) {
            pieces.push_back(std::move(current));
            current.clear();
        }
        while (line.size() > limit) {
            // Cut before a UTF-8 continuation byte never lands mid-character.
            auto cut = limit;
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
            if (cut == 0) cut = limit;
            pieces.push_back(line.substr(0, cut));
            line.erase(0, cut);
        }
        current += line;
    }
    if (!current.empty()) pieces.push_back(std::move(current));
    return pieces;
}

std::vector<Reply> handle_export(HandlerContext& context) {
    auto runs = context.repos.runs.list(context.user.id, 100000);
    if (runs.empty())
        return {Reply{"You haven't logged any runs yet, so there's nothing to export."}};
    std::reverse(runs.begin(), runs.end());
    std::vector<Reply> replies;
    for (auto& piece : split_for_chat(runs_to_csv(runs), kChatMessageLimit)) {
        replies.push_back(Reply{std::move(piece)});
    }
    return replies;
}

}  // namespace rubdown::intents::handlers
