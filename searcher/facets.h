/// @file facets.h
/// @brief Facet requests and exact facet counting over a whole match set.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/facet_store.h"
#include "searcher/parallel.h"

namespace news {

class DocSet;

enum class DateBucket { day, week, month, year };

/// --facet FIELD[:N] or --facet date:month[:N] / mentioned:week.
struct FacetRequest {
    std::string field;            ///< person, org, place, misc, source, author, date, mentioned
    DateBucket bucket = DateBucket::day;  ///< for date and mentioned
    /// date:auto: the bucket is chosen from the dates of the matches (auto_bucket);
    /// the labels show which (see bucket_label).
    bool automatic = false;
    std::size_t limit = 10;       ///< top N values (entity fields); date histograms list all buckets
    std::string contains;         ///< only values containing this (case-insensitive)
    std::string prefix;           ///< only values with a word starting with this (case-insensitive)

    [[nodiscard]] bool is_date() const { return field == "date" || field == "mentioned"; }
    /// The key under which results are reported: "person", "date:month", "date:auto".
    [[nodiscard]] std::string key() const;
};

/// Parses "person", "person:20", "date:month", "date:month:24", "date:auto"; throws QueryError.
[[nodiscard]] FacetRequest parse_facet_request(const std::string& spec);

struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// Entity fields: ordered by count, then the lower-cased value. Date fields:
/// chronological, with "unknown" (publication date only) last.
using FacetResults = std::map<std::string, std::vector<FacetValue>>;

/// "20260201" -> bucket label for @p bucket ("2026-02-01", "2026-W05", "2026-02", "2026").
[[nodiscard]] std::string bucket_label(const std::string& compact_date, DateBucket bucket);

/// The bucket of a date:auto histogram whose first and last day labels (the
/// earliest and latest matching dates, "2026-01-24"; "2026-01" or "2026" for
/// partial dates) are @p first_day and @p last_day: the finest that keeps the
/// histogram readable. Day up to 62 days apart, week up to 366, month up to
/// six years, else year.
[[nodiscard]] DateBucket auto_bucket(std::string_view first_day, std::string_view last_day);

/// Whether a value passes a request's --facet-contains and --facet-prefix
/// (both lower-cased already; empty means no condition).
[[nodiscard]] bool facet_value_selected(std::string_view lowered_value, std::string_view contains_lower,
                                        std::string_view prefix_lower);

/// --related FIELD[:N]: the values of an entity field over-represented in the
/// match set relative to the whole collection.
struct RelatedRequest {
    std::string field;          ///< person, org, place, misc, source, author
    std::size_t limit = 10;     ///< top N by score
    std::size_t min_count = 3;  ///< values in fewer matching articles are left out
};

/// Parses "person" or "person:20"; throws QueryError.
[[nodiscard]] RelatedRequest parse_related_request(const std::string& spec);

struct RelatedValue {
    std::string value;
    std::size_t count = 0;             ///< matching articles with the value (a)
    std::size_t collection_count = 0;  ///< articles in the collection with the value (b)
    double score = 0;                  ///< Dunning's log-likelihood ratio G2, see related_score
};

/// Per field name, best first.
using RelatedResults = std::map<std::string, std::vector<RelatedValue>>;

/// Dunning's log-likelihood ratio G2 = 2 * sum O ln(O / E) over the 2x2 table
/// (in the match set or not) x (has the value or not), for a value in @p a of
/// the @p n matching articles and in @p b of the @p total articles. 0 when the
/// value is not over-represented (a * total <= n * b).
[[nodiscard]] double related_score(std::size_t a, std::size_t b, std::size_t n, std::size_t total);

/// Ranks candidates (value, count, collection_count filled) by score, then
/// count, then value; drops those under min_count or not over-represented.
[[nodiscard]] std::vector<RelatedValue> rank_related(std::vector<RelatedValue> candidates, std::size_t n,
                                                     std::size_t total, const RelatedRequest& request);

/// The buckets of a date column's dictionary for one granularity: which bucket
/// each value id falls in, and the bucket labels in chronological order.
struct DateBuckets {
    std::vector<std::uint32_t> bucket_of;  ///< per value id
    std::vector<std::string> labels;       ///< per bucket; "unknown" (publication date only) included
    std::uint32_t unknown = 0;             ///< the bucket of documents without a date, if any
    bool has_unknown = false;
    /// Documents of the whole collection per bucket (filled when first needed:
    /// a match set holding most documents is counted through its complement).
    std::vector<std::uint32_t> totals;
};

/// DateBuckets of one facet store, computed once per column and granularity
/// (they depend only on the store's dictionary, which is fixed for a
/// revision) rather than on every histogram. Not thread-safe, like Searcher.
class DateBucketCache {
public:
    [[nodiscard]] DateBuckets& get(const FacetStore& store, const FacetRequest& request);

private:
    const FacetStore* store_ = nullptr;
    Xapian::rev revision_ = 0;
    std::map<std::string, DateBuckets> buckets_;  // by FacetRequest::key()
};

/// Documents of @p set holding each value id of entity field @p field. A set
/// holding more than half the collection is counted through its complement
/// (the store's per-value document counts minus the documents left out), so
/// the cost is at most half a pass over the collection.
[[nodiscard]] std::vector<std::uint32_t> count_values(const FacetStore& store, std::size_t field,
                                                      const DocSet& set, const Parallelism& parallel = {});
/// The same for several fields, in one walk of the set: one vector per field.
[[nodiscard]] std::vector<std::vector<std::uint32_t>> count_values(const FacetStore& store,
                                                                   std::span<const std::size_t> fields,
                                                                   const DocSet& set, const Parallelism& parallel = {});

/// The facet store's fields (kStoreFields indexes) that @p facets and @p related
/// count per value; with @p with_dates also the date histograms' fields, which
/// read their column too (per bucket).
[[nodiscard]] std::vector<std::size_t> store_fields(const std::vector<FacetRequest>& facets,
                                                    const std::vector<RelatedRequest>& related, bool with_dates);

/// count_values of one match set, each field counted at most once however many
/// requests need it (a field's facet and its related values share one count).
/// Holds references: @p store and @p set must outlive it.
class SetCounts {
public:
    SetCounts(const FacetStore& store, const DocSet& set, const Parallelism& parallel = {})
        : store_(store), set_(set), parallel_(parallel) {}
    [[nodiscard]] const FacetStore& store() const { return store_; }
    [[nodiscard]] const DocSet& set() const { return set_; }
    [[nodiscard]] const Parallelism& parallel() const { return parallel_; }
    /// Counts the @p fields not counted yet, in one walk of the set.
    void count(const std::vector<std::size_t>& fields);
    /// Per value id of field @p field (an index of kStoreFields).
    [[nodiscard]] const std::vector<std::uint32_t>& of(std::size_t field);

private:
    const FacetStore& store_;
    const DocSet& set_;
    Parallelism parallel_;
    std::map<std::size_t, std::vector<std::uint32_t>> counts_;
};

/// Exact facet counts over @p set from the facet store (the fast path); @p cache
/// (may be null) keeps date buckets between calls.
/// @p parallel may split large sets over two threads (the results are the same).
[[nodiscard]] FacetResults count_with_store(const FacetStore& store, const DocSet& set,
                                            const std::vector<FacetRequest>& requests,
                                            DateBucketCache* cache = nullptr, const Parallelism& parallel = {});
/// The same, with entity counts taken from (and kept in) @p counts.
[[nodiscard]] FacetResults count_with_store(SetCounts& counts, const std::vector<FacetRequest>& requests,
                                            DateBucketCache* cache = nullptr);

/// --related over the facet store: the values of @p request's field in at
/// least min_count of the @p n matching articles (@p counts), ranked as
/// rank_related ranks them, leaving out the lower-cased values in @p skip.
/// Only the values shown are turned into strings.
[[nodiscard]] std::vector<RelatedValue> store_related(SetCounts& counts, std::size_t n, const RelatedRequest& request,
                                                      const std::set<std::string>& skip);

/// A MatchSpy counting the values of several facet fields for every document
/// of the match set. Multi-valued fields count each value once per document;
/// entity values that lower-case alike are one value, shown as the spelling
/// most of the counted documents have (the facet store shows the most common
/// in the whole collection, so the two can differ in case, never in counts).
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::vector<FacetRequest> requests);
    void operator()(const Xapian::Document& doc, double wt) override;
    [[nodiscard]] std::string name() const override { return "news::FacetSpy"; }
    /// Ordered, cut to each request's limit.
    [[nodiscard]] FacetResults results() const;
    /// Every value counted for request @p i (no limit), by key: the lower-cased
    /// value (entity fields) or the bucket label (date fields).
    [[nodiscard]] const std::map<std::string, std::size_t>& all_counts(std::size_t i) const {
        return counters_[i].counts;
    }
    /// How request @p i shows the value of @p key (a key of all_counts(i)).
    [[nodiscard]] std::string shown(std::size_t i, const std::string& key) const;

private:
    struct Counter {
        FacetRequest request;
        Xapian::valueno slot;
        std::map<std::string, std::size_t> counts;  ///< by key
        std::map<std::string, std::map<std::string, std::size_t>> spellings;  ///< entity key -> spelling -> documents
        std::string contains_lower;
        std::string prefix_lower;
    };
    std::vector<Counter> counters_;
};

}  // namespace news
