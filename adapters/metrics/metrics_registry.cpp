#include "adapters/metrics/metrics_registry.hpp"

#include <sstream>
#include <utility>

#include <prometheus/client_metric.h>
#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

namespace rubdown::metrics {

namespace {

prometheus::MetricFamily family_of(const std::string& name, const std::string& help,
                                   prometheus::MetricType type, double value) {
    prometheus::ClientMetric metric;
    if (type == prometheus::MetricType::Counter)
        metric.counter.value = value;
    else
        metric.gauge.value = value;
    return prometheus::MetricFamily{name, help, type, {metric}};
}

}  // namespace

Registry::Registry() : owned_(std::make_unique<prometheus::Registry>()) {}

Registry::~Registry() = default;

prometheus::Counter& Registry::counter(const std::string& name, const std::string& help,
                                       const prometheus::Labels& labels) {
    return prometheus::BuildCounter().Name(name).Help(help).Register(*owned_).Add(labels);
}

prometheus::Gauge& Registry::gauge(const std::string& name, const std::string& help,
                                   const prometheus::Labels& labels) {
    return prometheus::BuildGauge().Name(name).Help(help).Register(*owned_).Add(labels);
}

void Registry::counter_reading(const std::string& name, const std::string& help,
                               std::function<double()> read) {
    add_reading({name, help, prometheus::MetricType::Counter, std::move(read)});
}

void Registry::counter_reading(const std::string& name, const std::string& help,
                               const std::atomic<std::uint64_t>& value) {
    counter_reading(name, help, [&value] { return static_cast<double>(value.load()); });
}

void Registry::gauge_reading(const std::string& name, const std::string& help,
                             std::function<double()> read) {
    add_reading({name, help, prometheus::MetricType::Gauge, std::move(read)});
}

void Registry::add_reading(Reading reading) {
    std::lock_guard lock(readings_mutex_);
    readings_.push_back(std::move(reading));
}

std::string Registry::text(const std::vector<Sample>& also) const {
    auto families = owned_->Collect();
    {
        std::lock_guard lock(readings_mutex_);
        for (const auto& reading : readings_)
            families.push_back(family_of(reading.name, reading.help, reading.type, reading.read()));
    }
    for (const auto& sample : also)
        families.push_back(family_of(sample.name, sample.help, sample.type, sample.value));
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, families);
    return out.str();
}

}  // namespace rubdown::metrics
