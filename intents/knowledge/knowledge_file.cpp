#include "intents/knowledge/knowledge_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

#include "intents/knowledge/text_normalizer.hpp"

namespace rubdown::intents::knowledge {
namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

/// Where an entry stands while its lines are read.
enum class Part { phrasings, answer };

/// The entry being read, with the line of its heading for errors.
struct Draft {
    KnowledgeEntry entry;
    int heading_line = 0;
    Part part = Part::phrasings;
    std::string answer;
    int blank_lines = 0;  ///< pending blank lines inside the answer (kept as one paragraph break)
};

}  // namespace

KnowledgeFileError::KnowledgeFileError(const std::string& file, int line,
                                       const std::string& problem)
    : std::runtime_error(file + ":" + std::to_string(line) + ": " + problem), line_(line) {}

KnowledgeFile parse_knowledge_file(std::string_view text, const std::string& file) {
    if (text.size() > kMaxKnowledgeFileBytes)
        throw KnowledgeFileError(file, 0, "larger than 1 MiB");
    if (text.find('\0') != std::string_view::npos)
        throw KnowledgeFileError(file, 0, "not a text file (it holds a NUL byte)");
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark

    KnowledgeFile result;
    std::optional<Draft> draft;
    std::set<std::vector<std::string>> seen_questions;  // by their search terms
    const auto add_question = [&](std::string question, int line) {
        const auto words = split_words(question);
        if (words.empty()) throw KnowledgeFileError(file, line, "a question with no words");
        if (question.size() > kMaxQuestionBytes)
            throw KnowledgeFileError(file, line, "a question longer than 300 bytes");
        if (!seen_questions.insert(words).second)
            throw KnowledgeFileError(file, line,
                                     "the question \"" + question + "\" is already there");
        draft->entry.questions.push_back(std::move(question));
    };
    const auto finish = [&] {
        if (!draft) return;
        auto answer = std::string{trimmed(draft->answer)};
        if (answer.empty()) {
            throw KnowledgeFileError(file, draft->heading_line,
                                     "the entry \"" + draft->entry.id + "\" has no answer");
        }
        if (answer.size() > kMaxAnswerBytes) {
            throw KnowledgeFileError(file, draft->heading_line,
                                     "the answer to \"" + draft->entry.id +
                                         "\" is longer than 3500 bytes (one chat message)");
        }
        draft->entry.answer = std::move(answer);
        result.entries.push_back(std::move(draft->entry));
        draft.reset();
    };

    int number = 0;
    bool seen_anything = false;
    std::size_t start = 0;
    // Every line, the last one with or without its newline (an empty text is one empty line).
    while (start < text.size() || (start == 0 && number == 0)) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto content = trimmed(line);

        if (content.starts_with("#")) {
            const auto hashes = content.find_first_not_of('#');
            const auto level = hashes == std::string_view::npos ? content.size() : hashes;
            const auto heading = trimmed(content.substr(level));
            if (level == 1 && (hashes == std::string_view::npos || content[1] == ' ')) {
                if (seen_anything)
                    throw KnowledgeFileError(file, number, "a '# title' may only open the file");
                if (heading.empty()) throw KnowledgeFileError(file, number, "an empty title");
                result.title = std::string{heading};
            } else if (level == 2 && (hashes == std::string_view::npos || content[2] == ' ')) {
                finish();
                if (result.entries.size() >= kMaxKnowledgeEntries)
                    throw KnowledgeFileError(file, number, "more than 500 entries");
                draft.emplace();
                draft->heading_line = number;
                draft->entry.id = std::string{heading};
                draft->entry.about_massage = false;
                add_question(std::string{heading}, number);
            } else {
                throw KnowledgeFileError(
                    file, number,
                    "only '# title' and '## question' headings are allowed (found '" +
                        std::string{content.substr(0, std::min<std::size_t>(content.size(), 40))} +
                        "')");
            }
            seen_anything = true;
            continue;
        }
        if (content.empty()) {
            if (draft && draft->part == Part::answer) ++draft->blank_lines;
            continue;
        }
        if (!draft) {
            throw KnowledgeFileError(file, number,
                                     "text before the first '## question' heading (an answer "
                                     "needs its question above it)");
        }
        seen_anything = true;
        if (draft->part == Part::phrasings && content.starts_with("- ")) {
            add_question(std::string{trimmed(content.substr(2))}, number);
            continue;
        }
        // The answer: its lines as written, paragraphs kept apart by one blank line.
        draft->part = Part::answer;
        if (!draft->answer.empty()) draft->answer += draft->blank_lines > 0 ? "\n\n" : "\n";
        draft->blank_lines = 0;
        draft->answer += std::string{content};
    }
    finish();
    if (result.entries.empty()) throw KnowledgeFileError(file, number, "no '## question' entries");
    return result;
}

KnowledgeFile load_knowledge_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw KnowledgeFileError(path, 0, "cannot be read");
    std::string text;
    // One byte more than the limit is enough to know it is too large.
    text.resize(kMaxKnowledgeFileBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_knowledge_file(text, path);
}

}  // namespace rubdown::intents::knowledge
