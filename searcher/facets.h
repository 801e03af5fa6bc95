/// @file facets.h
/// @brief Facet requests and exact facet counting over a whole match set.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace news {

enum class DateBucket { day, week, month, year };

/// --facet FIELD[:N] or --facet date:month[:N] / mentioned:week.
struct FacetRequest {
    std::string field;            ///< person, org, place, misc, source, author, date, mentioned
    DateBucket bucket = DateBucket::day;  ///< for date and mentioned
    std::size_t limit = 10;       ///< top N values (entity fields); date histograms list all buckets
    std::string contains;         ///< only values containing this (case-insensitive)

    [[nodiscard]] bool is_date() const { return field == "date" || field == "mentioned"; }
    /// The key under which results are reported: "person", "date:month".
    [[nodiscard]] std::string key() const;
};

/// Parses "person", "person:20", "date:month", "date:month:24"; throws QueryError.
[[nodiscard]] FacetRequest parse_facet_request(const std::string& spec);

struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// Entity fields: ordered by count, then value. Date fields: chronological,
/// with "unknown" (publication date only) last.
using FacetResults = std::map<std::string, std::vector<FacetValue>>;

/// "2026-02-01" -> bucket label for @p bucket ("2026-W05", "2026-02", "2026").
[[nodiscard]] std::string bucket_label(const std::string& compact_date, DateBucket bucket);

/// A MatchSpy counting the values of several facet fields for every document
/// of the match set. Multi-valued fields count each value once per document.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::vector<FacetRequest> requests);
    void operator()(const Xapian::Document& doc, double wt) override;
    [[nodiscard]] std::string name() const override { return "news::FacetSpy"; }
    /// Ordered, cut to each request's limit.
    [[nodiscard]] FacetResults results() const;

private:
    struct Counter {
        FacetRequest request;
        Xapian::valueno slot;
        std::map<std::string, std::size_t> counts;
        std::string contains_lower;
    };
    std::vector<Counter> counters_;
};

}  // namespace news
