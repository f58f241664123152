#include "intents/knowledge/knowledge_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "intents/knowledge/live_knowledge.hpp"

using namespace rubdown::intents::knowledge;

namespace {

/// The line a parse error names, or 0 when the text parses.
int error_line(const std::string& text) {
    try {
        parse_knowledge_file(text, "clinic.md");
    } catch (const KnowledgeFileError& error) {
        return error.line();
    }
    return 0;
}

std::string example_path() {
    return std::string{RUBDOWN_SOURCE_DIR} + "/deploy/knowledge.example.md";
}

}  // namespace

TEST_CASE("a knowledge file: title, questions, other phrasings and answers", "[knowledge]") {
    const auto file = parse_knowledge_file(
        "# Riverside Clinic\n"
        "\n"
        "## How much does it cost?\n"
        "- what are your prices\n"
        "-   is it expensive  \n"
        "\n"
        "A 60-minute session is €55.\n"
        "- cash or card\n"
        "\n"
        "\n"
        "Second paragraph.\r\n"
        "## Where are you?\n"
        "12 River Lane.",
        "clinic.md");
    CHECK(file.title == "Riverside Clinic");
    REQUIRE(file.entries.size() == 2);
    const auto& cost = file.entries[0];
    CHECK(cost.id == "How much does it cost?");
    CHECK(cost.questions == std::vector<std::string>{"How much does it cost?",
                                                     "what are your prices", "is it expensive"});
    // A list inside the answer stays in the answer; paragraphs keep one blank line between them.
    CHECK(cost.answer == "A 60-minute session is €55.\n- cash or card\n\nSecond paragraph.");
    CHECK_FALSE(cost.about_massage);
    CHECK(file.entries[1].answer == "12 River Lane.");
    CHECK(parse_knowledge_file("## Q?\nA.", "f").title.empty());
}

TEST_CASE("a knowledge file that breaks the format names the line", "[knowledge]") {
    CHECK(error_line("## Fine?\nYes.\n") == 0);
    CHECK(error_line("Some text first\n## Q?\nA.") == 1);
    CHECK(error_line("## Q?\nA.\n# A title too late\n") == 3);
    CHECK(error_line("## Q?\nA.\n### a sub-heading\n") == 3);
    CHECK(error_line("## Q?\n\n## R?\nB.") == 1);         // Q has no answer
    CHECK(error_line("## Q?\nA.\n## R?\n- q\nB.") == 4);  // "q" repeats a question
    CHECK(error_line("## Q?\nA.\n##   \nB.") == 3);       // a question with no words
    CHECK(error_line("# Title only\n") == 1);             // no entries
    CHECK(error_line("") == 1);
    CHECK(error_line("## Q?\n" + std::string(4000, 'a')) == 1);  // longer than one message
    try {
        parse_knowledge_file("## Q?\n\n## R?\nB.", "clinic.md");
        FAIL("no error");
    } catch (const KnowledgeFileError& error) {
        CHECK(std::string{error.what()} == "clinic.md:1: the entry \"Q?\" has no answer");
    }
}

TEST_CASE("the worked example in deploy/ is valid and its entries are found by paraphrase",
          "[knowledge]") {
    const auto file = load_knowledge_file(example_path());
    CHECK(file.entries.size() >= 4);
    const auto base = build_knowledge(example_path());
    // Not the heading's words: the phrasings and the answer's vocabulary find the entry.
    CHECK(base->answer("how much do you charge?").id == "How much does a sports massage cost?");
    CHECK(base->answer("what's your address").id == "Where are you and when are you open?");
    CHECK(base->answer("how often should I foam roll?").id ==
          "Should I foam roll or use a massage gun between sessions?");
    // The built-in answers are still there, and questions neither covers still abstain.
    CHECK(base->answer("does deep tissue massage hurt?").id == "does_it_hurt");
    CHECK(base->answer("are ice baths good after a long run?").kind == AnswerKind::fallback);
}

TEST_CASE("live knowledge swaps whole bases: a reader keeps the one it took", "[knowledge]") {
    LiveKnowledge live(build_knowledge(""));
    const auto before = live.current();
    CHECK(before->answer("how much do you charge?").kind == AnswerKind::fallback);
    live.replace(build_knowledge(example_path()));
    CHECK(live.current()->answer("how much do you charge?").kind == AnswerKind::answer);
    CHECK(before->answer("how much do you charge?").kind == AnswerKind::fallback);
    CHECK_THROWS_AS(build_knowledge("/nonexistent/knowledge.md"), KnowledgeFileError);
}
