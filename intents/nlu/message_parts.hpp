#pragma once
/// The parts of one message ("8k easy yesterday and 10k steady today" holds two runs) and what
/// each part's own words make it: a correction of a run already logged, a plan, or something the
/// intent classifier reads. Pure functions over the lexer's tokens; the phrase lists are data in
/// part_cues.cpp, and what a correction names is read in correction_reader.cpp.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/parse.hpp"

namespace rubdown::intents::nlu {

/// "6x800", "3 x 10 min", "10 x 400m": a session told by its repetitions.
bool told_by_repetitions(const Tokens& tokens);

/// Tokens [begin, end) of a message that say one thing.
struct PartSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const PartSpan&) const = default;
};

/// Splits a message into its parts. Clauses end at sentence marks and commas and before joining
/// words ("and", "then", "but"); a clause that names a distance, a time, a question or a booking
/// starts a new part once the current one has its own, and any other clause ("felt great", "2k
/// warm up", "not 15k") goes on with the part before it. A plan told beside what was done instead
/// ("planned 15k but only did 9k") and a device's reading ("my watch said 11.8") are left out.
/// One span covering everything when the message holds one part.
std::vector<PartSpan> split_parts(const Tokens& tokens);

/// The tokens of a span.
Tokens slice(const Tokens& tokens, PartSpan span);
/// Normalised text again from tokens ("10k in 50:12"), for the classifier.
std::string text_of(const Tokens& tokens);

/// A clause mark: . ! ? ; , + or a line break.
bool ends_clause(const Token& token);

/// "can you change ...", "could u delete ...", "pls fix ...": asked to do, not to answer.
bool is_request(const Tokens& part);

/// Whether a part asks something: a question mark, or a question's first words ("what ...",
/// "should I ..."); "will run 10 miles" and "should have done 15k" are told, not asked.
bool is_question(const Tokens& part);

/// "4 on thursday" after "3 miles on wednesday": the number of a run told with a day and without
/// its unit, which is the run's before it.
std::optional<double> elliptic_run(const Tokens& part);

/// "ran 10k, not 12k like I planned": the distance told before a value set aside as the plan
/// not kept; none when the part has no such plan.
std::optional<double> distance_despite_plan(const Tokens& part);

/// The words after a leading joining word or aside ("and can you ...", "lol do you run?").
Tokens without_lead_words(const Tokens& part);

/// The day of a run told in a part with more than one day in it: the day named in the clause
/// that holds the run's figures ("got a massage yesterday and then ran 5k today" is today's), or
/// today when that clause names none and the other days only say since when ("calves still tight
/// from sunday"). None when the part names at most one day or the run's clause cannot be told.
std::optional<date::year_month_day> day_of_run(const Tokens& part, date::year_month_day today);

/// Another sport than running and no run: "swam 2.5k", "40k bike", "did yoga for 30 mins".
bool is_other_sport(const Tokens& part);

/// What a part's own words make it, before any classifier.
enum class PartKind { other, correction, plan };
PartKind part_kind(const Tokens& part);

/// A plan's entities: the distance, the planned duration or goal time ("sub 50" for a 10k is
/// 3000 s) and the day, when named.
Entities plan_entities(const Tokens& part, date::year_month_day today);

/// Whether a part the classifier reads as a race tells one already run ("did the half in 1:45 on
/// the 8th"): a finishing time or a past run verb, and no word of a plan or a goal.
bool is_race_result(const Tokens& part);

}  // namespace rubdown::intents::nlu
