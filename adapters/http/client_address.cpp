#include "adapters/http/client_address.hpp"

#include <algorithm>

#include <boost/asio/ip/address.hpp>

namespace rubdown::http {

namespace asio = boost::asio;

bool is_loopback_address(const std::string& address) {
    boost::system::error_code error;
    auto parsed = asio::ip::make_address(address, error);
    if (error) return false;
    if (parsed.is_v6() && parsed.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, parsed.to_v6()).is_loopback();
    return parsed.is_loopback();
}

std::string rate_key(const std::string& address) {
    boost::system::error_code error;
    const auto parsed = asio::ip::make_address(address, error);
    if (error || !parsed.is_v6()) return address;
    const auto v6 = parsed.to_v6();
    if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
    auto bytes = v6.to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return asio::ip::address_v6(bytes).to_string() + "/64";
}

}  // namespace rubdown::http
