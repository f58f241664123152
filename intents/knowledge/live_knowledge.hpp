#pragma once
/// The knowledge base the engine answers from, replaceable while the bot runs: SIGHUP reloads an
/// operator's file and swaps it in, and a message being answered keeps the one it started with.

#include <memory>
#include <mutex>
#include <string>

#include "intents/knowledge/knowledge_base.hpp"

namespace rubdown::intents::knowledge {

class LiveKnowledge {
  public:
    explicit LiveKnowledge(std::shared_ptr<const KnowledgeBase> initial);

    /// The knowledge in force now; it stays valid for as long as the caller holds it.
    std::shared_ptr<const KnowledgeBase> current() const;
    void replace(std::shared_ptr<const KnowledgeBase> next);

  private:
    mutable std::mutex mutex_;
    std::shared_ptr<const KnowledgeBase> current_;
};

/// The built-in answers plus those of the operator's file at `path` (none when `path` is empty).
/// Throws KnowledgeFileError, naming the file and line, for a file that breaks the format.
std::shared_ptr<const KnowledgeBase> build_knowledge(const std::string& path);

}  // namespace rubdown::intents::knowledge
