/// @file facets.cc
/// @brief Facet counting.
#include "searcher/facets.h"

#include <algorithm>
#include <charconv>
#include <ctime>

#include <fmt/format.h>

#include "common/schema.h"
#include "searcher/query_builder.h"

namespace news {
namespace {

constexpr const char* kUnknown = "unknown";

bool parse_size(const std::string& s, std::size_t& out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

bool parse_bucket(const std::string& s, DateBucket& out) {
    if (s == "day") out = DateBucket::day;
    else if (s == "week") out = DateBucket::week;
    else if (s == "month") out = DateBucket::month;
    else if (s == "year") out = DateBucket::year;
    else return false;
    return true;
}

const char* bucket_name(DateBucket b) {
    switch (b) {
        case DateBucket::week: return "week";
        case DateBucket::month: return "month";
        case DateBucket::year: return "year";
        case DateBucket::day: break;
    }
    return "day";
}

/// ISO 8601 week of a date: "YYYY-Www".
std::string iso_week(int y, int m, int d) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;
    timegm(&tm);  // normalises and fills tm_wday / tm_yday
    int wday = (tm.tm_wday + 6) % 7;  // Monday = 0
    // Thursday of this week decides the ISO year.
    std::tm thursday = tm;
    thursday.tm_mday += 3 - wday;
    timegm(&thursday);
    int week = thursday.tm_yday / 7 + 1;
    return fmt::format("{:04d}-W{:02d}", thursday.tm_year + 1900, week);
}

}  // namespace

std::string FacetRequest::key() const { return is_date() ? field + ":" + bucket_name(bucket) : field; }

FacetRequest parse_facet_request(const std::string& spec) {
    FacetRequest r;
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        auto colon = spec.find(':', start);
        parts.push_back(spec.substr(start, colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    r.field = parts[0];
    bool date = r.is_date();
    if (!date && !schema::find_facet_field(r.field)) {
        throw QueryError(fmt::format("unknown facet field '{}' (person, org, place, misc, source, author, "
                                     "date:day|week|month|year, mentioned:day|week|month|year)",
                                     r.field));
    }
    std::size_t i = 1;
    if (date) {
        r.limit = 0;  // all buckets
        if (i < parts.size() && parse_bucket(parts[i], r.bucket)) ++i;
    }
    if (i < parts.size()) {
        if (!parse_size(parts[i], r.limit) || r.limit == 0) {
            throw QueryError(fmt::format("facet '{}': '{}' is not a positive count", spec, parts[i]));
        }
        ++i;
    }
    if (i != parts.size()) throw QueryError(fmt::format("facet '{}' is not FIELD[:N] or date:BUCKET[:N]", spec));
    return r;
}

std::string bucket_label(const std::string& c, DateBucket bucket) {
    if (c.size() < 8) return kUnknown;
    int y = std::atoi(c.substr(0, 4).c_str()), m = std::atoi(c.substr(4, 2).c_str()),
        d = std::atoi(c.substr(6, 2).c_str());
    switch (bucket) {
        case DateBucket::year: return c.substr(0, 4);
        case DateBucket::month:
            if (m == 0) return c.substr(0, 4);
            return fmt::format("{}-{}", c.substr(0, 4), c.substr(4, 2));
        case DateBucket::week:
            if (d == 0) return m == 0 ? c.substr(0, 4) : fmt::format("{}-{}", c.substr(0, 4), c.substr(4, 2));
            return iso_week(y, m, d);
        case DateBucket::day: break;
    }
    if (m == 0) return c.substr(0, 4);
    if (d == 0) return fmt::format("{}-{}", c.substr(0, 4), c.substr(4, 2));
    return fmt::format("{}-{}-{}", c.substr(0, 4), c.substr(4, 2), c.substr(6, 2));
}

FacetSpy::FacetSpy(std::vector<FacetRequest> requests) {
    for (auto& r : requests) {
        Xapian::valueno slot = 0;
        if (r.field == "date") slot = schema::kSlotDate;
        else if (r.field == "mentioned") slot = schema::kSlotMentioned;
        else slot = schema::find_facet_field(r.field)->slot;
        std::string lower = Xapian::Unicode::tolower(r.contains);
        counters_.push_back({std::move(r), slot, {}, std::move(lower)});
    }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    for (auto& c : counters_) {
        std::string packed = doc.get_value(c.slot);
        if (c.request.is_date()) {
            if (packed.empty()) {
                if (c.request.field == "date") ++c.counts[kUnknown];
                continue;
            }
            // a document counts once per bucket
            std::vector<std::string> labels;
            schema::for_each_packed(packed, [&](std::string_view v) {
                labels.push_back(bucket_label(std::string(v), c.request.bucket));
            });
            std::sort(labels.begin(), labels.end());
            labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
            for (auto& l : labels) ++c.counts[l];
            continue;
        }
        schema::for_each_packed(packed, [&](std::string_view v) {
            if (!c.contains_lower.empty() &&
                Xapian::Unicode::tolower(std::string(v)).find(c.contains_lower) == std::string::npos)
                return;
            ++c.counts[std::string(v)];
        });
    }
}

FacetResults FacetSpy::results() const {
    FacetResults out;
    for (const auto& c : counters_) {
        std::vector<FacetValue> values;
        for (const auto& [v, n] : c.counts) values.push_back({v, n});
        if (c.request.is_date()) {
            // chronological; "unknown" last
            std::stable_partition(values.begin(), values.end(), [](const FacetValue& v) { return v.value != kUnknown; });
        } else {
            std::stable_sort(values.begin(), values.end(),
                             [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        }
        if (c.request.limit && values.size() > c.request.limit) values.resize(c.request.limit);
        out[c.request.key()] = std::move(values);
    }
    return out;
}

}  // namespace news
