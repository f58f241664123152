#pragma once
/// Reads a multipart/form-data body as a receiving server would (RFC 7578), for the fakes of
/// the platforms' APIs: written apart from the project's encoder, so that a test of one checks
/// the other.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace rubdown::testing {

struct FormPart {
    std::string value;     ///< a field's value, or a file's bytes
    std::string filename;  ///< empty for a plain field
    std::string content_type;
};

/// The parts by field name; nothing when the content type names no boundary or the body does
/// not follow it (no closing delimiter, a part without headers).
inline std::optional<std::map<std::string, FormPart>> read_multipart(std::string_view content_type,
                                                                     std::string_view body) {
    const auto at = content_type.find("boundary=");
    if (!content_type.starts_with("multipart/form-data") || at == std::string_view::npos)
        return std::nullopt;
    auto boundary = std::string(content_type.substr(at + 9));
    if (boundary.size() >= 2 && boundary.front() == '"')
        boundary = boundary.substr(1, boundary.size() - 2);
    const std::string delimiter = "--" + boundary;
    std::map<std::string, FormPart> parts;
    std::size_t position = body.find(delimiter);
    if (position != 0) return std::nullopt;
    while (true) {
        position += delimiter.size();
        if (body.substr(position, 2) == "--") return parts;  // the closing delimiter
        if (body.substr(position, 2) != "\r\n") return std::nullopt;
        position += 2;
        const auto headers_end = body.find("\r\n\r\n", position);
        if (headers_end == std::string_view::npos) return std::nullopt;
        const auto headers = body.substr(position, headers_end - position);
        const auto next = body.find("\r\n" + delimiter, headers_end + 4);
        if (next == std::string_view::npos) return std::nullopt;
        FormPart part;
        part.value = std::string(body.substr(headers_end + 4, next - headers_end - 4));
        const auto quoted = [&](std::string_view key) -> std::string {
            const auto start = headers.find(std::string(key) + "=\"");
            if (start == std::string_view::npos) return {};
            const auto from = start + key.size() + 2;
            return std::string(headers.substr(from, headers.find('"', from) - from));
        };
        // "name=" also ends "filename=": look for the name after "; ".
        const auto name = quoted("; name");
        part.filename = quoted("filename");
        if (const auto type = headers.find("Content-Type: "); type != std::string_view::npos) {
            const auto end = headers.find("\r\n", type);
            part.content_type = std::string(headers.substr(type + 14, end == std::string_view::npos
                                                                          ? std::string_view::npos
                                                                          : end - type - 14));
        }
        parts[name] = std::move(part);
        position = next + 2;
    }
}

}  // namespace rubdown::testing
