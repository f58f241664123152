#pragma once
// Reads the Telegram payload fixtures the tests share.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rubdown::telegram::test {

inline std::string fixture(const std::string& name) {
    const std::string path = std::string(RUBDOWN_FIXTURES_DIR) + "/telegram/" + name;
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("missing fixture " + path);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

}  // namespace rubdown::telegram::test
