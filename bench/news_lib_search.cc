/// @file news_lib_search.cc
/// @brief The project's search library (news::Searcher) under the same query set as the baselines.
///
/// news_lib_search DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE]
///   top 10 with snippets, as news-search does; with --facets also the person and place facets
///   (top 10 each, exact counts over the whole match set). One Searcher, warm, reused.
#include <iostream>
#include <string>

#include "bench/bench_common.h"
#include "searcher/search.h"

int main(int argc, char** argv) {
    try {
        news::bench::SearchArgs args = news::bench::parse_search_args(argc, argv, 1);
        news::Searcher searcher(args.db);
        std::size_t sink = 0;
        news::bench::run_search_benchmark(args.facets ? "news-lib+facets" : "news-lib", args,
                                          [&](const news::bench::BenchQuery& q) -> std::size_t {
            news::SearchRequest request{.query = q.text, .limit = 10};
            if (args.facets) {
                request.facets = {news::parse_facet_request("person"), news::parse_facet_request("place")};
            }
            news::SearchResponse response = searcher.search(request);
            for (const auto& hit : response.hits) sink += hit.snippet.size();
            return response.total;
        });
        std::cerr << fmt::format("(checksum {})\n", sink);
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "news_lib_search: " << e.what()
                  << "\nusage: news_lib_search DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "news_lib_search: " << e.what() << "\n";
    }
    return 1;
}
