// The operator's dashboard through the real `rubdown serve`: runners chat on the web chat, and
// the operator logs in, reads what they did and asked, and pauses one runner's reminders.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "adapters/web/web_identity.hpp"
#include "bot/web_chat_fixture.hpp"

using namespace rubdown::testing;
using namespace rubdown::testing::web_chat;

namespace {

constexpr const char* kToken = "dashboard-test-operator-token";

std::map<std::string, std::string> with_token() {
    return {{"RUBDOWN_ADMIN_TOKEN", kToken}};
}

struct Answer {
    int status = 0;
    std::string body;
    std::string location;
    std::string set_cookie;
};

Answer request(const WebServer& server, const std::string& method, const std::string& target,
               const std::string& headers, const std::string& body = "") {
    RawHttpClient client(server.port);
    client.send(method + " " + target + " HTTP/1.1\r\n" + server.host_header() + headers +
                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    const auto response = client.read_response();
    if (!response) return {};
    return {static_cast<int>(response->result_int()), response->body(),
            std::string((*response)[boost::beast::http::field::location]),
            std::string((*response)[boost::beast::http::field::set_cookie])};
}

std::string form_headers(const WebServer& server, const std::string& cookie) {
    return "Origin: " + server.origin() + "\r\nCookie: " + cookie +
           "\r\nContent-Type: application/x-www-form-urlencoded\r\n";
}

/// Logs in through the form; the session cookie ("rubdown_admin=...").
std::string log_in(const WebServer& server) {
    const auto answer = request(
        server, "POST", "/admin/login",
        "Origin: " + server.origin() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
        std::string("token=") + kToken);
    REQUIRE(answer.status == 303);
    REQUIRE(answer.location == "/admin/");
    REQUIRE_THAT(answer.set_cookie, Catch::StartsWith("rubdown_admin="));
    return answer.set_cookie.substr(0, answer.set_cookie.find(';'));
}

}  // namespace

TEST_CASE("dashboard: without RUBDOWN_ADMIN_TOKEN there is none, and it says how to have one") {
    WebServer server;
    const auto page = request(server, "GET", "/admin/", "");
    CHECK(page.status == 404);
    CHECK_THAT(page.body, Catch::Contains("RUBDOWN_ADMIN_TOKEN"));
    CHECK(request(server, "POST", "/admin/login",
                  "Content-Type: application/x-www-form-urlencoded\r\n", "token=")
              .status == 404);
}

TEST_CASE("dashboard: a browser logs in with the token: a wrong one, or none, gets nothing") {
    WebServer server(with_token());
    const auto anonymous = request(server, "GET", "/admin/", "");
    CHECK(anonymous.status == 303);
    CHECK(anonymous.location == "/admin/login");
    CHECK(request(server, "GET", "/admin/login", "").status == 200);
    const auto wrong =
        request(server, "POST", "/admin/login",
                "Content-Type: application/x-www-form-urlencoded\r\n", "token=guess");
    CHECK(wrong.status == 401);
    CHECK(wrong.set_cookie.empty());
    CHECK(request(server, "POST", "/admin/login",
                  "Origin: http://evil.example\r\nContent-Type: "
                  "application/x-www-form-urlencoded\r\n",
                  std::string("token=") + kToken)
              .status == 403);
    // A made-up session is no session.
    CHECK(request(server, "GET", "/admin/", "Cookie: rubdown_admin=99999999999.abc\r\n").status ==
          303);
    const auto cookie = log_in(server);
    const auto page = request(server, "GET", "/admin/", "Cookie: " + cookie + "\r\n");
    CHECK(page.status == 200);
    CHECK_THAT(page.body, Catch::Contains("How the bot is doing"));
    // A script uses the token itself.
    CHECK(request(server, "GET", "/admin/", std::string("Authorization: Bearer ") + kToken + "\r\n")
              .status == 200);
    // Logging out ends the browser's session.
    const auto out = request(server, "POST", "/admin/logout", form_headers(server, cookie));
    CHECK(out.status == 303);
    CHECK_THAT(out.set_cookie, Catch::Contains("Max-Age=0"));
}

TEST_CASE("dashboard: what runners did and asked, the runner's page, and pausing their reminders") {
    WebServer server(with_token());
    const auto ana = open_page(server);
    const auto ben = open_page(server);
    {
        EventStream stream(server, ana);
        stream.until("retry:");
        REQUIRE(post(server, ana, message("a1", "ran 12k hard this morning")) == 202);
        REQUIRE(post(server, ana, message("a2", "qwzx blorp frobnicate")) == 202);
        stream.until("data: ");
    }
    REQUIRE(post(server, ben, message("b1", "hello")) == 202);
    // Processing runs behind the acknowledgements: wait until the page shows what was said.
    const auto cookie = log_in(server);
    std::string page;
    for (int attempt = 0; attempt < 100; ++attempt) {
        page = request(server, "GET", "/admin/", "Cookie: " + cookie + "\r\n").body;
        if (page.find("frobnicate") != std::string::npos &&
            page.find("a greeting") != std::string::npos)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK_THAT(page, Catch::Contains("logging a run"));
    CHECK_THAT(page, Catch::Contains("qwzx blorp frobnicate"));  // not understood, kept to read
    CHECK_THAT(page, Catch::Contains("web 2"));                  // two runners active this week
    CHECK_THAT(page, Catch::Contains("<svg"));
    CHECK_THAT(page, Catch::Contains("12.0"));  // the club's week: 12 km
    // The runners' list links to each runner's page; Ana gave no name, so she is shown by the
    // start of her key ("web:8878ae..." is "Web runner 8878ae").
    const auto ana_key = rubdown::web::user_key_for(
        rubdown::web::runner_id(ana.substr(std::string("rubdown_chat=").size())));
    const auto ana_row = page.find("Web runner " + ana_key.substr(4, 6));
    REQUIRE(ana_row != std::string::npos);
    const auto link = page.rfind("/admin/runner?id=", ana_row);
    REQUIRE(link != std::string::npos);
    const auto user_id = page.substr(link + 17, page.find('"', link) - link - 17);
    const auto runner =
        request(server, "GET", "/admin/runner?id=" + user_id, "Cookie: " + cookie + "\r\n").body;
    CHECK_THAT(runner, Catch::Contains("ran 12k hard this morning"));
    CHECK_THAT(runner, Catch::Contains("12 km"));

    // Pausing from another site is refused; from the page it works and says so.
    CHECK(request(server, "POST", "/admin/runner/pause",
                  "Origin: http://evil.example\r\nCookie: " + cookie +
                      "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                  "id=" + user_id + "&days=7")
              .status == 403);
    const auto paused = request(server, "POST", "/admin/runner/pause", form_headers(server, cookie),
                                "id=" + user_id + "&days=7");
    CHECK(paused.status == 303);
    CHECK(paused.location == "/admin/runner?id=" + user_id + "&done=paused");
    const auto after = request(server, "GET", paused.location, "Cookie: " + cookie + "\r\n").body;
    CHECK_THAT(after, Catch::Contains("Reminders paused."));
    CHECK_THAT(after, Catch::Contains("Paused until"));
    CHECK(request(server, "POST", "/admin/runner/pause", form_headers(server, cookie),
                  "id=" + user_id + "&days=9999")
              .status == 400);
    const auto resumed = request(server, "POST", "/admin/runner/pause",
                                 form_headers(server, cookie), "id=" + user_id + "&days=0");
    CHECK(request(server, "GET", resumed.location, "Cookie: " + cookie + "\r\n").body.find("On.") !=
          std::string::npos);
    CHECK(request(server, "GET", "/admin/runner?id=999999", "Cookie: " + cookie + "\r\n").status ==
          404);
}
