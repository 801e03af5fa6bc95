/// @file cli.h
/// @brief news-ner command line: options, parsing and the train / evaluate / tag commands.
#pragma once

#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/cli.h"

namespace news::ner::cli {

/// A bad command line: main prints "news-ner: message" and exits 2.
using news::UsageError;

/// The sub-command.
enum class Command { help, train, evaluate, tag, clusters };

/// Everything the command line can say.
struct Options {
    Command command = Command::help;
    std::string train_file;     ///< train: CoNLL training data
    std::string dev_file;       ///< train: CoNLL development data (epoch selection)
    std::string out;            ///< train: model to write
    std::string model;          ///< evaluate, tag: model to load (tag: default model if empty)
    std::string input = "-";    ///< evaluate: CoNLL file; tag: text file or "-"
    std::vector<std::string> inputs;        ///< clusters: plain-text files
    std::vector<std::string> conll_inputs;  ///< clusters: CoNLL files (their words only)
    std::string cluster_file;   ///< train: word clusters (news-ner clusters output) to use and store in the model
    std::size_t cluster_count = 256;        ///< clusters: active clusters C
    std::uint64_t min_count = 3;            ///< clusters: least frequency of a clustered word
    int epochs = 12;
    std::uint64_t seed = 1;
    double title_case_share = 0.25;
    double honorific_share = 0.1;
    int runs = 1;
    double prune = 0.0;
    bool json = false;
    std::string help_text;      ///< filled for Command::help
};

/// Parses argv; throws UsageError on bad or missing options.
[[nodiscard]] Options parse_options(const std::vector<std::string>& args);

/// Runs the command; results to @p out, progress and warnings to @p err. Returns the
/// exit code; throws std::runtime_error on failures.
int run(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace news::ner::cli
