#pragma once
/// The clock the configuration asks for: simulated when RUBDOWN_SIM_CLOCK is set, else the
/// system's.

#include <memory>

#include "bot/cli/config.hpp"
#include "intents/clock.hpp"

namespace rubdown::bot {

inline std::unique_ptr<intents::Clock> make_clock(const Config& config) {
    if (config.sim_clock_start)
        return std::make_unique<intents::SimulatedClock>(*config.sim_clock_start);
    return std::make_unique<intents::SystemClock>();
}

}  // namespace rubdown::bot
