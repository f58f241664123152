#include <catch2/catch.hpp>

#include "adapters/http/client_address.hpp"

using namespace rubdown::http;

TEST_CASE("client address: an IPv6 host is limited by its /64, an IPv4 one by its address") {
    CHECK(rate_key("203.0.113.7") == "203.0.113.7");
    CHECK(rate_key("2001:db8:1:2:aaaa::1") == rate_key("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    CHECK(rate_key("2001:db8:1:2::1") != rate_key("2001:db8:1:3::1"));
    CHECK(rate_key("::ffff:203.0.113.7") == "203.0.113.7");
    CHECK(rate_key("not an address") == "not an address");
}

TEST_CASE("client address: loopback, in either family and mapped") {
    CHECK(is_loopback_address("127.0.0.1"));
    CHECK(is_loopback_address("127.8.9.10"));
    CHECK(is_loopback_address("::1"));
    CHECK(is_loopback_address("::ffff:127.0.0.1"));
    CHECK_FALSE(is_loopback_address("10.0.0.1"));
    CHECK_FALSE(is_loopback_address("::ffff:10.0.0.1"));
    CHECK_FALSE(is_loopback_address(""));
    CHECK_FALSE(is_loopback_address("localhost"));
}
