// rubdown_trainer: trains a built-in model at build time and writes it as a C++ source that the
// bot is compiled with, so the bot starts in milliseconds instead of training on every start
// (about a second in a release build, tens of seconds under the sanitizers).
// Usage: rubdown_trainer safety|questions|intents OUTPUT.cpp
//
// Training is deterministic: the model written here is the one the bot would train itself from
// the same examples (safety_tests, knowledge_tests and nlu_tests hold the two byte-identical).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "intents/knowledge/knowledge_base.hpp"
#include "intents/knowledge/question_model.hpp"
#include "intents/nlu/intent_model.hpp"
#include "intents/safety/safety_model.hpp"

namespace {

using namespace rubdown::intents;

/// A C++ string literal holding `bytes` exactly: printable ASCII as itself, the rest as
/// three-digit octal escapes (which cannot swallow a following digit, as hex escapes would).
std::string string_literal(std::string_view bytes) {
    std::string out = "\"";
    std::size_t line = 0;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\' && c != '?') {
            out.push_back(c);
            ++line;
        } else {
            char escaped[5];
            std::snprintf(escaped, sizeof escaped, "\\%03o", u);
            out.append(escaped);
            line += 4;
        }
        if (line >= 96) {
            out.append("\"\n    \"");
            line = 0;
        }
    }
    out.push_back('"');
    return out;
}

std::string source(std::string_view name_space, std::string_view function, std::string_view bytes) {
    std::string out =
        "// Generated at build time by rubdown_trainer (intents/trainer); do not edit.\n";
    out += "#include <string_view>\n\nnamespace " + std::string{name_space} + " {\n\n";
    out += "std::string_view " + std::string{function} + "() {\n";
    out += "    static const char bytes[] =\n    " + string_literal(bytes) + ";\n";
    out += "    return {bytes, sizeof bytes - 1};\n}\n\n}  // namespace " +
           std::string{name_space} + "\n";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: rubdown_trainer safety|questions|intents OUTPUT.cpp\n");
        return 2;
    }
    const std::string_view which = argv[1];
    const std::filesystem::path output = argv[2];
    std::string generated;
    if (which == "safety") {
        const safety::SafetyModel model{safety::built_in_examples()};
        generated = source("rubdown::intents::safety", "trained_safety_model",
                           model.save(safety::built_in_fingerprint()));
    } else if (which == "questions") {
        const knowledge::QuestionModel model{
            knowledge::built_in_question_examples(knowledge::massage_knowledge())};
        generated = source("rubdown::intents::knowledge", "trained_question_model",
                           model.save(knowledge::built_in_question_fingerprint()));
    } else if (which == "intents") {
        nlu::IntentClassifier model;
        model.train(nlu::intent_training_samples(), nlu::kIntentEpochs);
        generated = source("rubdown::intents::nlu", "trained_intent_model",
                           model.save(nlu::intent_fingerprint()));
    } else {
        std::fprintf(stderr, "rubdown_trainer: unknown model '%s' (safety, questions or intents)\n",
                     argv[1]);
        return 2;
    }
    // Written beside, then renamed, so a failed run leaves no half a source behind.
    const auto partial = output.string() + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        file << generated;
        if (!file.flush()) {
            std::fprintf(stderr, "rubdown_trainer: cannot write %s\n", partial.c_str());
            return 1;
        }
    }
    std::filesystem::rename(partial, output);
    return 0;
}
