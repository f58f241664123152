// Longer than 400 lines (612) because every way of naming a day (weekday, relative, day and month,
// numeric, ranges) shares the same token helpers and the rule that a past run's day and a race's
// day differ.
#include "intents/nlu/date_parser.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <initializer_list>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "intents/nlu/effort_parser.hpp"

namespace rubdown::intents::nlu {
namespace {

using date::days;
using date::sys_days;

bool is_any(const Token& token, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

/// How a runner named a day.
struct Mention {
    enum class Kind { calendar, weekday, day_offset, month_offset, weekend } kind = Kind::calendar;
    unsigned month = 0;  ///< calendar: 1-12, or 0 for "the 14th" alone
    unsigned day = 0;
    std::optional<int> year;
    unsigned weekday = 0;  ///< 0 = Sunday
    enum class Modifier { none, last, next, this_ } modifier = Modifier::none;
    int offset = 0;           ///< days or months, signed
    bool superseded = false;  ///< "from X" in "moved from X to Y", "not X"
    std::size_t start = 0;    ///< index of its first token
};

constexpr std::array<std::pair<std::string_view, unsigned>, 26> kMonths{{
    {"jan", 1},        {"january", 1},   {"feb", 2},       {"february", 2},  {"mar", 3},
    {"march", 3},      {"apr", 4},       {"april", 4},     {"may", 5},       {"jun", 6},
    {"june", 6},       {"jul", 7},       {"july", 7},      {"aug", 8},       {"august", 8},
    {"sep", 9},        {"sept", 9},      {"september", 9}, {"oct", 10},      {"october", 10},
    {"nov", 11},       {"november", 11}, {"dec", 12},      {"december", 12}, {"febuary", 2},
    {"decemeber", 12},
}};

std::optional<unsigned> month_of(const Token& token) {
    if (!token.is_word()) return std::nullopt;
    for (const auto& [word, month] : kMonths) {
        if (token.text == word) return month;
    }
    if (token.text.size() >= 6) {
        for (const auto& [word, month] : kMonths) {
            if (word.size() >= 6 && edit_distance_capped(token.text, word) <= 1) return month;
        }
    }
    return std::nullopt;
}

/// 0 = Sunday. Short forms ("sat", "sun") only where they read as days, since they are ordinary
/// words too: after "on", "last", "next", "this"; right after a run's figure ("10k fri", "8k easy
/// sat"); or starting a clause before one ("sat: 5k", "sun 6k tempo"). "In the sun" is no day.
std::optional<unsigned> weekday_of(const Token& token, const Token& previous, const Token& next) {
    if (!token.is_word()) return std::nullopt;
    static constexpr std::array<std::string_view, 7> kFull{
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    std::string_view text = token.text;
    if (text.ends_with("'s")) text.remove_suffix(2);
    if (text.size() > 6 && text.ends_with('s')) text.remove_suffix(1);  // "saturdays"
    for (unsigned d = 0; d < 7; ++d) {
        if (text == kFull[d]) return d;
    }
    if (text.size() >= 6) {
        for (unsigned d = 0; d < 7; ++d) {
            if (edit_distance_capped(text, kFull[d]) <= 1) return d;
        }
        if (text == "wensday" || text == "wendsday" || text == "thrusday" || text == "saterday") {
            return text[0] == 'w' ? 3u : text[0] == 't' ? 4u : 6u;
        }
    }
    static constexpr std::array<std::pair<std::string_view, unsigned>, 11> kShort{{
        {"sun", 0},
        {"mon", 1},
        {"tue", 2},
        {"tues", 2},
        {"wed", 3},
        {"weds", 3},
        {"thu", 4},
        {"thur", 4},
        {"thurs", 4},
        {"fri", 5},
        {"sat", 6},
    }};
    const bool after_a_figure =
        (previous.is_number() ||
         is_any(previous, {"k",         "km",       "kms",   "mi",      "miles",       "mile",
                           "easy",      "jog",      "run",   "tempo",   "steady",      "recovery",
                           "intervals", "parkrun",  "pb",    "pr",      "ultra",       "race",
                           "marathon",  "half",     "trail", "session", "workout",     "long",
                           "threshold", "shakeout", "hills", "fartlek", "progression", "reps",
                           "strides",   "moderate", "hard"})) &&
        !is_any(next, {"was", "is", "came", "shone", "shining", "out", "set", "rise", "rose"});
    const bool clause_start = previous.text.empty() || previous.kind == Token::Kind::symbol;
    const bool before_a_figure =
        next.is_number() || next.is_symbol(':') || next.is_symbol('-') ||
        is_any(next, {"long", "easy", "run", "jog", "tempo", "recovery", "steady", "parkrun"});
    // "the entry for tues", "delete tues run", "move it to sat".
    if (is_any(previous,
               {"on", "last", "next", "this", "since", "from", "to", "coming", "for", "delete",
                "remove", "fix", "change", "move", "under", "before", "after"}) ||
        after_a_figure || (clause_start && before_a_figure) ||
        // "my Tues session", "the tues hills" ("the sun", "my sat nav" are not days).
        (is_any(previous, {"my", "the"}) &&
         (!is_any(token, {"sun", "sat", "mon"}) ||
          // "my sat run", "the sun long run": a run word after it makes it the day.
          is_any(next, {"run", "runs", "long", "jog", "session", "workout", "tempo", "easy",
                        "parkrun", "race", "intervals", "km", "k", "miles"})))) {
        for (const auto& [word, d] : kShort) {
            if (text == word) return d;
        }
    }
    return std::nullopt;
}

/// A number small enough to be a day or a month (at most 31). Checked before any cast: a number
/// token can hold up to 12 digits, which no unsigned conversion may be asked to take.
std::optional<unsigned> day_or_month_number(const Token& token) {
    if (!token.is_number() || token.value > 31) return std::nullopt;
    return static_cast<unsigned>(token.value);
}

/// A day-of-month number: "14", "14th" (lexed as 14, th), 1-31 and whole.
std::optional<unsigned> day_number(const Token& token) {
    if (!token.is_number() || token.text.find('.') != std::string::npos) return std::nullopt;
    if (token.value < 1 || token.value > 31) return std::nullopt;
    return static_cast<unsigned>(token.value);
}

bool is_ordinal_suffix(const Token& token) {
    return !token.spaced && is_any(token, {"st", "nd", "rd", "th"});
}

std::optional<int> year_number(const Token& token) {
    if (!token.is_number() || token.text.find('.') != std::string::npos) return std::nullopt;
    if (token.text.size() == 4 && token.value >= 2000 && token.value <= 2100) {
        return static_cast<int>(token.value);
    }
    return std::nullopt;
}

bool valid_day(unsigned month, unsigned day) {
    return month >= 1 && month <= 12 && day >= 1 &&
           date::month_day{date::month{month}, date::day{day}}.ok();
}

bool is_yesterday(const Token& token) {
    if (is_any(token, {"yesterday", "yday", "yest", "ystd", "yesterdays", "yesterday's",
                       "yesturday", "ystrdy", "yestrday", "yesterdy", "yesteday", "yestarday"})) {
        return true;
    }
    return token.text.size() >= 8 && edit_distance_capped(token.text, "yesterday") <= 1;
}

bool is_tomorrow(const Token& token) {
    return is_any(token, {"tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow",
                          "tomorrows", "tomorrow's", "tmrrw", "2moro", "tomoro"});
}

class MentionScanner {
  public:
    explicit MentionScanner(const Tokens& tokens) : tokens_(tokens) {}

    std::vector<Mention> scan() {
        const auto n = static_cast<std::ptrdiff_t>(tokens_.size());
        for (std::ptrdiff_t i = 0; i < n;) i = step(i);
        return mentions_;
    }

  private:
    const Token& at(std::ptrdiff_t k) const { return token_at(tokens_, k); }

    void push(Mention mention, std::ptrdiff_t start) {
        mention.start = static_cast<std::size_t>(start);
        std::ptrdiff_t before = start - 1;
        while (is_any(at(before), {"on", "the"}) && before > start - 3) --before;
        mention.superseded =
            is_any(at(before), {"from", "not", "no", "instead", "was", "originally"}) ||
            (at(before).is("of") && at(before - 1).is("instead")) ||
            (at(before).is("on") && at(before - 1).is("longer"));
        if (at(start - 1).is("from") || at(start - 2).is("from")) mention.superseded = true;
        mentions_.push_back(mention);
    }

    struct NamedDate {
        unsigned month = 0;
        unsigned day = 0;
        std::ptrdiff_t length = 0;
    };

    std::optional<NamedDate> named_day_at(std::ptrdiff_t i) const {
        const Token& first = at(i);
        const Token& second = at(i + 1);
        if (is_any(first, {"christmas", "xmas"}) && is_any(second, {"day", "eve"}))
            return NamedDate{12, second.is("day") ? 25u : 24u, 2};
        if (first.is("boxing") && second.is("day")) return NamedDate{12, 26, 2};
        if (is_any(first, {"valentines", "valentine's"}) && second.is("day"))
            return NamedDate{2, 14, 2};
        if (first.is("new") && is_any(second, {"years", "year's", "year"}) &&
            is_any(at(i + 2), {"day", "eve"}))
            return at(i + 2).is("day") ? NamedDate{1, 1, 3} : NamedDate{12, 31, 3};
        return std::nullopt;
    }

    std::ptrdiff_t step(std::ptrdiff_t i) {
        const Token& token = at(i);
        // ISO: 2026-12-14
        if (const auto year = year_number(token);
            year && at(i + 1).is_symbol('-') && at(i + 2).is_number() && at(i + 3).is_symbol('-') &&
            at(i + 4).is_number() && !at(i + 2).spaced && !at(i + 4).spaced) {
            const auto month = day_or_month_number(at(i + 2));
            const auto day = day_or_month_number(at(i + 4));
            if (month && day && valid_day(*month, *day)) {
                Mention m;
                m.month = *month, m.day = *day, m.year = year;
                push(m, i);
            }
            return i + 5;
        }
        // Numeric day/month: 14/12, 14/12/2026, 14/12/26, 14-12? (no: too close to scores and
        // ranges)
        if (token.is_number() && at(i + 1).is_symbol('/') && !at(i + 1).spaced &&
            at(i + 2).is_number() && !at(i + 2).spaced) {
            return slashed(i);
        }
        // Month name first: "Dec 14", "December 14th, 2026"
        if (const auto month = month_of(token)) {
            std::ptrdiff_t k = i + 1;
            if (at(k).is_symbol('.')) ++k;
            if (at(k).is("the")) ++k;
            if (const auto day = day_number(at(k));
                day && valid_day(*month, *day) && !is_unit_after(k)) {
                Mention m;
                m.month = *month, m.day = *day;
                std::ptrdiff_t end = k + 1;
                if (is_ordinal_suffix(at(end))) ++end;
                if (at(end).is_symbol(',')) {
                    if (year_number(at(end + 1))) ++end;
                }
                if (const auto year = year_number(at(end))) m.year = year, ++end;
                push(m, i);
                return end;
            }
        }
        // Days of the year by name: "Christmas Day", "Boxing Day", "New Year's Day".
        if (const auto named = named_day_at(i)) {
            Mention m;
            m.month = named->month, m.day = named->day;
            push(m, i);
            return i + named->length;
        }
        // Day first: "14 Dec", "14th of December", "the 14th"
        if (const auto day = day_number(token);
            day && !(at(i - 1).is_symbol(':') && !token.spaced) && !at(i - 1).is_symbol('/')) {
            std::ptrdiff_t k = i + 1;
            const bool ordinal = is_ordinal_suffix(at(k));
            if (ordinal) ++k;
            if (at(k).is("of")) ++k;
            if (const auto month = month_of(at(k)); month && valid_day(*month, *day)) {
                Mention m;
                m.month = *month, m.day = *day;
                std::ptrdiff_t end = k + 1;
                if (const auto year = year_number(at(end))) m.year = year, ++end;
                push(m, i);
                return end;
            }
            if (ordinal && is_any(at(i - 1), {"the", "on"})) {
                Mention m;
                m.month = 0, m.day = *day;
                push(m, i);
                return k;
            }
        }
        if (const auto weekday = weekday_of(token, at(i - 1), at(i + 1))) {
            Mention m;
            m.kind = Mention::Kind::weekday;
            m.weekday = *weekday;
            const Token& previous = at(i - 1);
            if (previous.is("last") || previous.is("past") || previous.is("previous")) {
                m.modifier = Mention::Modifier::last;
            } else if (previous.is("next") || previous.is("coming")) {
                m.modifier = Mention::Modifier::next;
            } else if (previous.is("this")) {
                m.modifier = Mention::Modifier::this_;
            }
            push(m, i);
            return i + 1;
        }
        if (is_yesterday(token)) {
            // "the day before yesterday"
            const bool before = at(i - 1).is("before") && at(i - 2).is("day");
            push(offset_days(before ? -2 : -1), i);
            return i + 1;
        }
        if (token.is("last") && is_any(at(i + 1), {"night", "nite", "evening", "nght"})) {
            push(offset_days(-1), i);
            return i + 2;
        }
        if (is_tomorrow(token)) {
            const bool after = at(i - 1).is("after") && at(i - 2).is("day");
            push(offset_days(after ? 2 : 1), i);
            return i + 1;
        }
        if (is_any(token, {"today", "tonight", "todays", "today's", "2day", "tonite"}) ||
            (token.is("this") &&
             is_any(at(i + 1),
                    {"morning", "afternoon", "evening", "am", "pm", "lunchtime", "morn", "mornings",
                     "morning's", "afternoons", "afternoon's", "evenings", "evening's"}))) {
            push(offset_days(0), i);
            return i + 1;
        }
        if (is_any(token, {"weekend", "wknd", "wkend"})) {
            Mention m;
            m.kind = Mention::Kind::weekend;
            if (is_any(at(i - 1), {"last", "past"})) m.modifier = Mention::Modifier::last;
            if (at(i - 1).is("next")) m.modifier = Mention::Modifier::next;
            if (at(i - 1).is("this")) m.modifier = Mention::Modifier::this_;
            push(m, i);
            return i + 1;
        }
        // "3 days ago", "a week ago", "in 3 weeks", "3 weeks from now", "in a fortnight"
        if (const auto quantity = read_quantity(tokens_, static_cast<std::size_t>(i))) {
            const auto unit_index = static_cast<std::ptrdiff_t>(quantity->end);
            const Token& unit = at(unit_index);
            int per_unit = 0;
            bool months = false;
            if (is_any(unit, {"day", "days", "dys"})) per_unit = 1;
            if (is_any(unit, {"week", "weeks", "wk", "wks", "weeks'", "week's"})) per_unit = 7;
            if (is_any(unit, {"fortnight", "fortnights"})) per_unit = 14;
            if (is_any(unit, {"month", "months", "mo", "mos"})) per_unit = 1, months = true;
            const double value = quantity->value;
            if (per_unit != 0 && value > 0 && value <= 400 && value == static_cast<int>(value)) {
                const int amount = static_cast<int>(value) * per_unit;
                const Token& after = at(unit_index + 1);
                int sign = 0;
                if (is_any(after, {"ago", "back", "earlier"})) sign = -1;
                if (at(i - 1).is("in") || (after.is("from") && at(unit_index + 2).is("now")) ||
                    is_any(after, {"away", "out", "time", "today", "later"}) ||
                    (at(i - 1).is("a") && at(i - 2).is("in"))) {
                    sign = 1;
                }
                if (sign != 0) {
                    Mention m;
                    m.kind = months ? Mention::Kind::month_offset : Mention::Kind::day_offset;
                    m.offset = sign * amount;
                    push(m, i);
                    return unit_index + 1;
                }
            }
            return static_cast<std::ptrdiff_t>(quantity->end);
        }
        return i + 1;
    }

    /// "14/12" is day/month; "12/14" only fits as month/day. "7/10" after "effort" is an RPE and
    /// "1/2 marathon" a fraction.
    std::ptrdiff_t slashed(std::ptrdiff_t i) {
        const Token& first = at(i);
        const Token& second = at(i + 2);
        std::ptrdiff_t end = i + 3;
        std::optional<int> year;
        if (at(end).is_symbol('/') && at(end + 1).is_number() && !at(end + 1).spaced) {
            const Token& y = at(end + 1);
            // The same years as an ISO date: "19/1/1111" is not a day anyone ran or races on.
            if (y.text.size() == 4) year = year_number(y);
            if (y.text.size() == 2) year = 2000 + static_cast<int>(y.value);
            end += 2;
            if (!year) return end;
        }
        // The tail of a clock or pace ("5:15/km"), not a date.
        if ((at(i - 1).is_symbol(':') && !first.spaced) || at(i - 1).is_symbol('/')) return end;
        if (first.text.find('.') != std::string::npos ||
            second.text.find('.') != std::string::npos) {
            return end;
        }
        const bool rpe_like = second.value == 10 && first.value <= 10 && !year &&
                              !is_any(at(i - 1), {"on", "the", "since", "from", "to", "until"});
        const bool fraction = is_any(at(end), {"marathon", "mara", "marathons"});
        if (rpe_like || fraction) return end;
        const auto first_number = day_or_month_number(first);
        const auto second_number = day_or_month_number(second);
        if (!first_number || !second_number) return end;
        auto day = *first_number;
        auto month = *second_number;
        if (!valid_day(month, day)) std::swap(day, month);
        if (!valid_day(month, day)) return end;
        Mention m;
        m.month = month, m.day = day, m.year = year;
        push(m, i);
        return end;
    }

    bool is_unit_after(std::ptrdiff_t k) const {
        return is_any(at(k + 1), {"k", "km", "kms", "mi", "miles", "mile", "min", "mins", "minutes",
                                  "m", "hours", "h", "hr", "hrs"});
    }

    static Mention offset_days(int offset) {
        Mention m;
        m.kind = Mention::Kind::day_offset;
        m.offset = offset;
        return m;
    }

    const Tokens& tokens_;
    std::vector<Mention> mentions_;
};

date::weekday weekday_of(date::year_month_day day) {
    return date::weekday{sys_days{day}};
}

/// Days from `from` forward to the next `target` weekday: 0..6.
int days_until(date::year_month_day from, unsigned target) {
    return static_cast<int>((date::weekday{target} - weekday_of(from)).count());
}

date::year_month_day plus_days(date::year_month_day day, int n) {
    return date::year_month_day{sys_days{day} + days{n}};
}

date::year_month_day plus_months(date::year_month_day day, int n) {
    auto moved = day + date::months{n};
    if (!moved.ok()) moved = date::year_month_day{moved.year() / moved.month() / date::last};
    return moved;
}

std::optional<date::year_month_day> calendar_day(int year, unsigned month, unsigned day) {
    const date::year_month_day result{date::year{year}, date::month{month}, date::day{day}};
    if (!result.ok()) return std::nullopt;
    return result;
}

/// The most recent day matching `mention` on or before `today`.
std::optional<date::year_month_day> resolve_past(const Mention& m, date::year_month_day today) {
    const int year = static_cast<int>(today.year());
    switch (m.kind) {
        case Mention::Kind::calendar: {
            if (m.year) return calendar_day(*m.year, m.month, m.day);
            if (m.month == 0) {
                // "the 14th": this month, or last month when the 14th has not come yet.
                auto candidate = calendar_day(year, static_cast<unsigned>(today.month()), m.day);
                if (candidate && sys_days{*candidate} <= sys_days{today}) return candidate;
                const auto previous = plus_months(today, -1);
                return calendar_day(static_cast<int>(previous.year()),
                                    static_cast<unsigned>(previous.month()), m.day);
            }
            auto candidate = calendar_day(year, m.month, m.day);
            if (candidate && sys_days{*candidate} <= sys_days{today}) return candidate;
            for (int back = 1; back <= 4; ++back) {  // 29 Feb needs a leap year
                if (auto earlier = calendar_day(year - back, m.month, m.day)) return earlier;
            }
            return std::nullopt;
        }
        case Mention::Kind::weekday: {
            int back = static_cast<int>((weekday_of(today) - date::weekday{m.weekday}).count());
            if (m.modifier == Mention::Modifier::last && back == 0) back = 7;
            if (m.modifier == Mention::Modifier::next) return std::nullopt;
            return plus_days(today, -back);
        }
        case Mention::Kind::day_offset:
            if (m.offset > 0) return std::nullopt;
            return plus_days(today, m.offset);
        case Mention::Kind::month_offset:
            if (m.offset > 0) return std::nullopt;
            return plus_months(today, m.offset);
        case Mention::Kind::weekend: {
            // The most recent Saturday before today.
            int back = static_cast<int>((weekday_of(today) - date::Saturday).count());
            if (back == 0) back = 7;
            if (m.modifier == Mention::Modifier::next) return std::nullopt;
            return plus_days(today, -back);
        }
    }
    return std::nullopt;
}

/// The coming day matching `mention`: on or after `today` for dates, after it for weekdays.
std::optional<date::year_month_day> resolve_future(const Mention& m, date::year_month_day today) {
    const int year = static_cast<int>(today.year());
    switch (m.kind) {
        case Mention::Kind::calendar: {
            if (m.year) return calendar_day(*m.year, m.month, m.day);
            if (m.month == 0) {
                auto candidate = calendar_day(year, static_cast<unsigned>(today.month()), m.day);
                if (candidate && sys_days{*candidate} >= sys_days{today}) return candidate;
                const auto next = plus_months(today, 1);
                return calendar_day(static_cast<int>(next.year()),
                                    static_cast<unsigned>(next.month()), m.day);
            }
            auto candidate = calendar_day(year, m.month, m.day);
            if (candidate && sys_days{*candidate} >= sys_days{today}) return candidate;
            for (int ahead = 1; ahead <= 4; ++ahead) {
                if (auto later = calendar_day(year + ahead, m.month, m.day)) return later;
            }
            return std::nullopt;
        }
        case Mention::Kind::weekday: {
            int ahead = days_until(today, m.weekday);
            if (ahead == 0 && m.modifier != Mention::Modifier::this_) ahead = 7;
            if (m.modifier == Mention::Modifier::last) return std::nullopt;
            return plus_days(today, ahead);
        }
        case Mention::Kind::day_offset:
            if (m.offset < 0) return std::nullopt;
            return plus_days(today, m.offset);
        case Mention::Kind::month_offset:
            if (m.offset < 0) return std::nullopt;
            return plus_months(today, m.offset);
        case Mention::Kind::weekend: {
            // Races are mostly on Sundays: this weekend's Sunday, or the one after for "next".
            int ahead = days_until(today, 0);
            if (m.modifier == Mention::Modifier::last) return std::nullopt;
            if (m.modifier == Mention::Modifier::next) ahead += 7;
            return plus_days(today, ahead);
        }
    }
    return std::nullopt;
}

bool mentions_a_move(const Tokens& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return is_any(t, {"moved", "move", "moving", "postponed", "postpone", "rescheduled",
                          "reschedule", "changed", "change", "pushed", "shifted", "delayed",
                          "instead", "now", "switched", "bumped", "brought", "updated", "update"});
    });
}

}  // namespace

date::year_month_day local_today(Seconds now, const std::string& time_zone) {
    const date::time_zone* zone = nullptr;
    try {
        if (!time_zone.empty()) zone = date::locate_zone(time_zone);
    } catch (const std::exception&) {
        zone = nullptr;  // An unknown zone reads as UTC, as promised.
    }
    if (zone == nullptr) return date::year_month_day{date::floor<days>(now)};
    const auto local = date::make_zoned(zone, now).get_local_time();
    return date::year_month_day{date::floor<days>(local)};
}

std::string iso_date(date::year_month_day day) {
    return date::format("%F", day);
}

std::optional<date::year_month_day> from_iso_date(const std::string& text) {
    int year = 0;
    unsigned month = 0, day = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &rest) != 3)
        return std::nullopt;
    const date::year_month_day read{date::year{year}, date::month{month}, date::day{day}};
    if (!read.ok()) return std::nullopt;
    return read;
}

date::year_month_day parse_run_date(const Tokens& tokens, date::year_month_day today) {
    // "moved from", "not on" only matter for races; a run names the day it happened.
    for (const auto& mention : MentionScanner(tokens).scan()) {
        if (auto day = resolve_past(mention, today); day && sys_days{*day} <= sys_days{today}) {
            return *day;
        }
    }
    return today;
}

std::vector<NamedDay> past_days_named(const Tokens& tokens, date::year_month_day today) {
    std::vector<NamedDay> named;
    for (const auto& mention : MentionScanner(tokens).scan()) {
        if (auto day = resolve_past(mention, today); day && sys_days{*day} <= sys_days{today})
            named.push_back({*day, mention.superseded, mention.start});
    }
    return named;
}

std::optional<unsigned> month_named(const Token& token) {
    return month_of(token);
}

bool is_month_name(const Token& token) {
    // The table's last two entries are typos ("febuary", "decemeber"): names only here.
    return token.is_word() && std::any_of(kMonths.begin(), kMonths.end() - 2,
                                          [&](const auto& m) { return token.text == m.first; });
}

bool names_a_day(const Tokens& tokens) {
    return !MentionScanner(tokens).scan().empty();
}

std::optional<date::year_month_day> parse_race_date(const Tokens& tokens,
                                                    date::year_month_day today) {
    const auto mentions = MentionScanner(tokens).scan();
    std::vector<date::year_month_day> days_named;
    const bool other_days = std::any_of(mentions.begin(), mentions.end(), [](const Mention& m) {
        return !(m.kind == Mention::Kind::day_offset && m.offset <= 0);
    });
    for (const auto& mention : mentions) {
        if (mention.superseded) continue;
        // "signed up today for the race on April 12": today is when they signed up.
        if (other_days && mention.kind == Mention::Kind::day_offset && mention.offset == 0)
            continue;
        if (auto day = resolve_future(mention, today)) days_named.push_back(*day);
    }
    if (days_named.empty()) return std::nullopt;
    // A move names the old date first and the new one last.
    return mentions_a_move(tokens) ? days_named.back() : days_named.front();
}

}  // namespace rubdown::intents::nlu
