#pragma once
/// The `rubdown nlu` command's loop: one utterance a line in, one JSON parse a line out.

#include <iosfwd>
#include <string>

#include "intents/nlu/nlu.hpp"

namespace rubdown::intents::nlu {

/// Reads `in` line by line (a trailing '\r' is dropped) and writes one compact JSON object per line
/// to `out`, in order, flushing after each so a pipe sees answers as they come. Empty lines are
/// parsed too, so line N of the output always answers line N of the input.
void run_nlu_stream(const Nlu& nlu, std::istream& in, std::ostream& out, Seconds now,
                    const std::string& time_zone);

}  // namespace rubdown::intents::nlu
