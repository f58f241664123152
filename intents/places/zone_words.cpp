#include "intents/places/zone_words.hpp"

namespace rubdown::intents::places {

const std::vector<std::string_view>& zone_cues() {
    static const std::vector<std::string_view> cues{
        "i m in",
        "im in",
        "i am in",
        "i m now in",
        "im now in",
        "i am now in",
        "now in",
        "i m currently in",
        "currently in",
        "i m based in",
        "im based in",
        "i am based in",
        "based in",
        "i m living in",
        "im living in",
        "living in",
        "i live in",
        "i now live in",
        "we live in",
        "moved to",
        "just moved to",
        "relocated to",
        "just relocated to",
        "landed in",
        "just landed in",
        "arrived in",
        "just arrived in",
        "back home in",
        "back in",
        "home in",
        "here in",
        "i m from",
        "im from",
        "i am from",
        "my time zone is",
        "my timezone is",
        "time zone is",
        "timezone is",
        "time zone to",
        "timezone to",
        "time zone",
        "timezone",
        "tz is",
        "tz to",
        "tz",
        "zone to",
        "my zone is",
        "set zone to",
        "change zone to",
        "i m staying in",
        "im staying in",
        "staying in",
        "i m out in",
        "im out in",
        "i m over in",
        "im over in",
        "i m down in",
        "im down in",
        "i m up in",
        "im up in",
        "i m at",
        "im at",
        "i am at",
        "i m located in",
        "located in",
        "i reside in",
        "residing in",
        "i m back in",
        "im back in",
        "now living in",
        "now based in",
        "i m in the",
        "i m on",
        "im on",
        "i am on",
        "on",
        "moved down to",
        "moved over to",
        "moved back to",
        "moved out to",
        "moved up to",
        "use",
        "switch to",
        "switch me to",
        "change to",
        "change me to",
        "set to",
        "set it to",
        "set me to",
        "put me on",
        "put me in",
        "in",
        "based out of",
        "home is",
        "touched down in",
        "living on the",
        "live on the",
        "change it to",
        "we re",
        "we are",
        "i m",
        "im",
        "i am",
        "i m now",
        "just got to",
        "got to",
        "spending the winter in",
        "spending the summer in",
        "spending time in",
        "wintering in",
        "home base is",
        "greetings from",
        "hello from",
        "hi from",
        "writing from",
        "location",
        "location is",
        "stationed in",
        "deployed to",
        "posted in",
        "been living in",
        "been based in",
        "ve been in",
        "my clock should be",
        "clock to",
        "new city",
        "currently",
        "were",
    };
    return cues;
}

const std::set<std::string_view>& abbreviation_only_cues() {
    static const std::set<std::string_view> cues{
        "on",     "i m on", "im on", "i am on", "use",     "put me on", "we re",
        "we are", "i m",    "im",    "i am",    "i m now", "currently", "were"};
    return cues;
}

const std::vector<std::string_view>& zone_trailing_cues() {
    static const std::vector<std::string_view> cues{
        "is home",       "is my home", "based",        "is where i", "that s where i",
        "thats where i", "where i am", "where i live", "home",       "runner",
        "runners",       "here",       "based runner"};
    return cues;
}

const std::set<std::string, std::less<>>& cue_adverbs() {
    static const std::set<std::string, std::less<>> words{"up",   "down", "over", "out",
                                                          "back", "here", "now",  "just"};
    return words;
}

const std::set<std::string, std::less<>>& stay_words() {
    static const std::set<std::string, std::less<>> words{
        "here",    "for",  "till", "until", "til",  "since", "staying", "back", "from",
        "through", "thru", "over", "just",  "only", "at",    "the",     "a",    "an"};
    return words;
}

const std::vector<std::string_view>& not_the_runner_now() {
    static const std::vector<std::string_view> words{
        "my brother",    "my sister",    "my wife",    "my husband", "my friend",   "my mom",
        "my mum",        "my dad",       "my partner", "my son",     "my daughter", "my coach",
        "my girlfriend", "my boyfriend", "he",         "she",        "they",        "used to",
        "grew up",       "lived",        "when i was", "my parents", "my family",   "our"};
    return words;
}

const std::vector<std::string_view>& trip_to_come_words() {
    static const std::vector<std::string_view> words{
        "next week",    "next month",    "next year", "tomorrow",     "next weekend",
        "this weekend", "in a few days", "ll be",     "will be",      "going to be",
        "flying to",    "heading to",    "planning",  "in two weeks", "in 2 weeks",
        "next friday",  "next monday"};
    return words;
}

const std::set<std::string, std::less<>>& name_abbreviations() {
    static const std::set<std::string, std::less<>> words{"st", "ste", "mt", "ft", "pt",
                                                          "d",  "c",   "u",  "s"};
    return words;
}

const std::set<std::string, std::less<>>& place_followers() {
    static const std::set<std::string, std::less<>> words{
        "rn",        "tbh",         "for",    "since",     "now",   "until",       "till",
        "til",       "and",         "but",    "so",        "btw",   "fyi",         "at",
        "this",      "these",       "right",  "currently", "today", "atm",         "lol",
        "haha",      "time",        "area",   "again",     "with",  "from",        "though",
        "as",        "if",          "still",  "thanks",    "thx",   "pls",         "please",
        "by",        "over",        "the",    "next",      "all",   "because",     "cause",
        "cuz",       "which",       "where",  "that",      "its",   "is",          "im",
        "i",         "my",          "tz",     "timezone",  "zone",  "permanently", "indefinitely",
        "tho",       "visiting",    "hence",  "ok",        "okay",  "here",        "then",
        "yesterday", "last",        "2",      "two",       "few",   "couple",      "a",
        "an",        "temporarily", "on",     "we",        "just",  "work",        "business",
        "holiday",   "vacation",    "trip",   "u",         "you",   "any",         "do",
        "can",       "could",       "should", "what",      "how",   "fwiw",        "lmk",
        "standard",  "summer",      "winter", "daylight",  "local", "tomorrow",    "in",
        "recently",  "finally",     "full",   "month",     "week",  "year",        "after",
        "before",    "during",
    };
    return words;
}

const std::set<std::string, std::less<>>& zone_filler_words() {
    static const std::set<std::string, std::less<>> words{
        "fyi",   "btw",   "also", "ok",  "okay",   "so",       "now",      "hi",     "hey",
        "hello", "time",  "here", "pls", "please", "thanks",   "thx",      "zone",   "timezone",
        "tz",    "local", "its",  "it",  "s",      "standard", "daylight", "summer", "winter",
        "the",   "i",     "m",    "im",  "am",     "on",       "in",       "using",  "use",
        "set",   "my",    "me",   "to",  "is",     "all",      "good",     "back",   "and",
        "just",  ",",     "for",  "a",
    };
    return words;
}

const std::set<std::string, std::less<>>& abbreviation_leads() {
    static const std::set<std::string, std::less<>> words{
        "on", "in", "is", "to", "tz", "zone", "timezone", "using", "use", "keep", "run", "live",
    };
    return words;
}

const std::unordered_map<std::string_view, std::vector<std::string_view>>& zone_abbreviations() {
    static const std::unordered_map<std::string_view, std::vector<std::string_view>> names{
        {"pst", {"America/Los_Angeles"}},
        {"pdt", {"America/Los_Angeles"}},
        {"pt", {"America/Los_Angeles"}},
        {"pacific", {"America/Los_Angeles"}},
        {"pacific time", {"America/Los_Angeles"}},
        {"mst", {"America/Denver"}},
        {"mdt", {"America/Denver"}},
        {"mt", {"America/Denver"}},
        {"mountain time", {"America/Denver"}},
        {"cdt", {"America/Chicago"}},
        {"ct", {"America/Chicago"}},
        {"central time", {"America/Chicago"}},
        {"cst", {"America/Chicago", "Asia/Shanghai"}},
        {"est", {"America/New_York"}},
        {"edt", {"America/New_York"}},
        {"et", {"America/New_York"}},
        {"eastern", {"America/New_York"}},
        {"eastern time", {"America/New_York"}},
        {"akst", {"America/Anchorage"}},
        {"akdt", {"America/Anchorage"}},
        {"alaska time", {"America/Anchorage"}},
        {"hst", {"Pacific/Honolulu"}},
        {"hawaii time", {"Pacific/Honolulu"}},
        {"gmt", {"+00:00"}},
        {"utc", {"+00:00"}},
        {"z", {"+00:00"}},
        {"zulu", {"+00:00"}},
        {"bst", {"Europe/London"}},
        {"uk time", {"Europe/London"}},
        {"cet", {"Europe/Paris"}},
        {"cest", {"Europe/Paris"}},
        {"central european time", {"Europe/Paris"}},
        {"eet", {"Europe/Athens"}},
        {"eest", {"Europe/Athens"}},
        {"wet", {"Europe/Lisbon"}},
        {"west", {"Europe/Lisbon"}},
        {"msk", {"Europe/Moscow"}},
        {"ist", {"Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"}},
        {"jst", {"Asia/Tokyo"}},
        {"kst", {"Asia/Seoul"}},
        {"sgt", {"Asia/Singapore"}},
        {"hkt", {"Asia/Hong_Kong"}},
        {"aest", {"Australia/Sydney"}},
        {"aedt", {"Australia/Sydney"}},
        {"acst", {"Australia/Adelaide"}},
        {"acdt", {"Australia/Adelaide"}},
        {"awst", {"Australia/Perth"}},
        {"nzst", {"Pacific/Auckland"}},
        {"nzdt", {"Pacific/Auckland"}},
        {"ast", {"America/Halifax", "Asia/Riyadh"}},
        {"adt", {"America/Halifax"}},
        {"sast", {"Africa/Johannesburg"}},
        {"wat", {"Africa/Lagos"}},
        {"cat", {"Africa/Maputo"}},
        {"eat", {"Africa/Nairobi"}},
        {"pkt", {"Asia/Karachi"}},
        {"wib", {"Asia/Jakarta"}},
        {"pht", {"Asia/Manila"}},
        {"brt", {"America/Sao_Paulo"}},
        {"art", {"America/Argentina/Buenos_Aires"}},
    };
    return names;
}

}  // namespace rubdown::intents::places
