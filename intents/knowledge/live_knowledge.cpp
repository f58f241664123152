#include "intents/knowledge/live_knowledge.hpp"

#include <utility>

#include "intents/knowledge/knowledge_file.hpp"

namespace rubdown::intents::knowledge {

LiveKnowledge::LiveKnowledge(std::shared_ptr<const KnowledgeBase> initial)
    : current_(std::move(initial)) {}

std::shared_ptr<const KnowledgeBase> LiveKnowledge::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

void LiveKnowledge::replace(std::shared_ptr<const KnowledgeBase> next) {
    std::lock_guard lock(mutex_);
    current_ = std::move(next);
}

std::shared_ptr<const KnowledgeBase> build_knowledge(const std::string& path) {
    auto entries = massage_knowledge();
    if (!path.empty()) {
        auto file = load_knowledge_file(path);
        entries.insert(entries.end(), std::make_move_iterator(file.entries.begin()),
                       std::make_move_iterator(file.entries.end()));
    }
    return std::make_shared<const KnowledgeBase>(entries);
}

}  // namespace rubdown::intents::knowledge
