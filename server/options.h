/// @file options.h
/// @brief news-server command-line parsing, as a testable function.
#pragma once

#include <string>

#include "common/cli.h"
#include "server/server.h"

namespace news::server {

struct ServerCommandLine {
    CliAction action = CliAction::run;
    std::string db_path;
    ServerOptions options;
    bool access_log = false;
    std::string help;
};

/// Parses news-server's arguments; throws UsageError on bad options.
[[nodiscard]] ServerCommandLine parse_server_command_line(int argc, const char* const argv[]);

}  // namespace news::server
