#pragma once
/// The words that tell what a part of a message is (a correction, a plan, a plan that was not
/// kept, a device's reading) and how clauses join. Data only: message_parts.cpp reads them, and
/// tests check them (tests/intents/nlu/message_parts_test.cpp).
///
/// A phrase is space-separated words matched on consecutive tokens of the normalised message;
/// "?" matches any one token.

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

/// A list of phrases, indexed by first word so that a message is matched against a long list in
/// about one lookup per word. The phrases must outlive the list (string literals do).
class PhraseList {
  public:
    PhraseList(std::initializer_list<std::string_view> phrases);

    auto begin() const { return phrases_.begin(); }
    auto end() const { return phrases_.end(); }
    std::size_t size() const { return phrases_.size(); }

    /// Whether a phrase of the list starts at token `i` and ends before `to`.
    bool matches_at(const Tokens& tokens, std::size_t i, std::size_t to) const;
    /// The number of words of the longest phrase that starts at token `i` (0: none).
    std::size_t longest_at(const Tokens& tokens, std::size_t i, std::size_t to) const;

  private:
    /// Below this many phrases a list is scanned, not indexed: short lists are built on the fly.
    static constexpr std::size_t kIndexedFrom = 12;
    std::vector<std::string_view> phrases_;
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_first_word_;
    std::vector<std::uint32_t> any_first_word_;  ///< phrases starting with "?"
    /// Which (first letter, length) pairs begin a phrase: most tokens begin none, and are then
    /// passed over without hashing them.
    static constexpr std::size_t kFilterBits = 1024;
    std::bitset<kFilterBits> first_word_shapes_;
    static std::size_t shape_of(char first, std::size_t length);
};

/// Words between two clauses that may start a new part: "8k yesterday and 10k today".
const PhraseList& clause_joiners();
/// A clause starting so goes on with the one before ("12k, not 15k", "with a 2k warm up").
const PhraseList& clause_continuations();
/// A clause about a piece of the same session, not another run ("2k warm up", "6x800m reps").
const PhraseList& session_pieces();
/// Times and milestones that read like a session's pieces: "last night", "my first marathon".
const PhraseList& time_idioms();

/// Changing a run already logged: "make that", "should have been", "I meant", "typo".
const PhraseList& change_cues();
/// Words said beside a correction and beside a run alike ("sorry", "instead of"): a correction
/// only together with a word of the log itself.
const PhraseList& aside_cues();
/// Telling a run not logged before ("forgot to log it: 7k on saturday"): a run, not a
/// correction.
const PhraseList& late_log_cues();
/// Phrases that hold a change word but change nothing: "for a change", "took a wrong turn".
const PhraseList& change_idioms();
/// Pivots that are change words too ("make it", "should be", "I meant"): a correction only
/// with a new value after them ("did 6k, next week should be a bigger one" is none).
const PhraseList& pivot_change_cues();
/// Removing one: "delete", "scrap", "I didn't run", "logged twice", "by mistake".
const PhraseList& delete_cues();
/// A run or goal still to come: "tomorrow", "I'll", "going to", "training for", "want to break".
const PhraseList& plan_cues();
/// Where a correction's new values start: "it was 12k", "should be", "make that", "I meant".
const PhraseList& correction_pivots();
/// Verbs of changing that make a following "to" the start of the new value: "change X to Y".
const PhraseList& change_verbs();
/// What the runner entered before, the value being corrected: "I typed 4k", "logged it as 10k".
const PhraseList& logged_value_cues();
/// A value set aside: "not 15k", "instead of Sunday", "rather than 1:10".
const PhraseList& set_aside_markers();
/// Words that look like "what was logged" and are not: "entered the Seville marathon", "it says on
/// my plan".
const PhraseList& not_logged_before();
/// Words that say only a run's day changes: "wrong date", "log that for friday instead".
const PhraseList& day_fix_cues();
/// A clause starting so goes on with a correction before it ("it was 30k not 3k").
const PhraseList& correction_continuations();
/// Words that make a dated message about a race, not a run in the log.
const PhraseList& race_words();
/// Saying what one means to do ("planning", "going to", "want to"): with these a dated run is a
/// plan, not a race.
const PhraseList& intention_cues();
/// A plan that was not kept, told beside what was done: "planned 15k but only did 9k".
const PhraseList& past_plan_cues();
/// Words that tell a run named by its weekday alone as done: a past verb, a result, a feeling
/// after it, a rating ("sunday 25k, legs gone", "fri 10k brutal headwind").
const PhraseList& told_done_cues();
/// A training session to come, not a race: "Dec 2: 14k progression", "Thursday: 8x400 on the
/// track", "a half marathon distance run on Saturday, not a race".
const PhraseList& training_session_words();
/// Words inviting other runners in a group: "anyone up for 15k tomorrow?", "@jo you in?".
const PhraseList& invitation_cues();
/// The runner's own figure after a device's reading: "garmin said 10.3, calling it 10k",
/// "coros says 10.05, i'm logging 10.1".
const PhraseList& own_figure_cues();
/// The runner's own verbs of a run done, said in the message: "ran", "did", "done", "jogged".
const PhraseList& run_done_verbs();
/// "not a race, just training": a race word that names no race.
const PhraseList& no_race_idioms();
/// A device's or an app's figure beside the runner's own: "my watch said 11.8".
const PhraseList& device_reading_cues();
/// Words of a race or a goal, which make "want to"/"going to" a plan rather than a wish.
const PhraseList& goal_words();
/// Words of a run itself ("run", "long run", "miles"), for the same purpose.
const PhraseList& run_words();
/// Massage and booking words: a plan to book a massage is a booking, not a running plan.
const PhraseList& massage_words();
/// Other sports than running: "swam 2k", "cycled to work".
const PhraseList& other_sport_words();
/// Words that tell of something done or of a day gone: "ran", "yesterday", "this morning".
const PhraseList& done_words();
/// Words that make figures a run report: "gentle 20 min run", "recovery 5k".
const PhraseList& run_report_words();

/// Reminder words: "remind me tomorrow to log my run" manages the nudges, it plans no run.
const PhraseList& reminder_words();

/// Asking for one's own figures: "show me my stats", "how far this week".
const PhraseList& stats_words();

/// Asking to see one's settings: "what are my settings", "which time zone do you have for me".
const PhraseList& settings_view_cues();

/// Whether any phrase of `list` occurs in `tokens[from, to)`; the index of the first match's
/// start in `at` when given.
bool has_phrase(const Tokens& tokens, const PhraseList& list, std::size_t from = 0,
                std::size_t to = static_cast<std::size_t>(-1), std::size_t* at = nullptr);

/// Whether a phrase of `list` starts at a word that no phrase of `idioms` covers.
bool has_phrase_outside(const Tokens& tokens, const PhraseList& list, const PhraseList& idioms);

}  // namespace rubdown::intents::nlu
