#include "bot/cli/knowledge_reloader.hpp"

#include <csignal>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

namespace rubdown::bot {

namespace {
constexpr const char* kReloads = "rubdown_knowledge_reloads_total";
constexpr const char* kReloadsHelp = "Knowledge file reloads (SIGHUP), by result.";
}  // namespace

KnowledgeReloader::KnowledgeReloader(boost::asio::io_context& io, std::string path,
                                     std::shared_ptr<intents::knowledge::LiveKnowledge> knowledge,
                                     metrics::Registry& registry)
    : hangups_(io, SIGHUP),
      path_(std::move(path)),
      knowledge_(std::move(knowledge)),
      reloads_ok_(registry.counter(kReloads, kReloadsHelp, {{"result", "ok"}})),
      reloads_failed_(registry.counter(kReloads, kReloadsHelp, {{"result", "failed"}})) {
    registry.gauge_reading(
        "rubdown_knowledge_entries", "Knowledge entries in force.",
        [knowledge = knowledge_] { return static_cast<double>(knowledge->current()->size()); });
}

void KnowledgeReloader::start() {
    await_hangup();
}

void KnowledgeReloader::stop() {
    hangups_.cancel();
}

void KnowledgeReloader::await_hangup() {
    hangups_.async_wait([this](const boost::system::error_code& error, int) {
        if (error) return;
        reload();
        await_hangup();
    });
}

bool KnowledgeReloader::reload() {
    if (path_.empty()) {
        spdlog::warn("event=knowledge_reload_skipped reason=\"no RUBDOWN_KNOWLEDGE\"");
        return false;
    }
    try {
        auto next = intents::knowledge::build_knowledge(path_);
        const auto entries = next->size();
        knowledge_->replace(std::move(next));
        reloads_ok_.Increment();
        spdlog::info("event=knowledge_reloaded file={} entries={}", path_, entries);
        return true;
    } catch (const std::exception& problem) {
        reloads_failed_.Increment();
        spdlog::warn("event=knowledge_reload_failed error=\"{}\" kept=previous", problem.what());
        return false;
    }
}

}  // namespace rubdown::bot
