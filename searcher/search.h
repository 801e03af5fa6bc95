/// @file search.h
/// @brief Searcher: ranked, filtered, faceted search over a news database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"

namespace news {

enum class SortOrder { relevance, date };

struct SearchRequest {
    std::string query;                  ///< Xapian query syntax; empty matches everything
    std::vector<FieldFilter> filters;   ///< same field OR-ed, fields AND-ed
    std::vector<FieldFilter> excludes;  ///< removed from the match set
    std::vector<FacetRequest> facets;
    SortOrder sort = SortOrder::relevance;
    MatchMode mode = MatchMode::all;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::size_t snippet_chars = 240;
    std::string highlight_start = "<mark>";  ///< around matched words in snippets
    std::string highlight_end = "</mark>";
};

struct SearchHit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result
    double score = 0;
    Article article;       ///< as stored (body included)
    std::string snippet;   ///< HTML-escaped text with highlights
};

struct SearchResponse {
    std::string query;
    std::size_t total = 0;      ///< matching articles
    bool total_exact = false;   ///< exact when facets were counted, else Xapian's estimate
    std::vector<SearchHit> hits;
    FacetResults facets;
    std::string suggestion;     ///< corrected query when a word was unknown
};

/// A read-only view of the database. Reopens transparently when an indexer
/// has committed meanwhile.
class Searcher {
public:
    /// Throws std::runtime_error with a clear message when @p db_path is not a database.
    explicit Searcher(const std::string& db_path);

    /// Throws QueryError for a malformed query, filter or facet.
    [[nodiscard]] SearchResponse search(const SearchRequest& request);

    [[nodiscard]] Xapian::doccount doc_count() const { return db_.get_doccount(); }

private:
    SearchResponse run(const SearchRequest& request);

    std::string path_;
    Xapian::Database db_;
};

}  // namespace news
