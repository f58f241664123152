#include "intents/nlu/nlu_stream.hpp"

#include <istream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "intents/safety/safety_triage.hpp"

namespace rubdown::intents::nlu {

void run_nlu_stream(const Nlu& nlu, std::istream& in, std::ostream& out, Seconds now,
                    const std::string& time_zone) {
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const Parse parse = nlu.parse(line, now, time_zone);
        auto json = to_json(parse);
        // The triage runs apart from the NLU, as in the engine; its verdict sits beside the parse.
        const auto level = safety::level_name(safety::triage(line).level);
        json["safety"] = level.empty() ? nlohmann::json(nullptr) : nlohmann::json(level);
        out << json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        out.flush();
    }
}

}  // namespace rubdown::intents::nlu
