/// @file options.cc
/// @brief news-server options with Boost.Program_options.
#include "server/options.h"

#include <sstream>
#include <thread>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "common/cli_options.h"

namespace news::server {
namespace po = boost::program_options;

ServerCommandLine parse_server_command_line(int argc, const char* const argv[]) {
    ServerCommandLine cl;
    ServerOptions& o = cl.options;
    const unsigned cores = std::thread::hardware_concurrency();
    o.search.threads = cores == 0 ? 2 : cores;
    long long timeout_ms = o.search.timeout.count();
    int port = o.port;
    std::size_t cache_mb = o.cache_bytes >> 20;
    po::options_description visible(
        "Usage: news-server --db DB [options]\n\n"
        "Serve a news database over HTTP: the search page at / and a JSON API\n"
        "(/api/search, /api/facets, /api/timeline, /api/article/ID, /api/health)\n"
        "with news-search's query language, filters and facets. Articles indexed\n"
        "while it runs appear without a restart.\n\nOptions");
    visible.add_options()
        ("db,d", po::value(&cl.db_path)->default_value("news.db"), "database directory")
        ("host", po::value(&o.host)->default_value(o.host), "address to listen on (0.0.0.0: every interface)")
        ("port,p", po::value(&port)->default_value(port), "port to listen on (0: any free port)")
        ("threads", po::value(&o.search.threads)->default_value(o.search.threads),
         "searches run at once (default: the number of cores)")
        ("http-threads", po::value(&o.http_threads)->default_value(o.http_threads), "connections served at once")
        ("timeout-ms", po::value(&timeout_ms)->default_value(timeout_ms),
         "a search not answered in this time gets 503 and an error message")
        ("max-query-bytes", po::value(&o.limits.max_query_bytes)->default_value(o.limits.max_query_bytes),
         "longest query accepted")
        ("max-window", po::value(&o.limits.max_window)->default_value(o.limits.max_window),
         "deepest result reachable by paging (offset + limit)")
        ("cache-mb", po::value(&cache_mb)->default_value(cache_mb),
         "memory for answers to repeated requests, kept until the next commit (0: no cache)")
        ("access-log", po::bool_switch(&cl.access_log), "print one line per request on standard error")
        ("help,h", "show this help and exit")
        ("version", "show the version and exit");
    std::ostringstream help;
    help << visible
         << "\nExit status: 0 stopped by SIGINT or SIGTERM; 1 database or network error; 2 usage error.\n";
    cl.help = help.str();

    po::variables_map vm;
    cl.action = run_program_options(argc, argv, visible, {}, vm);
    if (cl.action != CliAction::run) return cl;
    if (port < 0 || port > 65535) throw UsageError(fmt::format("--port must be 0 to 65535, not {}", port));
    o.port = port;
    if (o.search.threads == 0 || o.search.threads > 256) throw UsageError("--threads must be 1 to 256");
    if (o.http_threads == 0 || o.http_threads > 1024) throw UsageError("--http-threads must be 1 to 1024");
    if (timeout_ms <= 0) throw UsageError("--timeout-ms must be positive");
    o.search.timeout = std::chrono::milliseconds(timeout_ms);
    if (o.limits.max_query_bytes == 0) throw UsageError("--max-query-bytes must be positive");
    if (o.limits.max_window == 0) throw UsageError("--max-window must be positive");
    if (cache_mb > 64 * 1024) throw UsageError("--cache-mb must be at most 65536");
    o.cache_bytes = cache_mb << 20;
    o.limits.max_limit = std::min(o.limits.max_limit, o.limits.max_window);
    return cl;
}

}  // namespace news::server
