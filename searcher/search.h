/// @file search.h
/// @brief Searcher: ranked, filtered, faceted search over a news database.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/stored_codec.h"
#include "searcher/facets.h"
#include "searcher/parallel.h"
#include "searcher/query_builder.h"

namespace news {

enum class SortOrder { relevance, date };

/// How facets (and related values) are counted. All give the same numbers.
enum class FacetMethod {
    automatic,       ///< the fastest available: store_postings, else store_enquire, else value_slots
    store_postings,  ///< facet store; match set from posting lists (boolean, term, AND/OR/NOT queries)
    store_enquire,   ///< facet store; match set enumerated by Enquire (phrases, NEAR, wildcards, ...)
    value_slots,     ///< no store (absent or stale): FacetSpy reads the packed value slots
};

/// Who ranks the hits. Both give the same hits in the same order: BM25 with
/// Xapian's default parameters, then docid.
enum class RankMethod {
    automatic,  ///< outside Enquire when the facet store and the query allow it (ranker.h), else Enquire
    enquire,    ///< always Enquire (tests, benchmarks)
    store,      ///< (in a response) ranked over posting lists with the store's document lengths
};

struct SearchRequest {
    std::string query;                  ///< Xapian query syntax; empty matches everything
    std::vector<FieldFilter> filters;   ///< same field OR-ed, fields AND-ed
    std::vector<FieldFilter> excludes;  ///< removed from the match set
    std::vector<FacetRequest> facets;
    std::vector<RelatedRequest> related;  ///< co-occurrence: values over-represented in the match set
    /// automatic, or store_enquire / value_slots to force a slower path (tests, benchmarks);
    /// store_postings is used only where the query allows it.
    FacetMethod facet_method = FacetMethod::automatic;
    RankMethod rank_method = RankMethod::automatic;
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
    bool total_exact = false;   ///< exact when facets were counted or the store ranked, else Xapian's estimate
    std::vector<SearchHit> hits;
    FacetResults facets;
    RelatedResults related;     ///< per --related field, best first
    std::string suggestion;     ///< corrected query when a word was unknown
    FacetMethod facet_method = FacetMethod::automatic;  ///< the path that counted (when counting)
    RankMethod rank_method = RankMethod::enquire;       ///< who ranked the hits (when there are hits to rank)
};

/// A read-only view of the database. Reopens transparently when an indexer
/// has committed meanwhile.
class Searcher {
public:
    /// Throws std::runtime_error with a clear message when @p db_path is not a database.
    explicit Searcher(const std::string& db_path);

    /// Throws QueryError for a malformed query, filter or facet.
    [[nodiscard]] SearchResponse search(const SearchRequest& request);

    /// Articles per date bucket that have @p value in entity field @p field
    /// ("person", "Volodymyr Zelenskyy"), within @p context (query, filters,
    /// excludes; the value is added to its filters). Chronological, with
    /// "unknown" last. Throws QueryError for a field that is not an entity field.
    [[nodiscard]] std::vector<FacetValue> timeline(const std::string& field, const std::string& value,
                                                   DateBucket bucket, SearchRequest context = {});

    /// Opens the newest revision if an indexer has committed since (or the
    /// database itself anew when `news-index compact` has replaced it); returns
    /// the revision open. The next search, timeline or article lookup runs on
    /// that revision (it does not reopen again, unless the indexer's commits
    /// force it to), so a caller can key what it computes by the revision returned.
    Xapian::rev refresh();

    /// The stored article with id @p id, or nullopt when there is none.
    [[nodiscard]] std::optional<Article> article(const std::string& id);

    /// How one query may use a second core (default_parallelism(); a server,
    /// which runs queries side by side, sets threads = 1). Results do not depend on it.
    void set_parallelism(const Parallelism& parallel) { parallel_ = parallel; }

    [[nodiscard]] Xapian::doccount doc_count() const { return db_.get_doccount(); }
    /// Whether the facet store matches the revision open. Without it (absent,
    /// or between an indexer's rewrites) facets are counted through the value
    /// slots: exact, but much slower on a large collection.
    [[nodiscard]] bool has_facet_store() { return store() != nullptr; }
    /// The revision open: it grows with every commit the reader has seen, and
    /// across compactions (Xapian's own revision plus schema::kRevisionBaseKey).
    [[nodiscard]] Xapian::rev revision() const { return revision_base_ + db_.get_revision(); }
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

private:
    /// Calls @p fn after reopening, retrying while an indexer's commits get in the way.
    template <typename Fn>
    auto with_retry(Fn&& fn);
    SearchResponse run(const SearchRequest& request);
    /// Brings db_ to the newest revision: reopen() while the directory at path_
    /// is the one opened, else (compacted and swapped in meanwhile) opens it
    /// anew with everything derived from the old one dropped. Returns whether
    /// a newer revision or another database is now open.
    bool reopen();
    /// Identifies a directory: device and inode of what a path names.
    struct DirectoryId {
        std::uint64_t device = 0, inode = 0;
        bool operator==(const DirectoryId&) const = default;
    };
    /// Opens the database at path_ anew, now directory @p now (see reopen()).
    void open_again(DirectoryId now);
    /// The facet store matching the revision open, or nullptr.
    const FacetStore* store();
    /// The article stored for document @p id (its data decoded by codec_).
    Article stored_article(Xapian::docid id);

    /// A second handle on the database at db_'s revision, for the other half of
    /// a split match set (a Xapian::Database serves one thread); nullptr when it
    /// cannot be had at that revision.
    const Xapian::Database* helper_database();

    /// The directory @p path names now (zeros when it cannot be read).
    static DirectoryId directory_id(const std::string& path);

    std::string path_;
    DirectoryId directory_;      ///< the directory db_ was opened from
    Xapian::rev revision_base_ = 0;  ///< schema::kRevisionBaseKey of db_
    Xapian::Database db_;
    std::optional<Xapian::Database> helper_db_;
    Parallelism parallel_ = default_parallelism();
    HelperThread helper_thread_;  ///< its thread starts with the first split query
    std::unique_ptr<FacetStore> store_;
    StoredCodec codec_;  ///< db_'s stored-article dictionary, read when first needed
    DateBucketCache date_buckets_;  ///< for store_'s histograms
    bool refreshed_ = false;        ///< refresh() has just reopened: the next call keeps that revision
};

}  // namespace news
