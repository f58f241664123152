#include "adapters/metrics/metrics_registry.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>

using namespace rubdown;

namespace {
bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}
}  // namespace

TEST_CASE("metrics: a counter is exposed with its help and type, and counts") {
    metrics::Registry registry;
    auto& requests = registry.counter("rubdown_test_requests_total", "Requests seen.");
    requests.Increment();
    requests.Increment(2);
    const auto text = registry.text();
    CHECK(has_line(text, "# HELP rubdown_test_requests_total Requests seen."));
    CHECK(has_line(text, "# TYPE rubdown_test_requests_total counter"));
    CHECK(has_line(text, "rubdown_test_requests_total 3"));
}

TEST_CASE("metrics: one name with labels is one family with a line per label set") {
    metrics::Registry registry;
    registry.counter("rubdown_test_reloads_total", "Reloads.", {{"result", "ok"}}).Increment();
    auto& failed =
        registry.counter("rubdown_test_reloads_total", "Reloads.", {{"result", "failed"}});
    // Asking again for the same labels gives the same counter.
    registry.counter("rubdown_test_reloads_total", "Reloads.", {{"result", "failed"}}).Increment();
    failed.Increment();
    const auto text = registry.text();
    CHECK(has_line(text, "rubdown_test_reloads_total{result=\"ok\"} 1"));
    CHECK(has_line(text, "rubdown_test_reloads_total{result=\"failed\"} 2"));
    CHECK(text.find("# TYPE rubdown_test_reloads_total counter") ==
          text.rfind("# TYPE rubdown_test_reloads_total counter"));
}

TEST_CASE("metrics: a reading is taken at each scrape, not when it is registered") {
    metrics::Registry registry;
    std::atomic<std::uint64_t> kept_elsewhere{4};
    registry.counter_reading("rubdown_test_jobs_total", "Jobs run.",
                             [&] { return static_cast<double>(kept_elsewhere.load()); });
    registry.gauge_reading("rubdown_test_open", "Open now.", [] { return 2.0; });
    CHECK(has_line(registry.text(), "rubdown_test_jobs_total 4"));
    kept_elsewhere = 40;
    const auto text = registry.text();
    CHECK(has_line(text, "rubdown_test_jobs_total 40"));
    CHECK(has_line(text, "# TYPE rubdown_test_jobs_total counter"));
    CHECK(has_line(text, "# TYPE rubdown_test_open gauge"));
    CHECK(has_line(text, "rubdown_test_open 2"));
}

TEST_CASE("metrics: a counter read from an atomic by reference follows it") {
    metrics::Registry registry;
    std::atomic<std::uint64_t> sent{1};
    registry.counter_reading("rubdown_test_sent_total", "Sent.", sent);
    CHECK(has_line(registry.text(), "rubdown_test_sent_total 1"));
    sent += 6;
    CHECK(has_line(registry.text(), "rubdown_test_sent_total 7"));
}

TEST_CASE("metrics: samples of one scrape are added to that scrape only") {
    metrics::Registry registry;
    const auto text = registry.text(
        {{"rubdown_test_backlog", "Waiting now.", prometheus::MetricType::Gauge, 17}});
    CHECK(has_line(text, "# TYPE rubdown_test_backlog gauge"));
    CHECK(has_line(text, "rubdown_test_backlog 17"));
    CHECK(registry.text().find("rubdown_test_backlog") == std::string::npos);
}

TEST_CASE("metrics: label values are escaped as the text format requires") {
    metrics::Registry registry;
    registry.gauge("rubdown_test_info", "Build.", {{"name", "a \"quoted\" \\ value"}}).Set(1);
    CHECK(has_line(registry.text(), "rubdown_test_info{name=\"a \\\"quoted\\\" \\\\ value\"} 1"));
}
