#include "support/fake_http_server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <cctype>

namespace rubdown::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

std::string RecordedRequest::header(std::string_view name) const {
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) ==
                          std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const auto& [key, value] : headers)
        if (same(key, name)) return value;
    return {};
}

FakeReply FakeReply::json(int status, std::string body) {
    FakeReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

struct FakeHttpServer::State {
    explicit State(FakeHandler first_handler, FakeHttpServerOptions server_options)
        : handler(std::move(first_handler)), options(server_options) {}

    asio::io_context io;
    tcp::acceptor acceptor{io};
    mutable std::mutex mutex;
    mutable std::condition_variable arrived;
    FakeHandler handler;
    FakeHttpServerOptions options;
    std::vector<RecordedRequest> recorded;
    std::size_t connections = 0;
    std::uint16_t port = 0;
    std::unique_ptr<asio::ssl::context> tls;  ///< set when the server speaks HTTPS

    FakeReply answer_for(const RecordedRequest& request) {
        FakeHandler current;
        {
            const std::lock_guard lock(mutex);
            recorded.push_back(request);
            current = handler;
        }
        arrived.notify_all();
        return current ? current(request) : FakeReply{};
    }

    asio::awaitable<void> accept_loop() {
        for (;;) {
            error_code error;
            tcp::socket socket =
                co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, error));
            if (error) co_return;
            std::size_t id = 0;
            {
                const std::lock_guard lock(mutex);
                id = ++connections;
            }
            asio::co_spawn(io, serve(std::move(socket), id), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket, std::size_t connection_id) {
        beast::tcp_stream plain(std::move(socket));
        if (!tls) {
            co_await converse(plain, connection_id);
            close(plain);
            co_return;
        }
        beast::ssl_stream<beast::tcp_stream> secure(std::move(plain), *tls);
        beast::get_lowest_layer(secure).expires_after(std::chrono::seconds(5));
        error_code error;
        co_await secure.async_handshake(asio::ssl::stream_base::server,
                                        asio::redirect_error(asio::use_awaitable, error));
        if (!error && co_await converse(secure, connection_id)) {
            // close_notify first, as an orderly server does; the client need not answer it.
            beast::get_lowest_layer(secure).expires_after(std::chrono::seconds(1));
            co_await secure.async_shutdown(asio::redirect_error(asio::use_awaitable, error));
        }
        close(beast::get_lowest_layer(secure));
    }

    static void close(beast::tcp_stream& stream) {
        error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream.socket().close(ignored);
    }

    /// Answers requests until the connection ends; true when the server ends it in an orderly
    /// way (idle time-out, close after answer), false when the client left or the reply said to
    /// drop the connection.
    template <class Stream>
    asio::awaitable<bool> converse(Stream& stream, std::size_t connection_id) {
        auto& lowest = beast::get_lowest_layer(stream);
        beast::flat_buffer buffer;
        for (;;) {
            if (options.idle_timeout.count() > 0)
                lowest.expires_after(options.idle_timeout);
            else
                lowest.expires_never();
            bhttp::request<bhttp::string_body> request;
            error_code error;
            co_await bhttp::async_read(stream, buffer, request,
                                       asio::redirect_error(asio::use_awaitable, error));
            if (error == beast::error::timeout) co_return true;
            if (error) co_return false;
            lowest.expires_never();

            RecordedRequest recorded_request;
            recorded_request.connection = connection_id;
            recorded_request.method = std::string(request.method_string());
            recorded_request.target = std::string(request.target());
            for (const auto& field : request)
                recorded_request.headers.emplace_back(std::string(field.name_string()),
                                                      std::string(field.value()));
            recorded_request.body = request.body();
            const FakeReply reply = answer_for(recorded_request);

            if (reply.delay.count() > 0) {
                asio::steady_timer timer(io, reply.delay);
                co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
            }
            if (reply.drop_connection) co_return false;

            bhttp::response<bhttp::string_body> response{static_cast<bhttp::status>(reply.status),
                                                         request.version()};
            response.set(bhttp::field::content_type, reply.content_type);
            for (const auto& [name, value] : reply.headers) response.set(name, value);
            response.body() = reply.body;
            response.keep_alive(request.keep_alive());
            response.prepare_payload();
            co_await bhttp::async_write(stream, response,
                                        asio::redirect_error(asio::use_awaitable, error));
            if (error) co_return false;
            if (reply.close_after_answer || !response.keep_alive()) co_return true;
        }
    }
};

FakeHttpServer::FakeHttpServer(FakeHandler handler, FakeHttpServerOptions options)
    : state_(std::make_shared<State>(std::move(handler), options)) {
    const tcp::endpoint loopback(asio::ip::make_address("127.0.0.1"), 0);
    state_->acceptor.open(loopback.protocol());
    state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    state_->acceptor.bind(loopback);
    state_->acceptor.listen();
    state_->port = state_->acceptor.local_endpoint().port();
    if (!options.tls_certificate_pem.empty() && !options.tls_private_key_pem.empty()) {
        state_->tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
        state_->tls->use_certificate_chain(asio::buffer(options.tls_certificate_pem));
        state_->tls->use_private_key(asio::buffer(options.tls_private_key_pem),
                                     asio::ssl::context::pem);
    }
    asio::co_spawn(state_->io, state_->accept_loop(), asio::detached);
    thread_ = std::thread([state = state_] { state->io.run(); });
}

FakeHttpServer::~FakeHttpServer() {
    state_->io.stop();
    thread_.join();
}

std::uint16_t FakeHttpServer::port() const {
    return state_->port;
}

std::string FakeHttpServer::base_url() const {
    return std::string(state_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port());
}

void FakeHttpServer::set_handler(FakeHandler handler) {
    const std::lock_guard lock(state_->mutex);
    state_->handler = std::move(handler);
}

std::vector<RecordedRequest> FakeHttpServer::requests() const {
    const std::lock_guard lock(state_->mutex);
    return state_->recorded;
}

std::size_t FakeHttpServer::connections_accepted() const {
    const std::lock_guard lock(state_->mutex);
    return state_->connections;
}

bool FakeHttpServer::wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(state_->mutex);
    return state_->arrived.wait_for(lock, timeout,
                                    [&] { return state_->recorded.size() >= count; });
}

}  // namespace rubdown::testing
