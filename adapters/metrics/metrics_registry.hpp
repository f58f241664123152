#pragma once
/// The one metrics registry every part of the server registers with, and the one formatter for
/// GET /metrics. Built on prometheus-cpp's core (Debian's prometheus-cpp-dev): its counters and
/// gauges are lock-free to update and its serializer writes the Prometheus text format, so no part
/// formats metrics by hand.
///
/// A part either owns a counter or gauge here and updates it, or keeps its own figures (atomics it
/// already needs, the store's statistics) and registers a reading, taken at every scrape.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/labels.h>
#include <prometheus/metric_type.h>
#include <prometheus/registry.h>

namespace rubdown::metrics {

/// One value computed for a single scrape (say, from a database query made just before).
struct Sample {
    std::string name;
    std::string help;
    prometheus::MetricType type = prometheus::MetricType::Gauge;
    double value = 0;
};

class Registry {
  public:
    Registry();
    ~Registry();
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;

    /// A counter the caller increments; the same name, help and labels give the same counter.
    prometheus::Counter& counter(const std::string& name, const std::string& help,
                                 const prometheus::Labels& labels = {});
    /// A gauge the caller sets.
    prometheus::Gauge& gauge(const std::string& name, const std::string& help,
                             const prometheus::Labels& labels = {});

    /// A counter or gauge read at every scrape. `read` runs on the scraping thread, must be cheap
    /// and must not block; what it reads must outlive every scrape (register from a part that
    /// lives as long as the server). Thread-safe.
    void counter_reading(const std::string& name, const std::string& help,
                         std::function<double()> read);
    /// A counter that is `value`, read by reference: the registry must not keep its owner alive
    /// (it may outlive the owner's event loop), so `value` must outlive every scrape.
    void counter_reading(const std::string& name, const std::string& help,
                         const std::atomic<std::uint64_t>& value);
    void gauge_reading(const std::string& name, const std::string& help,
                       std::function<double()> read);

    /// Everything registered, then `also`, in the Prometheus text exposition format (0.0.4).
    std::string text(const std::vector<Sample>& also = {}) const;

  private:
    struct Reading {
        std::string name;
        std::string help;
        prometheus::MetricType type;
        std::function<double()> read;
    };
    void add_reading(Reading reading);

    std::unique_ptr<prometheus::Registry> owned_;
    mutable std::mutex readings_mutex_;
    std::vector<Reading> readings_;
};

}  // namespace rubdown::metrics
