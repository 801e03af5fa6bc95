/// @file options.h
/// @brief news-index command-line parsing, as a testable function.
#pragma once

#include <string>

#include "common/cli.h"
#include "indexer/indexer.h"

namespace news {

struct IndexCommandLine {
    /// news-index [index] ... / news-index delete ... / news-index recanonicalize ...
    enum class Command { index, remove, recanonicalize };
    CliAction action = CliAction::run;
    Command command = Command::index;
    IndexOptions options;          ///< Command::index
    DeleteOptions delete_options;  ///< Command::remove
    RecanonicalizeOptions recanonicalize_options;  ///< Command::recanonicalize
    std::string help;  ///< the --help text
};

/// Parses news-index's arguments ("delete" or "recanonicalize" as the first
/// one: that subcommand); throws UsageError on bad ones.
[[nodiscard]] IndexCommandLine parse_index_command_line(int argc, const char* const argv[]);

}  // namespace news
