/// @file main.cc
/// @brief news-index: parse options, run the job, map the outcome to an exit status.
#include <unistd.h>

#include <csignal>
#include <exception>
#include <iostream>
#include <string>

#include <xapian.h>

#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "indexer/options.h"

namespace {

/// The one piece of global state: where the SIGINT/SIGTERM handler leaves the
/// signal for the job, which stops after the current article and commits.
volatile std::sig_atomic_t g_interrupt = 0;

extern "C" void on_signal(int signal) { g_interrupt = signal; }

/// Reports a write that failed (a full disk, an I/O error) in the database at
/// @p db: the commits before it stand, so say so, and how many articles the
/// database holds (the run's own summary line is not reached).
void report_write_failure(const std::string& db, const std::string& what) {
    std::cerr << "news-index: " << what;
    if (!db.empty()) {
        std::cerr << "; what was committed before is kept";
        try {
            const Xapian::doccount held = Xapian::Database(db).get_doccount();
            std::cerr << " (the database holds " << held << (held == 1 ? " article)" : " articles)");
        } catch (const Xapian::Error&) {
            // never created, or the failure was in opening it: nothing to count
        }
    }
    std::cerr << '\n';
}

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
    } catch (const WriteError& e) {
        report_write_failure(cl.db_path(), e.what());  // names the database already
        return kExitFatal;
    } catch (const std::exception& e) {
        std::cerr << "news-index: " << e.what() << '\n';
        return kExitFatal;
    } catch (const Xapian::Error& e) {
        // From a write between commits: name the database.
        const std::string& db = cl.db_path();
        report_write_failure(db, (db.empty() ? "" : db + ": ") + e.get_description());
        return kExitFatal;
    }
}
