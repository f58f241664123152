#pragma once
/// The words about places that the gazetteer does not hold: other names runners use for places,
/// the postal codes of US states and Canadian provinces, and words that only lead into a name.
/// All folded (see folded_words.hpp).

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rubdown::intents::places {

/// Another name -> the name the gazetteer or CLDR uses ("nyc" -> "new york").
const std::vector<std::pair<std::string_view, std::string_view>>& place_aliases();

/// A state's or province's postal code -> its name ("tx" -> "texas"), to narrow a town.
const std::unordered_map<std::string_view, std::string_view>& region_codes();

/// How some regions' official names begin ("state of maine"): dropped from their keys.
const std::vector<std::string_view>& region_prefixes();

/// Words before a place name that are not part of it ("the netherlands", "city of london").
const std::set<std::string, std::less<>>& place_lead_words();

}  // namespace rubdown::intents::places
