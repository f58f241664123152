#pragma once
/// Corrections of runs already logged, read from a part's own words: whether the part corrects
/// a run ("it was 12k not 15k", "delete Sunday's run", "you have 15k for sunday, it was 12") and
/// what it names: the run meant and the new values. Each word of a correction has a role (the run
/// meant, a value set aside or typed before, a new value) around a pivot ("was", "should be",
/// "make that", "to" after a verb of changing). Pure functions; the cue lists are data in
/// part_cues.cpp.

#include <optional>

#include <date/date.h>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/parse.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {

/// Whether a part's own words correct a run: a delete word said of a run, a new value set against
/// an old one or what was logged, or a word of changing with what changes.
bool reads_as_correction(const Tokens& part);

/// A correction's entities: action ("change" or "delete"), the run meant (target_date,
/// target_distance_km, target_duration_s) and the new values (distance_km, duration_s, effort,
/// date), each only where the words say it.
Entities correction_entities(const Tokens& part, date::year_month_day today);

/// Whether a cue of `cues` is said of a run: a verb of changing or deleting with a run or one of
/// its values after it ("change my last run", "delete the second 10k", "fix yesterday"), not of
/// something else ("change route", "fix my laces"); other cues ("typo", "wrong distance") as they
/// stand. Cues inside an idiom ("changed my mind") do not count.
bool cue_about_a_run(const Tokens& part, const PhraseList& cues);

/// The first number told without a unit ("call it 7.6", "was 11.5"); not a day ("the 21st"), an
/// RPE ("RPE 8", "8/10") or a percentage.
std::optional<double> bare_figure(const Tokens& part);

}  // namespace rubdown::intents::nlu
