#include "intents/knowledge/knowledge_base.hpp"
#include "intents/knowledge/question_model.hpp"

namespace rubdown::intents::knowledge {

// Apart from question_model.cpp so that the trainer, which builds the model this reads, can link
// the rest of the knowledge base without it.
const QuestionModel& built_in_question_model() {
    static const QuestionModel model = [] {
        if (auto trained =
                QuestionModel::load(trained_question_model(), built_in_question_fingerprint()))
            return std::move(*trained);
        return QuestionModel{built_in_question_examples(massage_knowledge())};
    }();
    return model;
}

}  // namespace rubdown::intents::knowledge
