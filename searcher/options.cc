/// @file options.cc
/// @brief news-search options with Boost.Program_options.
#include "searcher/options.h"

#include "common/cli_options.h"

#include <sstream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

namespace news {
namespace po = boost::program_options;

SearchCommandLine parse_search_command_line(int argc, const char* const argv[]) {
    SearchCommandLine cl;
    SearchRequest& r = cl.request;
    std::vector<std::string> words, filters, excludes, facets, related;
    std::string sort = "relevance", match = "all", facet_contains, facet_prefix;
    std::size_t related_min_count = RelatedRequest{}.min_count;
    po::options_description visible(
        "Usage: news-search --db DB [options] [QUERY...]\n\n"
        "Search a news database. QUERY uses Xapian's syntax: words (all must match by\n"
        "default), \"phrases\", AND OR NOT, +word -word, NEAR, wild*, and fields\n"
        "title: author: source: person: org: place: misc: date:A..B mentioned:A..B.\n"
        "An empty query matches every article.\n\nOptions");
    visible.add_options()
        ("db,d", po::value(&cl.db_path)->default_value("news.db"), "database directory")
        ("json", po::bool_switch(&cl.json), "print the response as JSON")
        ("limit,n", po::value(&r.limit)->default_value(r.limit), "number of hits")
        ("offset", po::value(&r.offset)->default_value(r.offset), "skip this many hits (paging)")
        ("sort", po::value(&sort)->default_value(sort), "relevance | date (newest first)")
        ("match", po::value(&match)->default_value(match), "all: every word must match | any: at least one")
        ("facet,f", po::value(&facets), "FIELD[:N] counts over all matches: person org place misc source "
                                        "author (top N, default 10), date:day|week|month|year|auto, "
                                        "mentioned:...")
        ("facet-contains", po::value(&facet_contains), "only facet values containing this text")
        ("facet-prefix", po::value(&facet_prefix), "only facet values with a word starting with this text")
        ("related", po::value(&related), "FIELD[:N]: the N values of an entity field most over-represented "
                                         "in the matches relative to the collection (log-likelihood G2)")
        ("related-min-count", po::value(&related_min_count)->default_value(related_min_count),
         "--related leaves out values in fewer matching articles")
        ("filter", po::value(&filters), "FIELD:VALUE, repeatable; one field's values OR-ed, fields AND-ed")
        ("exclude", po::value(&excludes), "FIELD:VALUE, repeatable; removes matching articles")
        ("snippet-chars", po::value(&r.snippet_chars)->default_value(r.snippet_chars), "snippet length")
        ("help,h", "show this help and exit")
        ("version", "show the version and exit");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words), "query words");
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    std::ostringstream help;
    help << visible << "\nExit status: 0 success; 1 database error; 2 usage error or malformed query.\n";
    cl.help = help.str();

    po::variables_map vm;
    cl.action = run_program_options(argc, argv, all, positional, vm);
    if (cl.action != CliAction::run) return cl;
    for (const auto& w : words) {
        if (!r.query.empty()) r.query.push_back(' ');
        r.query += w;
    }
    if (sort == "date") r.sort = SortOrder::date;
    else if (sort != "relevance") throw UsageError(fmt::format("--sort must be relevance or date, not '{}'", sort));
    if (match == "any") r.mode = MatchMode::any;
    else if (match != "all") throw UsageError(fmt::format("--match must be all or any, not '{}'", match));
    if (r.limit > 10000) throw UsageError("--limit must be at most 10000");
    for (const auto& f : filters) r.filters.push_back(parse_field_filter(f));
    for (const auto& f : excludes) r.excludes.push_back(parse_field_filter(f));
    for (const auto& f : facets) {
        FacetRequest fr = parse_facet_request(f);
        fr.contains = facet_contains;
        fr.prefix = facet_prefix;
        r.facets.push_back(std::move(fr));
    }
    for (const auto& f : related) {
        RelatedRequest rr = parse_related_request(f);
        rr.min_count = related_min_count;
        r.related.push_back(std::move(rr));
    }
    return cl;
}

}  // namespace news
