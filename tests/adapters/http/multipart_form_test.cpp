#include <catch2/catch.hpp>

#include "adapters/http/multipart_form.hpp"
#include "support/multipart_reader.hpp"

using rubdown::http::encode_multipart;
using rubdown::testing::read_multipart;

TEST_CASE("multipart form: a receiver reads back every field and the file's bytes") {
    std::string png("\x89PNG\r\n\x1a\n\0\0binary\r\n--", 20);
    const auto form = encode_multipart({{"chat_id", "42"}, {"caption", "Line one\nline two"}},
                                       {{"photo", "chart.png", "image/png", png}});
    const auto parts = read_multipart(form.content_type, form.body);
    REQUIRE(parts);
    REQUIRE(parts->size() == 3);
    CHECK(parts->at("chat_id").value == "42");
    CHECK(parts->at("caption").value == "Line one\nline two");
    CHECK(parts->at("photo").value == png);
    CHECK(parts->at("photo").filename == "chart.png");
    CHECK(parts->at("photo").content_type == "image/png");
}

TEST_CASE("multipart form: the boundary is one that no part contains") {
    // A file holding the first boundary the encoder would try.
    const std::string tricky = "x\r\n--rubdown-form-boundary-0\r\ny";
    const auto form = encode_multipart({{"text", "--rubdown-form-boundary-1"}},
                                       {{"file", "f.bin", "application/octet-stream", tricky}});
    const auto boundary = form.content_type.substr(form.content_type.find('=') + 1);
    CHECK(tricky.find(boundary) == std::string::npos);
    CHECK(std::string("--rubdown-form-boundary-1").find("--" + boundary) == std::string::npos);
    const auto parts = read_multipart(form.content_type, form.body);
    REQUIRE(parts);
    CHECK(parts->at("file").value == tricky);
    CHECK(parts->at("text").value == "--rubdown-form-boundary-1");
}

TEST_CASE("multipart form: a quote or a line break in a name cannot break out of its header") {
    const auto form = encode_multipart({{"a\"b\r\nX-Evil: 1", "v"}}, {});
    CHECK(form.body.find("X-Evil: 1\r\n") == std::string::npos);
    const auto parts = read_multipart(form.content_type, form.body);
    REQUIRE(parts);
    CHECK(parts->size() == 1);
    CHECK(parts->begin()->second.value == "v");
}
