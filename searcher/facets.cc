/// @file facets.cc
/// @brief Facet counting.
#include "searcher/facets.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <ctime>
#include <span>

#include <fmt/format.h>

#include "common/schema.h"
#include "searcher/match_set.h"
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

std::string FacetRequest::key() const {
    if (!is_date()) return field;
    return field + ":" + (automatic ? "auto" : bucket_name(bucket));
}

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
        if (i < parts.size() && parts[i] == "auto") {
            r.automatic = true;
            ++i;
        } else if (i < parts.size() && parse_bucket(parts[i], r.bucket)) {
            ++i;
        }
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

DateBucket auto_bucket(std::string_view first_day, std::string_view last_day) {
    // Days since the epoch of a day label; a missing month or day counts as the first.
    auto days = [](std::string_view label) -> std::int64_t {
        auto part = [&](std::size_t at, std::size_t n, int missing) {
            int v = missing;
            if (label.size() >= at + n) std::from_chars(label.data() + at, label.data() + at + n, v);
            return v;
        };
        std::tm tm{};
        tm.tm_year = part(0, 4, 1970) - 1900;
        tm.tm_mon = part(5, 2, 1) - 1;
        tm.tm_mday = part(8, 2, 1);
        tm.tm_hour = 12;
        return static_cast<std::int64_t>(timegm(&tm)) / 86400;
    };
    const std::int64_t span = days(last_day) - days(first_day);
    if (span <= 62) return DateBucket::day;
    if (span <= 366) return DateBucket::week;
    if (span <= 366 * 6) return DateBucket::month;
    return DateBucket::year;
}

namespace {

/// date:auto's bucket for a chronological day histogram ("unknown" last, if
/// there): by day when nothing is dated.
DateBucket auto_bucket_of(const std::vector<FacetValue>& days) {
    auto dated = [](const FacetValue& v) { return v.value != kUnknown; };
    auto first = std::find_if(days.begin(), days.end(), dated);
    if (first == days.end()) return DateBucket::day;
    auto last = std::find_if(days.rbegin(), days.rend(), dated);
    return auto_bucket(first->value, last->value);
}

}  // namespace

bool facet_value_selected(std::string_view lowered, std::string_view contains_lower, std::string_view prefix_lower) {
    if (!contains_lower.empty() && lowered.find(contains_lower) == std::string_view::npos) return false;
    return prefix_lower.empty() || has_word_prefix(lowered, prefix_lower);
}

RelatedRequest parse_related_request(const std::string& spec) {
    RelatedRequest r;
    auto colon = spec.find(':');
    r.field = spec.substr(0, colon);
    if (!schema::find_facet_field(r.field)) {
        throw QueryError(fmt::format("unknown related field '{}' (person, org, place, misc, source, author)", r.field));
    }
    if (colon != std::string::npos && (!parse_size(spec.substr(colon + 1), r.limit) || r.limit == 0)) {
        throw QueryError(fmt::format("related '{}' is not FIELD[:N] with a positive N", spec));
    }
    return r;
}

double related_score(std::size_t a, std::size_t b, std::size_t n, std::size_t total) {
    if (total == 0 || a > n || a > b || b > total || n > total) return 0;
    if (static_cast<double>(a) * static_cast<double>(total) <= static_cast<double>(n) * static_cast<double>(b)) {
        return 0;  // not over-represented
    }
    auto d = [](std::size_t x) { return static_cast<double>(x); };
    const double N = d(total);
    const double observed[4] = {d(a), d(n - a), d(b - a), d(total - n - b + a)};
    const double expected[4] = {d(n) * d(b) / N, d(n) * d(total - b) / N, d(total - n) * d(b) / N,
                                d(total - n) * d(total - b) / N};
    double g = 0;
    for (int i = 0; i < 4; ++i) {
        if (observed[i] > 0 && expected[i] > 0) g += observed[i] * std::log(observed[i] / expected[i]);
    }
    return 2 * g;
}

std::vector<RelatedValue> rank_related(std::vector<RelatedValue> candidates, std::size_t n, std::size_t total,
                                       const RelatedRequest& request) {
    std::vector<std::pair<std::string, RelatedValue>> keyed;  // ties are ordered by the lower-cased value
    for (auto& c : candidates) {
        if (c.count < request.min_count || c.count == 0) continue;
        c.score = related_score(c.count, c.collection_count, n, total);
        if (c.score > 0) keyed.emplace_back(Xapian::Unicode::tolower(c.value), std::move(c));
    }
    const std::size_t shown = std::min(request.limit, keyed.size());
    std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(shown), keyed.end(),
                      [](const auto& a, const auto& b) {
                          const RelatedValue &x = a.second, &y = b.second;
                          if (x.score != y.score) return x.score > y.score;
                          if (x.count != y.count) return x.count > y.count;
                          return a.first < b.first;
                      });
    keyed.resize(shown);
    std::vector<RelatedValue> out;
    for (auto& k : keyed) out.push_back(std::move(k.second));
    return out;
}

namespace {

/// Calls @p fn(docid) for each live document of @p store that is not in @p set,
/// among the docids held in words [@p first_word, @p end_word).
template <typename Fn>
void for_each_left_out(const FacetStore& store, const DocSet& set, Fn&& fn, std::size_t first_word,
                       std::size_t end_word) {
    const std::uint64_t* live = store.live();
    const std::vector<std::uint64_t>& in = set.words();
    const std::size_t n = std::min(bitmap_words(store.docid_limit()), end_word);
    for (std::size_t w = first_word; w < n; ++w) {
        std::uint64_t bits = live[w] & ~(w < in.size() ? in[w] : 0);
        while (bits) {
            fn(static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
            bits &= bits - 1;
        }
    }
}

/// Adds @p step (1, or -1 modulo 2^32) to @p out at each value id of one
/// document, entries [@p i, @p e) of a column's ids (@p total entries in all).
/// Documents hold 0 to dozens of values with no pattern a branch predictor could
/// learn, so a loop ending at e mispredicts about once per document; this takes
/// the values Chunk at a time and adds 0 past the document's last one (to the
/// next documents' ids, which are valid indexes into @p out), so only documents
/// with more than Chunk values take a second turn.
template <std::uint32_t Chunk>
inline void tally(std::uint32_t* out, const std::uint32_t* ids, std::uint32_t i, std::uint32_t e,
                  std::uint32_t total, std::uint32_t step) {
    // A turn reads Chunk entries from i, and a document without values takes one
    // turn from i == e: the column's last entries are read one by one.
    if (total - e < Chunk) [[unlikely]] {
        for (; i < e; ++i) out[ids[i]] += step;
        return;
    }
    do {
        const std::uint32_t* p = ids + i;
        for (std::uint32_t k = 0; k < Chunk; ++k) out[p[k]] += step * static_cast<std::uint32_t>(i + k < e);
        i += Chunk;
    } while (i < e);
}

/// One column being counted: where its values are and how one document's are
/// added. One value a document (sources, publication dates) is a predictable
/// loop, and adding 0 past the last one would only chain the adds on the few
/// counters; more values are taken four or eight at a time.
struct ColumnTally {
    const std::uint32_t* offsets;
    const std::uint32_t* ids;
    std::uint32_t total;  ///< entries in ids
    std::uint32_t chunk;  ///< 1, 4 or 8
    std::uint32_t* out = nullptr;

    ColumnTally(const FacetStore::Column& c, Xapian::docid docid_limit)
        : offsets(c.offsets),
          ids(c.ids),
          total(c.offsets[docid_limit]),
          chunk(c.most <= 1 ? 1 : total <= 3 * std::uint64_t{docid_limit} ? 4 : 8) {}

    void add(Xapian::docid d, std::uint32_t step) const {
        const std::uint32_t i = offsets[d], e = offsets[d + 1];
        switch (chunk) {
            case 1:
                for (std::uint32_t k = i; k < e; ++k) out[ids[k]] += step;
                break;
            case 4: tally<4>(out, ids, i, e, total, step); break;
            default: tally<8>(out, ids, i, e, total, step); break;
        }
    }
};

/// How @p set is walked for counting: the documents in it, or (when it holds
/// more than half the collection) the live documents left out of it, subtracted
/// from the store's totals.
struct CountPlan {
    bool complement = false;
    std::size_t documents = 0;  ///< documents walked
};

CountPlan count_plan(const FacetStore& store, const DocSet& set) {
    const std::size_t in = set.count();
    if (in * 2 > store.doc_count()) return {true, store.doc_count() - std::min<std::size_t>(in, store.doc_count())};
    return {false, in};
}

/// Adds @p b into @p a, value by value (modulo 2^32).
void add_into(std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) a[i] += b[i];
}
void add_into(std::vector<std::vector<std::uint32_t>>& a, const std::vector<std::vector<std::uint32_t>>& b) {
    for (std::size_t f = 0; f < a.size() && f < b.size(); ++f) add_into(a[f], b[f]);
}

/// Fills @p counts (@p values of them) by calling @p count(first_word, end_word,
/// counts, first_half) over all of @p store's words, or over two halves on two
/// threads, summed (modulo 2^32, so halves that subtract from the totals add up
/// too). Summing costs a pass over the values, so a split needs at least twice
/// as many documents as values (a person dictionary can be larger than the set).
template <typename Counts, typename Count>
void count_in_halves(const FacetStore& store, const CountPlan& plan, std::size_t values, const Parallelism& parallel,
                     Counts& counts, Count&& count) {
    const std::size_t words = bitmap_words(store.docid_limit());
    if (!parallel.split(plan.documents) || plan.documents < 2 * values || words < 2) {
        count(0, words, counts, true);
        return;
    }
    const std::size_t mid = words / 2;
    Counts second;
    parallel.helper->run_pair([&] { count(0, mid, counts, true); }, [&] { count(mid, words, second, false); });
    add_into(counts, second);
}

}  // namespace

std::vector<std::vector<std::uint32_t>> count_values(const FacetStore& store, std::span<const std::size_t> fields,
                                                     const DocSet& set, const Parallelism& parallel) {
    const CountPlan plan = count_plan(store, set);
    std::size_t values = 0;
    for (std::size_t f : fields) values += store.column(f).size;
    std::vector<std::vector<std::uint32_t>> counts;
    count_in_halves(
        store, plan, values, parallel, counts,
        [&](std::size_t first_word, std::size_t end_word, std::vector<std::vector<std::uint32_t>>& parts,
            bool first_half) {
            parts.resize(fields.size());
            std::vector<ColumnTally> columns;
            for (std::size_t k = 0; k < fields.size(); ++k) {
                const FacetStore::Column& c = store.column(fields[k]);
                // The complement subtracts from the totals (once, in the first half).
                if (plan.complement && first_half) parts[k].assign(c.counts, c.counts + c.size);
                else parts[k].assign(c.size, 0);
                columns.emplace_back(c, store.docid_limit());
                columns.back().out = parts[k].data();
            }
            // Every field in one walk of the documents: the set's bits are read
            // once, and the fields' adds are independent work for the core.
            const std::uint32_t step = plan.complement ? ~std::uint32_t{0} : 1;
            auto add = [&](Xapian::docid d) {
                for (const ColumnTally& t : columns) t.add(d, step);
            };
            if (plan.complement) for_each_left_out(store, set, add, first_word, end_word);
            else set.for_each(add, first_word, end_word);
        });
    return counts;
}

std::vector<std::uint32_t> count_values(const FacetStore& store, std::size_t field, const DocSet& set,
                                        const Parallelism& parallel) {
    return std::move(count_values(store, std::span<const std::size_t>(&field, 1), set, parallel).front());
}

namespace {

DateBuckets make_date_buckets(const FacetStore& store, const FacetRequest& r) {
    const FacetStore::Column& c = store.column(store_field_index(r.field));
    // Bucket of each dictionary date, numbered in label order.
    std::map<std::string, std::uint32_t> labels;
    std::vector<std::string> label_of(c.size);
    for (std::uint32_t id = 0; id < c.size; ++id) {
        label_of[id] = bucket_label(std::string(c.value(id)), r.bucket);
        labels.emplace(label_of[id], 0);
    }
    DateBuckets b;
    b.has_unknown = r.field == "date";
    if (b.has_unknown) labels.emplace(kUnknown, 0);
    std::uint32_t next = 0;
    for (auto& [label, index] : labels) {
        index = next++;
        b.labels.push_back(label);
    }
    b.bucket_of.resize(c.size);
    for (std::uint32_t id = 0; id < c.size; ++id) b.bucket_of[id] = labels[label_of[id]];
    b.unknown = b.has_unknown ? labels[kUnknown] : 0;
    return b;
}

/// Adds (+1) or removes (-1) each document given to the returned callable once per bucket it falls in.
template <typename Counts>
auto bucket_counter(const FacetStore::Column& c, const DateBuckets& b, Counts& counts, std::vector<Xapian::docid>& last,
                    int sign) {
    return [&c, &b, &counts, &last, sign](Xapian::docid d) {
        std::uint32_t i = c.offsets[d], e = c.offsets[d + 1];
        if (i == e) {
            if (b.has_unknown) counts[b.unknown] += static_cast<std::uint32_t>(sign);
            return;
        }
        for (; i < e; ++i) {
            std::uint32_t k = b.bucket_of[c.ids[i]];
            if (last[k] != d) {
                last[k] = d;
                counts[k] += static_cast<std::uint32_t>(sign);  // modular: -1 subtracts
            }
        }
    };
}

std::vector<FacetValue> store_date_histogram(const FacetStore& store, const DocSet& set, const FacetRequest& r,
                                             DateBuckets& b, const Parallelism& parallel) {
    const FacetStore::Column& c = store.column(store_field_index(r.field));
    const CountPlan plan = count_plan(store, set);
    if (plan.complement && b.totals.empty()) {  // once per store (with a cache): every live document
        b.totals.assign(b.labels.size(), 0);
        std::vector<Xapian::docid> seen(b.labels.size(), 0);
        DocSet none(store.docid_limit());
        for_each_left_out(store, none, bucket_counter(c, b, b.totals, seen, +1), 0, bitmap_words(store.docid_limit()));
    }
    std::vector<std::uint32_t> counts;
    count_in_halves(store, plan, b.labels.size(), parallel, counts,
                    [&](std::size_t first_word, std::size_t end_word, std::vector<std::uint32_t>& part, bool first_half) {
                        std::vector<Xapian::docid> last(b.labels.size(), 0);  // a document counts once per bucket
                        if (plan.complement && first_half) part = b.totals;
                        else part.assign(b.labels.size(), 0);
                        if (plan.complement) {
                            for_each_left_out(store, set, bucket_counter(c, b, part, last, -1), first_word, end_word);
                        } else {
                            set.for_each(bucket_counter(c, b, part, last, +1), first_word, end_word);
                        }
                    });
    std::vector<FacetValue> values;
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k]) values.push_back({b.labels[k], counts[k]});
    }
    std::stable_partition(values.begin(), values.end(), [](const FacetValue& v) { return v.value != kUnknown; });
    if (r.limit && values.size() > r.limit) values.resize(r.limit);
    return values;
}

std::vector<FacetValue> store_entity_top(SetCounts& set_counts, const FacetRequest& r) {
    std::size_t field = store_field_index(r.field);
    const FacetStore::Column& c = set_counts.store().column(field);
    const std::vector<std::uint32_t>& counts = set_counts.of(field);
    std::string contains = Xapian::Unicode::tolower(r.contains), prefix = Xapian::Unicode::tolower(r.prefix);
    // By count, then value: ids are in the order of the lower-cased values.
    auto better = [&](std::uint32_t a, std::uint32_t b) { return counts[a] != counts[b] ? counts[a] > counts[b] : a < b; };
    std::vector<std::uint32_t> ids;
    if (r.limit && prefix.empty() && contains.empty()) {
        // One pass, keeping the best r.limit in a heap whose top is the worst
        // kept: a later id must count strictly more to displace it (on a tie the
        // earlier id ranks first), and most counts do not, a predictable branch.
        std::uint32_t floor = 0;  // what an id must exceed to be kept
        for (std::uint32_t id = 0; id < c.size; ++id) {
            if (counts[id] <= floor) continue;
            if (ids.size() == r.limit) {
                std::pop_heap(ids.begin(), ids.end(), better);
                ids.back() = id;
            } else {
                ids.push_back(id);
            }
            std::push_heap(ids.begin(), ids.end(), better);
            if (ids.size() == r.limit) floor = counts[ids.front()];
        }
        std::sort_heap(ids.begin(), ids.end(), better);
    } else {
        std::vector<char> selected;
        if (!prefix.empty()) c.prefix_matches(prefix, selected);  // through the sorted word starts
        for (std::uint32_t id = 0; id < c.size; ++id) {
            if (!counts[id] || (!prefix.empty() && !selected[id])) continue;
            if (!contains.empty() && c.lowered(id).find(contains) == std::string_view::npos) continue;
            ids.push_back(id);
        }
        const std::size_t shown = r.limit ? std::min(r.limit, ids.size()) : ids.size();
        std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ids.end(), better);
        ids.resize(shown);
    }
    std::size_t n = ids.size();
    std::vector<FacetValue> values;
    for (std::size_t i = 0; i < n; ++i) values.push_back({std::string(c.value(ids[i])), counts[ids[i]]});
    return values;
}

}  // namespace

DateBuckets& DateBucketCache::get(const FacetStore& store, const FacetRequest& request) {
    if (store_ != &store || revision_ != store.revision()) {
        buckets_.clear();
        store_ = &store;
        revision_ = store.revision();
    }
    auto [it, added] = buckets_.try_emplace(request.key());
    if (added) it->second = make_date_buckets(store, request);
    return it->second;
}

std::vector<std::size_t> store_fields(const std::vector<FacetRequest>& facets, const std::vector<RelatedRequest>& related,
                                      bool with_dates) {
    std::vector<std::size_t> fields;
    for (const auto& f : facets) {
        if (with_dates || !f.is_date()) fields.push_back(store_field_index(f.field));
    }
    for (const auto& r : related) fields.push_back(store_field_index(r.field));
    return fields;
}

void SetCounts::count(const std::vector<std::size_t>& fields) {
    std::vector<std::size_t> missing;
    for (std::size_t f : fields) {
        if (!counts_.count(f) && std::find(missing.begin(), missing.end(), f) == missing.end()) missing.push_back(f);
    }
    if (missing.empty()) return;
    auto counted = count_values(store_, missing, set_, parallel_);
    for (std::size_t k = 0; k < missing.size(); ++k) counts_.emplace(missing[k], std::move(counted[k]));
}

const std::vector<std::uint32_t>& SetCounts::of(std::size_t field) {
    count({field});
    return counts_.at(field);
}

FacetResults count_with_store(const FacetStore& store, const DocSet& set, const std::vector<FacetRequest>& requests,
                              DateBucketCache* cache, const Parallelism& parallel) {
    SetCounts counts(store, set, parallel);
    return count_with_store(counts, requests, cache);
}

FacetResults count_with_store(SetCounts& counts, const std::vector<FacetRequest>& requests, DateBucketCache* cache) {
    const FacetStore& store = counts.store();
    auto histogram = [&](const FacetRequest& r) {
        if (cache) return store_date_histogram(store, counts.set(), r, cache->get(store, r), counts.parallel());
        DateBuckets buckets = make_date_buckets(store, r);
        return store_date_histogram(store, counts.set(), r, buckets, counts.parallel());
    };
    counts.count(store_fields(requests, {}, false));  // in one walk of the set
    FacetResults out;
    for (const auto& r : requests) {
        if (!r.is_date()) {
            out[r.key()] = store_entity_top(counts, r);
        } else if (!r.automatic) {
            out[r.key()] = histogram(r);
        } else {
            // Days first; a longer span is counted again in its bucket (a
            // document mentioning two days of one month counts once there).
            FacetRequest chosen = r;
            chosen.automatic = false;
            chosen.bucket = DateBucket::day;
            chosen.limit = 0;
            std::vector<FacetValue> values = histogram(chosen);
            chosen.bucket = auto_bucket_of(values);
            chosen.limit = r.limit;
            if (chosen.bucket != DateBucket::day) values = histogram(chosen);
            else if (r.limit && values.size() > r.limit) values.resize(r.limit);
            out[r.key()] = std::move(values);
        }
    }
    return out;
}

std::vector<RelatedValue> store_related(SetCounts& set_counts, std::size_t n, const RelatedRequest& request,
                                        const std::set<std::string>& skip) {
    const FacetStore& store = set_counts.store();
    const std::size_t field = store_field_index(request.field);
    const FacetStore::Column& c = store.column(field);
    const std::vector<std::uint32_t>& counts = set_counts.of(field);
    struct Scored {
        double score;
        std::uint32_t id;
    };
    std::vector<Scored> scored;
    for (std::uint32_t id = 0; id < c.size; ++id) {
        if (counts[id] < request.min_count || counts[id] == 0) continue;
        double score = related_score(counts[id], c.counts[id], n, store.doc_count());
        if (score <= 0) continue;
        if (!skip.empty() && skip.count(std::string(c.lowered(id)))) continue;
        scored.push_back({score, id});
    }
    // As rank_related: by score, then count, then the lower-cased value (the id order).
    auto better = [&](const Scored& a, const Scored& b) {
        if (a.score != b.score) return a.score > b.score;
        if (counts[a.id] != counts[b.id]) return counts[a.id] > counts[b.id];
        return a.id < b.id;
    };
    const std::size_t shown = std::min(request.limit, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(shown), scored.end(), better);
    std::vector<RelatedValue> out;
    for (std::size_t i = 0; i < shown; ++i) {
        const std::uint32_t id = scored[i].id;
        out.push_back({std::string(c.value(id)), counts[id], c.counts[id], scored[i].score});
    }
    return out;
}

namespace {
/// The first byte of a date:auto counter's keys for bucket size @p b.
char auto_key_lead(DateBucket b) { return static_cast<char>('0' + static_cast<int>(b)); }
}  // namespace

FacetSpy::FacetSpy(std::vector<FacetRequest> requests) {
    for (auto& r : requests) {
        Xapian::valueno slot = 0;
        if (r.field == "date") slot = schema::kSlotDate;
        else if (r.field == "mentioned") slot = schema::kSlotMentioned;
        else slot = schema::find_facet_field(r.field)->slot;
        std::string lower = Xapian::Unicode::tolower(r.contains);
        std::string prefix = Xapian::Unicode::tolower(r.prefix);
        counters_.push_back({std::move(r), slot, {}, {}, std::move(lower), std::move(prefix)});
    }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    std::vector<std::pair<std::string, std::string>> keyed;  // (key, spelling), entity fields
    for (auto& c : counters_) {
        std::string packed = doc.get_value(c.slot);
        if (c.request.is_date()) {
            // date:auto counts every bucket size, keys led by the size's digit,
            // and results() keeps the one the span calls for.
            static constexpr DateBucket kSizes[] = {DateBucket::day, DateBucket::week, DateBucket::month,
                                                    DateBucket::year};
            const std::span<const DateBucket> sizes =
                c.request.automatic ? std::span<const DateBucket>(kSizes) : std::span(&c.request.bucket, 1);
            for (DateBucket size : sizes) {
                const std::string lead = c.request.automatic ? std::string(1, auto_key_lead(size)) : std::string();
                if (packed.empty()) {
                    if (c.request.field == "date") ++c.counts[lead + kUnknown];
                    continue;
                }
                // a document counts once per bucket
                std::vector<std::string> labels;
                schema::for_each_packed(packed, [&](std::string_view v) {
                    labels.push_back(lead + bucket_label(std::string(v), size));
                });
                std::sort(labels.begin(), labels.end());
                labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
                for (auto& l : labels) ++c.counts[l];
            }
            continue;
        }
        // Spellings that lower-case alike are one value (as in the facet
        // store): a document counts once per key.
        keyed.clear();
        schema::for_each_packed(packed, [&](std::string_view v) {
            std::string key = Xapian::Unicode::tolower(std::string(v));
            if (facet_value_selected(key, c.contains_lower, c.prefix_lower)) keyed.emplace_back(std::move(key), v);
        });
        std::sort(keyed.begin(), keyed.end());
        keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            if (i == 0 || keyed[i].first != keyed[i - 1].first) ++c.counts[keyed[i].first];
            ++c.spellings[keyed[i].first][keyed[i].second];
        }
    }
}

std::string FacetSpy::shown(std::size_t i, const std::string& key) const {
    const Counter& c = counters_[i];
    auto it = c.spellings.find(key);
    if (it == c.spellings.end()) return key;  // a date bucket
    const std::pair<const std::string, std::size_t>* best = nullptr;
    for (const auto& s : it->second) {
        if (!best || s.second > best->second) best = &s;  // ties: the bytewise least (map order)
    }
    return best->first;
}

FacetResults FacetSpy::results() const {
    FacetResults out;
    for (std::size_t i = 0; i < counters_.size(); ++i) {
        const Counter& c = counters_[i];
        std::vector<FacetValue> values;
        if (c.request.automatic) {
            // Keys "0<day>", "1<week>"...: the span of the days picks the size.
            auto of_size = [&](DateBucket size) {
                std::vector<FacetValue> sized;
                for (const auto& [key, n] : c.counts) {
                    if (key[0] == auto_key_lead(size)) sized.push_back({key.substr(1), n});
                }
                return sized;
            };
            values = of_size(DateBucket::day);  // chronological: "unknown" sorts after the digits
            const DateBucket size = auto_bucket_of(values);
            if (size != DateBucket::day) values = of_size(size);
        } else {
            for (const auto& [key, n] : c.counts) values.push_back({key, n});
        }
        if (c.request.is_date()) {
            // chronological; "unknown" last
            std::stable_partition(values.begin(), values.end(), [](const FacetValue& v) { return v.value != kUnknown; });
        } else {
            // by count, then key (map order)
            std::stable_sort(values.begin(), values.end(),
                             [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        }
        if (c.request.limit && values.size() > c.request.limit) values.resize(c.request.limit);
        if (!c.request.is_date()) {
            for (auto& v : values) v.value = shown(i, v.value);
        }
        out[c.request.key()] = std::move(values);
    }
    return out;
}

}  // namespace news
