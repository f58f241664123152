#include "intents/nlu/duration_parser.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace rubdown::intents::nlu {
namespace {

bool is_any(const Token& token, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

bool is_hour_unit(const Token& t) {
    return is_any(t, {"h", "hr", "hrs", "hour", "hours", "hour's", "hors", "houre", "hrz"});
}
bool is_minute_unit(const Token& t) {
    return is_any(t, {"min", "mins", "minute", "minutes", "minuts", "minits", "mintues", "minites",
                      "mn", "mns"});
}
bool is_second_unit(const Token& t) {
    return is_any(t, {"s", "sec", "secs", "second", "seconds"});
}
bool is_distance_word(const Token& t) {
    return is_any(t, {"k", "km", "kms", "mi", "mile", "miles", "kilometer", "kilometre",
                      "kilometers", "kilometres", "m", "metres", "meters"});
}

/// Plausible running pace in seconds per km: from faster than any world record to a slow walk.
bool plausible_pace(double seconds, double km) {
    const double pace = seconds / km;
    return pace >= 150.0 && pace <= 1200.0;
}

struct Candidate {
    std::int64_t seconds = 0;
    bool total = false;
    bool goal = false;  ///< "sub 1:30", "under 50 min": a target, not the time run
};

class DurationScanner {
  public:
    DurationScanner(const Tokens& tokens, std::optional<double> distance_km)
        : tokens_(tokens), distance_km_(distance_km) {}

    std::optional<std::int64_t> scan() {
        for (std::size_t i = 0; i < tokens_.size();) i = step(i);
        for (const auto& candidate : found_) {
            if (candidate.total) return candidate.seconds;
        }
        if (found_.empty()) return std::nullopt;
        // "half in 1:29:59, sub 1:30 finally": the time run, not the goal beside it.
        const bool any_run_time =
            std::any_of(found_.begin(), found_.end(), [](const auto& c) { return !c.goal; });
        std::optional<std::int64_t> longest;
        for (const auto& candidate : found_) {
            if (candidate.goal && any_run_time) continue;
            if (!longest || candidate.seconds > *longest) longest = candidate.seconds;
        }
        return longest;
    }

  private:
    const Token& at(std::ptrdiff_t k) const { return token_at(tokens_, k); }
    const Token& at(std::size_t k) const {
        return token_at(tokens_, static_cast<std::ptrdiff_t>(k));
    }

    /// Reads whatever duration starts at `i`; returns where to continue.
    std::size_t step(std::size_t i) {
        if (tokens_[i].is_number() && at(i + 1).is_symbol(':') && !at(i + 1).spaced &&
            at(i + 2).is_number() && !at(i + 2).spaced) {
            return clock(i);
        }
        if (tokens_[i].is("half") && (at(i + 1).is("an") || at(i + 1).is("a")) &&
            is_hour_unit(at(i + 2))) {
            add(i, i + 3, 1800);
            return i + 3;
        }
        if (tokens_[i].is("half") && is_hour_unit(at(i + 1))) {
            add(i, i + 2, 1800);
            return i + 2;
        }
        // "hour and a half" without "an".
        if (is_hour_unit(tokens_[i]) && at(i + 1).is("and") && at(i + 2).is("a") &&
            at(i + 3).is("half")) {
            add(i, i + 4, 5400);
            return i + 4;
        }
        // "65'", "40' easy": minutes written with a prime.
        if (tokens_[i].is_number() && at(i + 1).is_symbol('\'') && !at(i + 1).spaced &&
            !at(i + 2).is_number()) {
            add(i, i + 2, tokens_[i].value * 60.0);
            return i + 2;
        }
        // "10k in 47": bare minutes after "in", when they make a runner's pace for the distance.
        if (tokens_[i].is_number() && at(static_cast<std::ptrdiff_t>(i) - 1).is("in") &&
            !is_any(at(static_cast<std::ptrdiff_t>(i) - 2),
                    {"repeats", "reps", "intervals", "x", "each"}) &&
            !at(i + 1).is_symbol('-') && distance_km_ && *distance_km_ > 0 &&
            tokens_[i].text.find('.') == std::string::npos &&
            (!at(i + 1).is_word() || at(i + 1).text.empty() ||
             is_any(at(i + 1), {"today", "yesterday", "yday", "this", "on", "and", "flat"})) &&
            !at(i + 1).is_symbol(':') && !at(i + 1).is_symbol('/') &&
            plausible_pace(tokens_[i].value * 60.0, *distance_km_)) {
            add(i, i + 1, tokens_[i].value * 60.0);
            return i + 1;
        }
        const auto quantity = read_quantity(tokens_, i);
        if (!quantity) return i + 1;
        // Number words only make durations when spelled out before a unit ("an hour", "forty
        // minutes").
        if (is_hour_unit(at(quantity->end))) return hours(i, *quantity);
        if (is_minute_unit(at(quantity->end)) ||
            (at(quantity->end).is("m") && tokens_[i].is_number() && quantity->value >= 10 &&
             quantity->value < 100 &&
             // "45m elevation" is height.
             !is_any(at(quantity->end + 1),
                     {"elevation", "elev", "climbing", "climb", "gain", "vert", "up", "ascent"}))) {
            return minutes(i, *quantity);
        }
        return quantity->end;
    }

    /// "1h05", "1 hr 5 min", "an hour and a half", "1.5 hours", "2 hours 10".
    std::size_t hours(std::size_t start, const Quantity& quantity) {
        double seconds = quantity.value * 3600.0;
        std::size_t end = quantity.end + 1;  // past the unit
        if (at(end).is("and") && at(end + 1).is("a") && at(end + 2).is("half")) {
            seconds += 1800.0;
            end += 3;
        } else {
            std::size_t k = end;
            if (at(k).is("and")) ++k;
            if (auto minutes = read_quantity(tokens_, k); minutes && at(k).is_number()) {
                const Token& unit = at(minutes->end);
                const bool minute_unit = is_minute_unit(unit) || unit.is("m");
                const bool bare =
                    !unit.is_word() || !(is_distance_word(unit) || is_hour_unit(unit));
                if (minutes->value < 60 && (minute_unit || bare)) {
                    seconds += minutes->value * 60.0;
                    end = minutes->end + (minute_unit ? 1 : 0);
                }
            }
        }
        add(start, end, seconds);
        return end;
    }

    /// "45 min", "45m30s", "45 minutes and 30 seconds".
    std::size_t minutes(std::size_t start, const Quantity& quantity) {
        double seconds = quantity.value * 60.0;
        std::size_t end = quantity.end + 1;
        std::size_t k = end;
        if (at(k).is("and")) ++k;
        if (auto extra = read_quantity(tokens_, k);
            extra && at(k).is_number() && extra->value < 60 && is_second_unit(at(extra->end))) {
            seconds += extra->value;
            end = extra->end + 1;
        }
        add(start, end, seconds);
        return end;
    }

    /// "52:30", "1:05:00", "1:49".
    std::size_t clock(std::size_t i) {
        const Token& a = tokens_[i];
        const Token& b = at(i + 2);
        std::size_t end = i + 3;
        const bool three_parts = at(i + 3).is_symbol(':') && !at(i + 3).spaced &&
                                 at(i + 4).is_number() && !at(i + 4).spaced;
        if (three_parts) end = i + 5;
        // A number run together with more clock parts ("1:2:3:4") is no time we understand.
        if (at(end).is_symbol(':') && at(end + 1).is_number()) return end + 2;
        const bool whole =
            a.text.find('.') == std::string::npos && b.text.find('.') == std::string::npos;
        if (!whole || b.text.size() != 2 || b.value >= 60) return end;
        if (three_parts) {
            const Token& c = at(i + 4);
            if (c.text.size() != 2 || c.value >= 60 || c.text.find('.') != std::string::npos) {
                return end;
            }
            add(i, end, a.value * 3600 + b.value * 60 + c.value);
            return end;
        }
        const double as_hours = a.value * 3600 + b.value * 60;
        const double as_minutes = a.value * 60 + b.value;
        if (distance_km_ && *distance_km_ > 0) {
            const bool hours_ok = plausible_pace(as_hours, *distance_km_);
            const bool minutes_ok = plausible_pace(as_minutes, *distance_km_);
            if (hours_ok && !minutes_ok) {
                add(i, end, as_hours);
            } else if (minutes_ok && !hours_ok) {
                add(i, end, as_minutes);
            } else if (hours_ok && minutes_ok) {
                // Both fit: the one nearer a typical 6 min/km pace.
                const auto off = [&](double s) {
                    return std::abs(std::log(s / *distance_km_ / 360.0));
                };
                add(i, end, off(as_hours) < off(as_minutes) ? as_hours : as_minutes);
            }
            return end;
        }
        add(i, end, a.value <= 3 ? as_hours : as_minutes);
        return end;
    }

    bool time_of_day(std::size_t start, std::size_t end) const {
        const auto s = static_cast<std::ptrdiff_t>(start);
        const Token& previous = at(s - 1);
        const Token& next = at(end);
        return is_any(previous, {"at", "by", "from", "until", "till", "til", "before", "after",
                                 "since", "alarm"}) ||
               previous.is_symbol('@') || is_any(next, {"am", "pm", "p", "o'clock", "oclock"}) ||
               (next.is("a") && !is_distance_word(after(end)));
    }

    const Token& after(std::size_t end) const { return at(end + 1); }

    /// Paces, rests and single repetitions next to the quantity spanning [start, end).
    bool pace_or_rest(std::size_t start, std::size_t end) const {
        const auto s = static_cast<std::ptrdiff_t>(start);
        const Token& previous = at(s - 1);
        const Token& before_previous = at(s - 2);
        const Token& next = at(end);
        const Token& after_next = at(end + 1);
        // "a 1 hour recovery run": the run's time.
        if (is_any(next, {"recovery", "easy", "steady"}) && is_any(after_next, {"run", "jog"}))
            return false;
        // "5 min of planks", "10 mins stretching": time spent on something else than running.
        const auto other_exercise = [](const Token& t) {
            return is_any(
                t, {"planks", "plank", "core", "stretching", "stretches", "yoga", "abs", "strength",
                    "pilates", "mobility", "foam", "rolling", "weights", "cycling", "bike", "swim",
                    "swimming", "walking",
                    // "after a 12 hour night shift": the day, not the run.
                    "shift", "shifts", "flight", "drive", "nap", "sleep", "workday", "ride"});
        };
        if (is_any(next, {"night", "day", "work"}) && is_any(after_next, {"shift", "shifts"}))
            return true;
        if (other_exercise(next) || (next.is("of") && other_exercise(after_next))) return true;
        // "5:30/km" is a pace; "2:38 / fuelled with gels" a time, then another thing said.
        const bool slash_between = next.is_symbol('/') && next.spaced && after_next.spaced;
        if ((next.is_symbol('/') && !slash_between) ||
            is_any(next, {"per",   "pace",    "pase",      "avg",     "average",  "splits",
                          "split", "each",    "x",         "rest",    "recovery", "recoveries",
                          "rec",   "break",   "breaks",    "walk",    "between",  "off",
                          "reps",  "repeats", "intervals", "efforts", "pauses",   "pause"})) {
            return true;
        }
        // "4:30 km", "8:30 a mile", "8 minute miles" are paces.
        if (is_distance_word(next) && !next.is("m")) return true;
        if (next.is("a") && is_distance_word(after_next)) return true;
        if (is_any(next, {"jog", "jogging"}) &&
            is_any(after_next, {"recovery", "between", "rest"})) {
            return true;
        }
        if (next.is_symbol('*')) return true;
        if (is_any(previous, {"x", "times", "pace", "pase", "avg", "average", "averaging",
                              "averaged", "every", "rest", "recovery", "recoveries", "of"}) ||
            previous.is_symbol('*') ||
            // "5:30/km" is a pace; "9.2 km / 51:08" a distance and its time.
            (previous.is_symbol('/') && !(previous.spaced && at(s).spaced))) {
            // "pace of 5:20"; but "a time of 52:30" and "in a time of" are run times.
            if (previous.is("of") && !is_any(before_previous, {"pace", "pase", "average", "avg"})) {
                return false;
            }
            return true;
        }
        if (is_any(before_previous, {"pace", "avg", "average", "averaging", "averaged"}) &&
            is_any(previous, {"was", "is", "around", "about", "at", "roughly", "of", "approx"})) {
            return true;
        }
        return false;
    }

    /// Keeps a duration spanning tokens [start, end) unless its neighbours say it is something
    /// else.
    void add(std::size_t start, std::size_t end, double seconds) {
        // "8k recovery 45:30": a run's time; "90s recovery" or "recovery 2:00" a rest.
        // "2 mins faster than last week": a difference, not a time run.
        if (is_any(at(end), {"faster", "slower", "quicker", "better", "off", "behind", "ahead",
                             "longer", "shorter", "more", "less"}))
            return;
        // "did strides for 10 min after a 6k jog": time on drills, not the run's.
        const bool drills = at(static_cast<std::ptrdiff_t>(start) - 1).is("for") &&
                            is_any(at(static_cast<std::ptrdiff_t>(start) - 2),
                                   {"strides", "drills", "core", "stretching", "stretched", "yoga",
                                    "planks", "walked", "walk", "warmup", "cooldown"});
        if (drills) return;
        const bool run_after_recovery =
            is_any(at(static_cast<std::ptrdiff_t>(start) - 1), {"recovery", "rest"}) &&
            seconds >= 600;
        if (time_of_day(start, end) || (pace_or_rest(start, end) && !run_after_recovery)) return;
        const auto rounded = static_cast<std::int64_t>(std::llround(seconds));
        if (rounded <= 0 || rounded > kMaxDurationS) return;
        const Token& previous = at(static_cast<std::ptrdiff_t>(start) - 1);
        const bool total =
            is_any(previous, {"total", "totaling", "totalling", "overall"}) ||
            (previous.is("of") && at(static_cast<std::ptrdiff_t>(start) - 2).is("total")) ||
            is_any(at(end), {"total", "altogether", "overall"}) ||
            (at(end).is("in") && at(end + 1).is("total"));
        const bool goal = is_any(
            previous, {"sub", "under", "break", "breaking", "beat", "beating", "broke", "cracked"});
        found_.push_back({rounded, total, goal});
    }

    const Tokens& tokens_;
    std::optional<double> distance_km_;
    std::vector<Candidate> found_;
};

}  // namespace

std::optional<std::int64_t> parse_duration_s(const Tokens& tokens,
                                             std::optional<double> distance_km) {
    return DurationScanner(tokens, distance_km).scan();
}

}  // namespace rubdown::intents::nlu
