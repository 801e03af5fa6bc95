/// @file options.h
/// @brief news-index command-line parsing, as a testable function.
#pragma once

#include <string>

#include "common/cli.h"
#include "indexer/indexer.h"

namespace news {

struct IndexCommandLine {
    CliAction action = CliAction::run;
    IndexOptions options;
    std::string help;  ///< the --help text
};

/// Parses news-index's arguments; throws UsageError on bad ones.
[[nodiscard]] IndexCommandLine parse_index_command_line(int argc, const char* const argv[]);

}  // namespace news
