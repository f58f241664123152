// Fuzzes the NLU's text pipeline part by part, so a crash points at one parser: normalisation,
// the lexer, slash commands, and the distance, duration, effort and date parsers on any tokens
// and any "today".

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/entity_extractor.hpp"
#include "intents/nlu/lexer.hpp"
#include "intents/nlu/slash_command.hpp"
#include "intents/nlu/text_normalizer.hpp"

namespace {

using namespace rubdown::intents::nlu;

bool plausible(date::year_month_day day) {
    return day.ok() && day.year() >= date::year{1900} && day.year() <= date::year{2300};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider input(data, size);
    // Any day from 1970 to 2199 as "today".
    const date::year_month_day today{
        date::sys_days{date::days{input.ConsumeIntegralInRange<int>(0, 83'600)}}};
    const std::string text = input.ConsumeRemainingBytesAsString();

    const std::string normalized = normalize_text(text);
    if (normalize_text(normalized) != normalized) std::abort();  // idempotent
    // Whatever the bytes, the sanitised copy must be writable as JSON.
    (void)nlohmann::json(to_valid_utf8(text)).dump();

    if (const auto command = read_slash_command(normalized)) (void)intent_of_command(command->name);

    const Tokens tokens = lex(normalized);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        (void)number_value(tokens[i]);
        (void)read_quantity(tokens, i);
    }

    const auto km = parse_distance_km(tokens);
    if (km && !(*km > 0.0 && *km <= kMaxDistanceKm)) std::abort();
    const auto seconds = parse_duration_s(tokens, km);
    if (seconds && !(*seconds > 0 && *seconds <= kMaxDurationS)) std::abort();
    (void)parse_duration_s(tokens, std::nullopt);
    const auto effort = parse_effort(tokens);
    if (effort.rpe && (*effort.rpe < 1 || *effort.rpe > 10)) std::abort();

    // A date with its year written out is taken as written; any other run date is on or before
    // today and any other race date on or after it.
    const bool names_year = std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        return t.is_number() &&
               (t.text.size() == 4 || (&t != &tokens.front() && (&t - 1)->is_symbol('/')));
    });
    const auto run_day = parse_run_date(tokens, today);
    if (!plausible(run_day) || (!names_year && run_day > today)) std::abort();
    if (const auto race_day = parse_race_date(tokens, today))
        if (!plausible(*race_day) || (!names_year && *race_day < today)) std::abort();

    for (const char* intent : kIntents) (void)extract_entities(tokens, intent, today);

    // Typo tolerance: symmetric, capped at 2, zero only for equal words.
    if (tokens.size() >= 2) {
        const auto& a = tokens[0].text;
        const auto& b = tokens[1].text;
        const int d = edit_distance_capped(a, b);
        if (d < 0 || d > 2 || d != edit_distance_capped(b, a) || (d == 0) != (a == b)) std::abort();
    }
    return 0;
}
