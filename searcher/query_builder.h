/// @file query_builder.h
/// @brief From the user's query string and filters to a Xapian::Query.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace news {

/// A malformed query or filter; news-search exits with status 2.
class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// FIELD:VALUE as given to --filter / --exclude.
struct FieldFilter {
    std::string field;  ///< person, org, place, misc, source, author, date, mentioned
    std::string value;
};

/// Parses "FIELD:VALUE"; throws QueryError for an unknown field or empty value.
[[nodiscard]] FieldFilter parse_field_filter(const std::string& spec);

/// The boolean query for one filter: an exact entity/source/author value
/// (case-insensitive), or a date, month, year or range for date/mentioned
/// ("2026-01", "2026-01-01..2026-01-31", "..2026-02", "unknown").
[[nodiscard]] Xapian::Query filter_query(const FieldFilter& filter);

/// Date and date-range queries on the publication date or the dates mentioned.
/// @p spec: "YYYY", "YYYY-MM", "YYYY-MM-DD", "A..B" with either end optional,
/// or "unknown" (publication date only).
[[nodiscard]] Xapian::Query date_query(const std::string& field, const std::string& spec);

enum class MatchMode { all, any };

/// Wraps Xapian's QueryParser configured for the schema: English stemming,
/// field prefixes, date fields, wildcards, phrases, NEAR, spelling correction.
class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, MatchMode mode);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// The query for @p text; MatchAll when it is empty. Throws QueryError.
    [[nodiscard]] Xapian::Query parse(const std::string& text);
    /// The corrected query string when the database suggests a spelling for a
    /// word of the last parse()d query; empty otherwise. Computed on the first
    /// call after parse() (the spelling table is read only when asked: it costs
    /// more than parsing).
    [[nodiscard]] std::string suggestion() const;
    [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }

private:
    mutable Xapian::QueryParser parser_;
    Xapian::Stem stemmer_;
    std::string last_text_;                       ///< of the last successful parse()
    mutable std::optional<std::string> suggestion_;  ///< computed by suggestion()
    struct Processors;
    std::unique_ptr<Processors> processors_;
};

}  // namespace news
