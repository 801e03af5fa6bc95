/// @file options.h
/// @brief news-search command-line parsing, as a testable function.
#pragma once

#include <string>

#include "common/cli.h"
#include "searcher/search.h"

namespace news {

struct SearchCommandLine {
    CliAction action = CliAction::run;
    std::string db_path;
    SearchRequest request;
    bool json = false;
    std::string help;
};

/// Parses news-search's arguments; throws UsageError on bad options and
/// QueryError on a malformed filter or facet.
[[nodiscard]] SearchCommandLine parse_search_command_line(int argc, const char* const argv[]);

}  // namespace news
