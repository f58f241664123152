#include "intents/knowledge/question_model.hpp"

#include <algorithm>

#include "intents/knowledge/knowledge_base.hpp"
#include "intents/knowledge/text_normalizer.hpp"
#include "intents/learning/text_features.hpp"

namespace rubdown::intents::knowledge {

namespace {

std::vector<std::string> labels_of(const std::vector<LabelledQuestion>& examples) {
    std::vector<std::string> labels;
    for (const auto& example : examples) {
        if (std::find(labels.begin(), labels.end(), example.label) == labels.end())
            labels.push_back(example.label);
    }
    return labels;
}

learning::FeatureIndices question_features(std::string_view question) {
    auto features = learning::text_features(question);
    // The knowledge base's search terms (stemmed, synonyms folded: "kneaded", "circulation",
    // "rubdown"), so a wording seen once in training carries to its kin.
    for (const auto& term : search_terms(question)) {
        learning::FeatureHasher hasher('t');
        hasher.feed(term);
        features.push_back(hasher.bucket());
    }
    learning::make_feature_set(features);
    return features;
}

}  // namespace

QuestionModel::QuestionModel(const std::vector<LabelledQuestion>& examples, int epochs)
    : labels_(labels_of(examples)), classifier_(std::max<std::size_t>(labels_.size(), 1)) {
    std::vector<learning::TrainingSample> samples;
    samples.reserve(examples.size());
    for (const auto& example : examples) {
        const auto label = std::find(labels_.begin(), labels_.end(), example.label);
        samples.push_back({question_features(example.question),
                           static_cast<std::size_t>(label - labels_.begin())});
    }
    classifier_.train(std::move(samples), epochs);
}

namespace {
constexpr std::string_view kFormat = "rubdown-question-model-1";
}  // namespace

std::string QuestionModel::save(std::uint64_t trained_on) const {
    auto out = learning::begin_model(kFormat, trained_on);
    out.u32(static_cast<std::uint32_t>(labels_.size()));
    for (const auto& label : labels_) out.text(label);
    classifier_.write(out);
    return out.bytes();
}

std::optional<QuestionModel> QuestionModel::load(std::string_view bytes, std::uint64_t trained_on) {
    auto in = learning::open_model(bytes, kFormat, trained_on);
    if (!in) return std::nullopt;
    std::vector<std::string> labels(in->u32());
    for (auto& label : labels) label = in->text();
    auto classifier = learning::SoftmaxClassifier::read(*in);
    if (classifier.classes() != std::max<std::size_t>(labels.size(), 1) || !in->at_end())
        throw learning::ModelFormatError("question model: labels and classes disagree");
    return QuestionModel{std::move(labels), std::move(classifier)};
}

QuestionModel::Guess QuestionModel::best(std::string_view question) const {
    if (labels_.empty()) return {std::string{kAbstain}, 1.0f};
    const auto p = classifier_.probabilities(question_features(question));
    const auto top = std::max_element(p.begin(), p.end()) - p.begin();
    return {labels_[static_cast<std::size_t>(top)], p[static_cast<std::size_t>(top)]};
}

std::vector<LabelledQuestion> parse_labelled_questions(std::string_view data) {
    std::vector<LabelledQuestion> questions;
    while (!data.empty()) {
        const auto end = data.find('\n');
        auto line = data.substr(0, end);
        data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        auto labels = line.substr(0, tab);
        const std::string question{line.substr(tab + 1)};
        while (!labels.empty()) {
            const auto bar = labels.find('|');
            questions.push_back({std::string{labels.substr(0, bar)}, question});
            labels.remove_prefix(bar == std::string_view::npos ? labels.size() : bar + 1);
        }
    }
    return questions;
}

std::vector<LabelledQuestion> built_in_question_examples(
    const std::vector<KnowledgeEntry>& entries) {
    std::vector<LabelledQuestion> examples;
    for (const auto& entry : entries) {
        for (const auto& question : entry.questions) examples.push_back({entry.id, question});
    }
    auto labelled = parse_labelled_questions(knowledge_examples());
    examples.insert(examples.end(), std::make_move_iterator(labelled.begin()),
                    std::make_move_iterator(labelled.end()));
    return examples;
}

std::uint64_t built_in_question_fingerprint() {
    // The embedded sets as they are, and the entries' compiled-in paraphrases: read on every
    // start, so hashed directly rather than parsed into examples first.
    auto hash = learning::fingerprint(knowledge_examples());
    for (const auto& entry : massage_knowledge()) {
        hash = learning::fingerprint(entry.id, learning::fingerprint("\n", hash));
        for (const auto& question : entry.questions)
            hash = learning::fingerprint(question, learning::fingerprint("\t", hash));
    }
    return learning::fingerprint(std::to_string(QuestionModel::kEpochs), hash);
}

}  // namespace rubdown::intents::knowledge
