#pragma once
/// Reads every part of a message (as split by message_parts): what each part is (a run, a race, a
/// correction, a plan, a question...), weighing the part's own words against the intent
/// classifier, and what the parts tell each other (a day told last, a unit said once, an effort
/// said of "both", a plan before a run, a delete's second run). Pure functions over the lexer's
/// tokens; the classifier comes in as a function, so that this file holds no model.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::nlu {

/// The classifier's label for a part's text (its rules over the model included).
using ClassifyPart = std::function<std::string(std::string_view text)>;

/// The parts of a message that ask for something, in order, read. `heard` is the classifier's
/// label for the whole message, used as is when the message is one part. Greetings, thanks and
/// chat inside the message are left out.
std::vector<Part> read_parts(const Tokens& tokens, date::year_month_day today,
                             const std::string& heard, const ClassifyPart& classify);

/// "my wife did 10k", "he ran a marathon": the subject of the run is not the user.
bool someone_else_ran(const Tokens& tokens);

}  // namespace rubdown::intents::nlu
