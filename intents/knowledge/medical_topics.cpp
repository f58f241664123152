#include "intents/knowledge/medical_topics.hpp"

#include <string>
#include <utility>
#include <vector>

#include "intents/knowledge/text_normalizer.hpp"

namespace rubdown::intents::knowledge {
namespace {

struct Cue {
    std::vector<std::string> words;  ///< consecutive raw words (lower case)
    MedicalTopic topic;
};

/// Word sequences, matched on whole words, never inside another word ("heart" is not "hearty").
/// Plain "pain" and "sore" are left out on purpose: easing soreness is what the knowledge covers.
const std::vector<Cue>& cues() {
    static const std::vector<Cue> list = [] {
        std::vector<Cue> out;
        const auto add = [&out](MedicalTopic topic, std::initializer_list<const char*> phrases) {
            for (const char* phrase : phrases) out.push_back({split_words(phrase), topic});
        };
        add(MedicalTopic::pregnancy, {"pregnant", "pregnancy", "trimester", "expecting a baby",
                                      "postpartum", "breastfeeding"});
        add(MedicalTopic::medication,
            {"medication",     "medications", "medicine",      "medicines",      "blood thinner",
             "blood thinners", "warfarin",    "anticoagulant", "anticoagulants", "aspirin",
             "ibuprofen",      "painkiller",  "painkillers",   "pills",          "prescription",
             "antibiotics",    "insulin",     "statins",       "steroids",       "on meds"});
        add(MedicalTopic::condition, {"heart",
                                      "cardiac",
                                      "blood pressure",
                                      "hypertension",
                                      "diabetes",
                                      "diabetic",
                                      "cancer",
                                      "tumour",
                                      "tumor",
                                      "chemo",
                                      "blood clot",
                                      "blood clots",
                                      "clotting",
                                      "thrombosis",
                                      "dvt",
                                      "varicose",
                                      "osteoporosis",
                                      "arthritis",
                                      "epilepsy",
                                      "pacemaker",
                                      "disease",
                                      "medical condition",
                                      "condition",
                                      "illness",
                                      "infection",
                                      "fever",
                                      "covid",
                                      "flu",
                                      "surgery",
                                      "operation",
                                      "stent",
                                      "kidney",
                                      "liver",
                                      "lymphedema",
                                      "lymphoedema",
                                      "fibromyalgia",
                                      "skin rash",
                                      "doctor",
                                      "asthma"});
        add(MedicalTopic::injury, {"injury",
                                   "injuries",
                                   "injured",
                                   "torn",
                                   "tear",
                                   "tore",
                                   "ruptured",
                                   "rupture",
                                   "sprain",
                                   "sprained",
                                   "strained",
                                   "pulled muscle",
                                   "pulled my",
                                   "pulled a",
                                   "fracture",
                                   "fractured",
                                   "broken",
                                   "broke my",
                                   "stress reaction",
                                   "tendonitis",
                                   "tendinitis",
                                   "tendinopathy",
                                   "plantar fasciitis",
                                   "shin splints",
                                   "it band syndrome",
                                   "itbs",
                                   "runner's knee",
                                   "runners knee",
                                   "bursitis",
                                   "sciatica",
                                   "herniated",
                                   "slipped disc",
                                   "swollen",
                                   "swelling",
                                   "numbness",
                                   "tingling",
                                   "concussion",
                                   "hurt my",
                                   "twisted my",
                                   "rolled my",
                                   "sharp pain",
                                   "stabbing pain"});
        return out;
    }();
    return list;
}

bool contains_sequence(const std::vector<std::string>& words, const std::vector<std::string>& seq) {
    if (seq.empty() || seq.size() > words.size()) return false;
    for (std::size_t i = 0; i + seq.size() <= words.size(); ++i) {
        bool match = true;
        for (std::size_t j = 0; j < seq.size() && match; ++j) match = words[i + j] == seq[j];
        if (match) return true;
    }
    return false;
}

}  // namespace

std::optional<MedicalTopic> detect_medical_topic(std::string_view question) {
    const auto words = split_words(question);
    for (const auto& cue : cues()) {
        if (contains_sequence(words, cue.words)) return cue.topic;
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::knowledge
