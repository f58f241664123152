#pragma once
/// A multipart/form-data body (RFC 7578): what an API that takes a file wants (Telegram's
/// sendPhoto; a file posted with its fields). Pure.

#include <string>
#include <utility>
#include <vector>

namespace rubdown::http {

struct FormFile {
    std::string field;     ///< the form field's name ("photo")
    std::string filename;  ///< as the receiver will name it ("chart.png")
    std::string content_type = "application/octet-stream";
    std::string bytes;
};

struct MultipartBody {
    std::string content_type;  ///< "multipart/form-data; boundary=..."
    std::string body;
};

/// The fields, in order, then the files. The boundary is chosen so that it occurs in no part
/// (the bytes of a file may hold anything). Names and file names must not hold '"', CR or LF
/// (they are our own: a field's, a file's); such a character is replaced by '_'.
MultipartBody encode_multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                               const std::vector<FormFile>& files);

}  // namespace rubdown::http
