#pragma once
/// A fresh directory under the system temp dir, removed with everything in it at scope exit.

#include <atomic>
#include <filesystem>
#include <random>
#include <string>

namespace rubdown::testing {

class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        std::random_device seed;
        path_ = std::filesystem::temp_directory_path() /
                ("rubdown-test-" + std::to_string(seed()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

}  // namespace rubdown::testing
