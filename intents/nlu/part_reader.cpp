// Longer than 400 lines (812) because read_part weighs every kind of part against the classifier in
// one place, by design, so that their order of precedence is visible at once; its helpers are the
// ones only it uses.
#include "intents/nlu/part_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "intents/nlu/correction_reader.hpp"
#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/distance_parser.hpp"
#include "intents/nlu/duration_parser.hpp"
#include "intents/nlu/effort_parser.hpp"
#include "intents/nlu/entity_extractor.hpp"
#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/part_cues.hpp"
#include "intents/nlu/reminder_reader.hpp"
#include "intents/nlu/small_talk.hpp"
#include "intents/nlu/stats_reader.hpp"
#include "intents/nlu/unit_reader.hpp"
#include "intents/places/zone_statement.hpp"
#include "intents/places/zone_words.hpp"

namespace rubdown::intents::nlu {

/// "my wife did 10k", "he ran a marathon": the subject of the run is not the user.
bool someone_else_ran(const Tokens& tokens) {
    const auto person = [](const Token& t) {
        // "my friend's doing 20k": the possessive, or the plural, of a person word.
        std::string_view word = t.text;
        // ("my coach's plan", "the club's log": the runner's own, not someone else's run.)
        if (word == "coach's" || word == "club's" || word == "coaches" || word == "clubs")
            return false;
        if (word.ends_with("'s"))
            word.remove_suffix(2);
        else if (word.ends_with("s") && word.size() > 3)
            word.remove_suffix(1);
        Token base = t;
        base.text = std::string(word);
        return is_any(base,
                      {"friend",     "wife",      "husband", "partner", "brother",   "sister",
                       "son",        "daughter",  "mum",     "mom",     "dad",       "boyfriend",
                       "girlfriend", "colleague", "coach",   "mate",    "buddy",     "club",
                       "kid",        "kids",      "mother",  "father",  "neighbour", "neighbor",
                       "housemate",  "flatmate",  "roommate"});
    };
    const Token& first = token_at(tokens, 0);
    // "My coach changed the session so I did 10k steady": the runner ran.
    if (has_phrase(tokens, {"i did", "i ran", "i jogged", "i managed", "i went", "i got"}))
        return false;
    // "she's doing a half on sunday", "mum did 3k with me", "my running buddy is doing 30k".
    return is_any(first, {"he", "she", "they", "someone", "somebody", "kipchoge", "hes", "shes",
                          "theyre", "theyve", "shed", "hed", "she's", "he's", "they're"}) ||
           (person(first) && !is_any(first, {"club", "coach"}) &&
            !token_at(tokens, 1).is_number()) ||
           (is_any(first, {"my", "our", "his", "her"}) &&
            (person(token_at(tokens, 1)) || person(token_at(tokens, 2)))) ||
           // "the group did 15k but I cut back to 10k", "the club did 10k and I did the 5k".
           (first.is("the") &&
            is_any(token_at(tokens, 1),
                   {"group", "club", "team", "squad", "others", "rest", "pack"}) &&
            is_any(token_at(tokens, 2), {"did", "ran", "went", "was", "were", "had"}));
}

namespace {

/// What the parts before tell about the next one.
struct PartContext {
    const Part* previous = nullptr;      ///< the part read just before, if any
    bool told_late = false;              ///< "forgot to log these": runs already done
    bool future_said = false;            ///< a part before named a coming day: "rest day tomorrow"
    bool after_then = false;             ///< the part follows "then": "10k today, then 16k on thu"
    const std::string* heard = nullptr;  ///< the classifier's label, when the part is the message
    bool past_run_before = false;        ///< a run on a day before today was told already
    bool previous_day_named = false;     ///< the part before named its day ("10k today")
    /// The part before said "did" or "ran", which the runs joined to it share: "i did 8x400
    /// today and 12k on saturday".
    bool previous_told_done = false;
    bool after_and = false;  ///< the part follows "and"
};

/// Massage named without asking for one: "used the massage gun", "had a massage yesterday".
const PhraseList& massage_told() {
    static const PhraseList list{
        "massage gun",       "massage ball",      "massage roller",    "self massage",
        "had a massage",     "got a massage",     "after my massage",  "to the physio",
        "from the physio",   "massage on",        "after the massage", "after a massage",
        "massage yesterday", "massage last",      "massage worked",    "massage helped",
        "massage really",    "since the massage", "since my massage"};
    return list;
}

/// Words of a time to come that make the runs told after them plans too.
const PhraseList& coming_days() {
    static const PhraseList list{
        "tomorrow",        "tmrw",         "tmr",          "tomoz",
        "next week",       "this weekend", "next weekend", "later this week",
        "rest of the week"};
    return list;
}

/// "10 mile race on saturday, 1:12:30": a race already run, logged as a hard run ("race" is
/// one of the words of a hard effort).
void read_race_result(Part& part, const Tokens& tokens, date::year_month_day today) {
    part.intent = "log_run";
    part.entities = extract_entities(tokens, part.intent, today);
    part.entities.race_result = true;
    if (!part.entities.effort && has_phrase(tokens, {"race", "raced", "racing", "races"}))
        part.entities.effort = "hard";
}

/// "delete the 5k from friday and the 3k from saturday": the second run meant, by the first's
/// words of changing.
Entities another_run_meant(const Tokens& tokens, const Entities& first,
                           date::year_month_day today) {
    Entities e;
    e.action = first.action;
    e.target_distance_km = parse_distance_km(tokens);
    e.target_duration_s = parse_duration_s(tokens, e.target_distance_km);
    if (const auto days = past_days_named(tokens, today); !days.empty())
        e.target_date = iso_date(days.front().day);
    // "both runs on sunday are wrong, delete the 10k and the 12k": the same day.
    if (!e.target_date) e.target_date = first.target_date;
    return e;
}

/// Parts that are no request of their own: a greeting, thanks, "lol"; a question the bot
/// cannot answer is kept, so that the reply can say so.
bool is_filler(const Part& part, const Tokens& words) {
    // Asked in words ("should I taper?"), not only a trailing mark ("a regular one?").
    Tokens asked;
    std::copy_if(words.begin(), words.end(), std::back_inserter(asked),
                 [](const Token& t) { return !t.is_symbol('?'); });
    // "@jo are you up for 20k sunday?", "anyone fancy 15k tomorrow?": said to other runners in
    // a group, about their run or a run together.
    const bool to_others = is_question(words) && (has_phrase(words, invitation_cues()) ||
                                                  (!words.empty() && words.front().is_symbol('@')));
    return part.intent == "greeting" || part.intent == kSmallTalkIntent || to_others ||
           (part.intent == "out_of_scope" && !part.entities.distance_km &&
            !part.entities.duration_s && !is_question(asked));
}

/// A date told by its month: "dec 12", "21 february".
bool names_a_month(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), is_month_name);
}

/// A day named by its weekday alone ("saturday 21k with the club"), which for a run is the
/// last one; not "next saturday", "this sunday" or a date.
bool weekday_alone(const Tokens& tokens) {
    static const PhraseList weekdays{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun"};
    static const PhraseList elsewhere{"next", "this", "coming", "upcoming", "st", "nd", "rd", "th"};
    return has_phrase(tokens, weekdays) && !has_phrase(tokens, elsewhere) && !names_a_month(tokens);
}

/// Words of a massage itself, not of booking in general ("booked my spot" books no massage).
const PhraseList& massage_words_only() {
    static const PhraseList list{"massage", "massages",       "therapist",   "rubdown",
                                 "physio",  "sports massage", "deep tissue", "appointment"};
    return list;
}

/// A race called by its name before its distance: "the Xmas 5k", "the Dewsbury 10k", "the
/// Wilmslow half"; not "the 5k loop" or "the same 10k route".
bool names_an_event(const Tokens& tokens) {
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        // Said as a thing done or to do: "doing the Xmas 5k", "ran the club 10k".
        if (!tokens[i].is("the") || i == 0 ||
            !is_any(tokens[i - 1], {"doing", "running", "do", "run", "got", "entered", "racing",
                                    "ran", "did", "raced", "for", "in", "into"}))
            continue;
        for (std::size_t k = i + 2; k < std::min(tokens.size(), i + 5); ++k) {
            if (!tokens[k].is_word() && !tokens[k].is_number()) break;  // a clause mark
            const bool named = is_any(tokens[k], {"half", "marathon", "ultra"}) ||
                               (tokens[k].is_number() &&
                                is_any(token_at(tokens, static_cast<std::ptrdiff_t>(k) + 1),
                                       {"k", "km", "miler", "mile"}));
            if (!named) continue;
            const auto after = static_cast<std::ptrdiff_t>(k) + (tokens[k].is_number() ? 2 : 1);
            if (is_any(token_at(tokens, after), {"loop", "route", "course", "run", "session",
                                                 "repeats", "reps", "pace", "training", "plan"}))
                return false;
            return !is_any(tokens[i + 1], {"same", "usual", "last", "first", "whole", "other"});
        }
    }
    return false;
}

/// "ran", "did", "yesterday", "this morning": told as done.
bool has_past_run_verb_or_day(const Tokens& tokens) {
    return has_phrase(tokens, done_words());
}

/// "20 miler on sunday", "Wed = 45 min recovery": a run named by its weekday alone, said with
/// no word of tense, no result (a distance and its time) and nothing felt, reads as well as
/// last Sunday's run as next Sunday's plan; runners write both. The run keeps the day gone,
/// and the coming one is kept beside it so that the bot can ask.
void keep_coming_day_if_untold(Part& part, const Tokens& tokens, date::year_month_day today) {
    if (part.intent != "log_run" || !part.entities.date || !weekday_alone(tokens) ||
        part.entities.race_result || (part.entities.distance_km && part.entities.duration_s) ||
        has_phrase(tokens, done_words()) || has_phrase(tokens, told_done_cues()) ||
        has_phrase(tokens, late_log_cues()) || has_phrase(tokens, aside_cues()) ||
        someone_else_ran(tokens)) {
        return;
    }
    // The weekday gone is within the last week; the coming one is a week after it.
    const auto day = from_iso_date(*part.entities.date);
    if (!day) return;
    const date::sys_days gone{*day};
    const date::sys_days now{today};
    if (gone >= now || gone < now - date::days{7}) return;
    part.entities.or_planned_for = iso_date(date::year_month_day{gone + date::days{7}});
}

/// "garmin said 10.3 but I'm calling it 10k flat", "coros says 10.05, i'm logging 10.1": the
/// runner's own figure, told after a device's reading, is the run's distance (a bare number in
/// miles when the runner talks in miles).
std::optional<double> own_figure_km(const Tokens& tokens) {
    std::size_t at = 0;
    if (!has_phrase(tokens, device_reading_cues()) ||
        !has_phrase(tokens, own_figure_cues(), 0, tokens.size(), &at))
        return std::nullopt;
    const auto after = slice(tokens, {at, tokens.size()});
    if (const auto distance = parse_distance_km(after)) return distance;
    const auto figure = bare_figure(after);
    if (!figure) return std::nullopt;
    return *figure * (has_phrase(tokens, {"mi", "mile", "miles"}) ? kMileKm : 1.0);
}

/// "friday 8 miles, saturday 5 miles, both easy": an effort said of all the runs told.
std::optional<std::string> effort_of_all(const Tokens& words) {
    std::size_t at = 0;
    if (!has_phrase(words, {"both", "all of them", "all easy", "all steady", "each"}, 0,
                    words.size(), &at))
        return std::nullopt;
    // Said after "both": "this morning: 4k recovery. both felt fine" gives the second run's
    // effort to no other.
    return parse_effort(slice(words, {at, words.size()})).effort;
}
/// A part's label and entities: its own words first (a correction, a plan), then the
/// classifier; a race told with its finishing time is a run already done.
Entities zone_entities(const places::ZoneStatement& statement) {
    Entities entities;
    if (!statement.zone.empty()) entities.zone = statement.zone;
    if (!statement.place.empty()) entities.place = statement.place;
    for (const auto& choice : statement.choices) {
        entities.zone_choices.push_back(choice.zone);
        entities.zone_choice_labels.push_back(choice.label);
    }
    return entities;
}

/// What a stats part asks, in its entities; a question about the runner's races is one too.
void read_stats_entities(Part& part, const Tokens& tokens, date::year_month_day today) {
    const bool misheard = part.intent == "set_race" || part.intent == "help" ||
                          part.intent == "out_of_scope" || part.intent == kPlanIntent ||
                          part.intent == "reminders" || part.intent == "book_massage" ||
                          part.intent == "log_run" || part.intent == "massage_question";
    const bool race_question = asks_about_races(tokens) && misheard;
    const bool figure_asked = asks_for_a_figure(tokens) && misheard &&
                              !has_phrase(tokens, massage_words()) &&
                              !has_phrase(tokens, run_done_verbs());
    if (part.intent != "run_stats" && !race_question && !figure_asked) return;
    const auto question = read_stats_question(tokens, today);
    part.intent = "run_stats";
    part.entities = stats_entities(question);
}

/// "cancel my race", "not running the marathon any more": a race called off, with the day and
/// distance that say which.
void read_race_cancel(Part& part, const Tokens& tokens, date::year_month_day today) {
    if (part.intent != "set_race" && part.intent != "log_run" && part.intent != kCorrectionIntent &&
        part.intent != kPlanIntent) {
        return;
    }
    if (!cancels_a_race(tokens) || asks_about_races(tokens)) return;
    // "cancel the 10k": no run is told with "cancel"; a distance names the race.
    const bool race_named =
        has_phrase(tokens,
                   {"race", "races", "marathon", "half marathon", "ultra", "event", "half"}) ||
        (has_phrase(tokens, {"cancel", "not doing", "drop out", "withdraw", "pull out", "dns"}) &&
         parse_distance_km(tokens));
    const bool misheard = (part.intent == "log_run" || part.intent == kCorrectionIntent ||
                           part.intent == kPlanIntent) &&
                          race_named && !has_phrase(tokens, run_done_verbs());
    if (part.intent != "set_race" && !misheard) return;
    part.intent = "set_race";
    part.entities = {};
    part.entities.action = "cancel";
    if (const auto day = parse_race_date(tokens, today)) part.entities.race_date = iso_date(*day);
    part.entities.race_distance_km = parse_distance_km(tokens);
}

std::optional<Part> unit_setting(const Tokens& tokens);

/// "switch to km, and what's my pace this week?": a unit chosen in the first clause, and the
/// words after the break.
std::optional<std::pair<Part, Tokens>> unit_then_more(const Tokens& tokens) {
    for (std::size_t i = 1; i + 2 < tokens.size(); ++i) {
        const bool brk = tokens[i].is_symbol(',') || tokens[i].is_symbol(';') ||
                         tokens[i].is_symbol('.') || tokens[i].is_symbol('!') ||
                         tokens[i].is("and") || tokens[i].is("then");
        if (!brk) continue;
        auto first = unit_setting(slice(tokens, {0, i}));
        if (!first) return std::nullopt;
        std::size_t next = i + 1;
        while (next < tokens.size() &&
               (tokens[next].is("and") || tokens[next].is("also") || tokens[next].is_symbol(','))) {
            ++next;
        }
        if (tokens.size() - next < 2) return std::nullopt;
        return std::pair{std::move(*first), slice(tokens, {next, tokens.size()})};
    }
    return std::nullopt;
}

/// "use miles", "metric please": a settings part with the unit asked for.
std::optional<Part> unit_setting(const Tokens& tokens) {
    if (asks_for_a_chart(tokens)) return std::nullopt;
    const auto unit = read_unit_choice(tokens);
    if (!unit) return std::nullopt;
    Part setting{text_of(tokens), kSettingsIntent, {}};
    setting.entities.unit = unit;
    return setting;
}

/// What a reminders part asks, in its entities: "no reminders after 9pm" is quiet hours from
/// 21:00; naming the reminders and nothing more asks how they stand.
void read_reminder_entities(Part& part, const Tokens& tokens) {
    // "be quiet from 21:30 to 7:15": quiet hours, whatever the classifier heard. The words are
    // looked for first: most parts have none, and need no reading.
    static const PhraseList quiet_cues{"quiet hours",      "be quiet",     "quiet from",
                                       "quiet between",    "message me",   "ping me",
                                       "text me",          "nudge me",     "remind me",
                                       "quiet time",       "dnd",          "do not disturb",
                                       "no reminders",     "no nudges",    "no messages",
                                       "no notifications", "dont message", "dont ping"};
    const bool quiet_words = part.intent != "reminders" && part.intent != kCorrectionIntent &&
                             has_phrase(tokens, quiet_cues);
    if (!quiet_words && part.intent != "reminders") return;
    const auto request = read_reminder_request(tokens);
    const bool quiet_asked = quiet_words && request &&
                             (request->action == "quiet_hours" || request->action == "quiet_days" ||
                              request->action == "quiet_hours_off");
    if (quiet_asked) part.intent = "reminders";
    if (part.intent != "reminders") return;
    part.entities = {};
    part.entities.action = request ? request->action : "status";
    // "did I pause the nudges or are they running?": how they stand, asked.
    if (is_question(tokens) &&
        is_any(token_at(tokens, 0), {"did", "are", "is", "have", "has", "were", "was"}) &&
        !has_phrase(tokens, {"can you", "could you", "will you", "would you"})) {
        part.entities.action = "status";
        return;
    }
    if (!request) return;
    part.entities.pause_days = request->pause_days;
    part.entities.quiet_from = request->quiet_from;
    part.entities.quiet_until = request->quiet_until;
    part.entities.days = request->days;
}

/// The words after a zone statement that ends its clause ("I'm in Toronto, no reminders after
/// 9pm" gives "no reminders after 9pm"); none when the statement runs to the end or goes on
/// about the stay ("in Tokyo for two weeks").
Tokens after_zone_statement(const std::string& text, const places::ZoneStatement& zone) {
    if (zone.end >= text.size()) return {};
    auto rest = lex(std::string_view{text}.substr(zone.end));
    const auto joins = [](const Token& t) {
        return is_any(t, {"and", "also", "but", "plus", "then"});
    };
    // A break between clauses; a dash only when set apart ("three-month" is one word).
    const auto breaks = [&](const Token& t) {
        return t.is_symbol(',') || t.is_symbol(';') || t.is_symbol('.') || t.is_symbol(':') ||
               t.is_symbol('!') || t.is_symbol('&') || t.is_symbol('+') ||
               (t.is_symbol('-') && t.spaced) || joins(t);
    };
    // What follows the place up to the first break may go on about the stay ("for work, ...").
    std::size_t at = 0;
    while (at < rest.size() && !breaks(rest[at])) ++at;
    if (at >= rest.size()) return {};
    while (at < rest.size() && breaks(rest[at])) ++at;
    Tokens next{rest.begin() + static_cast<std::ptrdiff_t>(at), rest.end()};
    // "landed in Doha, here for 10 days": more about the stay, not another request.
    if (next.size() < 2 || places::stay_words().contains(next.front().text)) return {};
    return next;
}

Part read_part(const Tokens& tokens, date::year_month_day today, const PartContext& context,
               const ClassifyPart& classify) {
    Part part;
    part.text = text_of(tokens);
    part.intent = context.heard != nullptr ? *context.heard : classify(part.text);
    // "20k tomorrow, who's in?": a part of chat beside the request is no request.
    if (context.heard == nullptr && detect_small_talk(part.text)) {
        part.intent = kSmallTalkIntent;
        return part;
    }
    // "what are my settings?", "which time zone am I on": the view of them.
    if (has_phrase(tokens, settings_view_cues()) && tokens.size() <= 14 &&
        !parse_distance_km(tokens) && !has_phrase(tokens, {"how do i", "how to", "how can i"})) {
        part.intent = kSettingsIntent;
        part.entities = {};
        return part;
    }
    const auto kind = part_kind(tokens);
    const Part* previous = context.previous;
    // "at marathon pace" speaks of no race; "the Xmas 5k on Dec 19" names one.
    const bool race_said =
        has_phrase_outside(tokens, race_words(), change_idioms()) || names_an_event(tokens);
    const auto distance = parse_distance_km(tokens);
    const auto duration = parse_duration_s(tokens, distance);
    const bool measure = distance || duration;
    const bool asked = is_question(tokens);
    const bool today_or_before = has_phrase(
        tokens, {"today", "todays", "this morning", "this am", "yesterday", "yday", "last night"});
    // "ran 8k on friday, 10k on saturday": a run like the one before it, not a race; so is
    // one told late ("sorry, been busy: 10k on thursday") or on a day gone ("week 4 of the
    // plan: 14k tempo today").
    const bool told_late = context.told_late || has_phrase(tokens, aside_cues());
    // "half marathon pace practice, 14k", "saturday 21k with the club": no race named, and no
    // race day or only a weekday gone: a run.
    if (part.intent == "set_race" && !race_said && kind == PartKind::other &&
        ((previous != nullptr && previous->intent == "log_run") || told_late ||
         (measure && !asked &&
          (today_or_before || weekday_alone(tokens) || !parse_race_date(tokens, today))))) {
        part.intent = "log_run";
    }
    // "Track session: 12 x 400m, 90s rest", "6x3min at threshold friday": a session told by its
    // repetitions, whatever the classifier made of the numbers.
    if ((part.intent == "out_of_scope" || part.intent == "help") && kind == PartKind::other &&
        !asked && told_by_repetitions(tokens) && !someone_else_ran(tokens)) {
        part.intent = "log_run";
        part.entities = extract_entities(tokens, part.intent, today);
        if (!part.entities.effort) part.entities.effort = "hard";
        return part;
    }
    if (const auto own = own_figure_km(tokens);
        own && kind == PartKind::other && !asked && !someone_else_ran(tokens)) {
        part.intent = "log_run";
        part.entities = extract_entities(tokens, part.intent, today);
        part.entities.distance_km = own;
        return part;
    }
    // "also swam 2k": not a run, and nothing else to act on.
    // "swam 2.5k this morning, ran 6k easy at lunch": the swim is no run to log.
    if (is_other_sport(tokens) && !asked) {
        part.intent = "out_of_scope";
        part.entities = {};
        return part;
    }
    // "can you tell me my fastest 10k?", "can you show me my pace trend?": stats.
    if ((part.intent == "help" || part.intent == "out_of_scope") &&
        has_phrase(tokens, stats_words()) && asked && !has_phrase(tokens, reminder_words())) {
        part.intent = "run_stats";
        return part;
    }
    // "delete the 5k from friday and the 3k from saturday": the second run is meant too.
    if (previous != nullptr && previous->intent == kCorrectionIntent &&
        previous->entities.action == std::string("delete") && kind == PartKind::other &&
        (measure || names_a_day(tokens)) && !asked &&
        !has_phrase(tokens, {"ran", "did", "done", "today", "todays", "add", "log"}) &&
        !has_phrase(tokens, reminder_words()) && !has_phrase(tokens, plan_cues()) &&
        !(measure && has_phrase(tokens, {"was", "were"}))) {  // "friday was 11k though"
        part.intent = kCorrectionIntent;
        part.entities = another_run_meant(tokens, previous->entities, today);
        return part;
    }
    // "today: 8k", "gentle 20 min run", "next week is taper week, so today was the last big
    // one: 30k": a run the classifier did not hear.
    // "wrong shoes, wrong socks, right result: 10k in 49:59": a distance and its time.
    // "the plan was 18 km but I stop at 13": a plan not kept tells the run done.
    const bool plan_not_kept =
        has_phrase(tokens, past_plan_cues()) && distance_despite_plan(tokens).has_value();
    // "wore the wrong socks, blisters everywhere. 12k": the figure told alone at the end.
    std::size_t last_clause = tokens.size();
    while (last_clause > 0 && !ends_clause(tokens[last_clause - 1])) --last_clause;
    const auto last_words = slice(tokens, {last_clause, tokens.size()});
    const bool figure_alone =
        last_clause > 0 && last_words.size() <= 3 && parse_distance_km(last_words).has_value();
    const bool run_named = today_or_before || (distance && duration) || figure_alone ||
                           (distance && weekday_alone(tokens)) || plan_not_kept ||
                           has_phrase(tokens, late_log_cues()) ||
                           has_phrase(tokens, run_report_words());
    // "ran 5k, then used the massage gun": no massage asked for.
    const bool massage_heard =
        (part.intent == "massage_question" || part.intent == "book_massage") &&
        !has_phrase_outside(tokens, massage_words(), massage_told());
    const bool heard_wrong = part.intent == "out_of_scope" || massage_heard ||
                             (part.intent == "help" && has_phrase(tokens, late_log_cues())) ||
                             (part.intent == "run_stats" && !has_phrase(tokens, stats_words())) ||
                             (part.intent == "reminders" && !has_phrase(tokens, reminder_words()));
    // "did 8x400 repeats with 90s rest", "intervals 6x1k this am": a hard session done,
    // told without a distance of its own.
    const bool session_done =
        parse_effort(tokens).effort && !asked &&
        (has_past_run_verb_or_day(tokens) || today_or_before) &&
        has_phrase(tokens, {"repeats", "intervals", "reps", "x", "tempo", "fartlek"});
    if ((heard_wrong || part.intent == "help") && session_done && kind == PartKind::other &&
        !someone_else_ran(tokens)) {
        part.intent = "log_run";
        part.entities = extract_entities(tokens, part.intent, today);
        return part;
    }
    if (heard_wrong && kind == PartKind::other && measure && !someone_else_ran(tokens) &&
        run_named && !asked &&
        (today_or_before || plan_not_kept || !has_phrase(tokens, plan_cues())) &&
        !has_phrase(tokens, {"used to"}) &&  // "used to run 100m in 11.2"
        !has_phrase(tokens, reminder_words()) &&
        !has_phrase_outside(tokens, massage_words(), massage_told())) {
        part.intent = "log_run";
    }
    // "goal race is the 10k on dec 19, entered it last night": a race entered, not run.
    if (part.intent == "log_run" && race_said &&
        has_phrase(tokens, {"entered", "signed up", "registered", "booked"}) &&
        parse_race_date(tokens, today) && !is_race_result(tokens)) {
        part.intent = "set_race";
    }
    // "how do i turn off the reminders?": about the nudges.
    // (Alone, "how do i stop the reminders?" asks how the bot works: help.)
    if (part.intent == "help" && has_phrase(tokens, reminder_words()) && previous != nullptr) {
        part.intent = "reminders";
        return part;
    }
    // "ultra on may 1, 100k": a race named with its day and nothing told as done.
    // Not "Friday I did 8k tempo, Saturday 5k parkrun": a run like the one before it.
    if (part.intent == "log_run" && race_said && kind == PartKind::other && !duration &&
        !has_past_run_verb_or_day(tokens) && parse_race_date(tokens, today) && !told_late &&
        (previous == nullptr || previous->intent != "log_run")) {
        part.intent = "set_race";
    }
    // "booked my spot in the Christmas Day 5k": a race, not a massage; "remind me to book a
    // massage": a reminder.
    if (part.intent == "book_massage" && !has_phrase(tokens, massage_words_only()) && race_said) {
        part.intent = "set_race";
        part.entities = extract_entities(tokens, part.intent, today);
        return part;
    }
    if (part.intent == "book_massage" && has_phrase(tokens, {"remind me", "reminder"})) {
        part.intent = "reminders";
        return part;
    }
    // "... also remind me to book one": beside something else, a reminder asked for.
    if (part.intent == "out_of_scope" && previous != nullptr && has_phrase(tokens, {"remind me"})) {
        part.intent = "reminders";
        return part;
    }
    // "remind me to log my runs every evening": the nudges, not another kind of reminder.
    if (part.intent == "out_of_scope" && has_phrase(tokens, reminder_words()) &&
        has_phrase(tokens, {"log", "run", "runs", "massage", "plan my", "training", "foam roll",
                            "stretch", "recovery", "physio", "exercises", "parkrun"})) {
        part.intent = "reminders";
        return part;
    }
    // "20k tomorrow and 10k on friday", "rest day tomorrow, then 15k on wednesday": a run
    // named after a plan or a coming day is planned too; "... Today 10k steady" is done.
    const bool past_words = has_phrase(tokens, {"ran", "did", "done", "yesterday", "last", "ago",
                                                "this morning", "today", "todays", "earlier"});
    // "easy 10k today, then 16k on thursday": what comes after today's run is to come.
    // "tempo 10k today in 44:50, 20 miler on saturday": the weekday after today's run is
    // the coming one.
    // Not so after a run on a day gone: "long run sunday 24k and 6k easy today, plus thursday
    // 10k tempo" tells the week so far.
    const bool then_after_today =
        (context.after_then ||
         (weekday_alone(tokens) && !context.past_run_before && context.previous_day_named &&
          !(context.previous_told_done && context.after_and))) &&
        previous != nullptr && previous->intent == "log_run" &&
        previous->entities.date == iso_date(today);
    const bool after_plan = previous != nullptr && (previous->intent == kPlanIntent ||
                                                    context.future_said || then_after_today);
    // "tempo tomorrow, hills thursday": a session named with its day, among plans, is one too.
    const bool session_on_a_day = !measure && !asked && names_a_day(tokens) &&
                                  has_phrase(tokens, run_report_words()) &&
                                  !has_phrase(tokens, reminder_words());
    if (after_plan && kind == PartKind::other && !race_said && !past_words &&
        (part.intent == "set_race" || part.intent == "log_run" || session_on_a_day)) {
        part.intent = kPlanIntent;
        part.entities = plan_entities(tokens, today);
        return part;
    }
    // "Dec 2: 14k progression", "Thursday: 8x400 on the track": a session to come, heard as a
    // race for its day and distance; nothing in the words enters or names a race.
    if (part.intent == "set_race" && kind != PartKind::correction && !asked &&
        has_phrase(tokens, training_session_words()) &&
        !has_phrase_outside(tokens, race_words(), no_race_idioms()) && !names_an_event(tokens) &&
        parse_race_date(tokens, today)) {
        part.intent = kPlanIntent;
        part.entities = plan_entities(tokens, today);
        return part;
    }
    // A race with its day stays a race ("my half is in 6 weeks", "change my race to Dec 20"),
    // unless it was already run, or the words make it a correction or a plan of a run ("next
    // Sunday 32k", "it was 1:52 not 1:25 for the half on sunday").
    // "move my 10k from Sunday to Saturday": a correction of a run on a day gone is about a run,
    // even when its distance sounds like a race.
    // ("move my race from dec 14 to dec 20" names a race to come.)
    const auto moved_from = [&] {
        if (kind != PartKind::correction || !has_phrase(tokens, {"from"}) ||
            has_phrase(tokens, {"race", "racing", "event"}))
            return false;
        const auto meant = correction_entities(tokens, today).target_date;
        const date::sys_days month_ago = date::sys_days{today} - date::days{31};
        return meant && *meant < iso_date(today) &&
               *meant >= iso_date(date::year_month_day{month_ago});
    };
    const bool run_not_race =
        (!race_said && (kind == PartKind::correction || kind == PartKind::plan)) || moved_from() ||
        (kind == PartKind::correction &&
         (duration || has_phrase(tokens, logged_value_cues()) ||
          // "the 5k on Saturday was actually 6k": a run gone, not a race to come.
          (has_phrase(tokens, {"was", "were"}) && !names_a_month(tokens))));
    if (part.intent == "set_race" && parse_race_date(tokens, today) && !run_not_race) {
        if (is_race_result(tokens)) {
            read_race_result(part, tokens, today);
        } else {
            part.entities = extract_entities(tokens, part.intent, today);
        }
        return part;
    }
    // "i'm running the joe kleinerman 10k dec 12", "entered the Manchester marathon in
    // April": a race entered.
    const bool entered = has_phrase(
        tokens, {"entered", "signed up", "registered", "paid for", "got a place", "got a spot"});
    if (kind == PartKind::plan && race_said &&
        ((parse_race_date(tokens, today) && names_a_month(tokens) && has_phrase(tokens, {"the"}) &&
          !has_phrase(tokens, {"sub", "under", "pb", "pr", "goal", "target"})) ||
         entered)) {
        part.intent = "set_race";
        part.entities = extract_entities(tokens, part.intent, today);
        return part;
    }
    switch (kind) {
        case PartKind::correction:
            part.intent = kCorrectionIntent;
            part.entities = correction_entities(tokens, today);
            return part;
        case PartKind::plan:
            part.intent = kPlanIntent;
            part.entities = plan_entities(tokens, today);
            return part;
        case PartKind::other:
            break;
    }
    // "50k trail race on Saturday took me 5:42": a race already run, however it was heard.
    if ((part.intent == "set_race" || (part.intent == "log_run" && race_said)) &&
        is_race_result(tokens)) {
        read_race_result(part, tokens, today);
    } else {
        part.entities = extract_entities(tokens, part.intent, today);
    }
    // "ran 10k, not 12k like I planned": the run's distance, not the plan's.
    if (part.intent == "log_run") {
        if (const auto done = distance_despite_plan(tokens)) {
            part.entities.distance_km = done;
        } else if (std::size_t at = 0;
                   has_phrase(tokens, {"not"}, 0, tokens.size(), &at) && at > 0) {
            // "Ran 10k. Not 10 miles, I'm not crazy": the distance told, not the one
            // waved away.
            if (const auto told = parse_distance_km(slice(tokens, {0, at})))
                part.entities.distance_km = told;
        }
        // "got a massage yesterday and then ran 5k today", "4k recovery jog, calves still
        // tight from sunday": the day of the clause that tells the run.
        if (const auto day = day_of_run(tokens, today)) part.entities.date = iso_date(*day);
    }
    // "next up: a 50 miler on march 14": a date months gone with nothing told as done is
    // the coming one, a race's.
    if (part.intent == "log_run" && part.entities.date && !has_past_run_verb_or_day(tokens) &&
        *part.entities.date < iso_date(date::sys_days{today} - date::days{60}) &&
        parse_race_date(tokens, today)) {
        // ("Dec 5: 25k long run" names no race: a plan.)
        part.intent = race_said ? "set_race" : std::string(kPlanIntent);
        part.entities =
            race_said ? extract_entities(tokens, part.intent, today) : plan_entities(tokens, today);
    }
    return part;
}

}  // namespace

std::vector<Part> read_parts(const Tokens& tokens, date::year_month_day today,
                             const std::string& heard, const ClassifyPart& classify) {
    std::vector<Part> parts;
    // Whether each part names its day, and names it last ("... and evening run 4k yesterday").
    std::vector<std::pair<bool, bool>> days_named;
    PartContext context;
    Tokens previous_words;
    // "14k on thursday and 8k on friday, forgot to log them": late runs, not races.
    context.told_late = has_phrase(tokens, late_log_cues());
    for (const auto span : split_parts(tokens)) {
        const auto words = slice(tokens, span);
        context.previous = parts.empty() ? nullptr : &parts.back();
        context.previous_day_named = !days_named.empty() && days_named.back().first;
        context.after_then = span.begin > 0 && tokens[span.begin - 1].is("then");
        context.after_and = span.begin > 0 && tokens[span.begin - 1].is("and");
        // A message of one part was classified whole already.
        const bool whole = span.begin == 0 && span.end >= tokens.size();
        context.heard = whole ? &heard : nullptr;
        // "moved to Lima", "I'm on PST": where the runner is, read exactly by the place index.
        // "I'm in Toronto, no reminders after 9pm": the place ends its clause, and what follows
        // is a request of its own.
        const auto part_text = text_of(words);
        // "use miles", "metric please": the unit to read distances in ("imperial please" names
        // no town), unless a place is stated first ("based in Denver, and I prefer miles").
        const auto zone = places::read_zone_statement(part_text);
        if (auto both = unit_then_more(words); both && !(zone && zone->cued)) {
            parts.push_back(std::move(both->first));
            days_named.emplace_back(false, false);
            context.previous = &parts.back();
            context.heard = nullptr;
            auto next = read_part(both->second, today, context, classify);
            read_reminder_entities(next, both->second);
            read_stats_entities(next, both->second, today);
            read_race_cancel(next, both->second, today);
            if (!is_filler(next, both->second)) {
                parts.push_back(std::move(next));
                days_named.emplace_back(names_a_day(both->second), false);
            }
            previous_words = both->second;
            continue;
        }
        if (auto setting = unit_setting(words); setting && !(zone && zone->cued)) {
            parts.push_back(std::move(*setting));
            days_named.emplace_back(false, false);
            previous_words = words;
            continue;
        }
        if (zone) {
            parts.push_back(Part{part_text, kSettingsIntent, zone_entities(*zone)});
            const auto rest = after_zone_statement(part_text, *zone);
            if (rest.empty()) {
                days_named.emplace_back(false, false);
                previous_words = words;
                continue;
            }
            days_named.emplace_back(false, false);
            context.previous = &parts.back();
            context.heard = nullptr;
            auto next = unit_setting(rest).value_or(read_part(rest, today, context, classify));
            read_reminder_entities(next, rest);
            read_stats_entities(next, rest, today);
            read_race_cancel(next, rest, today);
            // "currently in Nairobi, loving the morning runs": chat about the place, no question.
            const bool chat = next.intent == "run_stats" && !asks_about_races(rest) &&
                              !asks_for_a_figure(rest) && !is_question(rest);
            // "I'm in Seattle, WA - set my zone pls": the place already is the setting.
            const bool same_setting = next.intent == kSettingsIntent && next.entities == Entities{};
            if (!is_filler(next, rest) && !chat && !same_setting) {
                parts.push_back(std::move(next));
                days_named.emplace_back(names_a_day(rest), false);
            }
            previous_words = rest;
            continue;
        }
        auto part = read_part(words, today, context, classify);
        read_reminder_entities(part, words);
        read_stats_entities(part, words, today);
        read_race_cancel(part, words, today);
        // "3 miles on wednesday and 4 on thursday": a run in the unit of the one before.
        if (const auto n = elliptic_run(words); n && !parts.empty() &&
                                                parts.back().intent == "log_run" &&
                                                parts.back().entities.distance_km) {
            const bool miles = has_phrase(previous_words, {"mi", "mile", "miles", "miler"});
            // "ran 4 miles today, 12 on sunday is the plan": a plan in the same unit.
            const bool planned =
                part_kind(words) == PartKind::plan ||
                (has_phrase(words, plan_cues()) && !has_phrase(words, done_words()));
            part.intent = planned ? kPlanIntent : "log_run";
            part.entities =
                planned ? plan_entities(words, today) : extract_entities(words, part.intent, today);
            part.entities.distance_km = *n * (miles ? kMileKm : 1.0);
        }
        previous_words = words;
        context.previous_told_done = has_phrase(words, run_done_verbs());
        // "ran 12k, want to sleep for a week now", "going to the gym tomorrow instead": beside
        // a run, an intention with no run in it is no plan.
        if (!whole && part.intent == kPlanIntent && !part.entities.distance_km &&
            !part.entities.duration_s && !has_phrase(words, run_words()) &&
            !has_phrase(words, goal_words()) && !has_phrase(words, training_session_words()) &&
            !told_by_repetitions(words))
            continue;
        context.future_said = context.future_said || has_phrase(words, coming_days());
        if (is_filler(part, words)) continue;
        // "ran 6 miles with my wife, she's doing a half on sunday", "she did 2k and I did 8k":
        // their run or race is no part of the runner's message.
        if (!whole && someone_else_ran(words) &&
            (part.intent == "log_run" || part.intent == kPlanIntent || part.intent == "set_race"))
            continue;
        // "Can I book a massage for Thursday? Also is it ok to have one two days before a half?":
        // a question that goes on about the massage just asked for is about massage too.
        if (!parts.empty() &&
            (parts.back().intent == "book_massage" || parts.back().intent == "massage_question") &&
            (part.intent == "out_of_scope" || part.intent == "run_stats" ||
             part.intent == "help") &&
            is_question(words) &&
            has_phrase(words, {"one", "it", "how much", "price", "cost", "mins", "minutes"})) {
            part.intent = "massage_question";
            part.entities = {};
        }
        // "friday 8 miles, saturday 5 miles, both easy": the effort is every run's.
        if (const auto effort = effort_of_all(words); effort && part.intent == "log_run") {
            for (auto& before : parts) {
                if (before.intent == "log_run" && !before.entities.effort)
                    before.entities.effort = effort;
            }
        }
        const bool day_named = names_a_day(words);
        const bool day_last = day_named && words.size() > 2 &&
                              names_a_day(slice(words, {words.size() - 2, words.size()}));
        // "2 runs yesterday: 5k before work and 8k after": a run with no day of its own is on
        // the day of the run told before it.
        if (part.intent == "log_run" && !parts.empty() && parts.back().intent == "log_run" &&
            !day_named) {
            part.entities.date = parts.back().entities.date;
        }
        // "need a massage asap, can you book one": one request said twice is one part; so is
        // one run ("paced my wife through her first 10k today, so 10k for me too"), unless the
        // runner says there were two.
        const bool same_run_again =
            part.intent == "log_run" && part.entities.distance_km &&
            !has_phrase(tokens, {"two", "twice", "both", "again", "another", "double", "2nd"}) &&
            !has_phrase(words, {"ran", "did", "jogged", "run", "done", "walked"});
        const bool repeated =
            !parts.empty() && parts.back().intent == part.intent &&
            ((parts.back().entities == Entities{} && part.entities == Entities{}) ||
             (same_run_again && parts.back().entities == part.entities));
        if (!repeated) {
            context.past_run_before =
                context.past_run_before || (part.intent == "log_run" && part.entities.date &&
                                            *part.entities.date < iso_date(today));
            parts.push_back(std::move(part));
            days_named.emplace_back(day_named, day_last);
        }
    }
    // "morning run 6k and evening run 4k yesterday": a day told last is the runs' before it too.
    for (std::size_t i = parts.size(); i-- > 1;) {
        const bool undated = parts[i - 1].intent == "log_run" && !days_named[i - 1].first;
        if (undated && parts[i].intent == "log_run" && days_named[i].second) {
            parts[i - 1].entities.date = parts[i].entities.date;
            days_named[i - 1] = days_named[i];
        }
    }
    if (parts.size() == 1) keep_coming_day_if_untold(parts.front(), tokens, today);
    return parts;
}

}  // namespace rubdown::intents::nlu
