#include "intents/handlers/small_talk_handler.hpp"

namespace rubdown::intents::handlers {

Reply small_talk_reply(nlu::SmallTalk kind) {
    switch (kind) {
        case nlu::SmallTalk::thanks:
            return Reply{"You're welcome! Tell me about your next run when it's done."};
        case nlu::SmallTalk::acknowledgement:
            return Reply{"👍"};
        case nlu::SmallTalk::laughter:
            return Reply{"😄"};
        case nlu::SmallTalk::emoji:
            return Reply{"🙌"};
        case nlu::SmallTalk::how_are_you:
            return Reply{"All good here, thanks for asking! How are your legs feeling?"};
        case nlu::SmallTalk::good_night:
            return Reply{"Good night! Sleep is the best recovery there is. 😴"};
        case nlu::SmallTalk::goodbye:
            return Reply{"Bye for now! I'm here when you've got a run to log."};
        case nlu::SmallTalk::compliment:
            return Reply{"Thank you, that made my day! 🙌"};
        case nlu::SmallTalk::teasing:
            return Reply{
                "Fair enough, I'm still learning. Tell me what I got wrong and I'll try to do "
                "better."};
        case nlu::SmallTalk::are_you_a_bot:
            return Reply{
                "I'm Rubdown, a bot: I log your runs, remember your races and answer questions "
                "on sports massage. For anything medical, ask a real person: a doctor or a "
                "physio."};
    }
    return Reply{"👍"};
}

std::vector<Reply> handle_small_talk(std::string_view text) {
    const auto kind = nlu::detect_small_talk(text);
    // A question about the bot in words of its own ("you speak spanish?") gets who it is.
    const bool asked = text.find('?') != std::string_view::npos;
    return {small_talk_reply(
        kind.value_or(asked ? nlu::SmallTalk::are_you_a_bot : nlu::SmallTalk::acknowledgement))};
}

}  // namespace rubdown::intents::handlers
