#pragma once
/// Reads what a runner says about where they are or which clock they keep: "just landed in
/// Tokyo", "moved to São Paulo", "I live in Austin, Texas", "GMT+2", "PST", "my time zone is
/// Europe/Berlin". A pure function of the text and the built-in place index.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/places/place_index.hpp"

namespace rubdown::intents::places {

struct ZoneStatement {
    /// The zone meant: an IANA name, or a fixed offset written "+05:30" when the runner gave one.
    /// Empty when the place could mean several zones; then `choices` holds them.
    std::string zone;
    std::vector<ZoneOption> choices;
    std::string place;  ///< the place as the answer names it ("Austin, Texas"), when one was named
    /// The byte of the text after the place or zone: what follows may be another request ("I'm in
    /// Toronto, no reminders after 9pm").
    std::size_t end = 0;
    /// Said as a statement (after "I'm in", "moved to", as an offset or a zone's name), not a
    /// bare name alone ("Tokyo", "imperial", which may mean something else).
    bool cued = true;
};

/// The zone statement in `text`, or nothing when the text makes none ("I'm in pain", "ran 10k in
/// Paris", a place the index does not know). At most four choices are kept, likeliest first.
std::optional<ZoneStatement> read_zone_statement(std::string_view text,
                                                 const PlaceIndex& index = PlaceIndex::built_in());

}  // namespace rubdown::intents::places
