#include "intents/safety/safety_model.hpp"

#include <iterator>
#include <stdexcept>

namespace rubdown::intents::safety {

namespace {

/// The letter 3-grams of a word, padded ("<ca", "cal", "alf", "lf>"): a misspelt or unseen form
/// of a known word ("numbbness", "tingley") still shares most of them. Tried on development set 8:
/// medical recall 88 -> 93 of 96, false alarms 12 -> 11 of 166; 4-grams, or both, did less well.
void add_letter_grams(std::string_view word, learning::FeatureIndices& features) {
    if (word.size() < 3) return;
    std::string padded;
    padded.reserve(word.size() + 2);
    padded.push_back('<');
    padded.append(word);
    padded.push_back('>');
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i) {
        learning::FeatureHasher gram('g');
        gram.feed(std::string_view(padded).substr(i, 3));
        features.push_back(gram.bucket());
    }
}

}  // namespace

learning::FeatureIndices safety_features(const RuleReading& reading) {
    learning::FeatureIndices features;
    features.reserve(reading.evidence.size() * 4 + 1);
    for (const auto& fact : reading.evidence) {
        learning::FeatureHasher hasher('s');
        hasher.feed(fact);
        features.push_back(hasher.bucket());
        // Words outside a negation also give their letter n-grams.
        if (fact.starts_with("w:")) add_letter_grams(std::string_view(fact).substr(2), features);
    }
    learning::make_feature_set(features);
    return features;
}

SafetyModel::SafetyModel(const std::vector<LabelledText>& examples, int epochs) {
    std::vector<learning::TrainingSample> samples;
    samples.reserve(examples.size());
    for (const auto& example : examples) {
        samples.push_back({safety_features(read_rules(example.text, true)),
                           static_cast<std::size_t>(example.label)});
    }
    classifier_.train(std::move(samples), epochs);
}

namespace {
constexpr std::string_view kFormat = "rubdown-safety-model-1";
}  // namespace

std::string SafetyModel::save(std::uint64_t trained_on) const {
    auto out = learning::begin_model(kFormat, trained_on);
    classifier_.write(out);
    return out.bytes();
}

std::optional<SafetyModel> SafetyModel::load(std::string_view bytes, std::uint64_t trained_on) {
    auto in = learning::open_model(bytes, kFormat, trained_on);
    if (!in) return std::nullopt;
    auto classifier = learning::SoftmaxClassifier::read(*in);
    if (classifier.classes() != 3 || !in->at_end())
        throw learning::ModelFormatError("safety model: not a three-level model");
    return SafetyModel{std::move(classifier)};
}

std::uint64_t built_in_fingerprint() {
    auto hash = learning::fingerprint(safety_examples());
    hash = learning::fingerprint(ordinary_messages(), hash);
    return learning::fingerprint(std::to_string(SafetyModel::kEpochs), hash);
}

LevelProbabilities SafetyModel::probabilities(const RuleReading& reading) const {
    const auto p = classifier_.probabilities(safety_features(reading));
    return {p[0], p[1], p[2]};
}

Level combined_level(const RuleReading& reading, const LevelProbabilities& probabilities,
                     const ModelThresholds& thresholds) {
    const auto urgent = probabilities[static_cast<std::size_t>(Level::urgent)];
    const auto medical = probabilities[static_cast<std::size_t>(Level::medical)];
    const auto none = probabilities[static_cast<std::size_t>(Level::none)];
    if (reading.level == Level::medical && !reading.firm && none > thresholds.veto)
        return Level::none;
    if (reading.level == Level::urgent && none > thresholds.clear_urgent) return Level::none;
    Level level = Level::none;
    const float urgent_bar =
        reading.excepted == Level::urgent ? thresholds.urgent_excepted : thresholds.urgent;
    if (urgent > urgent_bar) {
        level = Level::urgent;
    } else if (urgent + medical > (reading.excepted >= Level::medical ? thresholds.flagged_excepted
                                                                      : thresholds.flagged)) {
        level = Level::medical;
    }
    return std::max(level, reading.level);
}

std::vector<LabelledText> parse_labelled_texts(std::string_view data, std::string_view source) {
    std::vector<LabelledText> texts;
    int number = 0;
    while (!data.empty()) {
        const auto end = data.find('\n');
        auto line = data.substr(0, end);
        data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        const auto label = line.substr(0, tab);
        const auto where = std::string{source} + ":" + std::to_string(number);
        if (tab == std::string_view::npos) throw std::runtime_error(where + ": no tab");
        Level level = Level::none;
        if (label == "urgent") {
            level = Level::urgent;
        } else if (label == "medical") {
            level = Level::medical;
        } else if (label != "none") {
            throw std::runtime_error(where + ": unknown label '" + std::string{label} + "'");
        }
        auto text = line.substr(tab + 1);
        if (const auto more = text.find('\t'); more != std::string_view::npos)
            text = text.substr(0, more);
        texts.push_back({level, std::string{text}});
    }
    return texts;
}

std::vector<LabelledText> ordinary_examples(std::string_view data) {
    std::vector<LabelledText> texts;
    while (!data.empty()) {
        const auto end = data.find('\n');
        const auto line = data.substr(0, end);
        data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        std::string text{line.substr(tab + 1)};
        if (read_rules(text, false).level != Level::none) continue;
        texts.push_back({Level::none, std::move(text)});
    }
    return texts;
}

std::vector<LabelledText> built_in_examples() {
    auto examples = parse_labelled_texts(safety_examples(), "intents/safety/examples");
    auto ordinary = ordinary_examples(ordinary_messages());
    examples.insert(examples.end(), std::make_move_iterator(ordinary.begin()),
                    std::make_move_iterator(ordinary.end()));
    return examples;
}

}  // namespace rubdown::intents::safety
