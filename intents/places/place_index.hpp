#pragma once
/// Every place a runner may name, and the zones it could mean: the towns of the built-in
/// gazetteer (with their state and country), states and provinces, countries, and the cities the
/// tz database names its zones after. Built once from the table the build generates.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rubdown::intents::places {

/// One zone a place could mean, with a label to show on a button ("Portland, Oregon").
struct ZoneOption {
    std::string zone;
    std::string label;
    double people = 0;  ///< how many people live there in that zone: what makes one the likely one
};

struct PlaceMatch {
    std::size_t words = 0;  ///< how many of the words given name the place (qualifier included)
    /// The zones it could mean, one per clock (zones that agree are one option), likeliest first.
    std::vector<ZoneOption> options;
    /// True when the first option is the one meant: a town with ten times the people of the next
    /// of its name; a country or state with 95 % of its people in that zone.
    bool settled = false;
};

/// The city a zone is named after: "America/Argentina/Buenos_Aires" -> "Buenos Aires".
std::string city_of_zone(std::string_view zone);

class PlaceIndex {
  public:
    /// Rows of `city`, `country` and `zone_city` (see intents/places/table_generator).
    explicit PlaceIndex(std::string_view table);

    /// The index of the table the build generated.
    static const PlaceIndex& built_in();

    /// The place named by the longest run of `words` (folded) at their start, narrowed by a state,
    /// province or country that follows ("austin texas", "paris france", "portland or").
    /// `words` 0 when no place starts there.
    PlaceMatch find(std::span<const std::string> words) const;

    /// As find, for a one-word name misspelt by one letter (left out, added, changed or two
    /// swapped) of at least six letters: the most populous such place.
    PlaceMatch find_near(std::span<const std::string> words) const;

    /// True when `words`, folded and joined by spaces, names a place.
    bool knows(const std::string& name) const { return entries_.contains(name); }

  private:
    enum class Kind { town, region, zone_city };
    struct Entry {
        Kind kind;
        std::string zone;
        std::string name;         ///< as the table spells it
        std::string region;       ///< a town's state or province (folded), a region's country code
        std::string region_name;  ///< a town's state or province as the table spells it
        std::string country;      ///< two-letter code
        double people;
    };

    std::vector<const Entry*> narrowed(const std::vector<Entry>& entries,
                                       std::span<const std::string> qualifier,
                                       std::size_t& used) const;
    PlaceMatch decide(const std::vector<const Entry*>& entries, std::size_t words) const;

    std::unordered_map<std::string, std::vector<Entry>> entries_;
    std::unordered_map<std::string, std::string> country_codes_;  ///< folded name -> code
    /// The first word of every name: most words start none, and are passed over at once.
    std::unordered_set<std::string> first_words_;
    /// One-word names by first letter, for find_near.
    std::unordered_map<char, std::vector<std::string>> one_word_names_;
    std::unordered_map<std::string, std::string> country_names_;  ///< code -> name
};

}  // namespace rubdown::intents::places
