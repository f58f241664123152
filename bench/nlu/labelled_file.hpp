#pragma once
// Reads the labelled evaluation files: one `label<TAB>text[<TAB>more]` a line, '#' comments.

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

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
    std::string now = "2026-11-23T10:00:00Z";
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
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--now" && i + 1 < argc) {
            options.now = argv[++i];
        } else if (arg == "--verbose" || arg == "-v") {
            options.verbose = true;
        } else {
            std::fprintf(stderr, "unknown argument: %s\n", arg.c_str());
            return std::nullopt;
        }
    }
    return options;
}
