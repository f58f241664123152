#pragma once
/// An operator's own questions and answers, in a plain Markdown file that operators can share:
///
///     # Riverside Sports Clinic            <- optional title, first line
///
///     ## How much does a session cost?     <- one entry per "## question" heading
///     - what are your prices               <- optional other phrasings, right under the heading
///     - is it expensive
///
///     A 60-minute sports massage is €55.   <- the answer: everything up to the next heading
///
/// Parsing is pure; a problem is reported with the file and line it is on.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "intents/knowledge/knowledge_base.hpp"

namespace rubdown::intents::knowledge {

struct KnowledgeFile {
    std::string title;  ///< empty when the file has none
    std::vector<KnowledgeEntry> entries;
};

/// A file that breaks the format: what() is "FILE:LINE: problem" (LINE 0 for the file as a whole).
class KnowledgeFileError : public std::runtime_error {
  public:
    KnowledgeFileError(const std::string& file, int line, const std::string& problem);
    int line() const { return line_; }

  private:
    int line_;
};

/// Limits that keep an answer within one chat message and the index small.
inline constexpr std::size_t kMaxKnowledgeFileBytes = 1 << 20;
inline constexpr std::size_t kMaxKnowledgeEntries = 500;
inline constexpr std::size_t kMaxAnswerBytes = 3500;
inline constexpr std::size_t kMaxQuestionBytes = 300;

/// Parses the text of a knowledge file; `file` names it in errors. Entries are `about_massage =
/// false` (an operator's answer need not be asked about massage) with the heading as their id.
KnowledgeFile parse_knowledge_file(std::string_view text, const std::string& file);

/// Reads and parses the file at `path`.
KnowledgeFile load_knowledge_file(const std::string& path);

}  // namespace rubdown::intents::knowledge
