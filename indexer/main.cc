/// @file main.cc
/// @brief news-index: parse options, run the job, map the outcome to an exit status.
#include <unistd.h>

#include <csignal>
#include <exception>
#include <iostream>

#include <xapian.h>

#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "indexer/options.h"

namespace {

/// The one piece of global state: where the SIGINT/SIGTERM handler leaves the
/// signal for the job, which stops after the current article and commits.
volatile std::sig_atomic_t g_interrupt = 0;

extern "C" void on_signal(int signal) { g_interrupt = signal; }

/// SIGINT and SIGTERM ask the job to stop; a second one kills at once
/// (SA_RESETHAND), which is safe because commits are atomic. No SA_RESTART,
/// so that a read waiting for standard input is interrupted.
void install_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

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
    install_signal_handlers();
    try {
        if (cl.command == IndexCommandLine::Command::remove) {
            cl.delete_options.interrupt = &g_interrupt;
            DeleteSummary summary = run_delete(cl.delete_options, std::cout, std::cerr);
            if (summary.interrupted != 0) return kExitInterrupted + summary.interrupted;
            return summary.not_found > 0 ? kExitInputErrors : kExitOk;
        }
        if (cl.command == IndexCommandLine::Command::recanonicalize) {
            cl.recanonicalize_options.interrupt = &g_interrupt;
            RecanonicalizeResult result = run_recanonicalize(cl.recanonicalize_options, std::cout, std::cerr);
            if (result.interrupted != 0) return kExitInterrupted + result.interrupted;
            return kExitOk;
        }
        if (cl.command == IndexCommandLine::Command::compact) {
            cl.compact_options.interrupt = &g_interrupt;
            CompactSummary summary = run_compact(cl.compact_options, std::cout, std::cerr);
            if (summary.interrupted != 0) return kExitInterrupted + summary.interrupted;
            return kExitOk;
        }
        cl.options.interrupt = &g_interrupt;
        cl.options.progress = !cl.options.quiet && !cl.options.dry_run && isatty(STDERR_FILENO) == 1;
        IndexSummary summary = run_index(cl.options, std::cout, std::cerr);
        if (summary.interrupted != 0) return kExitInterrupted + summary.interrupted;
        return summary.failed > 0 ? kExitInputErrors : kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "news-index: " << e.what() << '\n';
        return kExitFatal;
    } catch (const Xapian::Error& e) {
        // From a write between commits (a full disk, an I/O error): name the
        // database, and say that the commits before it stand.
        const std::string& db = cl.db_path();
        std::cerr << "news-index: " << (db.empty() ? "" : db + ": ") << e.get_description()
                  << (db.empty() ? "" : "; what was committed before is kept") << '\n';
        return kExitFatal;
    }
}
