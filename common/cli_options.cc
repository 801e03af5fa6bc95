/// @file cli_options.cc
/// @brief Shared Program_options driver.
#include "common/cli_options.h"

namespace news {
namespace po = boost::program_options;

CliAction run_program_options(int argc, const char* const argv[], const po::options_description& options,
                              const po::positional_options_description& positional, po::variables_map& vm) {
    try {
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), vm);
        if (vm.count("help")) return CliAction::help;
        if (vm.count("version")) return CliAction::version;
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    return CliAction::run;
}

}  // namespace news
