#pragma once
/// The words of zone statements, as data (folded; see folded_words.hpp): what leads into a place
/// ("moved to"), what may follow one ("for two weeks"), and the zone abbreviations runners use.

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rubdown::intents::places {

/// Phrases after which a place names where the runner now is or which zone to use.
const std::vector<std::string_view>& zone_cues();

/// Cues that lead only an abbreviation: "on PST", but "on Sunday" is no place.
const std::set<std::string_view>& abbreviation_only_cues();

/// Words after a place that make it where the runner lives ("Austin, TX based", "Perth is home").
const std::vector<std::string_view>& zone_trailing_cues();

/// Words that may come between a cue's verb and its last word ("living up in", "moved back to").
const std::set<std::string, std::less<>>& cue_adverbs();

/// Words that open what goes on about a stay rather than a new request ("landed in Doha, here
/// for 10 days").
const std::set<std::string, std::less<>>& stay_words();

/// Words before a cue that make the place someone else's or the past's ("my brother", "used
/// to").
const std::vector<std::string_view>& not_the_runner_now();

/// Words that make a place the goal of a trip to come ("next week", "I'll be").
const std::vector<std::string_view>& trip_to_come_words();

/// Short words a full stop follows inside a place name ("St. Louis", "Mt. Pleasant").
const std::set<std::string, std::less<>>& name_abbreviations();

/// Words that may follow the place in a statement ("in Tokyo for work", "in Lima now").
const std::set<std::string, std::less<>>& place_followers();

/// Words said around a bare place or zone that do not change it ("fyi Tokyo time").
const std::set<std::string, std::less<>>& zone_filler_words();

/// Words before an abbreviation that show it is a zone ("I'm on PST", "tz is CET").
const std::set<std::string, std::less<>>& abbreviation_leads();

/// A zone abbreviation -> the zones it may mean (one when it is not ambiguous); "+00:00" for the
/// zero offset. Multi-word names ("pacific time") included.
const std::unordered_map<std::string_view, std::vector<std::string_view>>& zone_abbreviations();

}  // namespace rubdown::intents::places
