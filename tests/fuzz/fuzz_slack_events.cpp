// Fuzzes the Slack Events API body parser (POST /slack/events after the signature check): any
// bytes must come back as one of the four kinds, and a message must carry what the inbox and the
// sender need.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/slack/slack_events.hpp"
#include "adapters/slack/slack_reply_context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rubdown::slack;
    const std::string_view body(reinterpret_cast<const char*>(data), size);

    const InboundOptions known_bot{BotIdentity{"T0001", "U0BOT", "B0BOT"}, false};
    const InboundOptions channels{known_bot.bot, true};
    const InboundOptions unknown_bot{};

    for (const auto* options : {&known_bot, &channels, &unknown_bot}) {
        const auto parsed = parse_event_body(body, *options);
        if (parsed.kind == EventParse::Kind::message) {
            if (!parsed.message || parsed.message->dedup_key.empty()) std::abort();
            (void)reply_context_from_json(parsed.message->reply_context);
        } else if (parsed.message) {
            std::abort();
        }
    }
    return 0;
}
