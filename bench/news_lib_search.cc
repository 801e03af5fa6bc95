/// @file news_lib_search.cc
/// @brief The project's search library (news::Searcher) under the same query set as the baselines.
///
/// news_lib_search DB QUERIES [--facets] [--facet SPEC]... [--threads N] [--reps N] [--budget S] [--per-query FILE]
///   top 10 with snippets, as news-search does; with --facets also the person and place facets
///   (top 10 each, exact counts over the whole match set), or with --facet the facets named
///   (news-search's syntax: person, org:20, date:month; bench/load_server.sh's request is
///   --facet person --facet org --facet place --facet source --facet date:month).
///   --threads 1 keeps each query on one thread, as news-server does (default: the
///   machine's cores, as news-search does). One Searcher, warm, reused.
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/bench_common.h"
#include "searcher/search.h"

int main(int argc, char** argv) {
    try {
        // --facet and --threads are this tool's own; the rest is shared with the baselines.
        std::vector<news::FacetRequest> facets;
        std::optional<unsigned> threads;
        std::vector<char*> rest = {argv[0]};
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if ((arg == "--facet" || arg == "--threads") && i + 1 >= argc) {
                throw std::invalid_argument(arg + " needs a value");
            }
            if (arg == "--facet") facets.push_back(news::parse_facet_request(argv[++i]));
            else if (arg == "--threads") threads = static_cast<unsigned>(std::stoul(argv[++i]));
            else rest.push_back(argv[i]);
        }
        news::bench::SearchArgs args = news::bench::parse_search_args(static_cast<int>(rest.size()), rest.data(), 1);
        if (args.facets && facets.empty()) {
            facets = {news::parse_facet_request("person"), news::parse_facet_request("place")};
        }
        args.facets = !facets.empty();
        news::Searcher searcher(args.db);
        if (threads) {
            news::Parallelism parallel = news::default_parallelism();
            parallel.threads = *threads;
            searcher.set_parallelism(parallel);
        }
        std::size_t sink = 0;
        news::bench::run_search_benchmark(args.facets ? "news-lib+facets" : "news-lib", args,
                                          [&](const news::bench::BenchQuery& q) -> std::size_t {
            news::SearchRequest request{.query = q.text, .limit = 10};
            request.facets = facets;
            news::SearchResponse response = searcher.search(request);
            for (const auto& hit : response.hits) sink += hit.snippet.size();
            return response.total;
        });
        std::cerr << fmt::format("(checksum {})\n", sink);
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "news_lib_search: " << e.what()
                  << "\nusage: news_lib_search DB QUERIES [--facets] [--facet SPEC]... [--threads N] [--reps N] [--budget S]"
                     " [--per-query FILE]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "news_lib_search: " << e.what() << "\n";
    }
    return 1;
}
