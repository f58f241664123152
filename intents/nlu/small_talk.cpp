#include "intents/nlu/small_talk.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace rubdown::intents::nlu {
namespace {

struct Phrases {
    SmallTalk kind;
    std::vector<std::string_view> phrases;  ///< space-separated words, lower case, no apostrophes
};

// clang-format off
/// In order of precedence: a message with several kinds ("thanks, good night") is the first.
const std::vector<Phrases>& phrase_table() {
    static const std::vector<Phrases> table{
        {SmallTalk::are_you_a_bot,
         {"are you a robot", "are you a bot", "are you real", "are you a real person",
          "are you human", "are you a human", "is this an ai", "is this a bot", "is this ai",
          "are you an ai", "are you ai", "u a bot", "you a bot", "r u a bot", "r u real",
          "is this a real person", "am i talking to a bot", "am i talking to a person",
          "are you chatgpt", "who made you", "who are you", "what are you",
          "am i talking to a robot", "talking to a robot", "talking to a bot", "real person",
          "whats your name", "what is your name", "your name", "do you run", "do you even run",
          "can you run", "do you like running", "do you like to run", "do you enjoy running",
          "whats your favourite distance", "whats your favorite distance",
          "your favourite distance", "your favorite distance", "do you have a favourite", "you always know what to say", "do you ever get tired",
          "do you get tired", "i love running", "love running", "running is life",
          "do you speak", "you speak", "are you sentient", "sentient", "your favourite",
          "ur favourite", "your favorite", "ur favorite", "whats ur name", "ur name", "yer name",
          "you are a robot", "robot or a human", "robot or human", "a bot or a human",

          "do you have a favorite", "where are you from", "how old are you"}},
        {SmallTalk::how_are_you,
         {"how are you", "how r u", "how are u", "how r you", "hows it going", "how is it going",
          "how are things", "hows things", "how you doing", "how are you doing", "hows your day",
          "how is your day", "how was your day", "whats up", "wassup", "sup", "you ok",
          "you alright", "how have you been", "hows life", "how are you today", "hru", "wbu",
          "and you", "you good", "how ya doing", "how ya", "how u doing", "how are u doing",
          "hows ur day", "hows your day going", "hows ur day going", "how is your day going"}},
        {SmallTalk::teasing,
         {"terrible coach", "worst coach", "bad bot", "dumb bot", "stupid bot", "useless",
          "you suck", "you are useless", "youre useless", "rubbish bot", "you are rubbish",
          "youre rubbish", "you are terrible", "youre terrible", "youre hopeless", "not helpful",
          "unhelpful", "silly bot", "you are dumb", "youre dumb", "youre kinda useless",
          "rubbish at this", "the worst", "worst", "terrible at this"}},
        {SmallTalk::compliment,
         {"you are awesome", "youre awesome", "you are the best", "youre the best",
          "you are great", "youre great", "love this bot", "love you", "love it", "good bot",
          "great bot", "nice bot", "best bot", "you rock", "legend", "youre a legend",
          "you are a legend", "good job", "well done", "nice one", "great job", "youre amazing",
          "you are amazing", "love this", "so helpful", "very helpful", "really helpful",
          "helpful", "youre a star", "star", "useful", "pretty useful", "really useful",
          "so useful", "very useful", "youre actually pretty useful", "you are useful"}},
        {SmallTalk::good_night,
         {"good night", "goodnight", "night night", "nite nite", "nighty night", "night",
          "nite", "gn", "gnight", "g night", "sleep well", "off to bed", "sweet dreams", "nn"}},
        {SmallTalk::goodbye,
         {"bye", "goodbye", "bye bye", "bye for now", "see ya", "see you", "see you later",
          "see you soon", "cya", "cya later", "later", "laters", "ttyl", "talk soon",
          "talk later", "catch you later", "take care", "have a good one", "have a nice day",
          "have a good day", "peace", "ciao", "adios", "cheerio", "ta ra", "tata", "im off",
          "see ya tomorrow", "see you tomorrow", "good talk"}},
        {SmallTalk::thanks,
         {"thanks", "thank you", "thank u", "thankyou", "thx", "thnx", "thnks", "thanx", "thansk",
          "tnx", "ty", "tysm", "tyvm", "thank", "thanks a lot", "thanks a bunch", "many thanks",
          "much appreciated", "appreciate it", "appreciated", "appreciate you", "cheers",
          "cheers mate", "ta", "merci", "gracias", "danke", "much obliged", "thanks so much",
          "thank you so much", "thanks heaps", "thanks loads"}},
        {SmallTalk::laughter,
         {"lol", "lolol", "lool", "haha", "hahaha", "hahahaha", "ha", "hah", "heh", "hehe",
          "hehehe", "lmao", "lmfao", "rofl", "xd", "lel", "kek", "ahah", "ahaha", "jk", "funny"}},
        {SmallTalk::acknowledgement,
         {"ok", "okay", "k", "kk", "okey", "okie", "oki", "okay dokey", "okey dokey", "ok then",
          "cool", "nice", "great", "perfect", "noted", "awesome", "alright", "alrighty",
          "brilliant", "lovely", "got it", "gotcha", "sounds good", "will do", "makes sense",
          "fair enough", "no worries", "no problem", "np", "yep", "yup", "sure", "sweet",
          "great stuff", "good stuff", "nice one", "understood", "right", "fine", "good",
          "roger", "roger that", "wicked", "neat", "excellent", "amazing", "fab", "fantastic",
          "superb", "grand", "class", "sound", "champion", "all good", "good to know",
          "interesting", "i see", "ah", "oh", "ohh", "ahh", "hmm", "mhm", "wow", "whoa",
          "nice to know", "ok cool", "cool cool", "that makes sense", "thats great",
          "thats cool", "thats helpful", "thats good", "that helps", "helps", "helped",
          "that helped", "will try", "i will", "ill do that", "ill try that", "yeah", "ya",
          "yes", "true", "indeed", "exactly", "sounds great", "sounds gud", "gud", "cool beans",
          "sounds cool", "sounds perfect", "looks good", "lovely stuff", "not gonna lie", "ngl",
          "tbh", "to be honest", "thats correct", "correct", "thats right", "all correct",
          "legs are wrecked", "legs wrecked", "legs are dead", "legs are toast", "feeling great",
          "feeling good", "feel great", "wrong chat", "sorry wrong chat", "love using this",
          "ur so smart", "so smart", "obrigado", "thank you very much", "for your help",
          "never mind", "nevermind", "nvm", "not running", "resting", "rest day", "wrecked",
          "knackered", "shattered", "exhausted", "so tired",
          "thanks for fixing it", "thanks for fixing that", "for fixing it", "for fixing that",
          "fixed", "all fixed", "looks right", "looks correct"}},
    };
    return table;
}

/// Words that may stand beside small talk without making it about something else.
const std::vector<std::string_view>& fillers() {
    static const std::vector<std::string_view> words{
        "so", "much", "a", "lot", "very", "again", "for", "that", "it", "mate", "buddy", "pal",
        "man", "dude", "bro", "coach", "rubdown", "and", "really", "you", "u", "too", "then",
        "anyway", "just", "oh", "well", "ok", "kinda", "the", "all", "this", "now", "today",
        "tonight", "bot", "there", "again", "as", "always", "haha", "lol", "pls", "please",
        "btw", "sir", "maam", "everyone", "guys", "x", "xx", "xxx", "ur", "mine", "me", "i",
        "am", "im", "its", "my", "friend", "youre", "are", "r", "an", "ever", "such", "honestly",
        "at", "off", "actually", "pretty", "thats", "legs", "absolutely", "feeling", "bit"};
    return words;
}
/// Greetings may stand beside thanks ("hey thanks!"); beside "how are you" or "good" they make a
/// greeting ("hi, how are you?", "good morning").
const std::vector<std::string_view>& greeting_words() {
    static const std::vector<std::string_view> words{"hey", "hi", "hello", "hiya", "heya",
                                                     "yo", "there", "morning", "evening"};
    return words;
}
// clang-format on

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) words.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) {
            current.push_back(static_cast<char>(std::tolower(c)));
        } else if (c == '\'') {
            // "you're" -> "youre"
        } else if (c == 0xE2 && text.substr(i, 3) == "\xE2\x80\x99") {
            i += 2;  // the typographic apostrophe joins too
        } else {
            flush();  // punctuation, spaces and emoji ("ok👍") part words
        }
    }
    flush();
    return words;
}

/// The word with every run of one letter cut to a single letter: "coool" and "cool" both "col",
/// "niiice" "nice", "byeee" "bye", so stretched words match their phrase.
std::string squeezed(std::string_view word) {
    std::string out;
    for (const char c : word) {
        if (out.empty() || out.back() != c) out.push_back(c);
    }
    return out;
}

/// The phrase table compiled once: phrases by their first (squeezed) word, so a message is read
/// once instead of once per phrase.
struct CompiledPhrase {
    std::size_t kind;                ///< index into phrase_table()
    std::vector<std::string> parts;  ///< squeezed words
};

const std::unordered_map<std::string, std::vector<CompiledPhrase>>& phrases_by_first_word() {
    static const auto index = [] {
        std::unordered_map<std::string, std::vector<CompiledPhrase>> out;
        const auto& table = phrase_table();
        for (std::size_t kind = 0; kind < table.size(); ++kind) {
            for (const auto phrase : table[kind].phrases) {
                CompiledPhrase compiled{kind, {}};
                for (const auto& word : words_of(phrase)) compiled.parts.push_back(squeezed(word));
                if (!compiled.parts.empty())
                    out[compiled.parts.front()].push_back(std::move(compiled));
            }
        }
        return out;
    }();
    return index;
}

bool is_in(const std::vector<std::string_view>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

std::optional<SmallTalk> detect_small_talk(std::string_view text) {
    const auto words = words_of(text);
    if (words.empty()) {
        // Emoji alone (or "❤️🙏"): something was sent, and none of it is a letter or digit.
        const bool sent_something = std::any_of(
            text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        return sent_something ? std::optional{SmallTalk::emoji} : std::nullopt;
    }
    // Stretched words match their phrase ("coool", "niiice"): compare squeezed forms.
    std::vector<std::string> squeezed_words;
    squeezed_words.reserve(words.size());
    for (const auto& word : words) squeezed_words.push_back(squeezed(word));

    const auto& index = phrases_by_first_word();
    std::optional<std::size_t> found;  // index into the table: lower is more telling
    bool greeted = false;
    for (std::size_t at = 0; at < words.size();) {
        // The longest phrase of any kind that starts here.
        std::size_t best_length = 0;
        std::size_t best_kind = 0;
        if (const auto candidates = index.find(squeezed_words[at]); candidates != index.end()) {
            for (const auto& phrase : candidates->second) {
                const auto length = phrase.parts.size();
                if (length <= best_length || at + length > words.size() ||
                    !std::equal(phrase.parts.begin(), phrase.parts.end(),
                                squeezed_words.begin() + static_cast<std::ptrdiff_t>(at))) {
                    continue;
                }
                best_length = length;
                best_kind = phrase.kind;
            }
        }
        if (best_length > 0) {
            found = found ? std::min(*found, best_kind) : best_kind;
            at += best_length;
        } else if (is_in(fillers(), words[at])) {
            ++at;
        } else if (is_in(greeting_words(), words[at])) {
            greeted = true;
            ++at;
        } else {
            return std::nullopt;  // a word of something else: "thanks, I ran 5k"
        }
    }
    if (!found) return std::nullopt;
    // "hey there, how's it going?", "good morning": a greeting, not small talk.
    const auto kind = phrase_table()[*found].kind;
    if (greeted && (kind == SmallTalk::how_are_you || kind == SmallTalk::acknowledgement))
        return std::nullopt;
    return kind;
}

}  // namespace rubdown::intents::nlu
