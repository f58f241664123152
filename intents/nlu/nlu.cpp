#include "intents/nlu/nlu.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <tuple>

#include "intents/nlu/correction_reader.hpp"
#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/entity_extractor.hpp"
#include "intents/nlu/intent_classifier.hpp"
#include "intents/nlu/intent_model.hpp"
#include "intents/nlu/lexer.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/part_cues.hpp"
#include "intents/nlu/part_reader.hpp"
#include "intents/nlu/slash_command.hpp"
#include "intents/nlu/small_talk.hpp"
#include "intents/nlu/stats_reader.hpp"
#include "intents/nlu/text_normalizer.hpp"

namespace rubdown::intents::nlu {
namespace {

/// Words that make up a bare greeting; anything else means the greeting came with a request.
bool is_greeting_word(const Token& t) {
    return !t.is_word() ||
           is_any(
               t,
               {"hi",        "hello",     "hey",     "heya",  "hiya",   "yo",     "howdy",   "good",
                "morning",   "afternoon", "evening", "there", "all",    "bot",    "rubdown", "team",
                "everyone",  "folks",     "guys",    "mate",  "friend", "buddy",  "hallo",   "hola",
                "greetings", "sup",       "whats",   "up",    "gm",     "start",  "ola",     "oi",
                "again",     "you",       "how",     "are",   "doing",  "it's",   "me",      "helo",
                "hello",     "hii",       "hiii",    "heyy",  "heyyy",  "ya",     "y'all",   "dear",
                "and",       "morning's", "mornin",  "g'day", "day",    "what's", "buenos",  "dias",
                "namaste",   "bonjour",   "salut",   "guten", "tag",    "morgen", "coach"});
}

bool mentions_any(const Tokens& tokens, std::initializer_list<std::string_view> words) {
    return std::any_of(tokens.begin(), tokens.end(),
                       [&](const Token& t) { return is_any(t, words); });
}

bool mentions_massage(const Tokens& tokens) {
    return mentions_any(tokens, {"massage", "massages", "massge", "masage", "massag", "rubdown",
                                 "therapist", "deep", "sports", "tissue"});
}

using Probabilities = std::array<float, kIntentCount>;

/// Rules where the signal is certain, applied over the classifier's pick `best`. Returns the final
/// intent index and updates `confidence`.
std::size_t apply_rules(std::size_t best, const Probabilities& p, const Analysis& a,
                        double& confidence) {
    const auto index_of = [](std::string_view label) { return intent_index(label); };
    const auto pick = [&](std::size_t k, double at_least) {
        confidence = std::max(at_least, static_cast<double>(p[k]));
        return k;
    };
    const Tokens& t = a.tokens;

    // "Hola! Buenos dias", "namaste coach": a greeting in any words the bot knows as one.
    const bool only_greeting =
        !t.empty() && std::all_of(t.begin(), t.end(), is_greeting_word) &&
        mentions_any(t, {"hi", "hello", "hey", "hola", "namaste", "bonjour", "buenos", "morning",
                         "evening", "afternoon", "yo", "hiya", "heya", "howdy", "greetings", "gm",
                         "salut", "guten", "hallo"});
    if (only_greeting) return pick(index_of("greeting"), 0.8);

    // "Remind me to buy milk" is another kind of reminder: out of scope unless it is about massage.
    const bool remind_me_to = std::adjacent_find(t.begin(), t.end(),
                                                 [](const Token& x, const Token& y) {
                                                     return x.is("remind") && y.is("me");
                                                 }) != t.end() &&
                              mentions_any(t, {"to"}) && !mentions_massage(t) &&
                              !mentions_any(t, {"later", "again"});
    if (best == index_of("reminders") && remind_me_to) return pick(index_of("out_of_scope"), 0.6);

    // "Book me a taxi": booking something that is not a massage.
    if (best == index_of("book_massage") && !mentions_massage(t) &&
        mentions_any(t,
                     {"taxi",    "cab",     "uber",   "table",   "restaurant", "flight", "flights",
                      "hotel",   "train",   "ticket", "tickets", "holiday",    "room",   "car",
                      "haircut", "dentist", "doctor", "gp",      "physio",     "vet"})) {
        return pick(index_of("out_of_scope"), 0.6);
    }

    // A greeting with a request attached is the request, when the model sees one.
    if (best == index_of("greeting")) {
        const auto extra =
            std::count_if(t.begin(), t.end(), [](const Token& x) { return !is_greeting_word(x); });
        std::size_t second = best == 0 ? 1 : 0;
        for (std::size_t k = 0; k < kIntentCount; ++k) {
            if (k != best && p[k] > p[second]) second = k;
        }
        if (extra >= 2 && p[second] >= 0.2f && second != index_of("out_of_scope")) {
            return pick(second, 0.0);
        }
    }

    // A past run with a distance or time is a run report, unless it asks something, is about
    // someone else, or the model hears a massage question or booking in it.
    const bool run_report = (a.cues.past_run_verb || a.cues.past_day) &&
                            (a.cues.distance || a.cues.duration) && !a.cues.question &&
                            !someone_else_ran(t);
    const bool keep = best == index_of("massage_question") || best == index_of("book_massage") ||
                      (best == index_of("run_stats") && p[best] >= 0.7f);
    if (run_report && best != index_of("log_run") && !keep) return pick(index_of("log_run"), 0.75);
    if (best == index_of("log_run") && someone_else_ran(t))
        return pick(index_of("out_of_scope"), 0.6);
    return best;
}

/// A message about the bot itself ("do you like running?", "what's your favourite distance?",
/// "are you a robot or a human?"), asking nothing of what it does.
bool about_the_bot(const Tokens& tokens) {
    // Not "what's your address?", "do you take card?", "are you open on sundays?": questions
    // for the clinic or club behind the bot, which its operator's knowledge may answer.
    static const PhraseList openers{"do you",
                                    "are you",
                                    "you are",
                                    "youre",
                                    "you",
                                    "whats your favourite",
                                    "whats your favorite",
                                    "whats ur favourite",
                                    "whats ur favorite",
                                    "whats your name",
                                    "whats ur name",
                                    "what is your name",
                                    "have you",
                                    "r u",
                                    "ru"};
    static const PhraseList work{
        "massage",    "book",      "booking", "remind", "reminder", "reminders",   "nudge",
        "nudges",     "log",       "logged",  "export", "delete",   "data",        "stats",
        "settings",   "zone",      "units",   "help",   "km",       "miles",       "work",
        "understand", "track",     "record",  "save",   "remember", "know",        "have my",
        "got my",     "put",       "change",  "fix",    "open",     "visit",       "visits",
        "price",      "prices",    "cost",    "charge", "address",  "located",     "where",
        "hours",      "accept",    "take",    "offer",  "clinic",   "appointment", "insurance",
        "card",       "pay",       "parking", "gift",   "voucher",  "therapist",   "physio",
        "do home",    "available", "free",    "slot",   "slots"};
    const auto said = without_lead_words(tokens);
    if (said.empty() || !openers.matches_at(said, 0, said.size())) return false;
    const auto distance = parse_distance_km(said);
    return !distance && !parse_duration_s(said, distance) && !has_phrase(said, work) &&
           !has_phrase(said, stats_words());
}

}  // namespace

struct Nlu::Model {
    IntentClassifier classifier;

    /// The classifier's label for a normalised text, with the rules over it.
    std::pair<std::string, double> classify(const Analysis& analysis) const {
        const auto probabilities =
            classifier.probabilities(extract_features(analysis.normalized, analysis.cues));
        std::size_t best = static_cast<std::size_t>(
            std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin());
        double confidence = probabilities[best];
        best = apply_rules(best, probabilities, analysis, confidence);
        return {kIntents[best], std::clamp(confidence, 0.0, 1.0)};
    }
};

Nlu::Nlu() : model_(std::make_unique<Model>()) {
    // The classifier the build trained, unless it was trained on other data than this binary
    // holds; then one trained now, the same way.
    if (auto trained = IntentClassifier::load(trained_intent_model(), intent_fingerprint())) {
        model_->classifier = std::move(*trained);
    } else {
        model_->classifier.train(intent_training_samples(), kIntentEpochs);
    }
}

Nlu::~Nlu() = default;

Parse Nlu::parse(std::string_view text, Seconds now, const std::string& time_zone) const {
    Parse parse;
    parse.text = std::string(text);  // echoed whole; only the analysis reads a bounded prefix
    std::string normalized = normalize_text(text);

    std::optional<std::string> commanded;
    if (const auto command = read_slash_command(normalized)) {
        commanded = intent_of_command(command->name);
        // "/start hi, I ran 5k" is the run, not the greeting.
        if (commanded && *commanded == "greeting" && !command->rest.empty()) commanded.reset();
        normalized = command->rest;
    }
    const Analysis analysis = analyse(normalized);
    const bool has_text = std::any_of(normalized.begin(), normalized.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });

    if (commanded) {
        parse.intent = *commanded;
        parse.confidence = 1.0;
    } else if (detect_small_talk(text)) {
        parse.intent = kSmallTalkIntent;
        parse.confidence = 1.0;
    } else if (!has_text) {
        parse.intent = "out_of_scope";
        parse.confidence = 1.0;
    } else {
        std::tie(parse.intent, parse.confidence) = model_->classify(analysis);
        // "do you run too?", "you speak spanish?": chat with the bot about itself.
        if ((parse.intent == "help" || parse.intent == "out_of_scope") &&
            about_the_bot(analysis.tokens)) {
            parse.intent = kSmallTalkIntent;
            parse.confidence = 0.8;
        }
    }
    const auto today = local_today(now, time_zone);
    parse.entities = extract_entities(analysis.tokens, parse.intent, today);
    // "/stats chart", "/stats last week": the command names the intent, its words the question.
    if (commanded && parse.intent == "run_stats" && has_text)
        parse.entities = stats_entities(read_stats_question(analysis.tokens, today));
    if (commanded || parse.intent == kSmallTalkIntent || !has_text) return parse;

    auto parts =
        read_parts(analysis.tokens, today, parse.intent, [this](std::string_view part_text) {
            return model_->classify(analyse(std::string(part_text))).first;
        });
    if (parts.size() == 1) {
        // One part: its own words may make it a correction, a plan or a race already run.
        const auto& only = parts.front();
        const bool relabel = only.intent == kCorrectionIntent || only.intent == kPlanIntent ||
                             only.intent == kSettingsIntent ||
                             // "when is my race?", "fastest 5k?": read as a stats question.
                             (only.intent == "run_stats" && (asks_about_races(analysis.tokens) ||
                                                             asks_for_a_figure(analysis.tokens))) ||
                             (only.intent == "set_race" && only.entities.action) ||
                             (only.intent == "log_run" && !is_question(analysis.tokens)) ||
                             (only.intent == "reminders" &&
                              (parse.intent == "out_of_scope" || parse.intent == "help")) ||
                             // "booked my spot in the 5k", "remind me to book a massage": the
                             // classifier heard a booking the part's own words do not make.
                             (parse.intent == "book_massage" &&
                              (only.intent == "set_race" || only.intent == "reminders"));
        // The part may leave words out ("planned 15k but only did 9k" is the 9k).
        if (only.intent == parse.intent) parse.entities = only.entities;
        if (relabel) {
            parse.intent = only.intent;
            parse.entities = only.entities;
            parse.confidence = std::max(parse.confidence, 0.7);
        }
    } else if (parts.size() > 1) {
        parse.items = std::move(parts);
        // The top level follows the contract's settled cases (the whole message's label); its
        // entities are those of the first part with that label.
        for (const auto& part : parse.items) {
            if (part.intent == parse.intent) {
                parse.entities = part.entities;
                break;
            }
        }
    }
    return parse;
}

}  // namespace rubdown::intents::nlu
