#include "intents/knowledge/knowledge_base.hpp"

#include <algorithm>
#include <unordered_set>

#include "intents/knowledge/medical_topics.hpp"
#include "intents/knowledge/question_subject.hpp"
#include "intents/knowledge/text_normalizer.hpp"

namespace rubdown::intents::knowledge {
namespace {

const char* const kReferralText =
    "That touches on a medical question, and my knowledge only covers sports massage for healthy "
    "runners, so I can't tell you whether it's right for you. Please check with a doctor or a "
    "physiotherapist first, and tell the massage therapist about it before your session.";

const char* const kFallbackText =
    "I don't know that one, sorry: it isn't among what I can answer. I can tell you what deep "
    "tissue (sports) massage is, why runners use it, its benefits, whether it hurts, when to book "
    "it, and how many days before a race to have it. Your massage therapist is the best person to "
    "ask about the rest.";

/// Words nearly every answer shares: they show the question is about massage, not which answer.
const char* const kDomainTerms[] = {"deep", "tissue", "sport", "massage", "therapist", "run"};

/// The runner's circumstances rather than the subject of the question: body parts, days,
/// distances, people. "my quads are wrecked after the 10k, will a massage help?" asks about
/// soreness; an answer need not mention quads or 10k to cover it. Search terms (stemmed).
const char* const kContextTerms[] = {
    "leg", "calve", "calf", "quad", "hamstring", "hip", "glute", "back", "foot", "feet", "shin",
    "knee", "ankle", "thigh", "arm", "shoulder", "neck", "year", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "morning", "evening", "night", "tonight", "weekend",
    "hour", "minute", "5k", "10k", "mile", "km", "mileage", "distance", "hill", "repeat",
    "interval", "track", "tempo", "ultra", "club", "casual", "friend", "coach", "birthday", "tir",
    "heavy", "dur", "feel", "lot", "here", "whyy", "low", "high", "money",
    // The operator's own place, which many of its runners' questions name.
    "clinic", "studio", "practice", "centre", "center", "place", "shop"};

/// Question words: they help pick an answer but say nothing about whether the topic is massage.
const std::unordered_set<std::string>& question_words() {
    static const std::unordered_set<std::string> words{
        "what", "how",  "why",  "when", "which", "who",      "best",
        "good", "time", "will", "make", "day",   "tomorrow", "today",
        "work", "much", "many", "ok",   "okay",  "idea",     "better"};
    return words;
}

bool is_question_word(const std::string& term) {
    return question_words().contains(term);
}

}  // namespace

const std::vector<KnowledgeEntry>& massage_knowledge() {
    // Answers are short enough for one chat message and stick to what the source article supports.
    static const std::vector<KnowledgeEntry> entries{
        {"what_is",
         "A deep tissue (or sports) massage goes further than the surface: the therapist works the "
         "deeper layers of muscle and the fascia around them with firm, concentrated pressure. A "
         "relaxation massage spreads gentle strokes over the whole body; a sports massage zeroes "
         "in "
         "on the particular spots that are bothering you.",
         {"what is deep tissue massage",
          "what is a sports massage",
          "what does deep tissue mean",
          "explain sports massage",
          "how is deep tissue different from a relaxation massage",
          "difference between sports massage and a normal massage",
          "deep tissue vs swedish massage",
          "is a sports massage the same as a spa massage",
          "what happens during a deep tissue massage",
          "what does a sports massage involve",
          "how does deep tissue massage work",
          "what kind of massage is deep tissue",
          "how is it different from a regular relaxing massage",
          "deep tissue layers of muscle and fascia pressure",
          "does it work the whole body or just the problem spots",
          "which layers of muscle does it reach",
          "what is that kind of massage exactly",
          "what do they do in a session",
          "never had one what is a sports massage",
          "explain deep tissue simply",
          "why is it called deep tissue"}},
        {"why_runners",
         "Runners keep loading the same muscles, so they build up tight spots, knots and cramps, "
         "and one tight area can start pulling on others. A sports massage goes straight for those "
         "problem areas with focused pressure instead of a general once-over, which is why so many "
         "runners pick it.",
         {"why do runners get deep tissue massage",
          "why do runners prefer sports massage",
          "why is sports massage popular with runners",
          "is deep tissue massage good for runners",
          "why should a runner get a sports massage",
          "why deep tissue rather than a normal massage",
          "runners tight spots knots cramps problem areas",
          "my calves are always tight would a sports massage help",
          "why would I choose deep tissue as a runner",
          "why do marathon runners get massages",
          "why is deep tissue such a runner thing",
          "is deep tissue a good fit for runners",
          "why do runners swear by it",
          "why do runners need it more than gym goers",
          "what is it with runners and deep tissue",
          "why would a runner pick a sports massage over a regular one",
          "what is the point of deep tissue for runners specifically",
          "why do runners need their knots worked out",
          "is sports massage a runner thing",
          "why do marathoners love a massage",
          "why do coaches tell runners to get deep tissue"},
         /*about_massage=*/true,
         /*explains_running=*/true},
        {"benefits",
         "For a runner the main gains are: more blood flowing through the muscles (which helps "
         "clear out waste), relief from pain, soreness and cramps after training or racing, and "
         "better flexibility and range of motion from the stretching involved. Ask me about any of "
         "them for more.",
         {"what are the benefits of deep tissue massage",
          "benefits of sports massage for runners",
          "what are the advantages of a sports massage",
          "is deep tissue massage worth it",
          "what good does a sports massage do me",
          "how does massage help runners",
          "what is sports massage good for",
          "why is massage good for recovery",
          "what do I gain from a deep tissue massage",
          "pros of deep tissue massage",
          "does massage help recovery",
          "what will I get out of a massage",
          "is it good for me to get massages",
          "what does a massage do for you",
          "does massage actually do anything",
          "what is the point of it",
          "what does it actually do for me as a runner",
          "is it worth the money or a waste",
          "is it beneficial or just hype",
          "what do I get out of it"}},
        {"blood_flow",
         "Regular deep tissue work, with its stretching and lymphatic drainage techniques, opens "
         "up "
         "the blood vessels so more blood reaches your muscles. That extra flow helps flush out "
         "the "
         "waste (the 'toxins') that builds up in hard-working muscles.",
         {"does massage improve blood flow", "does deep tissue massage help circulation",
          "does sports massage flush out toxins", "what is lymphatic drainage",
          "does massage remove lactic acid", "how does massage help blood flow to the muscles",
          "massage blood vessels circulation toxins waste", "does massage get rid of toxins",
          "does it increase blood flow", "lymphatic drainage massage for runners",
          "does it get the blood moving", "can it flush the junk out of my muscles",
          "do massages flush out waste products", "will it get more blood into my calves",
          "circulation benefits of massage"}},
        {"pain_relief",
         "Yes: sports massage is well known for easing the pain, muscle soreness and cramps that "
         "build up from training or come after a race. Working the tight spots directly is what "
         "brings the relief.",
         {"does massage help with sore muscles", "will a sports massage relieve muscle soreness",
          "can deep tissue massage help with cramps", "does massage relieve pain",
          "my legs ache after training will massage help", "massage for sore legs after a race",
          "does massage help with doms", "can a massage stop my calf cramps",
          "does deep tissue massage help with muscle pain", "relief for sore muscles",
          "will massage ease soreness after my marathon",
          "does it take the edge off aches after a race", "does it get rid of aches from training",
          "can it help with cramp on long runs"}},
        {"flexibility",
         "It can make you more flexible. Deep tissue sessions include stretching and pulling "
         "techniques, and with regular sessions your flexibility and range of motion grow. That "
         "suppleness helps with something every good runner needs: changing pace.",
         {"does massage improve flexibility", "will deep tissue massage make me more flexible",
          "does sports massage help range of motion", "can massage improve my mobility",
          "does massage help with stiff hamstrings flexibility", "does massage help me change pace",
          "stretching during sports massage", "better motion and flexibility from massage",
          "does massage loosen me up", "will massage help me switch pace",
          "I am stiff can a massage help", "does my range of motion improve after a session",
          "the therapist pulls and stretches your leg"}},
        {"does_it_hurt",
         "It is firmer than a relaxation massage: the pressure is intense and focused, so it can "
         "feel uncomfortable at times and be a bit of a strain on the body. It's common to feel "
         "slightly sore for a little while afterwards, which is why timing around races matters.",
         {"does deep tissue massage hurt", "is sports massage painful",
          "will I be sore after a deep tissue massage", "does a sports massage leave you sore",
          "is deep tissue massage uncomfortable", "how intense is a deep tissue massage",
          "why am I sore after my massage", "is it normal to ache after a sports massage",
          "does it hurt", "how bad is the pain of deep tissue", "soreness after a massage",
          "should a massage feel uncomfortable", "is it normal to feel tender after a massage",
          "will my legs ache afterwards", "I have a low pain tolerance",
          "scared it will be too intense", "the ouch factor of a massage", "will it hurt a lot"}},
        {"when_to_book",
         "The best times are right after a hard training session and after a race: that's when "
         "your "
         "body most needs help recovering, so a session then gets the most out of it. I can remind "
         "you after your hard runs.",
         {"when should I book a massage", "when is the best time for a sports massage",
          "should I get a massage after a hard session", "should I get a massage after my race",
          "is it good to have a massage after a marathon",
          "when should I get a deep tissue massage", "massage after a long run or intervals",
          "best time to schedule a massage", "when do I need a sports massage",
          "after a race when should I book", "should I get a massage after a hard workout",
          "I just did a hard run today should I get a massage", "ideal timing for a massage",
          "good idea to have a massage after the race",
          "right time for a massage in my training week", "after a tough workout or on an easy day",
          "which day of my training week is best",
          "just finished a long run is now a good time for a massage"}},
        {"before_race",
         "Have it 3 to 5 days before the race. Deep tissue work is demanding and can leave you "
         "slightly sore, so a session any closer to race day risks taking that soreness to the "
         "start line.",
         {"how long before a race should I get a massage",
          "can I get a massage the day before my race",
          "how many days before a marathon should I have a sports massage", "massage before a race",
          "is it ok to get a deep tissue massage before a race",
          "when should I get a massage before my half marathon",
          "should I have a massage the week of my race", "pre race massage timing",
          "is a massage two days before a race too late", "massage before race day",
          "is it safe to get a deep tissue massage just before a race",
          "is it a bad idea to have a massage the day before a race",
          "how many days out from a race should I have my massage", "massage in race week",
          "taper week massage", "race in 4 days still ok to have a massage",
          "my final massage before a 10k how far out should it be"}},
        {"how_often",
         "Tie it to your training: book after your hard sessions and after each race, when "
         "recovery "
         "matters most, and keep it regular. Benefits such as flexibility and blood flow build up "
         "over repeated sessions rather than from a one-off.",
         {"how often should I get a sports massage",
          "how often should runners get deep tissue massage",
          "how frequently should I have a massage", "how many massages a month",
          "should I get a massage every week", "how regularly should I book a massage",
          "once a month or once a week massage", "how many times should I have a massage",
          "how often do I need a massage", "is once a month enough", "weekly or monthly massage",
          "massage every week during training", "weekly massage overkill"}},
        {"performance",
         "Training hard and eating well are only half of it; recovery counts too, and massage is "
         "one of the things that helps. Runners who make deep tissue sessions part of their "
         "routine "
         "often find it helps them perform better on race day.",
         {"will massage make me a better runner", "does massage improve performance",
          "can massage make me faster", "does sports massage help race performance",
          "is massage important for recovery", "is recovery massage important for athletes",
          "do elite runners get massages", "does massage help me recover faster between sessions",
          "can regular massage help me get a pb", "can massage take time off my marathon",
          "proof that massage improves race times",
          "will regular massages make me a better runner"}},
    };
    return entries;
}

KnowledgeBase::KnowledgeBase(const std::vector<KnowledgeEntry>& entries, const QuestionModel* model)
    : entries_(entries), model_(model) {
    for (const auto& entry : entries_) {
        for (const auto& question : entry.questions) index_.add(entry.id, search_terms(question));
        // The answer's own words are a document too, so a question using the answer's vocabulary
        // ("lymphatic", "fascia") finds it even when no paraphrase does.
        index_.add(entry.id, search_terms(entry.answer));
    }
    for (const char* term : kDomainTerms) index_.set_term_weight(term, 0.3);
    for (const char* term : kContextTerms) index_.set_term_weight(term, 0.2);
    // Question words still tell answers apart ("why" vs "how often"), at a lower weight so that
    // "how ... work" cannot outvote a specific word such as "often".
    for (const auto& term : question_words()) index_.set_term_weight(term, 0.6);
    spelling_ = SpellingCorrector(index_.terms());
}

std::vector<std::string> KnowledgeBase::terms_of(std::string_view question) const {
    auto terms = search_terms(question);
    for (auto& term : terms) {
        if (!is_question_word(term)) term = spelling_.correct(term);
    }
    return terms;
}

std::optional<Match> KnowledgeBase::best_match(std::string_view question) const {
    return best_match_of(terms_of(question));
}

std::optional<Match> KnowledgeBase::best_match_of(const std::vector<std::string>& terms) const {
    // A question matched only through question words ("what's the weather?") is off topic.
    const bool on_topic = std::any_of(terms.begin(), terms.end(), [this](const std::string& term) {
        return !is_question_word(term) && index_.contains(term);
    });
    if (!on_topic) return std::nullopt;
    const auto ranked = index_.rank(terms);
    if (ranked.empty()) return std::nullopt;
    const auto& best = ranked.front();
    return Match{best.label, best.score, index_.coverage(terms, best.label)};
}

const KnowledgeEntry* KnowledgeBase::entry_of(std::string_view id) const {
    for (const auto& entry : entries_) {
        if (entry.id == id) return &entry;
    }
    return nullptr;
}

bool KnowledgeBase::asks_about_massage(const KnowledgeEntry& entry, std::string_view question,
                                       const std::vector<std::string>& terms,
                                       Subject subject) const {
    if (!entry.about_massage || subject == Subject::massage_topic) return true;
    // The repaired terms name massage too ("deep tisue masage").
    const bool names_it = std::any_of(terms.begin(), terms.end(), [](const std::string& t) {
        return t == "massage" || t == "tissue";
    });
    return names_it || refers_to_massage(question, /*pointing=*/subject == Subject::asked);
}

Answer KnowledgeBase::answer(std::string_view question, Subject subject,
                             const ModelTrust& trust) const {
    if (detect_medical_topic(question))
        return {"referral", kReferralText, 0.0, AnswerKind::referral};
    const auto terms = terms_of(question);
    const auto match = best_match_of(terms);
    const bool confident =
        match && match->score >= kMinimumScore && match->coverage >= kMinimumCoverage;
    const auto* matched = match ? entry_of(match->id) : nullptr;
    const auto fallback = [&] {
        return Answer{"fallback", kFallbackText, match ? match->score : 0.0, AnswerKind::fallback,
                      match ? match->coverage : 0.0};
    };
    // An operator's entry found by its words answers: the model knows only the built-in ones.
    const bool operator_entry = confident && matched != nullptr && !matched->about_massage;
    if (model_ != nullptr && !operator_entry) {
        const auto guess = model_->best(question);
        const auto* guessed = entry_of(guess.label);
        // Where BM25 is confident of another entry, the model must be surer to overrule it.
        const bool overrules = !confident || matched == nullptr || matched->id == guess.label ||
                               guess.probability >= trust.overrule;
        if (guessed != nullptr && guess.probability >= trust.answer && overrules) {
            // Without massage named, only an entry that explains running itself answers. For
            // every entry (10 development sets: 17 more right) a cold "is once a month enough?"
            // was taken for massage although it may be about running, and at p >= 0.9 "does
            // stretching on its own improve range of motion?" got massage's flexibility.
            const bool agreed = guessed->explains_running && subject != Subject::elsewhere &&
                                matched == guessed && guess.probability >= trust.agreed &&
                                match->coverage >= trust.agreed_coverage;
            if (!agreed && !asks_about_massage(*guessed, question, terms, subject))
                return fallback();
            return {guessed->id, guessed->answer, match ? match->score : 0.0, AnswerKind::answer,
                    match ? match->coverage : 0.0};
        }
        // The model learnt from questions asked on their own: right after a massage answer,
        // "how often should I get one?" is about massage, whatever "one" meant to it.
        if (guess.label == QuestionModel::kAbstain && guess.probability >= trust.abstain &&
            subject != Subject::massage_topic) {
            return fallback();
        }
    }
    const bool names_massage = std::any_of(terms.begin(), terms.end(), [](const std::string& t) {
        return t == "massage" || t == "deep" || t == "tissue";
    });
    // Nothing asked beyond the subject itself: only massage words and question words.
    const bool only_subject = std::all_of(terms.begin(), terms.end(), [](const std::string& t) {
        return is_question_word(t) || std::find(std::begin(kDomainTerms), std::end(kDomainTerms),
                                                t) != std::end(kDomainTerms);
    });
    if (names_massage && only_subject && terms.size() <= 3 &&
        (!match || match->score < kMinimumScore)) {
        // "tell me about sports massage": nothing specific asked, so say what it is.
        if (const auto* what_is = entry_of("what_is"))
            return {what_is->id, what_is->answer, 0.0, AnswerKind::answer};
    }
    if (!confident || matched == nullptr || !asks_about_massage(*matched, question, terms, subject))
        return fallback();
    return {matched->id, matched->answer, match->score, AnswerKind::answer, match->coverage};
}

}  // namespace rubdown::intents::knowledge
