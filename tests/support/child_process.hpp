#pragma once
/// Runs the real `rubdown` binary in end-to-end tests: arguments, extra environment, stdin from a
/// string, stdout and stderr captured in files, signals, and a bounded wait.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace rubdown::testing {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

class ChildProcess {
  public:
    ChildProcess(const std::string& binary, const std::vector<std::string>& args,
                 const std::string& work_dir, const std::map<std::string, std::string>& env = {},
                 const std::optional<std::string>& input = std::nullopt)
        : stdout_path_(work_dir + "/stdout-" + std::to_string(counter()) + ".txt"),
          stderr_path_(work_dir + "/stderr-" + std::to_string(counter()) + ".txt") {
        const std::string stdin_path = work_dir + "/stdin-" + std::to_string(counter()) + ".txt";
        std::ofstream(stdin_path) << input.value_or("");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, stdout_path_.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, stderr_path_.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<std::string> argv_storage{binary};
        argv_storage.insert(argv_storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& arg : argv_storage) argv.push_back(arg.data());
        argv.push_back(nullptr);
        // The parent's environment minus Rubdown's own settings, plus the test's.
        std::vector<std::string> env_storage;
        for (char** entry = environ; *entry; ++entry) {
            const std::string item(*entry);
            if (item.rfind("RUBDOWN_", 0) == 0 || item.rfind("TELEGRAM_", 0) == 0 ||
                item.rfind("SLACK_", 0) == 0)
                continue;
            env_storage.push_back(item);
        }
        for (const auto& [key, value] : env) env_storage.push_back(key + "=" + value);
        std::vector<char*> envp;
        for (auto& item : env_storage) envp.push_back(item.data());
        envp.push_back(nullptr);
        const int error =
            posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        if (error != 0) throw std::runtime_error("cannot start " + binary);
    }

    ~ChildProcess() {
        if (!exit_code_) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }

    void signal(int number) { ::kill(pid_, number); }
    pid_t pid() const { return pid_; }

    /// The exit code (128 + signal when killed), or nothing if still running after `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!exit_code_) {
            int status = 0;
            const pid_t done = ::waitpid(pid_, &status, WNOHANG);
            if (done == pid_) {
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                break;
            }
            if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return exit_code_;
    }

    std::string out() const { return read_file(stdout_path_); }
    std::string err() const { return read_file(stderr_path_); }

    /// Waits until stderr contains `needle`; true when it did before `timeout`.
    bool wait_for_log(const std::string& needle, std::chrono::milliseconds timeout) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (err().find(needle) != std::string::npos) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }

  private:
    static int counter() {
        static int next = 0;
        return next++;
    }
    pid_t pid_ = 0;
    std::optional<int> exit_code_;
    std::string stdout_path_;
    std::string stderr_path_;
};

/// The loopback port a `rubdown serve` started with RUBDOWN_LISTEN=127.0.0.1:0 reports in its
/// "event=listening" log line; 0 while it has not said yet.
inline unsigned short listening_port(const ChildProcess& server) {
    static const std::regex kListening("address=127\\.0\\.0\\.1:(\\d+)");
    std::smatch match;
    const auto log = server.err();
    if (!std::regex_search(log, match, kListening)) return 0;
    return static_cast<unsigned short>(std::stoi(match[1]));
}

/// Runs the binary to completion (bounded) and returns its exit code and output.
struct Finished {
    int exit_code;
    std::string out;
    std::string err;
};

inline Finished run_to_end(const std::string& binary, const std::vector<std::string>& args,
                           const std::string& work_dir,
                           const std::map<std::string, std::string>& env = {},
                           const std::optional<std::string>& input = std::nullopt) {
    ChildProcess child(binary, args, work_dir, env, input);
    const auto code = child.wait(std::chrono::seconds(60));
    if (!code) throw std::runtime_error("rubdown did not finish within 60 s");
    return Finished{*code, child.out(), child.err()};
}

}  // namespace rubdown::testing
