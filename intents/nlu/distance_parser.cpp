#include "intents/nlu/distance_parser.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace rubdown::intents::nlu {
namespace {

bool is_any(const Token& token, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

/// km per unit, or 0 when the word is no distance unit. "m" only counts as metres for 100 and up:
/// below that a runner means minutes ("20m easy").
double unit_km(const Token& unit, double value) {
    if (!unit.is_word()) return 0.0;
    if (is_any(unit, {"k", "km", "kms", "kays", "kilometer", "kilometers", "kilometre",
                      "kilometres", "kilo", "kilos", "klick", "klicks", "kilometr", "kilomter",
                      "kilomters", "kilometrs"})) {
        return 1.0;
    }
    if (is_any(unit, {"mi", "mile", "miles", "mls", "milers", "mil", "miler", "mles", "mils"})) {
        return kMileKm;
    }
    if (is_any(unit, {"metres", "meters", "metre", "meter", "mtr", "mtrs", "metre's"}))
        return 0.001;
    if (unit.is("m") && value >= 100) return 0.001;
    return 0.0;
}

bool is_time_word(const Token& token) {
    return is_any(token, {"min", "mins", "minute", "minutes", "sec", "secs", "second", "seconds",
                          "s", "per", "pace"});
}

struct Candidate {
    double km = 0.0;
    bool total = false;
    bool piece = false;  ///< "the last 3k" of a run or race
};

}  // namespace

std::optional<double> parse_distance_km(const Tokens& tokens) {
    std::vector<Candidate> numeric;
    std::optional<double> named;
    const auto at = [&](std::ptrdiff_t k) -> const Token& { return token_at(tokens, k); };
    // "at 5k pace", "marathon pace long run": a pace, not ground covered. ("a solid 10k effort"
    // is a 10k run.)
    const auto pace_named_at = [&](std::ptrdiff_t k) {
        return is_any(at(k), {"pace", "paced"}) || (at(k).is("race") && at(k + 1).is("pace"));
    };

    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto ii = static_cast<std::ptrdiff_t>(i);
        const Token& token = tokens[i];

        // Named distances.
        if (token.is("halfmarathon") || token.is("halfmarathons") || token.is("hm")) {
            if (!named && !pace_named_at(ii + 1)) named = kHalfMarathonKm;
            continue;
        }
        if (token.is("marathon") || token.is("marathons") || token.is("mara") ||
            token.is("marathon's") || token.is("marthon") || token.is("maraton") ||
            token.is("marathn")) {
            const bool half_before =
                at(ii - 1).is("half") || (at(ii - 1).is_symbol('-') && at(ii - 2).is("half")) ||
                (at(ii - 1).is_number() && at(ii - 1).value == 2 && at(ii - 2).is_symbol('/') &&
                 at(ii - 3).is_number() && at(ii - 3).value == 1);
            const bool ultra_before = at(ii - 1).is("ultra") || at(ii - 1).is("ultramarathon");
            if (!named && !ultra_before && !pace_named_at(ii + 1))
                named = half_before ? kHalfMarathonKm : kMarathonKm;
            continue;
        }
        if (token.is("half") || token.is("halfie") || token.is("halves")) {
            const Token& next = at(ii + 1);
            const Token& previous = at(ii - 1);
            // "my first half": the race; "the first half of the run": not.
            const bool my_first = (previous.is("first") && at(ii - 2).is("my")) ||
                                  // "the half of Sevilla": a race by its place.
                                  (next.is("of") && previous.is("the") &&
                                   !is_any(at(ii + 2), {"the", "my", "a", "it", "that"}));
            const bool not_a_race =
                !my_first &&
                (is_any(next,
                        {"an", "a", "hour", "hr", "hours", "of", "the", "way", "time", "price",
                         "term", "mile", "km", "k", "day", "hearted", "asleep", "dead"}) ||
                 is_any(previous,
                        {"and", "first", "second", "back", "front", "other", "last", "by", "in"}) ||
                 // "an hour and a half": a time, not a race; "before the half" names the race,
                 // not this run's distance.
                 (previous.is("a") && at(ii - 2).is("and")) ||
                 (previous.is("the") && is_any(at(ii - 2), {"before", "after", "until"})));
            const bool pace =
                pace_named_at(ii + 1) || (next.is("marathon") && pace_named_at(ii + 2));
            if (!not_a_race && !pace && !named) named = kHalfMarathonKm;
            continue;
        }
        if (token.is("parkrun") || token.is("parkruns") ||
            (token.is("park") && at(ii + 1).is("run"))) {
            if (!named) named = 5.0;
            continue;
        }

        // A bare "mile" ("all-out mile", "the mile race"), but not "per mile" or "mile repeats".
        if ((token.is("mile") || token.is("miler")) && !at(ii - 1).is_number() &&
            number_value(at(ii - 1)) == std::nullopt && !is_time_word(at(ii - 1)) &&
            !at(ii - 1).is_symbol('/') && !at(ii - 1).is("x") &&
            !is_any(at(ii + 1),
                    {"repeats", "reps", "repeat", "intervals", "efforts", "splits", "pace", "x"}) &&
            !pace_named_at(ii + 1)) {
            if (!named) named = at(ii - 1).is("half") ? kMileKm / 2 : kMileKm;
            continue;
        }

        // Numbers with a unit.
        auto quantity = read_quantity(tokens, i);
        if (!quantity) continue;
        // "4 easy miles", "10 hilly km": one word of how it went between number and unit.
        if (unit_km(at(static_cast<std::ptrdiff_t>(quantity->end)), quantity->value) == 0.0 &&
            is_any(at(static_cast<std::ptrdiff_t>(quantity->end)),
                   {"easy",   "hilly", "slow",  "fast",  "steady",   "hard",   "flat",
                    "gentle", "tough", "solid", "chill", "recovery", "sweaty", "muddy",
                    "windy",  "wet",   "cold",  "hot",   "lovely",   "quick"}) &&
            unit_km(at(static_cast<std::ptrdiff_t>(quantity->end) + 1), quantity->value) != 0.0)
            ++quantity->end;
        const Token& unit = at(static_cast<std::ptrdiff_t>(quantity->end));
        const double per_unit = unit_km(unit, quantity->value);
        if (per_unit == 0.0) continue;
        const auto unit_index = static_cast<std::ptrdiff_t>(quantity->end);
        const Token& previous = at(ii - 1);
        const Token& after = at(unit_index + 1);
        if (token.is_word() && unit.is("m")) continue;
        // "-5 km" is no distance a runner covers; "10-15k" is a range, not one.
        if (previous.is_symbol('-') && !token.spaced) continue;
        // Part of a clock ("4:30 km") or a pace ("8:30 a mile", "5 min a km", "per mile").
        const bool after_clock =
            previous.is_symbol(':') && !previous.spaced && !token.spaced && at(ii - 2).is_number();
        if (after_clock || previous.is_symbol('/') || previous.is("per") ||
            (token.is_word() && (previous.is_number() || is_time_word(previous)))) {
            continue;
        }
        if (unit.spaced == false && at(unit_index - 1).is_symbol('/')) continue;
        // One repetition of a session: "6x800m", "6 x 800 m", "800m x 6", "1k repeats".
        const bool repetition =
            previous.is("x") || previous.is_symbol('*') || previous.is("times") ||
            (previous.is("of") && at(ii - 2).is("sets")) ||
            is_any(after, {"x", "repeats", "repeat", "reps", "rep", "intervals", "interval",
                           "efforts", "splits", "split", "hills", "strides", "each"}) ||
            after.is_symbol('*');
        // "10k intervals" is a session of intervals; "1k intervals", "800m repeats" one rep each.
        const bool session_total =
            quantity->value * per_unit >= 5.0 && is_any(after, {"intervals", "efforts", "hills"});
        if (repetition && !session_total) continue;
        // "900m climbing", "1400m of vert", "elevation gain 450 m": height, not ground covered.
        const auto height_word = [](const Token& t) {
            return is_any(t, {"climbing", "climb", "climbed", "elevation", "elev", "gain", "vert",
                              "vertical", "ascent", "up", "uphill", "d+"});
        };
        const bool height =
            per_unit == 0.001 &&
            (height_word(after) || (after.is("of") && height_word(at(unit_index + 2))) ||
             is_any(previous, {"elevation", "elev", "gain", "climbed", "climbing", "ascent", "vert",
                               "climb"}));
        // "the couch to 5k group", "my c25k run": a programme's name; "10 km/h" a speed.
        const bool programme =
            (previous.is("to") && at(ii - 2).is("couch")) || (previous.is("c") && !token.spaced);
        const bool speed = after.is_symbol('/') && !after.spaced &&
                           is_any(at(unit_index + 2), {"h", "hr", "hour"});
        // "a 40k ride", "2k swim", "30 km on the bike": another sport's distance, not a run's.
        const bool other_sport =
            is_any(after, {"ride", "rides", "bike", "cycle", "cycling", "swim", "swimming", "row",
                           "rowing", "drive", "hike", "ski", "paddle", "spin"}) ||
            (is_any(after, {"on"}) && is_any(at(unit_index + 2), {"the", "my"}) &&
             is_any(at(unit_index + 3), {"bike", "erg", "rower", "turbo"}));
        if (height || programme || speed || other_sport || pace_named_at(unit_index + 1)) continue;
        double value = quantity->value;
        // A decimal comma, "12,5 km": the whole part sits before the comma.
        if (previous.is_symbol(',') && !previous.spaced && !token.spaced && token.is_number() &&
            token.text.size() <= 2 && at(ii - 2).is_number() &&
            at(ii - 2).text.find('.') == std::string::npos) {
            value = at(ii - 2).value + token.value / (token.text.size() == 1 ? 10.0 : 100.0);
        }
        const double km = value * per_unit;
        if (!(km > 0.0) || km > kMaxDistanceKm) continue;
        const bool total = is_any(previous, {"total", "totaling", "totalling", "overall"}) ||
                           (previous.is("of") && at(ii - 2).is("total")) ||
                           is_any(after, {"total", "altogether", "overall"}) ||
                           (after.is("in") && at(unit_index + 2).is("total"));
        // "Half marathon Sunday: 1:38:45, last 3k were brutal": a piece of the race named.
        // ("hit my goal of 100k for the month with a 7k": the goal is no run either.)
        // ("my first 5 miles since the marathon" is a run of its own.)
        const bool piece = (is_any(previous, {"last", "first", "final", "middle"}) &&
                            !is_any(at(ii - 2), {"my", "our", "her", "his"})) ||
                           (previous.is("of") && is_any(at(ii - 2), {"goal", "target"}));
        numeric.push_back({km, total, piece});
        i = quantity->end;
    }

    for (const auto& candidate : numeric) {
        if (candidate.total) return candidate.km;
    }
    // A named race whose only figures are its pieces ("last 3k were brutal") is the race.
    if (named &&
        std::all_of(numeric.begin(), numeric.end(), [](const Candidate& c) { return c.piece; }))
        return named;
    // Pieces and goals give way to the run's own figure when there is one.
    if (std::any_of(numeric.begin(), numeric.end(), [](const Candidate& c) { return !c.piece; }))
        numeric.erase(std::remove_if(numeric.begin(), numeric.end(),
                                     [](const Candidate& c) { return c.piece; }),
                      numeric.end());
    if (!numeric.empty()) {
        return std::max_element(numeric.begin(), numeric.end(),
                                [](const Candidate& a, const Candidate& b) { return a.km < b.km; })
            ->km;
    }
    return named;
}

}  // namespace rubdown::intents::nlu
