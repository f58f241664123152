#pragma once
// Reads the labelled evaluation files: one `label<TAB>text[<TAB>more]` a line, '#' comments.

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <date/date.h>

#include "intents/clock.hpp"

struct LabelledLine {
    std::vector<std::string> columns;  ///< at least two: label and text
    int line = 0;
};

/// A whole file as text (for parsers that take the text, as the models' own do).
inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline std::vector<LabelledLine> read_labelled_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::vector<LabelledLine> lines;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        LabelledLine entry{{}, number};
        std::stringstream stream(line);
        for (std::string column; std::getline(stream, column, '\t');)
            entry.columns.push_back(column);
        if (entry.columns.size() < 2)
            throw std::runtime_error(path + ":" + std::to_string(number) + ": no tab");
        lines.push_back(std::move(entry));
    }
    return lines;
}

/// The options the parts and view evaluations share: `FILE [--now ISO] [--verbose]`.
struct EvalOptions {
    std::string file;
    rubdown::intents::Seconds now;  ///< --now, the contract's 2026-11-23T10:00:00Z by default
    bool verbose = false;
};

/// The options, or nothing after printing the usage or the bad argument to stderr.
inline std::optional<EvalOptions> read_eval_options(int argc, char** argv, const char* name) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--now ISO] [--verbose]\n", name);
        return std::nullopt;
    }
    EvalOptions options;
    options.file = argv[1];
    std::string now_text = "2026-11-23T10:00:00Z";
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--now" && i + 1 < argc) {
            now_text = argv[++i];
        } else if (arg == "--verbose" || arg == "-v") {
            options.verbose = true;
        } else {
            std::fprintf(stderr, "unknown argument: %s\n", arg.c_str());
            return std::nullopt;
        }
    }
    // "2026-11-23T10:00:00Z", read by hand: date::parse draws a false maybe-uninitialized
    // warning from GCC 12 in Release here.
    int year = 0, hour = 0, minute = 0, second = 0;
    unsigned month = 0, day = 0;
    char zulu = 0;
    const bool read = std::sscanf(now_text.c_str(), "%d-%u-%uT%d:%d:%d%c", &year, &month, &day,
                                  &hour, &minute, &second, &zulu) == 7 &&
                      zulu == 'Z';
    const date::year_month_day date{date::year{year}, date::month{month}, date::day{day}};
    if (!read || !date.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 60) {
        std::fprintf(stderr, "bad --now: %s\n", now_text.c_str());
        return std::nullopt;
    }
    options.now = date::sys_days{date} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                  std::chrono::seconds{second};
    return options;
}
