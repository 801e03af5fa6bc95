/// @file main.cc
/// @brief news-index: parse options, run the job, map the outcome to an exit status.
#include <exception>
#include <iostream>

#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "indexer/options.h"

int main(int argc, char** argv) {
    using namespace news;
    IndexCommandLine cl;
    try {
        cl = parse_index_command_line(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "news-index: " << e.what() << "\nTry 'news-index --help'.\n";
        return kExitUsage;
    }
    if (cl.action == CliAction::help) {
        std::cout << cl.help;
        return kExitOk;
    }
    if (cl.action == CliAction::version) {
        std::cout << "news-index " << version_string() << '\n';
        return kExitOk;
    }
    try {
        IndexSummary summary = run_index(cl.options, std::cout, std::cerr);
        return summary.failed > 0 ? kExitInputErrors : kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "news-index: " << e.what() << '\n';
        return kExitFatal;
    }
}
