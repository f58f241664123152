#include "adapters/http/http_client.hpp"

#include "support/fake_http_server.hpp"
#include "support/self_signed_certificate.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_future.hpp>
#include <catch2/catch.hpp>

#include <functional>
#include <future>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;
using rubdown::http::ClientErrc;
using rubdown::http::ClientRequest;
using rubdown::http::ClientResponse;
using rubdown::http::HttpClient;
using rubdown::http::HttpClientError;
using rubdown::http::HttpClientOptions;
using rubdown::testing::FakeHttpServer;
using rubdown::testing::FakeHttpServerOptions;
using rubdown::testing::FakeReply;
using rubdown::testing::RecordedRequest;

namespace {

/// Runs the client's io_context until the request completes, returning or rethrowing its result.
ClientResponse send(asio::io_context& io, HttpClient& client, ClientRequest request) {
    auto result = asio::co_spawn(io, client.request(std::move(request)), asio::use_future);
    io.restart();
    io.run();
    return result.get();
}

ClientRequest get(std::string url) {
    ClientRequest request;
    request.method = "GET";
    request.url = std::move(url);
    return request;
}

ClientRequest post(std::string url, std::string body) {
    ClientRequest request;
    request.url = std::move(url);
    request.body = std::move(body);
    return request;
}

/// The error code a request fails with; fails the test when it succeeds.
ClientErrc failure_of(asio::io_context& io, HttpClient& client, ClientRequest request,
                      std::string* message = nullptr) {
    try {
        send(io, client, std::move(request));
    } catch (const HttpClientError& error) {
        if (message) *message = error.what();
        return error.errc();
    }
    FAIL("the request was expected to fail");
    return ClientErrc::io_error;
}

/// A loopback port nothing listens on.
std::uint16_t closed_port() {
    asio::io_context io;
    asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();
}

}  // namespace

TEST_CASE("a GET sends its target and headers and returns the answer", "[http][client]") {
    FakeHttpServer server([](const RecordedRequest&) {
        FakeReply reply = FakeReply::json(200, R"({"ok":true})");
        reply.headers.emplace_back("X-Served-By", "fake");
        return reply;
    });
    asio::io_context io;
    HttpClient client(io.get_executor());

    ClientRequest request = get(server.base_url() + "/ping?x=1");
    request.headers.emplace_back("X-Custom", "value");
    const ClientResponse response = send(io, client, request);

    CHECK(response.status == 200);
    CHECK(response.body == R"({"ok":true})");
    CHECK(response.header("x-served-by") == "fake");
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.header("absent").empty());

    const auto seen = server.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "GET");
    CHECK(seen[0].target == "/ping?x=1");
    CHECK(seen[0].header("X-Custom") == "value");
    CHECK(seen[0].header("Host") == "127.0.0.1:" + std::to_string(server.port()));
    CHECK(seen[0].header("User-Agent") == "rubdown");
    CHECK(seen[0].body.empty());
}

TEST_CASE("a POST delivers its body and content type", "[http][client]") {
    FakeHttpServer server;
    asio::io_context io;
    HttpClient client(io.get_executor());

    const std::string body = R"({"chat_id":42,"text":"Easy 5k today?"})";
    const ClientResponse response = send(io, client, post(server.base_url() + "/api", body));

    CHECK(response.status == 200);
    const auto seen = server.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].body == body);
    CHECK(seen[0].header("Content-Type") == "application/json");
    CHECK(seen[0].header("Content-Length") == std::to_string(body.size()));
}

TEST_CASE("error statuses are answers, not failures", "[http][client]") {
    FakeHttpServer server([](const RecordedRequest& request) {
        if (request.target == "/busy") {
            FakeReply reply =
                FakeReply::json(429, R"({"ok":false,"parameters":{"retry_after":3}})");
            reply.headers.emplace_back("Retry-After", "3");
            return reply;
        }
        return FakeReply::json(503, "down");
    });
    asio::io_context io;
    HttpClient client(io.get_executor());

    const ClientResponse busy = send(io, client, post(server.base_url() + "/busy", "{}"));
    CHECK(busy.status == 429);
    CHECK(busy.header("retry-after") == "3");
    CHECK(busy.body.find("retry_after") != std::string::npos);
    CHECK(send(io, client, post(server.base_url() + "/down", "{}")).status == 503);
}

TEST_CASE("sequential requests reuse one kept-alive connection", "[http][client][pool]") {
    FakeHttpServer server;
    asio::io_context io;
    HttpClient client(io.get_executor());

    for (int i = 0; i < 3; ++i)
        CHECK(send(io, client, post(server.base_url() + "/n", std::to_string(i))).status == 200);

    CHECK(server.connections_accepted() == 1);
    const auto seen = server.requests();
    REQUIRE(seen.size() == 3);
    for (const auto& request : seen) CHECK(request.connection == 1);
    CHECK(client.idle_connection_count() == 1);
}

TEST_CASE("a connection the server closed while idle is replaced transparently",
          "[http][client][pool]") {
    FakeHttpServerOptions options;
    options.idle_timeout = 50ms;
    FakeHttpServer server({}, options);
    asio::io_context io;
    HttpClient client(io.get_executor());

    CHECK(send(io, client, post(server.base_url() + "/a", "1")).status == 200);
    // Wait for the server's idle time-out to close the parked connection.
    std::this_thread::sleep_for(300ms);
    CHECK(send(io, client, post(server.base_url() + "/b", "2")).status == 200);

    CHECK(server.connections_accepted() == 2);
    CHECK(server.requests().size() == 2);  // the POST was not sent twice
}

TEST_CASE("a server closing after every answer costs a reconnection, not a failure",
          "[http][client][pool]") {
    FakeHttpServer server([](const RecordedRequest&) {
        FakeReply reply;
        reply.close_after_answer = true;
        return reply;
    });
    asio::io_context io;
    HttpClient client(io.get_executor());

    for (int i = 0; i < 3; ++i) CHECK(send(io, client, get(server.base_url() + "/")).status == 200);
    CHECK(server.connections_accepted() == 3);
}

TEST_CASE("a kept-alive connection dropped on use is retried only when safe",
          "[http][client][pool]") {
    // The second request on the first connection is dropped unanswered, as when the server's
    // idle time-out fires just as the request arrives.
    FakeHttpServer server([](const RecordedRequest& request) {
        FakeReply reply;
        reply.drop_connection = request.connection == 1 && request.target == "/second";
        return reply;
    });
    asio::io_context io;
    HttpClient client(io.get_executor());
    REQUIRE(send(io, client, get(server.base_url() + "/first")).status == 200);

    SECTION("a GET is repeated on a fresh connection") {
        CHECK(send(io, client, get(server.base_url() + "/second")).status == 200);
        const auto seen = server.requests();
        REQUIRE(seen.size() == 3);
        CHECK(seen[2].connection == 2);
        CHECK(seen[2].target == "/second");
    }
    SECTION("a POST the server may have acted on is not repeated") {
        CHECK(failure_of(io, client, post(server.base_url() + "/second", "{}")) ==
              ClientErrc::connection_closed);
        CHECK(server.requests().size() == 2);
    }
    SECTION("a POST marked idempotent is repeated") {
        ClientRequest request = post(server.base_url() + "/second", "{}");
        request.idempotent = true;
        CHECK(send(io, client, request).status == 200);
        CHECK(server.requests().size() == 3);
    }
}

TEST_CASE("a fresh connection dropped without an answer fails", "[http][client]") {
    FakeHttpServer server([](const RecordedRequest&) {
        FakeReply reply;
        reply.drop_connection = true;
        return reply;
    });
    asio::io_context io;
    HttpClient client(io.get_executor());

    CHECK(failure_of(io, client, get(server.base_url() + "/")) == ClientErrc::connection_closed);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("a slow server makes the request time out", "[http][client][timeout]") {
    FakeHttpServer server([](const RecordedRequest&) {
        FakeReply reply;
        reply.delay = 5s;
        return reply;
    });
    asio::io_context io;
    HttpClient client(io.get_executor());

    ClientRequest request = post(server.base_url() + "/slow", "{}");
    request.timeout = 200ms;
    CHECK(failure_of(io, client, request) == ClientErrc::timed_out);
    CHECK(client.idle_connection_count() == 0);
}

TEST_CASE("a refused connection fails without leaking the token", "[http][client]") {
    asio::io_context io;
    HttpClient client(io.get_executor());
    const std::string url =
        "http://127.0.0.1:" + std::to_string(closed_port()) + "/bot123456:SECRET-token/getMe";

    std::string message;
    CHECK(failure_of(io, client, post(url, "{}"), &message) == ClientErrc::connect_failed);
    CHECK(message.find("SECRET") == std::string::npos);
    CHECK(message.find("bot<redacted>/getMe") != std::string::npos);
}

TEST_CASE("an answer larger than the limit is refused", "[http][client][limits]") {
    FakeHttpServer server([](const RecordedRequest& request) {
        return FakeReply::json(200, std::string(request.target == "/big" ? 4096 : 1024, 'x'));
    });
    asio::io_context io;
    HttpClientOptions options;
    options.max_response_body_bytes = 1024;
    HttpClient client(io.get_executor(), options);

    CHECK(send(io, client, get(server.base_url() + "/fits")).body.size() == 1024);
    CHECK(failure_of(io, client, get(server.base_url() + "/big")) ==
          ClientErrc::response_too_large);
}

TEST_CASE("unusable URLs and headers are refused before any connection", "[http][client]") {
    asio::io_context io;
    HttpClient client(io.get_executor());

    std::string message;
    CHECK(failure_of(io, client, get("not a url/bot1:SECRET/x"), &message) ==
          ClientErrc::invalid_url);
    CHECK(message.find("SECRET") == std::string::npos);
    CHECK(failure_of(io, client, get("ftp://example.com/file")) == ClientErrc::invalid_url);
    CHECK(failure_of(io, client, get("/relative")) == ClientErrc::invalid_url);

    FakeHttpServer server;
    ClientRequest injected = get(server.base_url() + "/");
    injected.headers.emplace_back("X-Note", "a\r\nX-Injected: yes");
    CHECK(failure_of(io, client, injected) == ClientErrc::invalid_request);
    ClientRequest bad_method = get(server.base_url() + "/");
    bad_method.method = "GE T";
    CHECK(failure_of(io, client, bad_method) == ClientErrc::invalid_request);
    CHECK(server.connections_accepted() == 0);
}

TEST_CASE("https to a server that does not speak TLS fails the handshake", "[http][client][tls]") {
    FakeHttpServer server;
    asio::io_context io;
    HttpClient client(io.get_executor());

    ClientRequest request = get("https://127.0.0.1:" + std::to_string(server.port()) + "/");
    request.timeout = 5s;
    const ClientErrc errc = failure_of(io, client, request);
    CHECK((errc == ClientErrc::tls_failed || errc == ClientErrc::connection_closed));
}

TEST_CASE("concurrent requests each get a connection and are parked up to the cap",
          "[http][client][pool]") {
    FakeHttpServer server([](const RecordedRequest& request) {
        FakeReply reply = FakeReply::json(200, request.body);
        reply.delay = 100ms;
        return reply;
    });
    asio::io_context io;
    HttpClientOptions options;
    options.max_idle_per_origin = 2;
    HttpClient client(io.get_executor(), options);

    std::vector<std::future<ClientResponse>> results;
    for (int i = 0; i < 3; ++i)
        results.push_back(
            asio::co_spawn(io, client.request(post(server.base_url() + "/", std::to_string(i))),
                           asio::use_future));
    io.run();

    for (int i = 0; i < 3; ++i) CHECK(results[i].get().body == std::to_string(i));
    CHECK(server.connections_accepted() == 3);
    CHECK(client.idle_connection_count() == 2);
}

TEST_CASE("stopping the client aborts outstanding requests and refuses new ones",
          "[http][client][stop]") {
    FakeHttpServer server([](const RecordedRequest&) {
        FakeReply reply;
        reply.delay = 10s;
        return reply;
    });
    asio::io_context io;
    HttpClient client(io.get_executor());

    auto pending =
        asio::co_spawn(io, client.request(post(server.base_url() + "/", "{}")), asio::use_future);
    // Stop once the server holds the request (outstanding, its answer 10 s away), however long
    // a loaded machine takes to get it there; at most 5 s.
    asio::steady_timer stopper(io);
    int checks = 0;
    std::function<void(boost::system::error_code)> stop_when_received =
        [&](boost::system::error_code) {
            if (server.requests().empty() && ++checks < 500) {
                stopper.expires_after(10ms);
                stopper.async_wait(stop_when_received);
                return;
            }
            client.stop();
        };
    stopper.expires_after(10ms);
    stopper.async_wait(stop_when_received);
    io.run();

    try {
        pending.get();
        FAIL("the request should have been aborted");
    } catch (const HttpClientError& error) {
        CHECK(error.errc() == ClientErrc::stopped);
    }
    CHECK(failure_of(io, client, get(server.base_url() + "/")) == ClientErrc::stopped);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("destroying the client with a request in flight completes it with an error",
          "[http][client][stop]") {
    FakeHttpServer server([](const RecordedRequest&) {
        FakeReply reply;
        reply.delay = 10s;
        return reply;
    });
    asio::io_context io;
    auto client = std::make_unique<HttpClient>(io.get_executor());

    auto pending =
        asio::co_spawn(io, client->request(get(server.base_url() + "/")), asio::use_future);
    asio::steady_timer destroyer(io, 50ms);
    destroyer.async_wait([&](boost::system::error_code) { client.reset(); });
    io.run();

    try {
        pending.get();
        FAIL("the request should have been aborted");
    } catch (const HttpClientError& error) {
        CHECK(error.errc() == ClientErrc::stopped);
    }
}

namespace {

using rubdown::testing::make_self_signed_certificate;
using rubdown::testing::PemIdentity;

const PemIdentity& localhost_identity() {
    static const PemIdentity identity = make_self_signed_certificate({"localhost"}, {"127.0.0.1"});
    return identity;
}

FakeHttpServerOptions https_options(const PemIdentity& identity) {
    FakeHttpServerOptions options;
    options.tls_certificate_pem = identity.certificate_pem;
    options.tls_private_key_pem = identity.private_key_pem;
    return options;
}

HttpClientOptions trusting(const PemIdentity& identity) {
    HttpClientOptions options;
    options.extra_trusted_ca_pem = identity.certificate_pem;
    return options;
}

}  // namespace

TEST_CASE("https to a trusted server works and keeps the connection alive", "[http][client][tls]") {
    FakeHttpServer server(
        [](const RecordedRequest& request) {
            return FakeReply::json(200, "secure:" + request.body);
        },
        https_options(localhost_identity()));
    asio::io_context io;
    HttpClient client(io.get_executor(), trusting(localhost_identity()));
    const std::string base = "https://localhost:" + std::to_string(server.port());

    for (int i = 0; i < 3; ++i)
        CHECK(send(io, client, post(base + "/api", std::to_string(i))).body ==
              "secure:" + std::to_string(i));
    CHECK(send(io, client, get(server.base_url() + "/by-address")).status == 200);

    CHECK(server.connections_accepted() == 2);  // one per origin: localhost and 127.0.0.1
    const auto seen = server.requests();
    REQUIRE(seen.size() == 4);
    CHECK(seen[0].header("Host") == "localhost:" + std::to_string(server.port()));
}

TEST_CASE("https to a server whose certificate is not trusted fails", "[http][client][tls]") {
    FakeHttpServer server({}, https_options(localhost_identity()));
    asio::io_context io;
    HttpClient client(io.get_executor());

    CHECK(failure_of(io, client, get("https://localhost:" + std::to_string(server.port()))) ==
          ClientErrc::tls_failed);
    CHECK(server.requests().empty());
}

TEST_CASE("https to a server whose certificate names another host fails", "[http][client][tls]") {
    const PemIdentity other = make_self_signed_certificate({"rubdown.test"}, {});
    FakeHttpServer server({}, https_options(other));
    asio::io_context io;
    HttpClient client(io.get_executor(), trusting(other));
    const std::string port = std::to_string(server.port());

    CHECK(failure_of(io, client, get("https://localhost:" + port)) == ClientErrc::tls_failed);
    CHECK(failure_of(io, client, get("https://127.0.0.1:" + port)) == ClientErrc::tls_failed);
    CHECK(server.requests().empty());
}

TEST_CASE("an https connection the server closed with close_notify is replaced transparently",
          "[http][client][tls][pool]") {
    FakeHttpServerOptions options = https_options(localhost_identity());
    options.idle_timeout = 50ms;
    FakeHttpServer server({}, options);
    asio::io_context io;
    HttpClient client(io.get_executor(), trusting(localhost_identity()));
    const std::string base = "https://localhost:" + std::to_string(server.port());

    CHECK(send(io, client, post(base + "/a", "1")).status == 200);
    // The server's idle time-out sends close_notify, then waits in vain for the client's reply.
    std::this_thread::sleep_for(300ms);
    CHECK(send(io, client, post(base + "/b", "2")).status == 200);

    CHECK(server.connections_accepted() == 2);
    CHECK(server.requests().size() == 2);
}
