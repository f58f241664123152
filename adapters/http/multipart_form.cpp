#include "adapters/http/multipart_form.hpp"

#include <string_view>

namespace rubdown::http {
namespace {

std::string quoted_safe(std::string_view name) {
    std::string safe(name);
    for (char& c : safe)
        if (c == '"' || c == '\r' || c == '\n') c = '_';
    return safe;
}

bool occurs_in_any(const std::string& delimiter,
                   const std::vector<std::pair<std::string, std::string>>& fields,
                   const std::vector<FormFile>& files) {
    for (const auto& [name, value] : fields)
        if (value.find(delimiter) != std::string::npos) return true;
    for (const auto& file : files)
        if (file.bytes.find(delimiter) != std::string::npos) return true;
    return false;
}

}  // namespace

MultipartBody encode_multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                               const std::vector<FormFile>& files) {
    // A fixed stem with a counter: the first that no part contains. No randomness is needed for
    // correctness, only the check, and a fixed boundary keeps the body reproducible in tests.
    std::string boundary;
    for (unsigned attempt = 0;; ++attempt) {
        boundary = "rubdown-form-boundary-" + std::to_string(attempt);
        if (!occurs_in_any("--" + boundary, fields, files)) break;
    }
    std::string body;
    for (const auto& [name, value] : fields) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
                quoted_safe(name) + "\"\r\n\r\n" + value + "\r\n";
    }
    for (const auto& file : files) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
                quoted_safe(file.field) + "\"; filename=\"" + quoted_safe(file.filename) +
                "\"\r\nContent-Type: " + quoted_safe(file.content_type) + "\r\n\r\n";
        body += file.bytes;
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return {"multipart/form-data; boundary=" + boundary, std::move(body)};
}

}  // namespace rubdown::http
