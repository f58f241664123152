// Compiles the shared test support into this binary until tests/support sources are built with it.
#include "support/fake_http_server.cpp"
#include "support/self_signed_certificate.cpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <catch2/catch.hpp>

namespace {

/// Sends raw bytes to the server and reads until it closes the connection.
std::string exchange_raw(std::uint16_t port, const std::string& bytes) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    boost::asio::write(socket, boost::asio::buffer(bytes));
    std::string answer;
    boost::system::error_code error;
    boost::asio::read(socket, boost::asio::dynamic_buffer(answer), error);
    return answer;
}

}  // namespace

TEST_CASE("the fake server records requests and answers with the handler", "[http][fake]") {
    rubdown::testing::FakeHttpServer server([](const rubdown::testing::RecordedRequest& request) {
        auto reply = rubdown::testing::FakeReply::json(403, "echo:" + request.body);
        reply.headers.emplace_back("X-Seen", request.header("x-name"));
        return reply;
    });
    const std::string answer =
        exchange_raw(server.port(),
                     "POST /hook?q=1 HTTP/1.1\r\nHost: x\r\nX-Name: runner\r\nContent-Length: 3\r\n"
                     "Connection: close\r\n\r\nabc");

    CHECK(answer.rfind("HTTP/1.1 403", 0) == 0);
    CHECK(answer.find("X-Seen: runner") != std::string::npos);
    CHECK(answer.find("echo:abc") != std::string::npos);
    REQUIRE(server.wait_for_requests(1, std::chrono::seconds(5)));
    const auto seen = server.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].target == "/hook?q=1");
    CHECK(seen[0].body == "abc");
    CHECK(seen[0].connection == 1);
    CHECK(server.base_url() == "http://127.0.0.1:" + std::to_string(server.port()));
}

TEST_CASE("the fake server can drop a connection without answering", "[http][fake]") {
    rubdown::testing::FakeHttpServer server([](const rubdown::testing::RecordedRequest&) {
        rubdown::testing::FakeReply reply;
        reply.drop_connection = true;
        return reply;
    });
    CHECK(exchange_raw(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n").empty());
    CHECK(server.requests().size() == 1);
}
