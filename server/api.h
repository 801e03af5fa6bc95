/// @file api.h
/// @brief The JSON API's request parameters: parsing and limits, independent of the HTTP library.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>

#include "searcher/search.h"

namespace news::server {

/// Query-string parameters, repeated keys kept (filter=a&filter=b).
using Params = std::multimap<std::string, std::string>;

/// What one request may ask for; larger requests get 400 with the limit named.
struct ApiLimits {
    std::size_t max_query_bytes = 1024;   ///< length of q
    std::size_t max_window = 1000;        ///< offset + limit
    std::size_t max_limit = 100;          ///< hits per page
    std::size_t max_filters = 64;         ///< filter + exclude parameters
    std::size_t max_facets = 16;          ///< facet + related parameters
    std::size_t max_facet_values = 1000;  ///< N in facet=FIELD:N
    std::size_t max_snippet_chars = 2000;
};

/// A request the API refuses: the HTTP status (4xx) and a message for the user.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
    [[nodiscard]] int status() const { return status_; }

private:
    int status_;
};

/// GET /api/search parameters, named like news-search's options: q, filter,
/// exclude, facet, facet_contains, facet_prefix, related, related_min_count,
/// sort, match, offset, limit, snippet_chars. Throws ApiError (400) for an
/// unknown parameter, a bad number or a request over @p limits, and QueryError
/// for a malformed filter or facet.
[[nodiscard]] SearchRequest search_request_from_params(const Params& params, const ApiLimits& limits);

/// GET /api/facets: like search_request_from_params but for counting only
/// (no hits), with `field` (repeatable) naming the facets and `limit` their N.
[[nodiscard]] SearchRequest facets_request_from_params(const Params& params, const ApiLimits& limits);

/// GET /api/timeline: field, value, bucket (day|week|month|year) plus the
/// search parameters giving the context.
struct TimelineRequest {
    std::string field;
    std::string value;
    DateBucket bucket = DateBucket::day;
    SearchRequest context;
};
[[nodiscard]] TimelineRequest timeline_request_from_params(const Params& params, const ApiLimits& limits);

}  // namespace news::server
