/// @file cli_options.h
/// @brief The one way the tools run Boost.Program_options over their arguments.
#pragma once

#include <boost/program_options.hpp>

#include "common/cli.h"

namespace news {

/// Stores @p argv into @p vm with @p options and @p positional. --help and
/// --version (when the options define them) are answered before notify(), so
/// that required options never break --help. Program_options errors become
/// UsageError.
[[nodiscard]] CliAction run_program_options(int argc, const char* const argv[],
                                            const boost::program_options::options_description& options,
                                            const boost::program_options::positional_options_description& positional,
                                            boost::program_options::variables_map& vm);

}  // namespace news
