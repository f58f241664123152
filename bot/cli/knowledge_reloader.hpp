#pragma once
/// SIGHUP reads the operator's knowledge file again while the bot serves; a file that does not
/// load keeps the answers in force. Counts reloads and the entries in force for /metrics.

#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include "adapters/metrics/metrics_registry.hpp"
#include "intents/knowledge/live_knowledge.hpp"

namespace rubdown::bot {

class KnowledgeReloader {
  public:
    /// `path` empty: there is no file to reload (a SIGHUP is logged and ignored). `knowledge`
    /// must outlive this.
    KnowledgeReloader(boost::asio::io_context& io, std::string path,
                      std::shared_ptr<intents::knowledge::LiveKnowledge> knowledge,
                      metrics::Registry& registry);

    /// Waits for SIGHUP, again after each one, until stop().
    void start();
    void stop();

    /// Reloads now, as a SIGHUP does; true when the new file is in force.
    bool reload();

  private:
    void await_hangup();

    boost::asio::signal_set hangups_;
    std::string path_;
    std::shared_ptr<intents::knowledge::LiveKnowledge> knowledge_;
    prometheus::Counter& reloads_ok_;
    prometheus::Counter& reloads_failed_;
};

}  // namespace rubdown::bot
