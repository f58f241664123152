#pragma once
/// Small talk: a message that is only thanks, an acknowledgement, a laugh, emoji, "how are you",
/// "good night", a goodbye, a compliment, teasing, or "are you a bot?". The NLU labels it
/// `smalltalk` before the classifier runs; anything more in the message ("thanks, I ran 5k")
/// makes it something else. The phrases are data (small_talk.cpp).

#include <optional>
#include <string_view>

namespace rubdown::intents::nlu {

enum class SmallTalk {
    thanks,
    acknowledgement,
    laughter,
    emoji,
    how_are_you,
    good_night,
    goodbye,
    compliment,
    teasing,
    are_you_a_bot,
};

/// What kind of small talk the whole message is, if it is only that.
std::optional<SmallTalk> detect_small_talk(std::string_view text);

}  // namespace rubdown::intents::nlu
