/// @file options.cc
/// @brief news-index options with Boost.Program_options.
#include "indexer/options.h"

#include "common/cli_options.h"

#include <sstream>
#include <string_view>

#include <boost/program_options.hpp>

namespace news {
namespace po = boost::program_options;
namespace {

constexpr const char* kExitHelp =
    "\nExit status: 0 success; 1 fatal error (database, model or alias file unusable, or locked); 2 usage error;\n"
    "3 finished, but some inputs, records or ids failed (see the messages); 130/143 interrupted by\n"
    "SIGINT/SIGTERM after committing what was done.\n";

/// --wait and --wait-timeout, shared by indexing and delete.
void add_lock_options(po::options_description& options, bool& wait, double& timeout) {
    options.add_options()
        ("wait", po::bool_switch(&wait), "wait while another indexer holds the database")
        ("wait-timeout", po::value(&timeout)->default_value(timeout),
         "seconds to wait for the database (implies --wait)");
}

/// A given --wait-timeout implies --wait; the timeout must not be negative.
void finish_lock_options(const po::variables_map& vm, bool& wait, double timeout) {
    if (!vm["wait-timeout"].defaulted()) wait = true;
    if (!(timeout >= 0)) throw UsageError("--wait-timeout must be a number of seconds, 0 or more");
}

/// Ends a subcommand's options (@p visible) with --wait, --wait-timeout,
/// --quiet and --help, keeps its help text in @p cl, and parses the arguments
/// after the subcommand's name (argv[1]), with @p hidden and @p positional
/// options when it takes operands. False when cl.action is not run (--help).
bool parse_subcommand(int argc, const char* const argv[], po::options_description& visible, bool& quiet, bool& wait,
                      double& wait_timeout, IndexCommandLine& cl, const po::options_description& hidden = {},
                      const po::positional_options_description& positional = {}) {
    add_lock_options(visible, wait, wait_timeout);
    visible.add_options()
        ("quiet,q", po::bool_switch(&quiet), "report errors and the summary only")
        ("help,h", "show this help and exit");
    po::options_description all;
    all.add(visible).add(hidden);
    std::ostringstream help;
    help << visible << kExitHelp;
    cl.help = help.str();
    po::variables_map vm;
    cl.action = run_program_options(argc - 1, argv + 1, all, positional, vm);
    if (cl.action != CliAction::run) return false;
    finish_lock_options(vm, wait, wait_timeout);
    return true;
}

IndexCommandLine parse_delete_command_line(int argc, const char* const argv[]) {
    IndexCommandLine cl;
    cl.command = IndexCommandLine::Command::remove;
    DeleteOptions& o = cl.delete_options;
    po::options_description visible(
        "Usage: news-index delete --db DB [options] ID...\n\n"
        "Remove articles from the database by id (as shown by news-search).\n"
        "An article deleted this way comes back only if its input file changes\n"
        "or is indexed again with --force.\n\n"
        "Options");
    visible.add_options()
        ("db,d", po::value(&o.db_path), "database directory")
        ("json", po::bool_switch(&o.json), "print the summary as JSON on standard output");
    po::options_description hidden;
    hidden.add_options()("id", po::value(&o.ids), "article ids");
    po::positional_options_description positional;
    positional.add("id", -1);
    if (!parse_subcommand(argc, argv, visible, o.quiet, o.wait, o.wait_timeout, cl, hidden, positional)) return cl;
    if (o.db_path.empty()) throw UsageError("delete: --db DB is required");
    if (o.ids.empty()) throw UsageError("delete: no article ids given");
    return cl;
}

IndexCommandLine parse_recanonicalize_command_line(int argc, const char* const argv[]) {
    IndexCommandLine cl;
    cl.command = IndexCommandLine::Command::recanonicalize;
    RecanonicalizeOptions& o = cl.recanonicalize_options;
    std::string aliases;
    po::options_description visible(
        "Usage: news-index recanonicalize --db DB [--aliases FILE] [options]\n\n"
        "Re-derive every article's entity values (facet values, search terms, value slots,\n"
        "the facet store) from what the database stores, with the alias file given (none\n"
        "without --aliases) and the database's person registry; the input files are not\n"
        "needed. Also upgrades a database written by an older news-index.\n\n"
        "Options");
    visible.add_options()
        ("db,d", po::value(&o.db_path), "database directory")
        ("aliases", po::value(&aliases), "alias file (see README: variants, canonical names, stop-entities)")
        ("batch-size", po::value(&o.batch_size)->default_value(o.batch_size), "changed articles per commit")
        ("json", po::bool_switch(&o.json), "print the summary as JSON on standard output");
    if (!parse_subcommand(argc, argv, visible, o.quiet, o.wait, o.wait_timeout, cl)) return cl;
    o.aliases = aliases;
    if (o.db_path.empty()) throw UsageError("recanonicalize: --db DB is required");
    if (o.batch_size == 0) throw UsageError("--batch-size must be at least 1");
    return cl;
}

IndexCommandLine parse_compact_command_line(int argc, const char* const argv[]) {
    IndexCommandLine cl;
    cl.command = IndexCommandLine::Command::compact;
    CompactOptions& o = cl.compact_options;
    po::options_description visible(
        "Usage: news-index compact --db DB [options]\n\n"
        "Replace the database with a compacted copy, about a third smaller.\n"
        "Worth running after indexing many articles at once. The copy is written\n"
        "beside DB (DB.compacting: free space for about the database's size is\n"
        "needed), with the same article ids and the facet store, then swapped in;\n"
        "a running news-server or news-search goes on with the old copy and picks\n"
        "up the new one at its next search. Indexers wait (--wait) or fail meanwhile.\n\n"
        "Options");
    visible.add_options()
        ("db,d", po::value(&o.db_path), "database directory")
        ("json", po::bool_switch(&o.json), "print the summary as JSON on standard output");
    if (!parse_subcommand(argc, argv, visible, o.quiet, o.wait, o.wait_timeout, cl)) return cl;
    if (o.db_path.empty()) throw UsageError("compact: --db DB is required");
    return cl;
}

}  // namespace

IndexCommandLine parse_index_command_line(int argc, const char* const argv[]) {
    if (argc > 1 && std::string_view(argv[1]) == "delete") return parse_delete_command_line(argc, argv);
    if (argc > 1 && std::string_view(argv[1]) == "recanonicalize") return parse_recanonicalize_command_line(argc, argv);
    if (argc > 1 && std::string_view(argv[1]) == "compact") return parse_compact_command_line(argc, argv);
    IndexCommandLine cl;
    IndexOptions& o = cl.options;
    std::size_t max_mb = o.max_file_bytes >> 20;
    std::string model;
    std::string aliases;
    po::options_description visible(
        "Usage: news-index --db DB [options] PATH...\n"
        "       news-index --dry-run [--json] PATH...\n"
        "       news-index delete --db DB ID...   (see news-index delete --help)\n"
        "       news-index recanonicalize --db DB [--aliases FILE]   (see its --help)\n"
        "       news-index compact --db DB   (see its --help)\n\n"
        "Index news articles (plain text, JSON, JSON Lines, HTML) from files,\n"
        "directories (recursively) and - (standard input) into a Xapian database.\n\n"
        "Options");
    visible.add_options()
        ("db,d", po::value(&o.db_path), "database directory (created when absent)")
        ("dry-run,n", po::bool_switch(&o.dry_run), "parse and extract only; print what was understood")
        ("json", po::bool_switch(&o.json), "machine output: one JSON object per article (dry run) or a JSON summary")
        ("force", po::bool_switch(&o.force), "re-read inputs even when they are unchanged")
        ("ner-model", po::value(&model), "named-entity model file (default: the bundled model)")
        ("aliases", po::value(&aliases), "alias file: entity name variants, canonical names, stop-entities (README)")
        ("no-entities", "do not extract entities")
        ("date-from-mtime", po::bool_switch(&o.date_from_mtime),
         "date an article that has no date in its metadata or dateline by its file's modification time (UTC)")
        ("batch-size", po::value(&o.batch_size)->default_value(o.batch_size), "articles per commit")
        ("max-file-size", po::value(&max_mb)->default_value(max_mb), "largest input file read, in MiB")
        ("prune", po::bool_switch(&o.prune),
         "remove the articles of files gone from the directories named on this command line")
        ("threads", po::value(&o.threads)->default_value(o.threads),
         "threads for reading, parsing and extraction, the writer included (0: all cores)");
    add_lock_options(visible, o.wait, o.wait_timeout);
    visible.add_options()
        ("quiet,q", po::bool_switch(&o.quiet), "report errors and the summary only (no progress line)")
        ("help,h", "show this help and exit")
        ("version", "show the version and exit");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&o.inputs), "input paths");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    std::ostringstream help;
    help << visible << kExitHelp;
    cl.help = help.str();

    po::variables_map vm;
    cl.action = run_program_options(argc, argv, all, positional, vm);
    if (cl.action != CliAction::run) return cl;
    o.entities = vm.count("no-entities") == 0;
    o.ner_model = model;
    o.aliases = aliases;
    o.max_file_bytes = max_mb << 20;
    if (o.inputs.empty()) throw UsageError("no input paths given (use - for standard input)");
    if (!o.dry_run && o.db_path.empty()) throw UsageError("--db DB is required (or use --dry-run)");
    if (o.batch_size == 0) throw UsageError("--batch-size must be at least 1");
    if (max_mb == 0) throw UsageError("--max-file-size must be at least 1");
    finish_lock_options(vm, o.wait, o.wait_timeout);
    if (o.threads > 1024) throw UsageError("--threads must be between 0 (all cores) and 1024");
    if (o.prune && o.dry_run) throw UsageError("--prune needs a database (not with --dry-run)");
    return cl;
}

}  // namespace news
