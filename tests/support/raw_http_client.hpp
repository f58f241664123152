#pragma once
/// A blocking loopback HTTP client for server tests: it can send exactly the bytes a test wants
/// (a half-finished header, a lying Content-Length) and read what comes back.

#include <chrono>
#include <optional>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace rubdown::testing {

class RawHttpClient {
  public:
    explicit RawHttpClient(unsigned short port) : socket_(io_) {
        socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
        // Reads give up after a while so a broken server fails the test instead of hanging it.
        timeval timeout{10, 0};
        ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }

    void send(const std::string& bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }

    /// The next response, or nothing if the server closed the connection (or timed out).
    std::optional<boost::beast::http::response<boost::beast::http::string_body>> read_response() {
        boost::beast::http::response<boost::beast::http::string_body> response;
        boost::beast::error_code error;
        boost::beast::http::read(socket_, buffer_, response, error);
        if (error) return std::nullopt;
        return response;
    }

    std::optional<boost::beast::http::response<boost::beast::http::string_body>> request(
        const std::string& method, const std::string& target, const std::string& body = "",
        const std::string& extra_headers = "") {
        send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers +
             "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
        return read_response();
    }

    /// The raw bytes that arrive until `marker` is among them (or the server closes, or a read
    /// times out), for checking framing that a parsing read would hide.
    std::string read_raw_until(const std::string& marker) {
        std::string raw(static_cast<const char*>(buffer_.data().data()), buffer_.size());
        buffer_.consume(buffer_.size());
        char chunk[4096];
        while (raw.find(marker) == std::string::npos) {
            boost::system::error_code error;
            const auto received = socket_.read_some(boost::asio::buffer(chunk), error);
            if (error) break;
            raw.append(chunk, received);
        }
        return raw;
    }

    /// True when the server has closed the connection (a read sees end of stream).
    bool closed_by_server() {
        char byte;
        boost::system::error_code error;
        socket_.read_some(boost::asio::buffer(&byte, 1), error);
        return error == boost::asio::error::eof || error == boost::asio::error::connection_reset;
    }

  private:
    boost::asio::io_context io_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
};

}  // namespace rubdown::testing
