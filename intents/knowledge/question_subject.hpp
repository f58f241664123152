#pragma once
/// Whether a question is about massage at all: it names it ("massage", "rubdown", "deep tissue",
/// "the therapist") or points back at it ("does it hurt?", "how often should I get one?").
/// The built-in answers are all about massage, so a question that is about something else
/// ("how long should my taper be?", "does stretching make me faster?") is not theirs to answer,
/// however many words it shares with them.

#include <string_view>

namespace rubdown::intents::knowledge {

/// `pointing`: whether pointing back ("it", "one") counts; not when the question is already known
/// to be about something else.
bool refers_to_massage(std::string_view question, bool pointing = true);

}  // namespace rubdown::intents::knowledge
