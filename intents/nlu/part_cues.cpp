// Longer than 400 lines (575) because data only: the phrase lists themselves, grouped by what they
// cue.
#include "intents/nlu/part_cues.hpp"

#include <algorithm>

namespace rubdown::intents::nlu {

// clang-format off

const PhraseList& clause_joiners() {
    static const PhraseList list{"and", "then", "but", "also", "plus", "and then", "after that",
                                 "afterwards", "as well as", "&", "y"};
    return list;
}

const PhraseList& clause_continuations() {
    static const PhraseList list{
        "not", "instead", "rather than", "with", "including", "incl", "of which", "inc",
        "at", "in", "for", "averaging", "avg", "pace", "felt", "feeling", "took", "taking",
        "which took", "finishing in", "finished in", "time", "moving time", "elapsed"};
    return list;
}

const PhraseList& session_pieces() {
    static const PhraseList list{
        "warm up", "warmup", "warm - up", "wu", "cool down", "cooldown", "cool - down", "cd",
        "reps", "rep", "repeats", "strides", "recovery jog", "jog recovery", "rest",
        "of which", "each", "x", "splits", "split", "last", "first", "the rest", "total",
        "in total", "overall", "all in", "after ? k", "after ? km", "after ? miles",
        "after ? mi", "after the first", "for the first", "in the last", "at threshold",
        "at tempo", "at race pace", "at marathon pace", "at mp", "at hmp", "at 10k pace",
        "at 5k pace", "out along", "back along", "out and", "there and", "on the way back",
        "the way back", "way back", "back home", "out ? back", "first half", "second half",
        "second"};
    return list;
}

const PhraseList& time_idioms() {
    static const PhraseList list{
        "last night", "last week", "last weekend", "last month", "last year", "last time",
        "last monday", "last tuesday", "last wednesday", "last thursday", "last friday",
        "last saturday", "last sunday", "first thing", "first time", "the last few days",
        "last few days", "last few weeks", "my first", "first ever", "first marathon",
        "first half", "first ultra", "first race", "first 5 k", "first 10 k"};
    return list;
}

const PhraseList& change_cues() {
    static const PhraseList list{
        "meant to say", "meant to put", "meant to type", "was meant to say", "was meant to read",
        "tyop", "dropped a digit", "missed a digit",
        "was supposed to say", "supposed to say", "typo", "correction", "correct that", "change",
        "changed", "edit", "fix the", "fix that", "fix it", "fix my", "fix this", "fix last",
        "fix todays", "fix yesterdays", "fix mondays", "fix tuesdays", "fix wednesdays",
        "fix thursdays", "fix fridays", "fix saturdays", "fix sundays", "pls fix",
        "please fix", "can you fix", "can u fix", "update", "amend", "wrong distance",
        "wrong time", "wrong day", "wrong date", "wrong effort", "wrong pace", "wrong entry",
        "wrong number", "wrong run", "is wrong", "was wrong", "are wrong", "its wrong",
        "it was actually", "was actually", "actually it", "actually was", "was really",
        "really was", "move ? to", "move ? ? to", "move ? ? ? to", "changing", "set the effort",
        "set the distance", "set the time", "set the date", "make the long run",
        "make my long run", "make the run", "make my run", "chnage", "cahnge", "chnge", "chaneg",
        "udpate", "updte", "switch the date", "change the date",
        "logged it as", "put it as", "i typed", "i wrote", "i put", "got it wrong",
        "got the ? wrong", "mis typed", "mistyped", "fat fingered", "fat-fingered", "adjust",
        "correct it", "correct the", "set it to", "move it to", "move that to", "move my",
        "move the", "no wait", "wait no", "wait it was", "hang on", "hold on", "scratch that",
        "modify", "thats wrong", "thats not right", "nope", "you have my", "youve got my",
        "put ? down as", "put ? ? down as", "put ? ? ? down as", "move ? run", "move ? ? run",
        "move ? entry", "move it", "move that", "move this", "correct my", "please correct",
        "pls correct", "can you correct", "can u correct", "correct ? run", "correct todays",
        "correct yesterdays", "make yesterday", "make yesterdays", "make today", "make todays",
        "make last nights", "make this mornings", "make my last", "make the last",
        "make monday", "make tuesday", "make wednesday", "make thursday", "make friday",
        "make saturday", "make sunday", "make mondays", "make tuesdays", "make wednesdays",
        "make thursdays", "make fridays", "make saturdays", "make sundays", "set ? to",
        "set ? ? to", "set ? ? ? to", "fix yesterday", "fix today", "fix monday", "fix tuesday",
        "fix wednesday", "fix thursday", "fix friday", "fix saturday", "fix sunday", "mark ? as",
        "mark ? ? as", "mark ? ? ? as", "mark ? ? ? ? as", "knock ? down to",
        "knock ? ? down to", "bump ? up to", "bump ? ? up to", "dates wrong", "date is wrong",
        "times wrong", "time is wrong", "distance is wrong", "distances wrong", "wrong on that",
        "log that for", "log it for", "put that on", "put it on", "put it under",
        "put that under"};
    return list;
}

const PhraseList& pivot_change_cues() {
    static const PhraseList list{
        "make that", "make it", "should have been", "shouldve been", "should of been",
        "should be", "should say", "should read", "i meant", "meant", "must be", "must have been",
        "needs to be", "has to be", "no it was", "no its", "shoud be", "shuld be", "shold be",
        "nah it was", "nah its", "nope it was", "no no it was", "no that was", "no thats",
        "nope its", "not what it says", "not what you have", "not what it shows"};
    return list;
}

const PhraseList& aside_cues() {
    static const PhraseList list{
        "sorry", "oops", "by mistake", "instead of", "actually ran", "actually did", "i said",
        "put in", "wrongly", "mistakenly", "whoops", "oh no", "my bad", "ugh", "autocorrect",
        "mistake", "swapped", "the digits", "gave you the wrong", "by accident", "accidentally",
        "in error"};
    return list;
}

const PhraseList& late_log_cues() {
    static const PhraseList list{
        "forgot to log", "forgot to add", "forgot to post", "forgot to put", "didnt log",
        "meaning to log", "also log", "please log", "pls log", "log this", "can you log",
        "can u log", "add this", "add a run", "late with this", "been busy", "as planned",
        "as per plan", "like i planned", "meant to log", "meant to add", "meant to post",
        "should have logged", "catching up", "catch up on", "backlog"};
    return list;
}

const PhraseList& change_idioms() {
    static const PhraseList list{
        "for a change", "change of scenery", "change of pace", "change of plan",
        "change of plans", "nice change", "a change", "climate change", "change into",
        "changed into", "change shoes", "changed shoes", "change my shoes", "changed my shoes",
        "change clothes", "changed clothes", "wrong turn", "wrong way", "hold on to",
        "hang on to", "pace changes", "change in pace", "change the world", "wrong about",
        "changed my route", "changed route", "change my route", "changed the route",
        "changed plans", "changed my plans", "meant to go", "meant to run", "meant to do",
        "was meant to", "meant to be", "forgot to log", "forgot to add", "not a typo",
        "didnt go to plan", "didnt go as planned", "didnt go well", "didnt go great",
        "garmin deleted", "strava deleted", "watch deleted", "app deleted", "race pace",
        "marathon pace", "half marathon pace", "half pace", "10 k pace", "5 k pace",
        "not gonna lie", "nothing to change", "nothing to fix", "wrong shoes", "meant to log",
        "meant to add", "meant to post", "deleted my ? app", "deleted the app", "deleted my app",
        "deleted the ? app", "deleted my garmin", "deleted strava", "deleted my strava",
        "deleted my account", "marathon training", "marathon plan", "marathon block",
        "marathon prep", "half marathon training", "half marathon plan", "half training",
        "ultra training", "race training", "was wrong about", "i was wrong", "ended up doing",
        "goal pace", "goal marathon pace", "goal race pace", "goal half pace", "at goal",
        "marathon distance", "half marathon distance", "on my own", "make it but", "id make it",
        "set out to", "set out", "race simulation", "race sim", "race rehearsal", "race - pace",
        "marathon - pace", "typo in my training", "typo in my plan", "typo in the plan",
        "to make it", "make it to", "make it through", "made it", "make it home",
        "delete strava", "delete my strava", "delete my app", "delete the app",
        "delete my ? app", "delete the ? app", "delete my garmin",
        "been doing", "was doing", "were doing", "after doing", "stuck to the plan", "stuck to plan", "to the plan",
        "according to plan", "went to plan", "as per the plan", "followed the plan", "on plan",
        "training plan", "make me a plan", "a plan for me"};
    return list;
}

const PhraseList& delete_cues() {
    static const PhraseList list{
        "delete", "deleted", "remove", "scrap", "erase", "get rid of", "bin",
        "cancel that run", "cancel the run", "cancel my run", "didnt run", "did not run",
        "didnt actually run", "never ran", "wasnt a run", "didnt do", "did not do",
        "didnt happen", "never happened", "logged twice", "double logged", "logged it twice",
        "duplicate", "dupe", "entered twice", "twice by mistake", "logged that twice",
        "take off", "take out", "wipe", "shouldnt be there", "shouldnt be in", "not mine",
        "forget the", "forget that", "forget about the", "forget my last", "never went",
        "didnt go", "didnt actually go", "didnt make it out", "never did it", "wasnt me",
        "wifes run", "husbands run", "partners run", "someone elses", "not my run",
        "cancel that last", "cancel the last", "cancel that entry", "cancel my last",
        "undo", "drop that", "drop the", "ignore that run", "ignore the run", "strike",
        "isnt mine", "wasnt mine", "kill", "in twice", "put ? in twice", "take ? off",
        "take ? ? off", "take ? ? ? off", "double entry", "is double",
        "was double", "logged ? twice", "logged my ? twice", "logged ? ? twice",
        "logged my ? ? twice", "scratch the", "scratch my", "scratch yesterdays",
        "scratch ? run", "scratch ? ? run", "scratch that run", "del last", "del that",
        "scratch ? entry", "scratch ? ? entry", "nuke", "double posted", "posted it twice",
        "del the last", "delete last",
        "scratch todays", "only walked", "i only walked", "scratch that last", "scratch the last",
        "scratch last", "posted twice", "sent twice", "ignore the", "ignore that", "ignore my",
        "disregard", "wrong chat", "delte", "deleet", "detele", "remvoe", "dlete",
        "doubled my", "doubled the", "double counted", "counted twice", "shows twice",
        "showing twice", "appears twice", "there twice", "in there twice"};
    return list;
}

const PhraseList& plan_cues() {
    static const PhraseList list{
        "tomorrow", "tmrw", "tmr", "tomoz", "tomorrows", "later today", "later on",
        "this weekend", "next week", "next weekend", "next month", "next year",
        "ill", "i will", "will be", "will do", "will run", "im going to", "going to", "gonna",
        "im doing", "planning", "plan to", "plan is", "plan on", "planned for", "hoping to",
        "hope to", "want to", "wanna", "aiming", "aim to", "aim for", "my goal", "goal is",
        "goal for", "target", "training for", "prepping for", "preparing for", "building up to",
        "build up to", "building to", "would like to", "id like to", "thinking of",
        "thinking about", "scheduled", "on the schedule", "on the plan", "in ? weeks",
        "in ? days", "in a week", "in a fortnight", "dream of", "trying to break",
        "try to break", "try and break", "to break", "intend", "intending", "in the new year",
        "in january", "in february", "in march", "in april", "in spring", "next spring",
        "in summer", "next summer", "this summer", "someday", "one day", "eventually",
        "bucket list", "this saturday", "this sunday", "coming weekend", "on the cards",
        "lined up", "penciled in", "pencilled in", "before christmas", "by christmas",
        "by the end of", "by end of", "in the morning", "first thing", "ramp up", "ramp to",
        "get up to", "work up to", "working up to", "sign up for", "tempted to",
        "fancy doing", "might do", "might run", "may do", "hopefully", "should do",
        "need to do", "have to do", "got to do", "gotta do", "going for", "go for",
        "goal", "training to", "will", "will try", "next monday", "next tuesday",
        "next wednesday", "next thursday", "next friday", "next saturday", "next sunday",
        "this monday", "this tuesday", "this wednesday", "this thursday", "this friday",
        "im running", "i am running", "hoping for", "shooting for", "going long",
        "working towards", "working toward", "working on", "in the spring", "aim is", "id run",
        "gotta get", "got to get",
        "need to get", "need to fit", "i am doing", "plan for monday",
        "plan for tuesday", "plan for wednesday", "plan for thursday", "plan for friday",
        "plan for saturday", "plan for sunday", "plan for tomorrow", "plan for today",
        "plan for the weekend", "coming up", "plan", "dream",
        "next run", "next long run", "next session", "next workout", "want a", "want sub", "maybe",
        "if anyone", "anyone fancy", "anyone fancies", "whos in", "join me", "be there",
        "heading out", "doing an",
        "trying to", "try to", "this spring", "doing a", "from now on", "by summer",
        "by the summer", "by spring", "by the spring", "by next year",
        "monday is", "monday =", "mondays a", "mondays the", "monday will be", "tuesday is",
        "tuesday =", "tuesdays a", "tuesdays the", "tuesday will be", "wednesday is", "wednesday =",
        "wednesdays a", "wednesdays the", "wednesday will be", "thursday is", "thursday =", "thursdays a",
        "thursdays the", "thursday will be", "friday is", "friday =", "fridays a", "fridays the",
        "friday will be", "saturday is", "saturday =", "saturdays a", "saturdays the", "saturday will be",
        "sunday is", "sunday =", "sundays a", "sundays the", "sunday will be",
        "go run", "go for a run", "i go",
        "doing ? miles",
        "doing ? mi", "doing ? k", "doing ? km", "doing a ? k", "doing a ? miler",
        "doing a ? ? k", "doing a ? ? km", "doing a ? ? miles", "doing an ? ? k"};
    return list;
}

const PhraseList& correction_pivots() {
    static const PhraseList list{
        "was", "were", "is", "its", "it was", "should be", "should have been", "shouldve been",
        "should of been", "shouldve", "should say", "should read", "make that", "make it",
        "meant", "i meant", "really was", "was really", "more like", "took", "down as",
        "belongs to", "belongs on", "should have been logged as", "should be logged as",
        "shouldve been logged as", "should have been put down as", "must be", "must have been",
        "needs to be", "has to be", "- >"};
    return list;
}

const PhraseList& change_verbs() {
    static const PhraseList list{
        "change", "changed", "edit", "update", "move", "moved", "set", "switch", "amend",
        "correct", "modify", "mark", "knock", "bump",
        "fix", "adjust", "put it", "make"};
    return list;
}

const PhraseList& logged_value_cues() {
    static const PhraseList list{
        "logged", "i typed", "typed", "i put", "put it as", "put it down as", "put down",
        "i entered", "entered", "i wrote", "wrote", "recorded", "i input",
        "put in", "it says", "log says", "it shows", "you have", "you had", "youve got",
        "its showing", "it is showing", "showing", "log has", "your log has", "it has me",
        "you have me running", "you have me doing", "it said", "it had", "it showed",
        "you put", "you logged", "have me down for", "have me down as", "had me down",
        "you have it as", "you write", "you wrote", "u logged", "u put", "i registered",
        "registered", "auto synced", "synced"};
    return list;
}

const PhraseList& day_fix_cues() {
    static const PhraseList list{
        "wrong date", "wrong day", "different day", "dates wrong", "date is wrong",
        "log that for", "log it for", "put it on", "put that on", "put it under",
        "put that under", "instead please"};
    return list;
}

const PhraseList& not_logged_before() {
    static const PhraseList list{"entered the", "entered a", "entered an", "just entered",
                                 "signed up", "registered", "it says on my plan",
                                 "says on my plan", "logged my first", "logged my 1st"};
    return list;
}

const PhraseList& set_aside_markers() {
    static const PhraseList list{"not", "instead of", "rather than", "and not", "wasnt",
                                 "was not", "isnt"};
    return list;
}

const PhraseList& correction_continuations() {
    static const PhraseList list{
        "it was", "its", "was", "is", "should be", "should have been", "shouldve been", "not",
        "it should be", "it should have been", "it shouldve been",
        "i typed", "i put", "i wrote", "i entered", "i logged", "logged", "typed",
        "meant", "i meant", "delete it", "remove it", "can u change it", "can you change it",
        "pls change it", "please change it", "change it", "fix it", "update it",
        "can you fix it", "can u fix it", "make it", "make that", "you have it as", "you have",
        "you write", "you wrote", "you logged", "you put", "u logged", "shoud be"};
    return list;
}

const PhraseList& race_words() {
    static const PhraseList list{
        "race", "racing", "marathon", "half marathon", "half", "ultra", "event", "parkrun",
        "signed up", "entered the", "registered", "bib", "start line", "a 5 k", "a 10 k",
        "the 5 k", "the 10 k", "a 15 k", "a 21 k", "turkey trot", "my 5 k", "my 10 k", "my 15 k",
        "my 21 k", "tri", "triathlon", "sprint tri", "cross country", "xc", "ironman", "duathlon",
        "fell race", "trail race", "my spot", "a spot", "my place", "a place", "dash", "5 k race", "next up",
        "10 k race"};
    return list;
}

const PhraseList& intention_cues() {
    static const PhraseList list{
        "planning", "plan to", "plan is", "plan on", "going to", "gonna", "want to", "wanna",
        "will", "ill", "hoping to", "hope to", "aim to", "aiming to", "aiming for", "intend",
        "intending", "would like to", "id like to", "thinking of", "thinking about",
        "tempted to", "might", "may do", "should do", "need to do", "have to do", "gotta",
        "going for", "go for", "training for", "training to", "hoping for", "shooting for",
        "going long", "need to get", "need to fit", "im doing", "i am doing", "doing",
        "plan for monday", "plan for tuesday", "plan for wednesday", "plan for thursday",
        "plan for friday", "plan for saturday", "plan for sunday", "plan for tomorrow"};
    return list;
}

const PhraseList& own_figure_cues() {
    static const PhraseList list{"call it", "calling it", "im logging", "ill log", "log it as",
                                 "going with", "im going with", "ill go with", "ill take",
                                 "im putting", "ill put", "put it down as", "im counting",
                                 "counting it as"};
    return list;
}

const PhraseList& invitation_cues() {
    static const PhraseList list{
        "anyone up for", "anyone fancy", "anyone want", "anyone keen", "anyone joining",
        "anybody up for", "anybody fancy", "whos in", "whos up for", "who wants", "whos coming",
        "are you up for", "you up for", "you in", "fancy joining", "join me", "wanna join",
        "want to join", "are you doing", "are you running", "you coming", "are you coming",
        "are you guys", "you guys up for", "shall we"};
    return list;
}

const PhraseList& run_done_verbs() {
    static const PhraseList list{"ran", "did", "done", "jogged"};
    return list;
}

const PhraseList& training_session_words() {
    static const PhraseList list{
        "progression", "x",          "track",      "tempo",        "intervals",  "repeats",
        "reps",        "long run",   "easy",       "steady",       "recovery",   "training",
        "session",     "workout",    "not a race", "distance run", "fartlek",    "hills",
        "strides",     "threshold",  "with the club", "club run", "with friends",
        "with a few friends", "group run"};
    return list;
}

const PhraseList& no_race_idioms() {
    static const PhraseList list{"not a race",           "not racing",        "no race",
                                 "not race",             "half marathon distance",
                                 "marathon distance",    "half distance"};
    return list;
}

const PhraseList& told_done_cues() {
    static const PhraseList list{
        "was", "were", "went", "felt", "feel", "feeling", "had", "got", "managed", "stayed",
        "struggled", "suffered", "nailed", "smashed", "crushed", "survived", "sneaked", "won",
        "pb", "pr", "brutal", "tough", "killer", "hard going", "legs", "knackered", "wrecked",
        "dead", "splits", "hr", "heart rate", "bpm", "avg", "average", "rpe", "effort", "report",
        "recap", "log", "logged", "add", "new", "happy", "pleased", "proud", "mud", "muddy",
        "climbing", "elevation", "windy", "headwind", "rain", "sunny", "freezing", "hot"};
    return list;
}

const PhraseList& past_plan_cues() {
    static const PhraseList list{
        "planned", "was planning", "was going to", "was gonna", "supposed to", "meant to do",
        "meant to run", "was meant to", "wanted to", "plan was", "the plan was", "was aiming",
        "aimed for", "aimed to", "should have done", "target was", "was hoping", "hoped to",
        "was scheduled", "on the plan was", "plan said", "schedule said", "programme said",
        "meant to go", "set out to", "goal was", "goal for ? was",
        "program said", "coach wanted", "coach said", "was set to", "i wanted", "id planned",
        "plan says", "schedule says", "programme says", "program says",
        "had ? on the plan", "had ? ? on the plan", "had ? on my plan", "had ? ? on my plan",
        "scrapped the", "skipped the", "ditched the", "bailed on the", "binned the",
        "i had planned", "i hoped for", "i was hoping for"};
    return list;
}

const PhraseList& device_reading_cues() {
    static const PhraseList list{
        "watch said", "watch says", "watch had", "watch showed", "watch shows", "watch read",
        "garmin said", "garmin says", "garmin had", "garmin showed", "strava said",
        "strava says", "strava had", "strava showed", "app said", "app says", "gps said",
        "gps says", "gps had", "phone said", "phone says", "coros said", "polar said",
        "according to my watch", "according to strava", "according to garmin",
        "watch measured", "watch made it", "strava made it", "garmin made it",
        "watch died", "watch clocked", "treadmill said", "treadmill says", "coros says",
        "polar says", "suunto said", "suunto says", "strava reckons", "garmin reckons",
        "watch reckons"};
    return list;
}

const PhraseList& goal_words() {
    static const PhraseList list{
        "race", "marathon", "half", "ultra", "ultramarathon", "10 k", "5 k", "parkrun", "pb",
        "pr", "sub", "under", "break", "breaking", "bq", "boston", "qualify", "qualifier",
        "first", "miler", "100 miler", "50 miler", "trail race", "relay", "event",
        "personal best", "personal record", "goal", "mileage", "a week", "per week",
        "weekly", "a month", "per month"};
    return list;
}

const PhraseList& run_words() {
    static const PhraseList list{
        "run", "runs", "running", "jog", "jogging", "long run", "tempo", "intervals", "k",
        "km", "kms", "miles", "mile", "mi", "hills", "hill", "session", "workout", "reps",
        "easy", "recovery", "fartlek", "track"};
    return list;
}

const PhraseList& reminder_words() {
    static const PhraseList list{
        "remind", "reminder", "reminders", "nudge", "nudges", "notify", "notification",
        "notifications", "ping me", "quiet hours", "quiet time", "do not disturb", "mute"};
    return list;
}

const PhraseList& stats_words() {
    static const PhraseList list{
        "stats", "statistics", "show me", "my total", "my totals", "how far", "how much",
        "how many", "my mileage", "weekly total", "summary", "my log", "list my", "my runs",
        "my fastest", "my slowest", "my longest", "pace trend", "my progress", "my average",
        "streak", "my monthly", "monthly distance", "monthly mileage", "compare", "compares"};
    return list;
}

const PhraseList& settings_view_cues() {
    static const PhraseList list{
        "my settings",   "show settings",  "settings",      "what time zone", "which time zone",
        "what timezone", "which timezone", "what zone",     "which zone",     "my time zone",
        "my timezone",   "what units",     "which units",   "miles or km",    "km or miles",
        "my preferences", "my setup", "my units", "what unit", "which unit", "my zone", "units and zone", "my distances", "my config", "current config", "configuration",
        "my prefs", "preferences", "what tz", "which tz", "my tz", "am i set to", "are you using miles",
        "are you using km", "you have me in", "you got me in", "current settings", "setings",
        "my setings", "on file for me", "have me on", "got me on", "you think im in",
        "which configuration"};
    return list;
}

const PhraseList& massage_words() {
    static const PhraseList list{
        "massage", "massages", "massage's", "therapist", "rubdown", "physio", "appointment",
        "book", "booking", "booked", "sports massage", "deep tissue"};
    return list;
}

const PhraseList& other_sport_words() {
    static const PhraseList list{"swam", "cycled", "bike", "biked", "rode", "ride", "cycling", "rowed",
                                 "rowing", "walked", "hiked", "spin class", "yoga", "pilates",
                                 "weights", "lifted", "strength session"};
    return list;
}

const PhraseList& done_words() {
    static const PhraseList list{
        "ran", "did", "done", "raced", "finished", "completed", "jogged", "yesterday", "today",
        "todays", "this morning", "last", "tonight", "earlier", "ago"};
    return list;
}

const PhraseList& run_report_words() {
    static const PhraseList list{
        "run", "jog", "long run", "tempo", "intervals", "session", "workout", "trail", "easy",
        "running", "ran", "jogged", "hilly", "hills", "recovery", "long", "parkrun", "track",
        "fartlek", "threshold", "steady", "trails", "practice", "strides", "drills", "canicross",
        "stroller", "treadmill", "stopped at", "bailed at", "settled for", "did only", "only did",
        "shakeout", "shake out",
        "cut it short"};
    return list;
}

// clang-format on

namespace {

/// Whether `phrase` (space-separated words; "?" is any one token) is said at token `i`, ending
/// before `to`. A token's apostrophes are skipped: "didn't" reads as "didnt". One pass over the
/// phrase's characters, without splitting it.
bool phrase_at(const Tokens& tokens, std::size_t i, std::string_view phrase, std::size_t to) {
    std::size_t k = i;
    std::size_t p = 0;
    while (p < phrase.size()) {
        if (k >= to) return false;
        const bool any = phrase[p] == '?' && (p + 1 == phrase.size() || phrase[p + 1] == ' ');
        if (any) {
            ++p;
        } else {
            for (const char c : tokens[k].text) {
                if (c == '\'') continue;
                if (p >= phrase.size() || phrase[p] != c) return false;
                ++p;
            }
            if (p < phrase.size() && phrase[p] != ' ') return false;
        }
        if (p < phrase.size()) ++p;  // the space before the next word
        ++k;
    }
    return true;
}

std::string_view first_word(std::string_view phrase) {
    return phrase.substr(0, phrase.find(' '));
}

std::size_t word_count(std::string_view phrase) {
    return static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ') + 1);
}

}  // namespace

PhraseList::PhraseList(std::initializer_list<std::string_view> phrases) : phrases_(phrases) {
    if (phrases_.size() < kIndexedFrom) return;
    for (std::uint32_t p = 0; p < phrases_.size(); ++p) {
        const auto first = first_word(phrases_[p]);
        if (first == "?") {
            any_first_word_.push_back(p);
        } else {
            by_first_word_[first].push_back(p);
            first_word_shapes_.set(shape_of(first.front(), first.size()));
        }
    }
}

std::size_t PhraseList::shape_of(char first, std::size_t length) {
    return (static_cast<unsigned char>(first) * 31u + std::min<std::size_t>(length, 31)) %
           kFilterBits;
}

std::size_t PhraseList::longest_at(const Tokens& tokens, std::size_t i, std::size_t to) const {
    std::size_t longest = 0;
    const auto consider = [&](std::string_view phrase) {
        if (phrase_at(tokens, i, phrase, to)) longest = std::max(longest, word_count(phrase));
    };
    if (phrases_.size() < kIndexedFrom) {
        for (const auto phrase : phrases_) consider(phrase);
        return longest;
    }
    for (const auto p : any_first_word_) consider(phrases_[p]);
    // The token's text without apostrophes is the key: "didn't" finds "didnt".
    const auto& text = tokens[i].text;
    const auto apostrophes = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\''));
    const auto first = text.find_first_not_of('\'');
    if (first == std::string::npos ||
        !first_word_shapes_.test(shape_of(text[first], text.size() - apostrophes)))
        return longest;
    std::string plain;
    std::string_view key = text;
    if (text.find('\'') != std::string::npos) {
        for (const char c : text) {
            if (c != '\'') plain.push_back(c);
        }
        key = plain;
    }
    if (const auto found = by_first_word_.find(key); found != by_first_word_.end()) {
        for (const auto p : found->second) consider(phrases_[p]);
    }
    return longest;
}

bool PhraseList::matches_at(const Tokens& tokens, std::size_t i, std::size_t to) const {
    return i < to && longest_at(tokens, i, to) > 0;
}

bool has_phrase(const Tokens& tokens, const PhraseList& list, std::size_t from, std::size_t to,
                std::size_t* at) {
    to = std::min(to, tokens.size());
    for (std::size_t i = from; i < to; ++i) {
        if (list.matches_at(tokens, i, to)) {
            if (at != nullptr) *at = i;
            return true;
        }
    }
    return false;
}

bool has_phrase_outside(const Tokens& tokens, const PhraseList& list, const PhraseList& idioms) {
    std::vector<bool> covered(tokens.size(), false);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto words = idioms.longest_at(tokens, i, tokens.size());
        for (std::size_t k = i; k < std::min(tokens.size(), i + words); ++k) covered[k] = true;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!covered[i] && list.matches_at(tokens, i, tokens.size())) return true;
    }
    return false;
}

}  // namespace rubdown::intents::nlu
