// Fuzzes the whole NLU, and the safety triage before it, as a chat message reaches them: any bytes,
// any time zone string the user row may hold, any instant, must give one of the contract's intents
// with a confidence in [0, 1], entities inside their documented bounds, and a JSON line that can be
// written.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/safety/safety_triage.hpp"

namespace {

using namespace rubdown::intents;
using namespace rubdown::intents::nlu;

// 1970-01-01 to 2199-12-31: the clock's range for any plausible run, race or simulated demo.
constexpr std::int64_t kLatestInstant = 7258118399;

const char* const kZones[] = {"UTC",
                              "Europe/Berlin",
                              "America/St_Johns",
                              "Asia/Kathmandu",
                              "Pacific/Kiritimati",
                              "Pacific/Pago_Pago",
                              "",
                              "Not/AZone"};

bool is_intent(const std::string& intent) {
    return is_contract_intent(intent);
}

void check(const Parse& parse) {
    if (!is_intent(parse.intent)) std::abort();
    if (!(parse.confidence >= 0.0 && parse.confidence <= 1.0)) std::abort();
    const auto& e = parse.entities;
    for (const auto& km : {e.distance_km, e.race_distance_km})
        if (km && !(*km > 0.0 && *km <= kMaxDistanceKm)) std::abort();
    if (e.duration_s && !(*e.duration_s > 0 && *e.duration_s <= kMaxDurationS)) std::abort();
    if (e.rpe && (*e.rpe < 1 || *e.rpe > 10)) std::abort();
    if (e.effort && *e.effort != "easy" && *e.effort != "moderate" && *e.effort != "hard")
        std::abort();
    for (const auto& day : {e.date, e.race_date})
        if (day && day->size() != 10) std::abort();
    // `rubdown nlu` writes this line for every input; it must never throw.
    (void)to_json(parse).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Nlu nlu;  // trained once per process, as the server does
    FuzzedDataProvider input(data, size);
    const std::string zone = kZones[input.ConsumeIntegralInRange<std::size_t>(0, 7)];
    const Seconds now{
        std::chrono::seconds{input.ConsumeIntegralInRange<std::int64_t>(0, kLatestInstant)}};
    const std::string text = input.ConsumeRemainingBytesAsString();
    check(nlu.parse(text, now, zone));
    // The safety triage sees the same text first: a verdict always comes with its reply.
    const auto verdict = safety::triage(text);
    if (static_cast<bool>(verdict) == safety::safety_reply(verdict).empty()) std::abort();
    return 0;
}
