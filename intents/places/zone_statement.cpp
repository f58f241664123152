// Longer than 400 lines (474) because the readers of cues, offsets, abbreviations and place names
// share private helpers over the same words and one order of trying them; split apart they would
// each need that order.
#include "intents/places/zone_statement.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include <date/tz.h>

#include "intents/places/folded_words.hpp"
#include "intents/places/zone_clock.hpp"
#include "intents/places/zone_words.hpp"

namespace rubdown::intents::places {
namespace {

constexpr std::size_t kMaxChoices = 6;

std::string lower_ascii(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // The typographic minus (U+2212) that phones put in "UTC−5".
        if (text.substr(i, 3) == "\xE2\x88\x92") {
            out += '-';
            i += 2;
            continue;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    }
    return out;
}

/// "gmt+2", "UTC -5", "utc+5:30", "utc plus 3", "+0530" after a word of zones, "my offset is +9".
std::optional<std::chrono::minutes> read_offset(const std::string& lower, std::size_t& end) {
    static const std::regex named{
        R"((?:^|[^a-z0-9])(?:gmt|utc|offset(?: is)?|time ?zone(?: is)?|tz(?: is)?|)"
        R"(clock(?: is)?(?: at)?))"
        R"(\s*:?\s*([+-]|plus\s|minus\s)\s*(\d{1,2})(?:[:.h]?(\d{2}))?(?![0-9]))"};
    static const std::regex bare{
        R"(^\s*(?:use|set|set it to|switch to|change to|i'?m on|on|it'?s)?)"
        R"(\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*(?:please|pls|for me)?\s*$)"};
    std::smatch match;
    if (!std::regex_search(lower, match, named) && !std::regex_match(lower, match, bare)) {
        return std::nullopt;
    }
    end = static_cast<std::size_t>(match.position(0) + match.length(0));
    const int hours = std::stoi(match[2]);
    const int minutes = match[3].matched ? std::stoi(match[3]) : 0;
    if (hours > 14 || (minutes != 0 && minutes != 30 && minutes != 45)) return std::nullopt;
    const std::chrono::minutes offset{hours * 60 + minutes};
    return match[1].str().front() == '-' || match[1].str().front() == 'm' ? -offset : offset;
}

/// An IANA name written out, in any case ("europe/berlin", "America/New York").
std::optional<std::string> read_zone_name(std::string_view text, std::size_t& end) {
    static const std::map<std::string, std::string> by_lower_name = [] {
        std::map<std::string, std::string> names;
        const auto& database = date::get_tzdb();
        for (const auto& zone : database.zones) {
            names.emplace(lower_ascii(zone.name()), std::string{zone.name()});
        }
        return names;
    }();
    static const std::regex name{R"(([a-z]+(?:/[a-z0-9_+-]+(?: [a-z]+)?)+))"};
    const auto lower = lower_ascii(text);
    for (std::sregex_iterator it{lower.begin(), lower.end(), name}, last; it != last; ++it) {
        auto candidate = (*it)[1].str();
        std::replace(candidate.begin(), candidate.end(), ' ', '_');
        for (auto attempt : {candidate, candidate.substr(0, candidate.rfind('_'))}) {
            if (const auto found = by_lower_name.find(attempt); found != by_lower_name.end()) {
                end = static_cast<std::size_t>(it->position(1)) + attempt.size();
                return canonical_zone(found->second).value_or(found->second);
            }
        }
    }
    return std::nullopt;
}

ZoneStatement from_options(const PlaceMatch& match) {
    ZoneStatement statement;
    if (match.settled) {
        statement.zone = match.options.front().zone;
        statement.place = match.options.front().label;
    } else {
        statement.choices = match.options;
        if (statement.choices.size() > kMaxChoices) statement.choices.resize(kMaxChoices);
    }
    return statement;
}

ZoneStatement from_abbreviation(const std::vector<std::string_view>& zones) {
    ZoneStatement statement;
    if (zones.size() == 1) {
        statement.zone = zones.front();
        return statement;
    }
    for (const auto zone : zones) {
        statement.choices.push_back(ZoneOption{std::string{zone}, city_of_zone(zone) + " time", 0});
    }
    return statement;
}

/// The folded words of `text`, with a "," between the clauses that punctuation separates (a place
/// may end its clause: "I'm in Toronto, no reminders after 9pm"), and where each word ends.
struct StatementWords {
    std::vector<std::string> words;
    std::vector<std::size_t> ends;  ///< the byte after each word in the text
};

StatementWords statement_words(std::string_view text) {
    StatementWords out;
    std::size_t start = 0;
    const auto is_break = [&](std::size_t i) {
        if (std::string_view{",;!?()\n"}.find(text[i]) != std::string_view::npos) return true;
        // A dash set apart by spaces: "Eugene, Oregon - Tracktown USA!" ("three-month" is a word).
        const bool spaced_before = i > 0 && text[i - 1] == ' ';
        if (spaced_before && (text[i] == '-' || text.substr(i, 3) == "\xE2\x80\x93" ||
                              text.substr(i, 3) == "\xE2\x80\x94")) {
            return true;
        }
        // A full stop inside a name or a number ("D.C.", "5.30") or after "St" is no clause end.
        if (text[i] != '.' || (i + 1 < text.size() && text[i + 1] != ' ')) return false;
        const auto before = folded_words(text.substr(start, i - start));
        return before.empty() || !name_abbreviations().contains(before.back());
    };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !is_break(i)) continue;
        const auto clause = text.substr(start, i - start);
        // Word by word, each with the end of the blank-separated chunk it was folded from.
        for (std::size_t at = 0; at < clause.size();) {
            const auto chunk_end = std::min(clause.find(' ', at), clause.size());
            auto chunk = clause.substr(at, chunk_end - at);
            // "Glasgow's home": the 's is "is", not part of the name ("St. John's" keeps it).
            bool is_after = false;
            const auto home_next = [&] {
                // Only the next chunk is folded, and only after a chunk ending in 's.
                const auto next_start = std::min(chunk_end + 1, clause.size());
                const auto next_end = std::min(clause.find(' ', next_start), clause.size());
                return folded(clause.substr(next_start, next_end - next_start)) == "home";
            };
            for (const std::string_view ending : {"'s", "\xE2\x80\x99s"}) {
                if (chunk.size() > ending.size() + 1 && chunk.ends_with(ending) && home_next()) {
                    chunk.remove_suffix(ending.size());
                    is_after = true;
                }
            }
            auto chunk_words = folded_words(chunk);
            if (is_after && !chunk_words.empty()) chunk_words.emplace_back("is");
            for (auto& word : chunk_words) {
                if (!out.words.empty() && out.words.back() != "," && out.ends.back() <= start &&
                    start > 0) {
                    out.words.emplace_back(",");
                    out.ends.push_back(start);
                }
                out.words.push_back(std::move(word));
                out.ends.push_back(start + chunk_end);
            }
            at = chunk_end + 1;
        }
        start = i + 1;
    }
    if (!out.words.empty() && out.words.back() == ",") {
        out.words.pop_back();
        out.ends.pop_back();
    }
    return out;
}

bool all_filler(std::span<const std::string> words) {
    return std::all_of(words.begin(), words.end(),
                       [](const std::string& word) { return zone_filler_words().contains(word); });
}

/// An abbreviation ("pst", "pacific time") at `at`, with the number of words it takes.
const std::vector<std::string_view>* abbreviation_at(const std::vector<std::string>& words,
                                                     std::size_t at, std::size_t& length) {
    for (length = std::min<std::size_t>(3, words.size() - at); length > 0; --length) {
        std::string phrase;
        for (std::size_t i = at; i < at + length; ++i) phrase += (i > at ? " " : "") + words[i];
        if (const auto it = zone_abbreviations().find(phrase); it != zone_abbreviations().end()) {
            return &it->second;
        }
    }
    return nullptr;
}

/// The place named right after a cue, when what follows it may end a statement.
bool may_follow_place(const std::vector<std::string>& words, std::size_t after) {
    return after >= words.size() || words[after] == "," || place_followers().contains(words[after]);
}

/// The place named right after a cue, when what follows it may end a statement; the place and
/// the index of the word after it. A town the index does not know, followed by its country or
/// state, is taken as there ("in Iten, Kenya").
std::optional<std::pair<PlaceMatch, std::size_t>> place_after(const std::vector<std::string>& words,
                                                              std::size_t start,
                                                              const PlaceIndex& index) {
    auto match = index.find(std::span{words}.subspan(start));
    // After a cue, a name misspelt by a letter is still that place ("Marrakech", "Reykjavk").
    if (match.words == 0) match = index.find_near(std::span{words}.subspan(start));
    if (match.words > 0) {
        const auto after = start + match.words;
        if (!may_follow_place(words, after)) return std::nullopt;
        return std::pair{match, after};
    }
    for (std::size_t comma = start + 1; comma < words.size() && comma <= start + 3; ++comma) {
        if (words[comma] != ",") continue;
        const auto region = index.find(std::span{words}.subspan(comma + 1));
        const auto after = comma + 1 + region.words;
        if (region.words > 0 && may_follow_place(words, after)) return std::pair{region, after};
        break;
    }
    return std::nullopt;
}

/// `text` with each run of one letter cut to one: "moooved" and "moved" are both "moved".
bool same_without_runs(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] != b[j]) return false;
        const char c = a[i];
        while (i < a.size() && a[i] == c) ++i;
        while (j < b.size() && b[j] == c) ++j;
    }
    return i == a.size() && j == b.size();
}

/// "moooved" is "moved", "lvie" is "live": a word of a cue as runners type it in a hurry (letters
/// held down, two neighbours swapped). Allocates nothing: it runs for every word of a message.
bool same_cue_word(std::string_view typed, std::string_view word) {
    // Most words are no cue at all: a different first letter (unless swapped with the second)
    // tells at once, before comparing whole words.
    if (typed.empty() || word.empty()) return false;
    if (typed[0] != word[0] && (typed.size() < 2 || typed[1] != word[0])) return false;
    if (typed == word) return true;
    if (word.size() < 4) return false;
    if (typed.size() + 1 < word.size()) return false;
    if (same_without_runs(typed, word)) return true;
    // One letter left out, added, changed or swapped: "currenty", "livng", "mvoed". Four-letter
    // words only by a swap ("lvie"): one letter more or less makes other words of them.
    if (word.size() >= 5) return one_letter_apart(typed, word);
    if (typed.size() != word.size()) return false;
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
        if (typed[i] != word[i]) {
            return typed[i] == word[i + 1] && typed[i + 1] == word[i] &&
                   typed.substr(i + 2) == word.substr(i + 2);
        }
    }
    return false;
}

/// The cues split into words once, and the words any of them starts with.
struct SplitCues {
    std::vector<std::vector<std::string_view>> cues;
    std::vector<std::string_view> first_words;
    std::vector<std::vector<std::size_t>> cues_of_first;  ///< by first word, in list order
};

const SplitCues& split_cues() {
    static const SplitCues split = [] {
        SplitCues out;
        for (const auto cue : zone_cues()) {
            std::vector<std::string_view> words;
            for (std::size_t begin = 0; begin <= cue.size();) {
                const auto end = std::min(cue.find(' ', begin), cue.size());
                words.push_back(cue.substr(begin, end - begin));
                begin = end + 1;
            }
            const auto first =
                std::find(out.first_words.begin(), out.first_words.end(), words.front());
            if (first == out.first_words.end()) {
                out.first_words.push_back(words.front());
                out.cues_of_first.push_back({out.cues.size()});
            } else {
                out.cues_of_first[static_cast<std::size_t>(first - out.first_words.begin())]
                    .push_back(out.cues.size());
            }
            out.cues.push_back(std::move(words));
        }
        return out;
    }();
    return split;
}

/// How many words the cue takes at `at` (0: it is not there). One adverb may come before a
/// cue's last word: "living up in", "moved back to".
std::size_t cue_length_at(const std::vector<std::string>& words, std::size_t at,
                          const std::vector<std::string_view>& cue) {
    std::size_t taken = 0;
    for (std::size_t k = 0; k < cue.size(); ++k) {
        if (at + taken >= words.size()) return 0;
        if (k + 1 == cue.size() && k > 0 && cue_adverbs().contains(words[at + taken]) &&
            at + taken + 1 < words.size() && !same_cue_word(words[at + taken], cue[k])) {
            ++taken;
        }
        if (!same_cue_word(words[at + taken], cue[k])) return 0;
        ++taken;
    }
    return taken;
}

bool cue_at(const std::vector<std::string>& words, std::size_t at, std::string_view cue,
            std::size_t& length) {
    std::vector<std::string_view> split;
    for (std::size_t begin = 0; begin <= cue.size();) {
        const auto end = std::min(cue.find(' ', begin), cue.size());
        split.push_back(cue.substr(begin, end - begin));
        begin = end + 1;
    }
    length = cue_length_at(words, at, split);
    return length > 0;
}

/// Whether the words before a cue at `at`, in its clause, make it someone else's place or a
/// place of the past.
/// Phrases split into words once.
std::vector<std::vector<std::string_view>> split_phrases(
    const std::vector<std::string_view>& list) {
    std::vector<std::vector<std::string_view>> split;
    for (const auto phrase : list) {
        std::vector<std::string_view> words;
        for (std::size_t begin = 0; begin <= phrase.size();) {
            const auto end = std::min(phrase.find(' ', begin), phrase.size());
            words.push_back(phrase.substr(begin, end - begin));
            begin = end + 1;
        }
        split.push_back(std::move(words));
    }
    return split;
}

/// Whether a phrase of `phrases` starts in words [from, to) and ends by `to` (or anywhere, when
/// `within` is false).
bool phrase_in(const std::vector<std::string>& words, std::size_t from, std::size_t to,
               const std::vector<std::vector<std::string_view>>& phrases, bool within) {
    for (std::size_t i = from; i < to; ++i) {
        for (const auto& phrase : phrases) {
            if (words[i] != phrase.front()) continue;  // exact first word: cheap to reject
            const auto length = cue_length_at(words, i, phrase);
            if (length > 0 && (!within || i + length <= to)) return true;
        }
    }
    return false;
}

bool said_of_another_time_or_person(const std::vector<std::string>& words, std::size_t at) {
    static const auto phrases = split_phrases(not_the_runner_now());
    std::size_t clause = at;
    while (clause > 0 && words[clause - 1] != ",") --clause;
    return phrase_in(words, clause, at, phrases, true);
}

/// "I'm in Berlin next week for the expo", "flying to Denver tomorrow": a trip to come.
bool tells_a_trip_to_come(const std::vector<std::string>& words) {
    static const auto phrases = split_phrases(trip_to_come_words());
    return phrase_in(words, 0, words.size(), phrases, false);
}

}  // namespace

std::optional<ZoneStatement> read_zone_statement(std::string_view text, const PlaceIndex& index) {
    const auto lower = lower_ascii(text);
    // Positions in `lower` are the text's unless a minus sign was shortened ("UTC−4").
    const auto in_text = [&](std::size_t end) {
        return lower.size() == text.size() ? end : text.size();
    };
    std::size_t end = 0;
    // The regular expressions run only where a zone's words could be: a "-" or a "/" alone
    // ("10k - easy", "5:15/km") says nothing of zones, and the expressions cost microseconds.
    const auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
    const bool offset_words = has("gmt") || has("utc") || has("offset") || has("zone") ||
                              has("tz") || has("clock") || lower.size() <= 24;
    const bool zone_name = has("africa/") || has("america/") || has("antarctica/") ||
                           has("asia/") || has("atlantic/") || has("australia/") ||
                           has("europe/") || has("indian/") || has("pacific/") || has("etc/");
    if (offset_words &&
        (lower.find_first_of("+-") != std::string::npos || has(" plus ") || has(" minus "))) {
        if (const auto offset = read_offset(lower, end)) {
            return ZoneStatement{offset_text(*offset), {}, {}, in_text(end)};
        }
    }
    if (zone_name) {
        if (auto zone = read_zone_name(text, end)) {
            return ZoneStatement{*zone, {}, {}, in_text(end)};
        }
    }

    const auto folded_text = statement_words(text);
    const auto& words = folded_text.words;
    if (tells_a_trip_to_come(words)) return std::nullopt;
    const auto end_of = [&](std::size_t after) {
        return after == 0 ? 0 : folded_text.ends[after - 1];
    };
    std::size_t lead = 0;  // filler before anything is said ("fyi", "btw", "also")
    while (lead < words.size() && zone_filler_words().contains(words[lead]) && words[lead] != "in")
        ++lead;
    // "moved to São Paulo", "I'm on PST", "tz is CET", "in Lima for work": a cue, then the place
    // or the abbreviation.
    const auto& cues = split_cues();
    std::vector<std::size_t> candidates;
    for (std::size_t at = 0; at < words.size(); ++at) {
        // Only the cues whose first word this one is (or is typed for) are tried, in list order.
        candidates.clear();
        for (std::size_t f = 0; f < cues.first_words.size(); ++f) {
            if (!same_cue_word(words[at], cues.first_words[f])) continue;
            candidates.insert(candidates.end(), cues.cues_of_first[f].begin(),
                              cues.cues_of_first[f].end());
        }
        if (candidates.empty()) continue;
        std::sort(candidates.begin(), candidates.end());
        for (const auto c : candidates) {
            const auto cue = zone_cues()[c];
            const auto length = cue_length_at(words, at, cues.cues[c]);
            if (length == 0) continue;
            const auto start = at + length;
            if (start >= words.size()) continue;
            // "in" alone leads a place only when it opens the message ("in Lima till May").
            if (cue == "in" && at != lead) continue;
            // "my brother just moved to Seattle", "I used to live in Chicago": not where the
            // runner is now.
            if (said_of_another_time_or_person(words, at)) continue;
            std::size_t taken = 0;
            if (const auto* zones = abbreviation_at(words, start, taken)) {
                if (may_follow_place(words, start + taken)) {
                    auto statement = from_abbreviation(*zones);
                    statement.end = end_of(start + taken);
                    return statement;
                }
            }
            if (abbreviation_only_cues().contains(cue)) continue;
            if (const auto found = place_after(words, start, index)) {
                auto statement = from_options(found->first);
                statement.end = end_of(found->second);
                return statement;
            }
        }
    }
    // "Perth, Western Australia is home now", "Austin, TX based runner here": the place first.
    if (const auto match = index.find(std::span{words}.subspan(lead)); match.words > 0) {
        auto after = lead + match.words;
        if (after < words.size() && words[after] == ",") ++after;
        for (const auto cue : zone_trailing_cues()) {
            std::size_t length = 0;
            if (cue_at(words, after, cue, length)) {
                auto statement = from_options(match);
                statement.end = end_of(after + length);
                return statement;
            }
        }
    }
    // "Tokyo time", "fyi PST", "GMT": a place or an abbreviation with nothing else said.
    for (std::size_t at = 0; at < words.size(); ++at) {
        if (!all_filler(std::span{words}.first(at))) break;
        std::size_t taken = 0;
        if (const auto* zones = abbreviation_at(words, at, taken)) {
            if (all_filler(std::span{words}.subspan(at + taken))) {
                auto statement = from_abbreviation(*zones);
                statement.end = text.size();
                statement.cued = false;
                return statement;
            }
        }
        const auto match = index.find(std::span{words}.subspan(at));
        if (match.words > 0 && all_filler(std::span{words}.subspan(at + match.words))) {
            auto statement = from_options(match);
            statement.end = text.size();
            statement.cued = false;
            return statement;
        }
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::places
