#include "intents/knowledge/question_model.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "intents/knowledge/knowledge_base.hpp"

using namespace rubdown::intents::knowledge;

TEST_CASE("labelled questions parse, one example per id of a joined label", "[knowledge]") {
    const auto questions = parse_labelled_questions(
        "# comment\nwhat_is\twhat is it\r\n\nbenefits|pain_relief\tdoes it help\nabstain\tfoam "
        "rolling?\nno tab here\n");
    REQUIRE(questions.size() == 4);
    CHECK(questions[0].label == "what_is");
    CHECK(questions[0].question == "what is it");
    CHECK(questions[1].label == "benefits");
    CHECK(questions[2].label == "pain_relief");
    CHECK(questions[2].question == "does it help");
    CHECK(questions[3].label == "abstain");
}

TEST_CASE("a question model learns wordings that share no word with the entry", "[knowledge]") {
    std::vector<LabelledQuestion> examples;
    for (int i = 0; i < 4; ++i) {
        examples.push_back({"pain_relief", "legs like concrete, would a rubdown sort them"});
        examples.push_back({"before_race", "how many days out from race day"});
        examples.push_back({"abstain", "is a massage gun any good"});
    }
    const QuestionModel model{examples};
    CHECK(model.best("my legs feel like concrete").label == "pain_relief");
    CHECK(model.best("days out from my race").label == "before_race");
    CHECK(model.best("massage gun").label == "abstain");
    CHECK(model.best("massage gun").probability > 0.34f);
    // No examples: it always abstains.
    CHECK(QuestionModel{{}}.best("anything").label == "abstain");
}

TEST_CASE("the built-in question model has every entry and abstention to choose from",
          "[knowledge]") {
    const auto examples = built_in_question_examples(massage_knowledge());
    for (const auto& entry : massage_knowledge()) {
        INFO(entry.id);
        const auto count = std::count_if(examples.begin(), examples.end(),
                                         [&](const auto& e) { return e.label == entry.id; });
        // Its paraphrases and at least 40 labelled runner questions each.
        CHECK(count >= static_cast<long>(entry.questions.size()) + 40);
    }
    const auto abstain = std::count_if(examples.begin(), examples.end(),
                                       [](const auto& e) { return e.label == "abstain"; });
    CHECK(abstain >= 500);
}

TEST_CASE("a saved question model reads back with the same guesses and labels", "[knowledge]") {
    const std::vector<LabelledQuestion> examples = {
        {"what_is", "what is a sports massage"},
        {"does_it_hurt", "will it be painful"},
        {"abstain", "should i buy a foam roller"},
    };
    const QuestionModel model{examples, 5};
    const auto bytes = model.save(7);
    const auto loaded = QuestionModel::load(bytes, 7);
    REQUIRE(loaded);
    for (const auto* question : {"what is it", "painful?", "foam roller", "something else"}) {
        const auto expected = model.best(question);
        const auto actual = loaded->best(question);
        CHECK(actual.label == expected.label);
        CHECK(actual.probability == expected.probability);
    }
    CHECK_FALSE(QuestionModel::load(bytes, 8));
    CHECK_THROWS_AS(QuestionModel::load(bytes.substr(0, 20), 7),
                    rubdown::intents::learning::ModelFormatError);
}

TEST_CASE("the question model the build trained is the one the built-in examples train",
          "[knowledge]") {
    REQUIRE(QuestionModel::load(trained_question_model(), built_in_question_fingerprint()));
    const QuestionModel trained_now{built_in_question_examples(massage_knowledge())};
    CHECK(trained_now.save(built_in_question_fingerprint()) == trained_question_model());
}

TEST_CASE("the model answers a wording BM25 alone misses, and abstains on a near miss",
          "[knowledge]") {
    // Close to lines of the development sets.
    const KnowledgeBase with_model;
    const std::string gun = "do massage guns improve blood flow as well as a therapist?";
    CHECK(with_model.answer(gun).kind == AnswerKind::fallback);
    const std::string concrete =
        "my legs feel like concrete after every long run, would a sports massage sort that?";
    const auto answer = with_model.answer(concrete);
    CHECK(answer.kind == AnswerKind::answer);
    CHECK(answer.id == "pain_relief");
}

TEST_CASE("an operator's entry found by its words answers whatever the model says", "[knowledge]") {
    auto entries = massage_knowledge();
    entries.push_back({"price",
                       "A 60-minute sports massage costs 55 euros at the club's clinic.",
                       {"how much does a massage cost", "price of a sports massage"},
                       false});
    const KnowledgeBase base{entries};
    // The built-in model learnt "cost" questions as out of the article; the operator answers them.
    const auto answer = base.answer("how much does a sports massage cost?");
    CHECK(answer.kind == AnswerKind::answer);
    CHECK(answer.id == "price");
}
