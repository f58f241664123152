#include "adapters/http/client_url.hpp"
#include "adapters/http/stale_connection_retry.hpp"

#include <catch2/catch.hpp>

using rubdown::http::FailedAttempt;
using rubdown::http::may_retry_on_fresh_connection;
using rubdown::http::parse_client_url;
using rubdown::http::redact_url;

TEST_CASE("an https URL yields host, default port, target and Host header", "[http][url]") {
    const auto url = parse_client_url("https://api.telegram.org/bot123:ABC/sendMessage?x=1#top");
    REQUIRE(url);
    CHECK(url->tls);
    CHECK(url->host == "api.telegram.org");
    CHECK(url->port == 443);
    CHECK(url->target == "/bot123:ABC/sendMessage?x=1");
    CHECK(url->host_header == "api.telegram.org");
    CHECK_FALSE(url->host_is_address);
    CHECK(url->origin() == "https://api.telegram.org:443");
}

TEST_CASE("a plain http URL with a port keeps the port in the Host header", "[http][url]") {
    const auto url = parse_client_url("http://127.0.0.1:8080");
    REQUIRE(url);
    CHECK_FALSE(url->tls);
    CHECK(url->host == "127.0.0.1");
    CHECK(url->port == 8080);
    CHECK(url->target == "/");
    CHECK(url->host_header == "127.0.0.1:8080");
    CHECK(url->host_is_address);
}

TEST_CASE("an explicit default port is left out of the Host header", "[http][url]") {
    const auto url = parse_client_url("HTTPS://slack.com:443/api/chat.postMessage");
    REQUIRE(url);
    CHECK(url->tls);
    CHECK(url->host_header == "slack.com");
    CHECK(url->target == "/api/chat.postMessage");
}

TEST_CASE("an IPv6 literal connects without brackets and sends them in Host", "[http][url]") {
    const auto url = parse_client_url("http://[::1]:9000/x?y=1");
    REQUIRE(url);
    CHECK(url->host == "::1");
    CHECK(url->host_is_address);
    CHECK(url->host_header == "[::1]:9000");
    CHECK(url->origin() == "http://[::1]:9000");
}

TEST_CASE("URLs the client cannot use are rejected", "[http][url]") {
    CHECK_FALSE(parse_client_url("ftp://example.com/file"));
    CHECK_FALSE(parse_client_url("/relative/path"));
    CHECK_FALSE(parse_client_url("http:///no-host"));
    CHECK_FALSE(parse_client_url("http://example.com:0/"));
    CHECK_FALSE(parse_client_url("http://example.com:70000/"));
    CHECK_FALSE(parse_client_url("not a url"));
    CHECK_FALSE(parse_client_url(""));
}

TEST_CASE("a Telegram bot token in the path is redacted", "[http][url][redact]") {
    CHECK(redact_url("https://api.telegram.org/bot123456:AAE-x_yZ/sendMessage") ==
          "https://api.telegram.org/bot<redacted>/sendMessage");
    CHECK(redact_url("https://api.telegram.org/file/bot42:SeCrEt/photos/file_1.jpg") ==
          "https://api.telegram.org/file/bot<redacted>/photos/file_1.jpg");
    CHECK(redact_url("https://api.telegram.org/bot42%3ASeCrEt/getMe") ==
          "https://api.telegram.org/bot<redacted>/getMe");
}

TEST_CASE("paths without a token are kept as they are", "[http][url][redact]") {
    CHECK(redact_url("https://slack.com/api/chat.postMessage") ==
          "https://slack.com/api/chat.postMessage");
    CHECK(redact_url("http://127.0.0.1:8080/bottles/7") == "http://127.0.0.1:8080/bottles/7");
}

TEST_CASE("secret query values and user info are redacted, the rest kept", "[http][url][redact]") {
    CHECK(redact_url("https://slack.com/api/auth.test?token=xoxb-1-2&channel=C1") ==
          "https://slack.com/api/auth.test?token=<redacted>&channel=C1");
    CHECK(redact_url("https://x.test/cb?client_secret=s3&api_key=k&code=c&state=ok") ==
          "https://x.test/cb?client_secret=<redacted>&api_key=<redacted>&code=<redacted>&state=ok");
    CHECK(redact_url("https://user:pa55@x.test/path#frag") == "https://<redacted>@x.test/path");
}

TEST_CASE("text that is not a URL is redacted entirely", "[http][url][redact]") {
    CHECK(redact_url("https://api.telegram.org/bot1:secret with spaces") == "<invalid url>");
}

TEST_CASE("a dead kept-alive connection is retried only when the server cannot have acted",
          "[http][retry]") {
    FailedAttempt stale{.connection_was_reused = true,
                        .request_fully_sent = true,
                        .response_bytes_received = false,
                        .peer_closed = true,
                        .idempotent = true};
    CHECK(may_retry_on_fresh_connection(stale));

    SECTION("a fresh connection failing is not retried") {
        stale.connection_was_reused = false;
        CHECK_FALSE(may_retry_on_fresh_connection(stale));
    }
    SECTION("a POST that reached the server is not repeated") {
        stale.idempotent = false;
        CHECK_FALSE(may_retry_on_fresh_connection(stale));
    }
    SECTION("a POST that could not be written is repeated") {
        stale.idempotent = false;
        stale.request_fully_sent = false;
        CHECK(may_retry_on_fresh_connection(stale));
    }
    SECTION("a partial answer is not retried") {
        stale.response_bytes_received = true;
        CHECK_FALSE(may_retry_on_fresh_connection(stale));
    }
    SECTION("a time-out is not retried") {
        stale.peer_closed = false;
        CHECK_FALSE(may_retry_on_fresh_connection(stale));
    }
}
