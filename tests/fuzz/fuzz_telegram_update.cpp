// Fuzzes the Telegram update parser with webhook bodies and getUpdates answers: arbitrary bytes
// must come back as a parsed update or a ParseError, never a crash, and what a parsed message
// carries must survive the trip through the outbox (its reply context reads back, its dedup key
// names the update).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/update_parser.hpp"

namespace {

using namespace rubdown::telegram;

void check_message(const ParsedUpdate& update) {
    if (update.kind != ParsedUpdate::Kind::message) return;
    // The reply context is JSON the sender reads back later; it must always be readable.
    (void)reply_context_from_json(update.message.reply_context);
    if (update.message.dedup_key.empty() || update.message.user_key.rfind("telegram:", 0) != 0)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const ParseOptions with_name{"RubdownBot"};
    const ParseOptions without_name{};

    for (const auto* options : {&with_name, &without_name}) {
        const auto result = parse_update(body, *options);
        if (const auto* update = std::get_if<ParsedUpdate>(&result)) check_message(*update);
    }

    // The same bytes as a whole getUpdates answer: the offset never goes backwards.
    constexpr std::int64_t current_offset = 1000;
    const auto batch = parse_get_updates_response(body, current_offset, with_name);
    if (const auto* poll = std::get_if<PollBatch>(&batch)) {
        if (poll->next_offset < current_offset) std::abort();
        for (const auto& update : poll->updates) check_message(update);
    }

    (void)strip_command_mention(body, "RubdownBot");
    (void)strip_command_mention(body, "");
    return 0;
}
