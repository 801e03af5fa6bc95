/// @file options.cc
/// @brief news-index options with Boost.Program_options.
#include "indexer/options.h"

#include <sstream>

#include <boost/program_options.hpp>

namespace news {
namespace po = boost::program_options;

IndexCommandLine parse_index_command_line(int argc, const char* const argv[]) {
    IndexCommandLine cl;
    IndexOptions& o = cl.options;
    std::size_t max_mb = o.max_file_bytes >> 20;
    std::string model;
    po::options_description visible(
        "Usage: news-index --db DB [options] PATH...\n"
        "       news-index --dry-run [--json] PATH...\n\n"
        "Index news articles (plain text, JSON, JSON Lines, HTML) from files,\n"
        "directories (recursively) and - (standard input) into a Xapian database.\n\n"
        "Options");
    visible.add_options()
        ("db,d", po::value(&o.db_path), "database directory (created when absent)")
        ("dry-run,n", po::bool_switch(&o.dry_run), "parse and extract only; print what was understood")
        ("json", po::bool_switch(&o.json), "machine output: one JSON object per article (dry run) or a JSON summary")
        ("force", po::bool_switch(&o.force), "re-read inputs even when they are unchanged")
        ("ner-model", po::value(&model), "named-entity model file (default: the bundled model)")
        ("no-entities", "do not extract entities")
        ("batch-size", po::value(&o.batch_size)->default_value(o.batch_size), "articles per commit")
        ("max-file-size", po::value(&max_mb)->default_value(max_mb), "largest input file read, in MiB")
        ("quiet,q", po::bool_switch(&o.quiet), "report errors and the summary only")
        ("help,h", "show this help and exit")
        ("version", "show the version and exit");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&o.inputs), "input paths");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    std::ostringstream help;
    help << visible << "\nExit status: 0 success; 1 fatal error (database or model unusable); 2 usage error;\n"
                       "3 finished, but some inputs or records could not be read (see the messages).\n";
    cl.help = help.str();

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            cl.action = CliAction::help;
            return cl;
        }
        if (vm.count("version")) {
            cl.action = CliAction::version;
            return cl;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    o.entities = vm.count("no-entities") == 0;
    o.ner_model = model;
    o.max_file_bytes = max_mb << 20;
    if (o.inputs.empty()) throw UsageError("no input paths given (use - for standard input)");
    if (!o.dry_run && o.db_path.empty()) throw UsageError("--db DB is required (or use --dry-run)");
    if (o.batch_size == 0) throw UsageError("--batch-size must be at least 1");
    if (max_mb == 0) throw UsageError("--max-file-size must be at least 1");
    return cl;
}

}  // namespace news
