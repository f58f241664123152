#pragma once
// Shared by the Slack tests: fixture loading and signed request building.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "adapters/http/http_message.hpp"
#include "adapters/slack/slack_signature.hpp"

namespace rubdown::slack::test {

inline std::string read_fixture(const std::string& name) {
    const std::string path = std::string(RUBDOWN_FIXTURES_DIR) + "/slack/" + name;
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("missing fixture " + path);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

inline constexpr const char* kSecret = "test-signing-secret";
inline constexpr storage::UnixSeconds kNow = 1700000000;

/// A request as Slack would send it: signed with kSecret at `timestamp`.
inline http::HttpRequest signed_request(std::string path, std::string body,
                                        storage::UnixSeconds timestamp = kNow) {
    http::HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.target = std::move(path);
    const auto stamp = std::to_string(timestamp);
    request.headers.emplace_back("X-Slack-Request-Timestamp", stamp);
    request.headers.emplace_back("X-Slack-Signature", compute_signature(kSecret, stamp, body));
    request.body = std::move(body);
    return request;
}

}  // namespace rubdown::slack::test
