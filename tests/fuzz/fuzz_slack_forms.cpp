// Fuzzes the form-encoded Slack bodies: the form decoder itself, slash commands
// (POST /slack/commands) and interactivity payloads (POST /slack/interactivity, a form whose
// `payload` field holds JSON). The input is used both as a whole form body and as the JSON of a
// `payload` field, so the JSON side is reached without the fuzzer having to percent-encode it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "adapters/http/form_fields.hpp"
#include "adapters/slack/slack_commands.hpp"
#include "adapters/slack/slack_interactions.hpp"
#include "adapters/slack/slack_reply_context.hpp"

namespace {

using namespace rubdown::slack;

void check_interaction(std::string_view body) {
    const auto parsed = parse_interaction_body(body);
    if (parsed.message) {
        if (parsed.malformed || parsed.message->dedup_key.empty()) std::abort();
        (void)reply_context_from_json(parsed.message->reply_context);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    if (const auto form = rubdown::http::FormFields::parse(input)) {
        // Every decoded field can be looked up again.
        (void)form->get("payload");
        (void)form->contains("text");
    }

    const auto command = parse_command_body(input);
    if (command.message) {
        if (command.message->dedup_key.empty()) std::abort();
        (void)reply_context_from_json(command.message->reply_context);
    }

    check_interaction(input);
    // The input as the JSON payload, encoded the way Slack sends it.
    check_interaction("payload=" + boost::urls::encode(input, boost::urls::unreserved_chars));
    return 0;
}
