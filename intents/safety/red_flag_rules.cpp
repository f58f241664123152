#include "intents/safety/red_flag_rules.hpp"

namespace rubdown::intents::safety {

const std::vector<Topic>& topics() {
    // Urgent replies say what to do now, first; medical ones who to see and what to avoid.
    static const std::vector<Topic> list{
        {"chest_pain", Level::urgent,
         "Chest pain, pressure or tightness can be your heart. Stop running now, sit down and call "
         "emergency services (112, 911 or 999), or ask someone near you to. Please don't wait to "
         "see if it passes, and don't drive yourself."},
        {"fainting", Level::urgent,
         "Fainting, nearly fainting or collapsing during or after a run needs checking now. Stop, "
         "lie down with your legs raised, and call emergency services (112, 911 or 999), or ask "
         "someone near you to. Don't run again until a doctor has seen you."},
        {"breathing", Level::urgent,
         "Struggling to breathe that doesn't settle when you stop is an emergency. Stop, sit "
         "upright, use your inhaler if you have one, and call emergency services (112, 911 or "
         "999) now."},
        {"heart_rhythm", Level::urgent,
         "A racing or irregular heartbeat together with dizziness needs help now. Stop, sit or lie "
         "down, and call emergency services (112, 911 or 999), or ask someone near you to."},
        {"heat_illness", Level::urgent,
         "Confusion, slurred speech or collapse after running in the heat can be heatstroke, "
         "which is an emergency. Call emergency services (112, 911 or 999) now, get into the "
         "shade, and cool down with cold water while you wait."},
        {"blood_clot", Level::medical,
         "A possible blood clot (a swollen, red, warm or tender calf, or a suspected DVT) needs a "
         "doctor today. Massage could move a clot, so no massage on that leg, and no running on "
         "it, until a doctor has ruled it out."},
        {"stress_fracture", Level::medical,
         "Pain in one spot on a bone, or pain that stays when you walk or comes at night, can be "
         "a stress fracture. Please stop running on it and see a doctor or physiotherapist; no "
         "deep tissue massage on that area until they have cleared it."},
        {"acute_injury", Level::medical,
         "That sounds like a fresh injury: a tear, strain or sprain. Rest it and have a doctor or "
         "physiotherapist look at it before you run on it. Deep tissue massage on a fresh injury "
         "can make it worse, so not on that area until they've cleared it."},
        {"nerve", Level::medical,
         "Numbness, tingling or pins and needles can come from a nerve. Please have a doctor or "
         "physiotherapist check it before more hard running, and no deep tissue massage on that "
         "area until they have."},
        {"infection", Level::medical,
         "With a fever or an infection, rest and see a doctor if it doesn't clear. Running hard "
         "and massage both wait until you're well: massage can spread an infection, and a fever "
         "strains the heart."},
        {"open_wound", Level::medical,
         "An open or raw wound has to heal first: no massage on or near it, and see a doctor or "
         "nurse if it looks red, hot or infected."},
        {"surgery", Level::medical,
         "After surgery, please ask your surgeon or physiotherapist before running or having a "
         "massage: they'll tell you when, and where, deep tissue work is safe."},
        {"pregnancy", Level::medical,
         "In pregnancy, please check with your midwife or doctor first, and book a therapist "
         "trained in pregnancy massage: deep tissue work isn't right for every stage or every "
         "area."},
        {"blood_thinners", Level::medical,
         "On blood thinners, deep pressure can cause bruising or bleeding. Please ask your doctor "
         "before a deep tissue massage, and tell the therapist you take them."},
        {"heart_irregular", Level::medical,
         "A racing, fluttering or irregular heartbeat should be checked by a doctor before more "
         "hard running. If it comes with dizziness, chest pain or fainting, call emergency "
         "services (112, 911 or 999)."},
        {"dizziness", Level::medical,
         "Dizziness during or after a run is worth a doctor's check, especially if it happens "
         "again. If it comes with chest pain, a racing heart, fainting or confusion, call "
         "emergency services (112, 911 or 999)."},
        {"head_injury", Level::medical,
         "A knock to the head needs a doctor's check before you run again, sooner if you have a "
         "headache, sickness or blurred vision."},
    };
    return list;
}

namespace {

std::vector<std::string_view> joined(std::vector<std::string_view> a,
                                     const std::vector<std::string_view>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

// The tables below are data: one phrase list per line group, kept compact for reading.
// clang-format off

const std::vector<Rule>& rules() {
    // Pain words, shared by several rules: "sore" is left out on purpose (ordinary after running).
    static const std::vector<std::string_view> pain{
        "pain*", "hurt*", "ache*", "aching", "achy", "throb*", "agony", "tender*", "stabbing",
        "sharp", "burning"};
    // A question about a condition in general, not a report of one ("how do I avoid a stress
    // fracture?", "how can you tell a knot from a DVT?").
    static const std::vector<std::string_view> in_general{
        "prevent*", "avoid", "risk", "curious", "in general", "warning signs", "signs of",
        "symptoms of", "how can you tell", "how do you tell", "look out for", "difference between",
        "mines fine", "chance of", "chances of", "hereditary", "runs in the family",
        "no symptoms"};
    // Dizziness and the like, as a runner says it.
    static const std::vector<std::string_view> dizzy{
        "dizzy", "dizziness", "lightheaded", "light headed", "woozy", "spinning", "faint",
        "giddy", "ground is moving", "ground moving", "ground was moving", "unsteady",
        "off balance", "vertigo", "wobbly", "seeing stars", "swimmy", "head spun",
        "head was spinning", "head spinning", "world went", "world was spinning", "tilting", "tilt", "ground tilted",
        "head is go light", "head went light", "head light", "light in the head"};
    static const std::vector<Rule> list{
        // --- urgent ---
        {"chest_pain",
         {{"chest", "sternum", "breastbone", "ribs", "retrosternal"},
          {"pain*", "pressure", "tight*", "heavy", "heaviness", "squeez*", "hurt*", "ache*",
           "aching", "crush*", "stabbing", "sharp", "weird feeling", "funny feeling", "elephant",
           "sitting on it", "band around", "band round", "vice", "weight on", "burning behind",
           "clamp*", "grip*", "seiz*", "parked", "band", "on my chest"}},
         7,
         {"chest day", "chest strap", "chest infection", "chest cold", "chest press",
          "chest workout", "chest muscle*", "pecs", "bra", "top", "shirt", "vest", "cracked rib*",
          "bruised rib*", "nope"},
         false},
        {"chest_pain", {{"angina", "heart attack", "cardiac arrest"}}, 1, {}, false},
        // A runner seldom mentions the chest for anything else: outside the gym, gear and colds,
        // a chest that "felt weird" or "went" on a run is worth the urgent answer.
        {"chest_pain",
         {{"chest", "sternum", "breastbone"}},
         1,
         {"strap*", "day", "gym", "pecs", "press", "bra", "infection", "cold", "chaf*", "rubbed",
          "nope",
          "fine", "back to normal", "heaving", "stuff", "hair", "pocket", "rig", "mount",
          "out", "puffed", "proud", "congest*", "cough*", "phlegm", "mucus", "rash", "sunburn*",
          "muscle*", "workout", "fly", "flies", "pushup*", "push ups", "bench"},
         false,
         8},
        {"chest_pain",
         {{"left arm", "my arm", "jaw", "left shoulder"},
          {"heavy", "numb", "pain*", "ache*", "tingl*", "dead", "radiat*"}},
         4,
         {"swim*", "lol", "gym", "weights", "push*", "pull*", "row*", "paddl*", "climb*"},
         false},
        {"fainting",
         {{"faint", "fainted", "fainting", "faints", "fainty", "pass out", "passed out",
           "passing out", "passes out", "black out", "blacked out", "blacking out", "blackout",
           "blacked", "lost consciousness", "keeled over", "collapse", "collapsed", "collapsing",
           "going to faint", "vision went grey", "vision went black", "vision went gray",
           "everything went black", "everything went grey", "greyed out", "grayed out",
           "grey out", "gray out", "tunnel vision", "vision tunnel*", "hit the deck",
           "hit the ground", "ended up on the ground", "lights went out", "saw stars",
           "went down after", "went down at", "went down on the", "went down and", "went down mid",
           "dropped to the ground", "found myself on the ground", "came to", "came round",
           "woke up on the", "dont remember going down", "crumpled", "legs went from under",
           "legs gave way", "legs gave out", "had to carry me", "had to be carried",
           "carried me to", "not responding", "isnt responding", "unresponsive", "wont wake",
           "out cold", "medical tent", "everything went dark", "went dark", "dont remember falling",
           "didnt remember falling", "syncope", "was on the pavement", "was on the floor",
           "on the floor and", "on the pavement and", "went down flat", "didnt respond",
           "loss of consciousness", "folded onto", "went fuzzy and far away", "far away and",
           "groggy", "went down like", "sack of potatoes", "out for a few seconds",
           "out for ? seconds", "out for a second", "out for a few", "nearly went down",
           "almost went down", "nearly passed out", "nearly keeled"}},
         1,
         {"pace", "splits", "split", "race plan", "plan", "form", "tent", "bed", "sofa", "couch"},
         false},
        // Dizzy and holding on so as not to fall: near-fainting.
        {"fainting",
         {dizzy,
          {"grab*", "hold onto", "held onto", "hang onto", "hung onto", "crouch*", "had to sit",
           "had to lie", "nearly fell", "almost fell", "nearly went", "almost went", "knees went",
           "legs went"}},
         12,
         {},
         false},
        {"breathing",
         {{"cant breathe", "cannot breathe", "couldnt breathe", "cant catch my breath",
           "couldnt catch my breath", "cant get my breath", "cant get air", "cant get enough air",
           "cant get any air", "couldnt get air", "struggling to breathe", "struggle to breathe",
           "struggled to breathe", "struggling for breath", "struggling for air",
           "gasping for air", "gasping for breath", "fighting for breath", "fighting for air",
           "hard to breathe", "difficulty breathing", "difficult to breathe", "trouble breathing",
           "unable to breathe", "barely breathe", "hardly breathe", "wont let me breathe",
           "still gasping", "gasping still", "still wheezing", "breathing wont settle",
           "breathless at rest", "short of breath", "shortness of breath", "cant breath",
           "cant finish a sentence", "cant finish sentences", "cant speak", "cant talk properly",
           "inhaler not helping", "inhaler isnt helping", "inhaler not working",
           "inhaler isnt working", "lips are blue", "lips went blue", "through a straw",
           "cant talk in sentences", "cant talk in full sentences", "cant speak in sentences",
           "couldnt get a proper breath", "cant get a proper breath", "breath shallow",
           "breathing is ragged", "breathing ragged", "getting worse not better",
           "hasnt come back", "wont settle", "inhaler isnt touching", "inhaler not touching",
           "half breaths", "chest is whistling", "not calming down", "breathings been ragged",
           "hurts to breathe", "painful to breathe", "suddenly out of breath",
           "out of breath just walking", "out of breath walking", "string a sentence",
           "string two words", "string words together", "couldnt speak", "couldnt talk",
           "lips blue", "lips are going blue", "lips went purple", "lips are purple"}},
         1,
         {"fine after", "but fine", "fine once", "fine when", "fine within", "recovered",
          "settled", "back to normal", "normal after", "fresh air", "bra", "minute later",
          "seconds later", "normal for", "got my breath back", "breath came back"},
         false,
         12},
        {"breathing",
         {{"breathe", "breath", "breathing", "air", "breaths"},
          {"cant", "cannot", "couldnt", "gasp*", "wheez*", "unable", "barely", "hardly", "weird",
           "wrong", "strange", "funny", "ragged", "laboured", "labored", "rattl*", "whistl*",
           "shallow"}},
         3,
         {"fine after", "but fine", "fine once", "fine when", "fine within", "recovered",
          "settled", "back to normal", "normal after", "fresh air", "bra", "minute later",
          "seconds later", "normal for", "got my breath back", "breath came back"},
         false,
         12},
        // Out of breath without having run: at rest, on the sofa, in bed.
        {"breathing",
         {{"puffing", "panting", "out of breath", "breathless", "winded", "huffing", "gasping",
           "short of breath"},
          {"sofa", "couch", "at rest", "in bed", "sitting down", "sat down", "lying down",
           "didnt even run", "havent run", "not even running", "not even run", "just walking",
           "resting"}},
         10,
         {"couch to", "c25k", "got my breath back", "breath came back", "recovered", "quickly"},
         false},
        {"breathing",
         {{"breathing", "breath"}, {"getting worse", "worsening", "worse and worse"}},
         5,
         {"hill*", "pace", "tempo"},
         false},
        {"heart_rhythm",
         {{"heart", "hearts", "pulse", "hr", "heartbeat", "heartbeats", "heart rate",
           "palpitation*", "bpm"},
          dizzy},
         25,
         {},
         false},
        {"heat_illness",
         {{"confused", "confusion", "disoriented", "disorientated", "delirious", "slurring",
           "slurred", "slurry", "muddled", "doesnt know where", "dont know where",
           "didnt know where", "not making any sense", "making no sense", "not making sense",
           "talking nonsense", "talking rubbish", "gibberish", "stopped sweating", "heatstroke",
           "heat stroke", "heat exhaustion", "incoherent", "cant think straight",
           "couldnt think straight", "not thinking straight", "words come out wrong",
           "words coming out wrong", "words came out wrong", "speech went", "speech is",
           "speech was", "remember his own name", "remember her own name", "remember my own name",
           "remember his name", "remember her name", "remember my name", "weaving all over",
           "completely out of it", "totally out of it", "mumbling", "cant remember the last",
           "no idea which way", "had to lead me", "wrong order"}},
         2,
         {"confused about", "confused by", "confused whether", "confused why", "confused how",
          "confused which", "confused what", "confused if", "confusion about", "bit confused",
          "a little confused", "muddled up", "got confused", "confused me", "prosecco",
          "got drunk", "bit drunk", "drunk last", "were drunk", "beer", "beers", "wine", "pints",
          "drinks", "fog", "wrong way", "wrong turn", "difference between", "signs of",
          "symptoms of", "want to know", "how do you", "how can you tell", "prevent*", "avoid"},
         false,
         10},
        // Lost and muddled after a run in the heat (the heat or the run named nearby).
        {"heat_illness",
         {{"keeps asking", "kept asking", "keep asking", "repeating himself",
           "repeating herself", "repeating myself", "not knowing where", "wandering",
           "find my words", "find his words", "find her words", "find the words",
           "talking drunk", "like he was drunk", "like she was drunk", "like i was drunk",
           "couldnt remember where", "cant remember where", "forgot where", "no idea where"},
          {"heat*", "hot", "sun", "degree*", "humid*", "c", "marathon", "race", "finish*",
           "run", "ran", "km", "miles", "parkrun", "30km", "20km"}},
         25,
         {"difference between", "want to know", "signs of"},
         false,
         10},
        // --- medical ---
        {"blood_clot",
         {{"blood clot", "blood clots", "clot", "clots", "dvt", "thrombosis", "deep vein",
           "embolism"}},
         6,
         in_general,
         true,
         8},
        {"blood_clot",
         {{"calf", "calves", "behind the knee", "behind my knee", "back of my knee",
           "back of the knee", "lower leg"},
          {"swollen", "swelling", "swelled", "puffy", "puffed", "inflamed", "red", "redness",
           "shiny", "warm", "hot to touch", "hot and", "and hot", "bigger than the other", "fatter",
           "tender behind"}},
         12,
         {"sunburn*", "sun burn*", "suncream", "compression"},
         true,
         12},
        {"stress_fracture",
         {{"stress fracture*", "stress reaction", "fracture*", "broken bone", "cracked bone",
           "broke my", "broken my", "broken toe", "broken foot", "broken ankle"}},
         8,
         in_general,
         true,
         8},
        {"stress_fracture",
         {{"one spot", "one ? spot", "one ? ? spot", "one place", "one point", "pinpoint",
           "single spot", "one exact", "specific spot", "spot on my", "spot on the bone",
           "point on my", "one finger", "fingertip", "focal"},
          joined(pain, {"sore", "cant hop"})},
         8},
        {"stress_fracture",
         {{"bone", "bones", "shin", "shins", "shinbone", "metatarsal*", "heel", "foot", "hip",
           "groin", "tibia", "fibula", "femur", "navicular", "sacrum"},
          joined(pain, {"sore spot", "tender spot", "one finger", "press on", "pressing on"}),
          {"walk", "walking", "walks", "at night", "in bed", "night", "standing", "at rest",
           "resting", "hop", "hopping", "squeeze", "one finger", "press", "pressing", "lying",
           "wakes me", "weight bearing", "walking to"}},
         14},
        {"stress_fracture",
         {{"hurts to walk", "hurts walking", "hurts when i walk", "hurts when walking",
           "pain when walking", "pain when i walk", "hurts even walking", "hurts just walking",
           "cant put weight", "cant bear weight", "can barely put weight", "cant hop",
           "hurts to hop", "limp", "limping", "limped", "limps", "walking funny", "walk funny"}},
         1},
        {"acute_injury",
         {{"sprain*", "strained", "strain", "pulled my", "pulled a", "tore", "torn", "tear in",
           "a tear", "muscle tear", "rupture*", "went over on", "rolled my ankle",
           "rolled an ankle", "twisted my", "twisted an", "swollen", "swelling", "puffed up",
           "dislocat*", "hobbl*", "someone kicked", "kicked in the", "shot in the", "hit by a",
           "cant go up on", "cant push off", "sudden sharp pain", "sharp pain", "sharp stab",
           "knife in", "sudden pain", "felt something go", "felt something give",
           "something went in my", "something gave", "felt it go", "tweaked", "tweak",
           "went during", "went on me", "went at", "crack sound", "cracking sound", "buckled",
           "gave way", "unstable", "ligament", "purple", "puffy", "grabbed", "pulled up",
           "did my back in", "did my ? back in", "cant bend", "swelled up", "twisted it",
           "balloon", "gives way", "giving way", "rolled ? ankle", "rolled her", "rolled his",
           "twisted ? ankle", "twisted ? knee", "went over on ? ankle"}},
         4,
         {"strain on", "wear and", "sting", "stung", "bite", "bitten", "nah", "feet", "fingers",
          "hands", "just sore", "sore muscles", "doms", "like an old man", "like an old woman",
          "how can i tell", "how do i tell", "difference between", "or just"},
         true,
         10},
        {"acute_injury",
         {{"felt", "heard", "something", "sharp", "sudden"},
          {"pop", "popped", "popping", "snap", "snapped", "snapping", "ping", "pinged", "twang*",
           "rip", "ripped", "ripping", "tear", "tearing"}},
         3},
        {"nerve",
         {{"numb", "numbness", "tingl*", "pins and needles", "lost feeling", "no feeling",
           "cant feel my", "dead and fuzzy", "feels dead", "fuzzy", "asleep feeling",
           "feels asleep", "gone to sleep"}},
         4,
         {"excite*", "anticipation", "with joy", "cold", "freezing", "frozen", "icy", "winter",
          "gloves", "frost*", "straight away", "wind", "snow*", "sleet", "brr", "chilly", "rain",
          "goosebumps", "down my spine", "dead tired", "as soon as", "goes away", "went away",
          "cross legged", "sitting", "sat on"},
         true,
         16},
        {"infection",
         {{"fever", "feverish", "infection", "infected", "pus", "oozing", "sepsis",
           "shivering and hot", "high temperature", "cellulitis", "flu like", "abscess",
           "red streak*", "red line*", "got a temperature", "have a temperature",
           "running a temperature", "running a temp", "the chills", "sweats and chills", "uti",
           "the shivers", "got the shivers", "a temperature", "bit of a temp", "a temp and",
           "slight temp", "got a temp", "have a temp", "had a temp", "im burning up",
           "was burning up", "hot and cold sweats", "chest infection", "chesty cough"}},
         1},
        {"infection",
         {{"flu", "influenza"}},
         1,
         {"jab", "shot", "vaccine", "vaccination", "season", "like symptoms"},
         true,
         2},
        {"infection",
         {{"temp*", "fever"}, {"38*", "39*", "40*", "101*", "102*", "103*"}},
         3},
        {"infection", {{"lump", "bump"}, {"red", "hot", "bigger", "growing", "spreading"}}, 5},
        {"infection",
         {{"scab", "cut", "graze", "wound", "blister", "bite", "sting", "splinter", "stitches"},
          {"hot", "red", "throbbing", "pus", "swollen", "angry", "warm", "spreading"}},
         10},
        {"open_wound",
         {{"open wound", "open cut", "open sore", "open blister", "open raw", "still raw",
           "raw patch", "raw skin", "raw underneath", "skin off", "blister off", "gash*",
           "bleeding", "had stitches", "needed stitches", "got stitches", "stitched", "still open",
           "wound open", "cut is open", "grazed", "graze", "road rash", "deep cut",
           "cut open", "split open", "burst blister", "blister popped", "blister burst",
           "weeping", "cut my", "split my ? open", "glued", "split open", "cut on my",
           "cut on the", "cut on his", "cut on her", "grit in", "gravel in"}},
         1,
         {"nipple*", "toenail*", "toe", "chafing", "chafe*", "nose"}},
        {"surgery",
         {{"surgery", "operation", "operated", "arthroscopy", "keyhole", "had my ? out",
           "had my ? ? out", "c section", "caesarean", "cesarean", "op on my", "hip replacement",
           "knee replacement", "post op", "postop", "repair", "reconstruction", "hernia", "acl",
           "replaced", "vasectomy", "procedure"}},
         6,
         {"eye laser", "none", "no recent", "shoe*"}},
        {"pregnancy",
         {{"pregnant", "pregnancy", "trimester", "weeks pregnant", "expecting a baby",
           "postpartum", "post partum", "gave birth", "had a baby", "c section", "caesarean",
           "cesarean", "breastfeeding", "my bump", "baby bump"}},
         1,
         {"cheer*", "watch me", "watching me", "spectat*", "support me", "supporting me",
          "do your therapists", "do you offer", "do you do", "shes pregnant", "partners pregnant",
          "partner is pregnant", "wifes pregnant", "wife is pregnant so", "whos ? months",
          "training partner", "newsletter", "writing a piece", "with a mate", "my mate",
          "sister*", "friend*", "colleague*", "cousin*", "daughter*", "niece", "curious"},
         false,
         12},
        // The runner's own pregnancy, named plainly, even when asking about the therapists.
        {"pregnancy",
         {{"im pregnant", "i am pregnant", "im ? weeks pregnant", "im ? months pregnant",
           "i am ? weeks pregnant", "im expecting", "were expecting", "expecting a baby",
           "expecting our", "expecting my first", "expecting twins"}},
         1,
         {"to", "a", "an", "race", "rain", "it", "that", "some", "the", "pb", "time", "slow",
          "hard", "much", "more", "less", "sore", "doms", "too"},
         false,
         1},
        {"blood_thinners",
         {{"blood thinner*", "blood thinning", "anticoagulant*", "anti coagulant*", "warfarin",
           "coumadin", "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran", "pradaxa",
           "edoxaban", "heparin", "clopidogrel", "plavix"}},
         1,
         {"off them", "no longer", "stopped taking", "not on anything", "im not on", "read that",
          "people on"},
         false,
         12,
         false},
        {"heart_irregular",
         {{"heart", "pulse", "heartbeat", "heartbeats"},
          {"irregular", "flutter*", "skip*", "skipping beats", "missed beats", "all over the place",
           "out of rhythm", "afib", "no rhythm", "not in rhythm", "not in the rhythm", "jumping",
           "funny", "weird", "strange", "odd", "wrong", "stutter*"}},
         5,
         {},
         false},
        {"heart_irregular",
         {{"palpitation*", "arrhythmia", "afib", "atrial fibrillation", "irregular heartbeat"}},
         1,
         {},
         false},
        {"dizziness",
         {{"dizzy", "dizziness", "lightheaded", "light headed", "woozy", "vertigo",
           "room spinning", "everything spinning", "everything was spinning"}},
         1,
         {"fine after", "but fine", "fine once", "fine when", "went away", "gone now", "settled",
          "passed", "sorts it", "sorted it", "empty stomach", "if i dont eat", "after eating"},
         false,
         8},
        {"head_injury",
         {{"concussion", "concussed", "hit my head", "banged my head", "knocked my head",
           "head injury", "smacked my head"}},
         1},
    };
    return list;
}

const std::vector<std::string_view>& negators() {
    static const std::vector<std::string_view> list{
        "no", "not", "never", "without", "didnt", "dont", "doesnt", "wasnt", "isnt", "arent",
        "werent", "havent", "hasnt", "hadnt", "zero", "nor", "none", "neither", "wont", "free",
        "nothing"};
    return list;
}

const std::vector<std::string_view>& resolved_markers() {
    static const std::vector<std::string_view> list{
        "healed", "fully healed", "all healed", "fully recovered", "fully fine", "totally fine",
        "completely fine", "all good now", "ruled out", "no sign of", "cleared me", "cleared it",
        "gave me the all clear", "all clear", "rehabbed", "signed off", "discharged",
        "no problems since", "all gone", "back to full training", "back to normal", "fine now",
        "fully over", "over it now", "got over it", "none of that"};
    return list;
}

const std::vector<std::string_view>& not_now_markers() {
    static const std::vector<std::string_view> list{
        "years ago", "year ago", "last year", "yrs ago", "long ago", "long gone", "back in 20*",
        "back in 19*", "in 199*", "in 200*", "in 201*", "in 202*", "as a kid", "as a child", "in school", "years back",
        "in the past", "general question", "not happening to me", "not me", "if i ever",
        "what causes", "on tv", "on the tv", "on the news", "in the news", "on telly",
        "lower my chances", "reduce my chances", "what should i do if", "what do you do if",
        "hypothetically", "how do i avoid", "how do you avoid", "how do i prevent",
        "how do you prevent", "how to prevent", "how to avoid", "prevention tips",
        "any prevention", "the news", "did you see", "tv", "doctor was saying", "i read",
        "article", "podcast", "long behind me", "behind me now", "the price", "price of",
        "look like im about", "looked like i was about", "jk", "just kidding", "waiting to happen",
        "for laughing", "from cheering", "lost my voice", "literally faint", "faint if",
        "saw a woman", "saw a man", "saw someone", "saw a runner", "my dad had", "my mum had",
        "my father had", "my mother had", "family history", "runs in my family",
        "from laughing", "laughing so hard", "laughed so hard", "laughed till",
        "from shock", "at the price", "at the prices", "watching the", "olympic*", "the guy who",
        "the woman who", "how does that even happen", "how does that happen", "summers ago",
        "seasons ago", "is it true"};
    return list;
}

// clang-format on

// clang-format off

const std::vector<std::string_view>& idioms() {
    static const std::vector<std::string_view> list{
        "pain in the neck", "pain in the butt", "pain in the arse", "pain in the ass",
        "pain in the backside", "no pain no gain", "faint hope", "faint chance", "faint idea",
        "faintest idea", "faint hearted", "feverish pace", "heart sank", "heart set on",
        "hearts set on", "heart is set on", "heart broke", "heartbroken", "heart in my mouth",
        "skipped a beat", "took my breath away", "take your breath away", "breath of fresh air",
        "shed a tear", "tears of joy", "wear and tear", "mind is racing", "mind was racing",
        "mind racing", "mind numbing", "mind numbingly", "fever pitch", "cabin fever",
        "spring fever", "race fever", "marathon fever", "gasping for a", "dying for a",
        "break a leg", "broke my pb", "broke my record", "broken record", "broke the record",
        "broke 20", "broke 40", "broke 50", "broke 3", "broke 4", "bleeding edge",
        "bleeding hell", "race pace", "heart of the", "at heart", "catch my breath after",
        "swollen head", "pulled my socks", "pulled my hat", "tear up", "tearing up",
        "strain the budget", "stress fracture free", "collapsed into bed",
        "collapsed on the sofa", "collapsed on the couch", "collapsed in bed", "could pass out",
        "could faint", "could collapse", "ill pass out", "ill faint", "ill collapse",
        "side stitch", "a stitch", "off my chest", "clotted cream", "fever tree", "tore through",
        "tore up", "tore round", "tore around", "tore down", "tore it up", "broke my ? pb",
        "broke my ? ? pb", "broke ? pb"};
    return list;
}

// clang-format on

}  // namespace rubdown::intents::safety
