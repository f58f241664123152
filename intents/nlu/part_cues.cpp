#include "intents/nlu/part_cues.hpp"

#include <algorithm>

namespace rubdown::intents::nlu {

// clang-format off

const PhraseList& clause_joiners() {
    static const PhraseList list{"and", "then", "but", "also", "plus", "and then", "after that",
                                 "afterwards", "as well as"};
    return list;
}

const PhraseList& clause_continuations() {
    static const PhraseList list{
        "not", "instead", "rather than", "with", "including", "incl", "of which", "inc",
        "at", "in", "for", "averaging", "avg", "pace", "felt", "feeling", "took", "taking",
        "which took", "finishing in", "finished in", "time", "moving time", "elapsed"};
    return list;
}

const PhraseList& session_pieces() {
    static const PhraseList list{
        "warm up", "warmup", "warm-up", "wu", "cool down", "cooldown", "cool-down", "cd",
        "reps", "rep", "repeats", "strides", "recovery jog", "jog recovery", "rest",
        "of which", "each", "x", "splits", "split", "last", "first", "the rest"};
    return list;
}

const PhraseList& change_cues() {
    static const PhraseList list{
        "make that", "make it", "should have been", "shouldve been", "should of been",
        "should be", "should say", "should read", "i meant", "meant to say", "meant to put",
        "meant to type", "typo", "correction", "correct that", "change", "changed", "edit",
        "fix", "update", "amend", "wrong distance", "wrong time", "wrong day", "wrong date",
        "wrongly", "by mistake", "mistakenly", "it was actually", "was actually", "actually it",
        "actually was", "actually ran", "actually did", "instead of", "not ? but", "oops",
        "sorry", "logged it as", "put it as", "put in", "i typed", "i wrote",
        "i said", "i put", "got it wrong", "mis typed", "mistyped", "fat fingered",
        "fat-fingered", "adjust", "correct it", "correct the", "set it to", "move it to",
        "move that to", "move my", "move the"};
    return list;
}

const PhraseList& delete_cues() {
    static const PhraseList list{
        "delete", "deleted", "remove", "scrap", "scratch", "erase", "get rid of", "bin",
        "cancel that run", "cancel the run", "cancel my run", "didnt run", "did not run",
        "didnt actually run", "never ran", "wasnt a run", "didnt do", "did not do",
        "didnt happen", "never happened", "logged twice", "double logged", "logged it twice",
        "duplicate", "dupe", "entered twice", "twice by mistake", "logged that twice",
        "take off", "take out", "wipe", "shouldnt be there", "shouldnt be in", "not mine",
        "undo", "drop that", "drop the", "ignore that run", "ignore the run", "strike"};
    return list;
}

const PhraseList& plan_cues() {
    static const PhraseList list{
        "tomorrow", "tmrw", "tmr", "tomoz", "tomorrows", "later today", "later on",
        "this weekend", "next week", "next weekend", "next month", "next year", "this week",
        "ill", "i will", "will be", "will do", "will run", "im going to", "going to", "gonna",
        "im doing", "planning", "plan to", "plan is", "plan on", "planned for", "hoping to",
        "hope to", "want to", "wanna", "aiming", "aim to", "aim for", "my goal", "goal is",
        "goal for", "target", "training for", "prepping for", "preparing for", "building up to",
        "build up to", "building to", "would like to", "id like to", "thinking of",
        "thinking about", "scheduled", "on the schedule", "on the plan", "in ? weeks",
        "in ? days", "in a week", "in a fortnight", "dream of", "trying to break",
        "try to break", "try and break", "to break", "intend", "intending", "in the new year",
        "in january", "in february", "in march", "in april", "in spring", "next spring",
        "in summer", "next summer", "this summer", "someday", "one day", "eventually",
        "bucket list", "this saturday", "this sunday", "coming weekend", "on the cards",
        "lined up", "penciled in", "pencilled in", "before christmas", "by christmas",
        "by the end of", "by end of", "in the morning", "first thing", "ramp up", "ramp to",
        "get up to", "work up to", "working up to", "sign up for", "tempted to",
        "fancy doing", "might do", "might run", "may do", "hopefully", "should do",
        "need to do", "have to do", "got to do", "gotta do"};
    return list;
}

const PhraseList& past_plan_cues() {
    static const PhraseList list{
        "planned", "was planning", "was going to", "was gonna", "supposed to", "meant to do",
        "meant to run", "was meant to", "wanted to", "plan was", "the plan was", "was aiming",
        "aimed for", "aimed to", "should have done", "target was", "was hoping", "hoped to",
        "was scheduled", "on the plan was", "plan said", "schedule said", "programme said",
        "program said", "coach wanted", "coach said", "was set to"};
    return list;
}

const PhraseList& device_reading_cues() {
    static const PhraseList list{
        "watch said", "watch says", "watch had", "watch showed", "watch shows", "watch read",
        "garmin said", "garmin says", "garmin had", "garmin showed", "strava said",
        "strava says", "strava had", "strava showed", "app said", "app says", "gps said",
        "gps says", "gps had", "phone said", "phone says", "coros said", "polar said",
        "according to my watch", "according to strava", "according to garmin",
        "watch measured", "watch made it", "strava made it", "garmin made it",
        "watch died", "watch clocked"};
    return list;
}

const PhraseList& goal_words() {
    static const PhraseList list{
        "race", "marathon", "half", "ultra", "ultramarathon", "10k", "5k", "parkrun", "pb",
        "pr", "sub", "under", "break", "breaking", "bq", "boston", "qualify", "qualifier",
        "first", "miler", "100 miler", "50 miler", "trail race", "relay", "event",
        "personal best", "personal record", "goal", "mileage", "a week", "per week",
        "weekly", "a month", "per month"};
    return list;
}

const PhraseList& run_words() {
    static const PhraseList list{
        "run", "runs", "running", "jog", "jogging", "long run", "tempo", "intervals", "k",
        "km", "kms", "miles", "mile", "mi", "hills", "hill", "session", "workout", "reps",
        "easy", "recovery", "fartlek", "track"};
    return list;
}

const PhraseList& massage_words() {
    static const PhraseList list{
        "massage", "massages", "massage's", "therapist", "rubdown", "physio", "appointment",
        "book", "booking", "booked", "sports massage", "deep tissue"};
    return list;
}

// clang-format on

namespace {

/// A token's text without apostrophes: "didn't" and "didnt" read alike.
bool word_matches(const Token& token, std::string_view word) {
    if (word == "?") return true;
    const auto& text = token.text;
    std::size_t i = 0;
    for (char c : text) {
        if (c == '\'') continue;
        if (i >= word.size() || word[i] != c) return false;
        ++i;
    }
    return i == word.size();
}

bool phrase_at(const Tokens& tokens, std::size_t i, std::string_view phrase, std::size_t to) {
    std::size_t k = i;
    while (!phrase.empty()) {
        const auto space = phrase.find(' ');
        const auto word = phrase.substr(0, space);
        if (k >= to || !word_matches(tokens[k], word)) return false;
        ++k;
        phrase = space == std::string_view::npos ? std::string_view{} : phrase.substr(space + 1);
    }
    return true;
}

}  // namespace

bool has_phrase(const Tokens& tokens, const PhraseList& list, std::size_t from, std::size_t to,
                std::size_t* at) {
    to = std::min(to, tokens.size());
    for (std::size_t i = from; i < to; ++i) {
        for (const auto& phrase : list) {
            if (phrase_at(tokens, i, phrase, to)) {
                if (at != nullptr) *at = i;
                return true;
            }
        }
    }
    return false;
}

}  // namespace rubdown::intents::nlu
