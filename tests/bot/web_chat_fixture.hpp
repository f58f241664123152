#pragma once
/// The real `rubdown serve` and a browser's requests to its web chat, for the end-to-end tests
/// of the chat and the operator's pages: the session cookie, Origin, JSON posts, an event stream
/// read as raw bytes.

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/child_process.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

namespace rubdown::testing::web_chat {

using Json = nlohmann::json;

inline const std::string kBinary = RUBDOWN_BINARY;

struct WebServer {
    TempDir dir;
    std::unique_ptr<ChildProcess> process;
    unsigned short port = 0;

    explicit WebServer(std::map<std::string, std::string> env = {}) { start(std::move(env)); }

    void start(std::map<std::string, std::string> env = {}) {
        env.emplace("RUBDOWN_DB", dir.file("web.db"));
        env.emplace("RUBDOWN_LISTEN", "127.0.0.1:0");
        process = std::make_unique<ChildProcess>(kBinary, std::vector<std::string>{"serve"},
                                                 dir.path().string(), env);
        REQUIRE(process->wait_for_log("event=listening", std::chrono::seconds(30)));
        port = listening_port(*process);
        REQUIRE(port != 0);
    }

    std::string origin() const { return "http://127.0.0.1:" + std::to_string(port); }
    std::string host_header() const { return "Host: 127.0.0.1:" + std::to_string(port) + "\r\n"; }
};

/// A browser's session: the cookie GET / gave it.
inline std::string open_page(const WebServer& server) {
    RawHttpClient client(server.port);
    const auto page = client.request("GET", "/");
    REQUIRE(page);
    REQUIRE(page->result_int() == 200);
    const std::string cookie((*page)[boost::beast::http::field::set_cookie]);
    REQUIRE_THAT(cookie, Catch::StartsWith("rubdown_chat="));
    return cookie.substr(0, cookie.find(';'));
}

inline int post(const WebServer& server, const std::string& cookie, const std::string& body,
                std::string headers = "") {
    if (headers.empty())
        headers = "Origin: " + server.origin() + "\r\nContent-Type: application/json\r\n";
    RawHttpClient client(server.port);
    client.send("POST /chat/messages HTTP/1.1\r\n" + server.host_header() +
                (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") + headers +
                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    const auto response = client.read_response();
    return response ? response->result_int() : 0;
}

inline std::string message(const std::string& id, const std::string& text) {
    return Json{{"id", id}, {"text", text}}.dump();
}

/// An open event stream, read as the bytes arrive.
class EventStream {
  public:
    EventStream(const WebServer& server, const std::string& cookie, const std::string& extra = "",
                const std::string& target = "/chat/events")
        : client_(server.port) {
        client_.send("GET " + target + " HTTP/1.1\r\n" + server.host_header() +
                     "Accept: text/event-stream\r\nCookie: " + cookie + "\r\n" + extra + "\r\n");
    }

    /// Everything received until `marker` has arrived (or ten seconds of silence).
    std::string until(const std::string& marker) {
        received_ += client_.read_raw_until(marker);
        return received_;
    }

  private:
    RawHttpClient client_;
    std::string received_;
};

/// The ids of the replies in an event stream's bytes, in order.
inline std::vector<long> reply_ids(const std::string& bytes) {
    std::vector<long> ids;
    static const std::regex kData("data: (\\{.*\\})");
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), kData);
         it != std::sregex_iterator(); ++it)
        ids.push_back(Json::parse((*it)[1].str())["id"].get<long>());
    return ids;
}

inline Json conversation(const WebServer& server, const std::string& cookie) {
    RawHttpClient client(server.port);
    const auto response =
        client.request("GET", "/chat/conversation", "", "Cookie: " + cookie + "\r\n");
    REQUIRE(response);
    REQUIRE(response->result_int() == 200);
    return Json::parse(response->body());
}

}  // namespace rubdown::testing::web_chat
