/// @file options.h
/// @brief news-index command-line parsing, as a testable function.
#pragma once

#include <string>

#include "common/cli.h"
#include "indexer/indexer.h"

namespace news {

struct IndexCommandLine {
    /// news-index [index] ... / news-index delete ... / news-index recanonicalize ... / news-index compact ...
    enum class Command { index, remove, recanonicalize, compact };
    CliAction action = CliAction::run;
    Command command = Command::index;
    IndexOptions options;          ///< Command::index
    DeleteOptions delete_options;  ///< Command::remove
    RecanonicalizeOptions recanonicalize_options;  ///< Command::recanonicalize
    CompactOptions compact_options;  ///< Command::compact
    std::string help;  ///< the --help text

    /// The database the command works on (empty for a dry run).
    [[nodiscard]] const std::string& db_path() const {
        switch (command) {
            case Command::remove: return delete_options.db_path;
            case Command::recanonicalize: return recanonicalize_options.db_path;
            case Command::compact: return compact_options.db_path;
            case Command::index: break;
        }
        return options.db_path;
    }
};

/// Parses news-index's arguments ("delete", "recanonicalize" or "compact" as
/// the first one: that subcommand); throws UsageError on bad ones.
[[nodiscard]] IndexCommandLine parse_index_command_line(int argc, const char* const argv[]);

}  // namespace news
