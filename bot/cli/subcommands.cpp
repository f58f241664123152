#include "bot/cli/subcommands.hpp"

#include <algorithm>
#include <iostream>
#include <optional>
#include <vector>

#include "bot/cli/nudge_listing.hpp"
#include "intents/handlers/runs_export.hpp"
#include "intents/knowledge/knowledge_file.hpp"
#include "intents/knowledge/live_knowledge.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/nlu/nlu_stream.hpp"
#include "storage/sqlite/sqlite_backup.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

int run_nlu(const CommandLine& line) {
    intents::nlu::Nlu nlu;
    intents::nlu::run_nlu_stream(nlu, std::cin, std::cout, *parse_iso_instant(line.nlu_now),
                                 line.nlu_time_zone);
    return 0;
}

int run_knowledge_check(const std::string& path) {
    try {
        const auto file = intents::knowledge::load_knowledge_file(path);
        std::cout << path << ": OK, " << file.entries.size() << " entr"
                  << (file.entries.size() == 1 ? "y" : "ies")
                  << (file.title.empty() ? "" : " (" + file.title + ")") << "\n";
        return 0;
    } catch (const intents::knowledge::KnowledgeFileError& problem) {
        std::cerr << problem.what() << "\n";
        return 1;
    }
}

int run_knowledge_ask(const Config& config, const std::string& question) {
    namespace knowledge = intents::knowledge;
    const auto base = knowledge::build_knowledge(config.knowledge_path);
    const auto answer = base->answer(question);
    const auto match = base->best_match(question);
    const auto scores = [&](const knowledge::Match& m) {
        return "score " + std::to_string(m.score).substr(0, 4) + ", coverage " +
               std::to_string(m.coverage).substr(0, 4);
    };
    switch (answer.kind) {
        case knowledge::AnswerKind::answer:
            std::cout << "entry: " << answer.id << " (" << scores(*match) << ")\n"
                      << answer.text << "\n";
            break;
        case knowledge::AnswerKind::referral:
            std::cout << "referral: a medical question, referred to a doctor or physio\n";
            break;
        case knowledge::AnswerKind::fallback:
            std::cout << "abstain: no entry answers it with confidence";
            if (match) std::cout << " (best: " << match->id << ", " << scores(*match) << ")";
            std::cout << "\n";
            break;
    }
    return 0;
}

int run_migrate(const Config& config) {
    const int applied = storage::migrate_database(config.db_path);
    std::cout << config.db_path << ": applied " << applied << " migration"
              << (applied == 1 ? "" : "s") << "\n";
    return 0;
}

int run_export(const CommandLine& line) {
    storage::Store store(line.config.db_path);
    auto runs =
        store.run([&](storage::Repositories& repos) -> std::optional<std::vector<storage::Run>> {
            auto user = repos.users.find_by_key(line.user_key);
            if (!user) return std::nullopt;
            auto runs = repos.runs.list(user->id, 1000000);
            std::reverse(runs.begin(), runs.end());  // oldest first reads naturally in a file
            return runs;
        });
    if (!runs) {
        std::cerr << "rubdown: --user: no user " << line.user_key << " in " << line.config.db_path
                  << "\n";
        return 1;
    }
    std::cout << (line.export_format == "json" ? intents::handlers::runs_to_json(*runs) + "\n"
                                               : intents::handlers::runs_to_csv(*runs));
    return 0;
}

int run_nudges(const CommandLine& line) {
    storage::Store store(line.config.db_path);
    const std::optional<std::string> user =
        line.user_key.empty() ? std::nullopt : std::optional<std::string>(line.user_key);
    std::cout << store.run(
        [&](storage::Repositories& repos) { return format_pending_nudges(repos, user); });
    return 0;
}

int run_backup(const Config& config, const std::string& path) {
    try {
        const auto report = storage::backup_database(config.db_path, path);
        std::cout << config.db_path << ": backed up to " << path << " (" << report.pages
                  << " pages, " << report.bytes << " bytes)\n";
        return 0;
    } catch (const storage::BackupError& error) {
        std::cerr << "rubdown: backup: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace rubdown::bot
