/// @file api.cc
/// @brief Turning query-string parameters into search requests, within limits.
#include "server/api.h"

#include <charconv>
#include <optional>
#include <set>
#include <vector>

#include <fmt/format.h>

namespace news::server {
namespace {

/// The one value of @p key, or nullopt; a repeated single-valued key is an error.
std::optional<std::string> single(const Params& params, const std::string& key) {
    auto [first, last] = params.equal_range(key);
    if (first == last) return std::nullopt;
    if (std::next(first) != last) throw ApiError(400, fmt::format("parameter '{}' given more than once", key));
    return first->second;
}

std::vector<std::string> all(const Params& params, const std::string& key) {
    std::vector<std::string> out;
    auto [first, last] = params.equal_range(key);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

std::size_t number(const Params& params, const std::string& key, std::size_t fallback, std::size_t max) {
    auto text = single(params, key);
    if (!text) return fallback;
    std::size_t value = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (text->empty() || ec != std::errc() || ptr != end) {
        throw ApiError(400, fmt::format("parameter '{}' must be a whole number, not '{}'", key, *text));
    }
    if (value > max) throw ApiError(400, fmt::format("parameter '{}' must be at most {}", key, max));
    return value;
}

void check_known(const Params& params, const std::set<std::string>& known) {
    for (const auto& [key, value] : params) {
        if (!known.count(key)) throw ApiError(400, fmt::format("unknown parameter '{}'", key));
    }
}

const std::set<std::string> kContextKeys = {"q", "filter", "exclude", "match"};
const std::set<std::string> kSearchKeys = {"q",      "filter",         "exclude",        "facet",
                                           "related", "related_min_count", "facet_contains", "facet_prefix",
                                           "sort",   "match",          "offset",         "limit",
                                           "snippet_chars"};

/// q, filter, exclude, match: what every endpoint shares.
void read_context(const Params& params, const ApiLimits& limits, SearchRequest& r) {
    r.query = single(params, "q").value_or("");
    if (r.query.size() > limits.max_query_bytes) {
        throw ApiError(400, fmt::format("query too long: {} bytes (at most {})", r.query.size(), limits.max_query_bytes));
    }
    auto filters = all(params, "filter");
    auto excludes = all(params, "exclude");
    if (filters.size() + excludes.size() > limits.max_filters) {
        throw ApiError(400, fmt::format("too many filters: {} (at most {})", filters.size() + excludes.size(),
                                        limits.max_filters));
    }
    for (const auto& f : filters) r.filters.push_back(parse_field_filter(f));
    for (const auto& f : excludes) r.excludes.push_back(parse_field_filter(f));
    std::string match = single(params, "match").value_or("all");
    if (match == "any") r.mode = MatchMode::any;
    else if (match != "all") throw ApiError(400, fmt::format("match must be all or any, not '{}'", match));
}

void check_facet_limit(const FacetRequest& f, const ApiLimits& limits) {
    if (f.limit > limits.max_facet_values) {
        throw ApiError(400, fmt::format("facet '{}' asks for {} values (at most {})", f.key(), f.limit,
                                        limits.max_facet_values));
    }
}

}  // namespace

SearchRequest search_request_from_params(const Params& params, const ApiLimits& limits) {
    check_known(params, kSearchKeys);
    SearchRequest r;
    read_context(params, limits, r);
    std::string sort = single(params, "sort").value_or("relevance");
    if (sort == "date") r.sort = SortOrder::date;
    else if (sort != "relevance") throw ApiError(400, fmt::format("sort must be relevance or date, not '{}'", sort));
    r.limit = number(params, "limit", r.limit, limits.max_limit);
    r.offset = number(params, "offset", r.offset, limits.max_window);
    if (r.offset + r.limit > limits.max_window) {
        throw ApiError(400, fmt::format("offset + limit must be at most {} (page through fewer results, or "
                                        "narrow the query)", limits.max_window));
    }
    r.snippet_chars = number(params, "snippet_chars", r.snippet_chars, limits.max_snippet_chars);

    auto facets = all(params, "facet");
    auto related = all(params, "related");
    if (facets.size() + related.size() > limits.max_facets) {
        throw ApiError(400, fmt::format("too many facets: {} (at most {})", facets.size() + related.size(),
                                        limits.max_facets));
    }
    const std::string contains = single(params, "facet_contains").value_or("");
    const std::string prefix = single(params, "facet_prefix").value_or("");
    for (const auto& f : facets) {
        FacetRequest fr = parse_facet_request(f);
        check_facet_limit(fr, limits);
        fr.contains = contains;
        fr.prefix = prefix;
        r.facets.push_back(std::move(fr));
    }
    const std::size_t min_count = number(params, "related_min_count", RelatedRequest{}.min_count, 1'000'000'000);
    for (const auto& f : related) {
        RelatedRequest rr = parse_related_request(f);
        if (rr.limit > limits.max_facet_values) {
            throw ApiError(400, fmt::format("related '{}' asks for {} values (at most {})", rr.field, rr.limit,
                                            limits.max_facet_values));
        }
        rr.min_count = min_count;
        r.related.push_back(std::move(rr));
    }
    return r;
}

SearchRequest facets_request_from_params(const Params& params, const ApiLimits& limits) {
    std::set<std::string> known = kContextKeys;
    known.insert({"field", "limit", "contains", "prefix"});
    check_known(params, known);
    SearchRequest r;
    read_context(params, limits, r);
    r.limit = 0;
    auto fields = all(params, "field");
    if (fields.empty()) throw ApiError(400, "parameter 'field' is required (person, org, place, ..., date:month)");
    if (fields.size() > limits.max_facets) {
        throw ApiError(400, fmt::format("too many fields: {} (at most {})", fields.size(), limits.max_facets));
    }
    auto n = single(params, "limit");
    const std::string contains = single(params, "contains").value_or("");
    const std::string prefix = single(params, "prefix").value_or("");
    for (const auto& f : fields) {
        FacetRequest fr = parse_facet_request(f);
        if (n) fr.limit = number(params, "limit", fr.limit, limits.max_facet_values);
        check_facet_limit(fr, limits);
        fr.contains = contains;
        fr.prefix = prefix;
        r.facets.push_back(std::move(fr));
    }
    return r;
}

TimelineRequest timeline_request_from_params(const Params& params, const ApiLimits& limits) {
    std::set<std::string> known = kContextKeys;
    known.insert({"field", "value", "bucket"});
    check_known(params, known);
    TimelineRequest t;
    read_context(params, limits, t.context);
    t.field = single(params, "field").value_or("");
    t.value = single(params, "value").value_or("");
    if (t.field.empty() || t.value.empty()) {
        throw ApiError(400, "parameters 'field' and 'value' are required (field=person&value=Vladimir Putin)");
    }
    std::string bucket = single(params, "bucket").value_or("day");
    if (bucket == "day") t.bucket = DateBucket::day;
    else if (bucket == "week") t.bucket = DateBucket::week;
    else if (bucket == "month") t.bucket = DateBucket::month;
    else if (bucket == "year") t.bucket = DateBucket::year;
    else throw ApiError(400, fmt::format("bucket must be day, week, month or year, not '{}'", bucket));
    return t;
}

}  // namespace news::server
