/// @file facets_property_test.cc
/// @brief Randomised: facet, related and total counts of every path equal a brute-force count over the stored articles (with person merging, and after recanonicalize with an alias file).
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "common/facet_store.h"
#include "common/schema.h"
#include "common/ner/canonical.h"
#include "indexer/alias_file.h"
#include "indexer/index_writer.h"
#include "searcher/facets.h"
#include "searcher/match_set.h"
#include "searcher/options.h"
#include "searcher/parallel.h"
#include "searcher/render.h"
#include "searcher/search.h"
#include "tests/test_util.h"

namespace news {
namespace {

const std::vector<std::string> kWords = {"kilo", "lima", "oscar", "papa", "quebec", "romeo", "tango", "victor"};
// Same merge key: "Anna Berg" / "anna berg", the two Zelenskyys (merged
// unless one article names both), "Zed" / "Zedd" (one word: never merged).
const std::vector<std::string> kPeople = {"Anna Berg", "anna berg", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy",
                                          "Olaf Zeller", "Zedd", "Li Wei", "Jean-Luc Picard", "Zed", "Mary O'Neil"};
// Spellings that differ in case only ("NATO" / "Nato") are one facet value.
const std::vector<std::string> kOrgs = {"NATO", "United Nations", "Acme Corp", "Zeta Group", "Reuters Foundation", "Nato"};
const std::vector<std::string> kPlaces = {"Kyiv", "Abu Dhabi", "Geneva", "Paris", "New York", "NEW YORK"};
const std::vector<std::string> kMisc = {"Euro", "Olympics", "COVID-19", "EURO"};
const std::vector<std::string> kSources = {"Reuters", "AFP", "BBC", "", "REUTERS"};
const std::vector<std::string> kAuthors = {"Jane Doe", "John Roe", "Ann Lee"};

/// Entity values of one field as the document builder stores them (exact, once, non-empty).
std::vector<std::string> values_of(const Article& a, const std::string& field) {
    std::vector<std::string> raw;
    if (field == "person") raw = a.entities.person;
    else if (field == "org") raw = a.entities.org;
    else if (field == "place") raw = a.entities.place;
    else if (field == "misc") raw = a.entities.misc;
    else if (field == "author") raw = a.authors;
    else if (field == "source" && !a.source.empty()) raw = {a.source};
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (auto& v : raw) {
        if (!v.empty() && seen.insert(v).second) out.push_back(v);
    }
    return out;
}

/// The lower-cased keys of values_of.
std::set<std::string> keys_of(const Article& a, const std::string& field) {
    std::set<std::string> out;
    for (const auto& v : values_of(a, field)) out.insert(Xapian::Unicode::tolower(v));
    return out;
}

/// Facet values as their keys: the store shows a key's most common spelling
/// in the collection, the value slots the most common in the match set.
std::vector<FacetValue> keyed(std::vector<FacetValue> v, bool date) {
    if (!date) {
        for (auto& x : v) x.value = Xapian::Unicode::tolower(x.value);
    }
    return v;
}

std::vector<std::string> tokens(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

/// The brute-force model: the articles as written, evaluated directly.
struct Model {
    std::map<std::string, Article> articles;

    struct Query {
        std::string text;  ///< what news-search gets
        // brute-force form: kind and words
        enum Kind { all, word, both, either, but_not, phrase } kind = all;
        std::string a, b;
    };

    static bool has_word(const Article& art, const std::string& w) {
        for (const auto* text : {&art.title, &art.body}) {
            auto t = tokens(*text);
            if (std::find(t.begin(), t.end(), w) != t.end()) return true;
        }
        return false;
    }
    static bool has_phrase(const Article& art, const std::string& a, const std::string& b) {
        for (const auto* text : {&art.title, &art.body}) {
            auto t = tokens(*text);
            for (std::size_t i = 0; i + 1 < t.size(); ++i) {
                if (t[i] == a && t[i + 1] == b) return true;
            }
        }
        return false;
    }
    static bool matches(const Article& art, const Query& q) {
        switch (q.kind) {
            case Query::all: return true;
            case Query::word: return has_word(art, q.a);
            case Query::both: return has_word(art, q.a) && has_word(art, q.b);
            case Query::either: return has_word(art, q.a) || has_word(art, q.b);
            case Query::but_not: return has_word(art, q.a) && !has_word(art, q.b);
            case Query::phrase: return has_phrase(art, q.a, q.b);
        }
        return false;
    }
    static bool matches(const Article& art, const FieldFilter& f) {
        if (f.field == "date") {
            if (f.value == "unknown") return !art.date;
            if (!art.date) return false;
            std::string c = art.date->compact();
            auto dots = f.value.find("..");
            if (dots == std::string::npos) {  // YYYY-MM
                return c.substr(0, 6) == f.value.substr(0, 4) + f.value.substr(5, 2);
            }
            auto compact = [](std::string iso) {
                iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
                return iso;
            };
            return c >= compact(f.value.substr(0, dots)) && c <= compact(f.value.substr(dots + 2));
        }
        if (f.field == "mentioned") {  // YYYY-MM
            for (const auto& d : art.dates_mentioned) {
                if (d.month != 0 && fmt::format("{:04d}-{:02d}", d.year, d.month) == f.value) return true;
            }
            return false;
        }
        std::string want = Xapian::Unicode::tolower(f.value);
        for (const auto& v : values_of(art, f.field)) {
            if (Xapian::Unicode::tolower(v) == want) return true;
        }
        return false;
    }
    /// Matches the query, the filters (OR within a field, AND across; @p except left out) and no exclude.
    std::vector<const Article*> match_set(const Query& q, const std::vector<FieldFilter>& filters,
                                          const std::vector<FieldFilter>& excludes, const std::string& except) const {
        std::vector<const Article*> out;
        for (const auto& [id, art] : articles) {
            if (!matches(art, q)) continue;
            std::map<std::string, bool> field_ok;
            for (const auto& f : filters) {
                if (f.field == except) continue;
                field_ok[f.field] = field_ok[f.field] || matches(art, f);
            }
            bool ok = std::all_of(field_ok.begin(), field_ok.end(), [](const auto& kv) { return kv.second; });
            for (const auto& e : excludes) ok = ok && !matches(art, e);
            if (ok) out.push_back(&art);
        }
        return out;
    }

    static std::vector<FacetValue> facet(const std::vector<const Article*>& set, const FacetRequest& r) {
        if (r.automatic) {  // the days' span picks the bucket size
            FacetRequest days = r;
            days.automatic = false;
            days.bucket = DateBucket::day;
            days.limit = 0;
            std::vector<std::string> dated;
            for (const auto& v : facet(set, days)) {
                if (v.value != "unknown") dated.push_back(v.value);
            }
            FacetRequest chosen = r;
            chosen.automatic = false;
            chosen.bucket = dated.empty() ? DateBucket::day : auto_bucket(dated.front(), dated.back());
            return facet(set, chosen);
        }
        std::map<std::string, std::size_t> counts;
        for (const Article* a : set) {
            if (r.is_date()) {
                std::set<std::string> labels;
                if (r.field == "date") {
                    labels.insert(a->date ? bucket_label(a->date->compact(), r.bucket) : "unknown");
                } else {
                    for (const auto& d : a->dates_mentioned) labels.insert(bucket_label(d.compact(), r.bucket));
                }
                for (const auto& l : labels) ++counts[l];
            } else {
                std::string contains = Xapian::Unicode::tolower(r.contains), prefix = Xapian::Unicode::tolower(r.prefix);
                std::set<std::string> keys;  // a document counts once per key
                for (const auto& v : values_of(*a, r.field)) {
                    std::string lower = Xapian::Unicode::tolower(v);
                    if (!contains.empty() && lower.find(contains) == std::string::npos) continue;
                    if (!prefix.empty()) {  // a word of the value starts with the prefix
                        bool found = false;
                        for (std::size_t i = 0; i < lower.size(); ++i) {
                            bool start = i == 0 || (!std::isalnum(static_cast<unsigned char>(lower[i - 1])) &&
                                                    std::isalnum(static_cast<unsigned char>(lower[i])));
                            if (start && lower.compare(i, prefix.size(), prefix) == 0) found = true;
                        }
                        if (!found) continue;
                    }
                    keys.insert(lower);
                }
                for (const auto& k : keys) ++counts[k];
            }
        }
        // Entity values by lower-cased key, by count then key.
        std::vector<FacetValue> out;
        for (const auto& [v, n] : counts) out.push_back({v, n});
        if (r.is_date()) {
            std::stable_partition(out.begin(), out.end(), [](const FacetValue& v) { return v.value != "unknown"; });
        } else {
            std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        }
        if (r.limit && out.size() > r.limit) out.resize(r.limit);
        return out;
    }

    std::vector<RelatedValue> related(const std::vector<const Article*>& set, const RelatedRequest& r,
                                      const std::vector<FieldFilter>& filters) const {
        std::map<std::string, std::size_t> in_set, in_all;  // by lower-cased key
        for (const Article* a : set) {
            for (const auto& k : keys_of(*a, r.field)) ++in_set[k];
        }
        for (const auto& [id, a] : articles) {
            for (const auto& k : keys_of(a, r.field)) ++in_all[k];
        }
        std::vector<RelatedValue> out;
        for (const auto& [v, n] : in_set) {
            bool filtered = false;
            for (const auto& f : filters) {
                filtered |= f.field == r.field && Xapian::Unicode::tolower(f.value) == Xapian::Unicode::tolower(v);
            }
            if (filtered || n < r.min_count) continue;
            double score = related_score(n, in_all[v], set.size(), articles.size());
            if (score > 0) out.push_back({v, n, in_all[v], score});
        }
        std::sort(out.begin(), out.end(), [](const RelatedValue& x, const RelatedValue& y) {
            if (x.score != y.score) return x.score > y.score;
            if (x.count != y.count) return x.count > y.count;
            return x.value < y.value;
        });
        if (out.size() > r.limit) out.resize(r.limit);
        return out;
    }
};

/// The entity values the index gives found names (indexer/entity_resolver.h),
/// computed directly: stop-entities dropped, aliases first, then one person
/// value per merge key (the first spelling written), except names noted as
/// different people in one article.
struct EntityModel {
    std::map<std::string, std::string> first;                   ///< merge key -> first spelling
    std::set<std::pair<std::string, std::string>> distinct;     ///< (a, b), a < b
    std::map<std::string, std::string> person_alias;            ///< merge key -> canonical
    std::map<std::string, std::string> other_alias;             ///< lower-case name -> canonical (org)
    std::array<std::set<std::string>, 4> stops;                 ///< lower-case, per field

    static std::string lower(const std::string& s) { return Xapian::Unicode::tolower(s); }

    std::vector<std::string> resolve(std::size_t field, const std::vector<std::string>& names) {
        std::vector<std::string> kept;
        for (const auto& n : names) {
            if (!stops[field].count(lower(n)) && std::find(kept.begin(), kept.end(), n) == kept.end()) kept.push_back(n);
        }
        if (field == 0) {
            for (const auto& a : kept) {
                for (const auto& b : kept) {
                    std::string key = ner::person_merge_key(a);
                    if (a < b && key.find(' ') != std::string::npos && key == ner::person_merge_key(b)) distinct.insert({a, b});
                }
            }
        }
        std::vector<std::string> out;
        for (const auto& n : kept) {
            std::string v = n;
            if (field == 0) {
                std::string key = ner::person_merge_key(n);
                if (auto a = person_alias.find(key); a != person_alias.end()) {
                    v = a->second;
                } else if (key.find(' ') == std::string::npos) {
                    // one-word names stay as they are
                } else if (auto f = first.find(key); f == first.end()) {
                    first[key] = n;
                } else if (!distinct.count(std::minmax(f->second, n))) {
                    v = f->second;
                }
            } else if (field == 1) {
                if (auto a = other_alias.find(lower(n)); a != other_alias.end()) v = a->second;
            }
            if (stops[field].count(lower(v))) continue;
            if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
        }
        return out;
    }
    /// @p found with every field resolved.
    Article resolve(Article found) {
        auto& e = found.entities;
        e.person = resolve(0, e.person);
        e.org = resolve(1, e.org);
        e.place = resolve(2, e.place);
        e.misc = resolve(3, e.misc);
        return found;
    }
};

template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}
int roll(std::mt19937& rng, int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

std::vector<std::string> some(std::mt19937& rng, const std::vector<std::string>& pool, int max) {
    std::vector<std::string> out;
    for (int i = roll(rng, max + 1); i > 0; --i) out.push_back(pick(rng, pool));
    return out;
}

Article random_article(std::mt19937& rng, const std::string& id, const std::string& file) {
    Article a;
    a.id = id;
    a.origin_path = file;
    for (int i = 0; i < 2; ++i) a.title += (i ? " " : "") + pick(rng, kWords);
    for (int i = 0, n = 3 + roll(rng, 8); i < n; ++i) a.body += (i ? " " : "") + pick(rng, kWords);
    a.entities.person = some(rng, kPeople, 3);
    a.entities.org = some(rng, kOrgs, 2);
    a.entities.place = some(rng, kPlaces, 2);
    a.entities.misc = some(rng, kMisc, 1);
    a.source = pick(rng, kSources);
    a.authors = some(rng, kAuthors, 2);
    // Mostly three months of two years; a few from earlier years (date:auto by year).
    if (roll(rng, 5) != 0) {
        a.date = DateValue{roll(rng, 10) == 0 ? 2012 + roll(rng, 13) : 2025 + roll(rng, 2), 1 + roll(rng, 3), 1 + roll(rng, 28)};
    }
    for (int i = roll(rng, 4); i > 0; --i) {
        a.dates_mentioned.push_back(DateValue{2026, 1 + roll(rng, 3), roll(rng, 3) == 0 ? 0 : 1 + roll(rng, 28)});
    }
    std::sort(a.dates_mentioned.begin(), a.dates_mentioned.end());
    a.dates_mentioned.erase(std::unique(a.dates_mentioned.begin(), a.dates_mentioned.end()), a.dates_mentioned.end());
    return a;
}

Model::Query random_query(std::mt19937& rng) {
    Model::Query q;
    q.kind = static_cast<Model::Query::Kind>(roll(rng, 6));
    q.a = pick(rng, kWords);
    q.b = pick(rng, kWords);
    if (q.a == q.b && q.kind != Model::Query::all && q.kind != Model::Query::word) q.b = q.a == "kilo" ? "lima" : "kilo";
    switch (q.kind) {
        case Model::Query::all: q.text = ""; break;
        case Model::Query::word: q.text = q.a; break;
        case Model::Query::both: q.text = q.a + " " + q.b; break;
        case Model::Query::either: q.text = q.a + " OR " + q.b; break;
        case Model::Query::but_not: q.text = q.a + " NOT " + q.b; break;
        case Model::Query::phrase: q.text = "\"" + q.a + " " + q.b + "\""; break;
    }
    return q;
}

FieldFilter random_filter(std::mt19937& rng) {
    switch (roll(rng, 8)) {
        case 0: return {"person", Xapian::Unicode::tolower(pick(rng, kPeople))};
        case 1: return {"person", pick(rng, kPeople)};
        case 2: return {"org", pick(rng, kOrgs)};
        case 3: return {"place", pick(rng, kPlaces)};
        case 4: return {"source", pick(rng, std::vector<std::string>{"Reuters", "afp", "BBC"})};
        case 5: {
            int m = 1 + roll(rng, 3);
            return {"date", roll(rng, 4) == 0 ? std::string("unknown")
                            : roll(rng, 2) ? fmt::format("2026-{:02d}", m)
                                           : fmt::format("2025-{:02d}-10..2026-{:02d}-20", m, m)};
        }
        case 6: return {"mentioned", fmt::format("2026-{:02d}", 1 + roll(rng, 3))};
        default: return {"author", pick(rng, kAuthors)};
    }
}

FacetRequest random_facet(std::mt19937& rng) {
    static const std::vector<std::string> kSpecs = {
        "person",    "person:3", "org", "place:2", "misc", "source", "author", "date:day",
        "date:week", "date:month", "date:year", "mentioned:month", "mentioned:week", "mentioned:day", "date:month:2",
        "date:auto", "mentioned:auto", "date:auto:3"};
    FacetRequest r = parse_facet_request(pick(rng, kSpecs));
    if (!r.is_date() && roll(rng, 4) == 0) r.prefix = pick(rng, std::vector<std::string>{"ze", "ZEL", "an", "pic", "n", "neil", "li"});
    if (!r.is_date() && roll(rng, 6) == 0) r.contains = pick(rng, std::vector<std::string>{"e", "berg", "o"});
    return r;
}

std::string describe(const std::vector<FacetValue>& v) {
    std::string s;
    for (const auto& x : v) s += fmt::format("{}={} ", x.value, x.count);
    return s;
}

class FacetsProperty : public ::testing::TestWithParam<unsigned> {
protected:
    void check_queries(Searcher& searcher, const Model& model, std::mt19937& rng, int rounds, bool store_expected) {
        for (int round = 0; round < rounds; ++round) {
            Model::Query q = random_query(rng);
            SearchRequest req;
            req.query = q.text;
            // Hits too, paged now and then: the store's ranking must equal Enquire's.
            req.limit = static_cast<std::size_t>(roll(rng, 3) == 0 ? 0 : 1 + roll(rng, 12));
            req.offset = static_cast<std::size_t>(roll(rng, 4) == 0 ? roll(rng, 6) : 0);
            for (int i = roll(rng, 4); i > 0; --i) req.filters.push_back(random_filter(rng));
            for (int i = roll(rng, 3) == 0 ? 1 : 0; i > 0; --i) req.excludes.push_back(random_filter(rng));
            for (int i = 1 + roll(rng, 4); i > 0; --i) req.facets.push_back(random_facet(rng));
            if (roll(rng, 2)) {
                RelatedRequest rr = parse_related_request(pick(rng, std::vector<std::string>{"person", "org:2", "place"}));
                rr.min_count = static_cast<std::size_t>(1 + roll(rng, 2));
                req.related.push_back(rr);
            }
            // remove duplicate facet keys (the response is keyed by them)
            std::set<std::string> keys;
            std::erase_if(req.facets, [&](const FacetRequest& f) { return !keys.insert(f.key()).second; });

            auto main = model.match_set(q, req.filters, req.excludes, "");
            std::optional<std::string> first_hits;  // every counting path ranks the same hits
            // One thread, and every match set and count split over two threads (min_work 1).
            const std::vector<Parallelism> parallel = {{.threads = 1}, {.threads = 2, .min_work = 1}};
            for (auto [method, split] : {std::pair{FacetMethod::automatic, 0}, {FacetMethod::automatic, 1},
                                         {FacetMethod::store_enquire, 0}, {FacetMethod::store_enquire, 1},
                                         {FacetMethod::value_slots, 0}}) {
                req.facet_method = method;
                searcher.set_parallelism(parallel[static_cast<std::size_t>(split)]);
                SearchResponse r = searcher.search(req);
                std::string where = fmt::format("query '{}' round {} method {} split {}", q.text, round,
                                                static_cast<int>(method), split);
                for (const auto& f : req.filters) where += fmt::format(" filter {}:{}", f.field, f.value);
                for (const auto& f : req.excludes) where += fmt::format(" exclude {}:{}", f.field, f.value);
                std::string hits;
                for (const auto& h : r.hits) hits += fmt::format("{}:{:.6f} ", h.article.id, h.score);
                if (!first_hits) first_hits = hits;
                EXPECT_EQ(hits, *first_hits) << where;
                EXPECT_EQ(r.hits.size(), std::min<std::size_t>(req.limit, main.size() - std::min(req.offset, main.size())))
                    << where;
                // The store ranks whenever it counts and hits are asked for, but
                // for the empty query (every article: Enquire stops after the hits shown).
                EXPECT_EQ(r.rank_method, method == FacetMethod::automatic && store_expected && req.limit > 0 &&
                                                 q.kind != Model::Query::all
                                             ? RankMethod::store
                                             : RankMethod::enquire)
                    << where;
                EXPECT_EQ(r.total, main.size()) << where;
                EXPECT_TRUE(r.total_exact) << where;
                FacetMethod expect = FacetMethod::value_slots;
                if (store_expected && method != FacetMethod::value_slots) {
                    // A phrase's matches come from the ranker's pass, but not a
                    // faceted field's set without its own filter.
                    const bool own_field_faceted =
                        std::any_of(req.facets.begin(), req.facets.end(), [&](const FacetRequest& f) {
                            return std::any_of(req.filters.begin(), req.filters.end(),
                                               [&](const FieldFilter& x) { return x.field == f.field; });
                        });
                    expect = method == FacetMethod::store_enquire ||
                                     (q.kind == Model::Query::phrase && own_field_faceted)
                                 ? FacetMethod::store_enquire
                                 : FacetMethod::store_postings;
                }
                EXPECT_EQ(r.facet_method, expect) << where;
                for (const auto& f : req.facets) {
                    bool own = std::any_of(req.filters.begin(), req.filters.end(),
                                           [&](const FieldFilter& x) { return x.field == f.field; });
                    auto set = own ? model.match_set(q, req.filters, req.excludes, f.field) : main;
                    auto want = Model::facet(set, f);
                    const auto& got = r.facets[f.key()];
                    EXPECT_EQ(describe(keyed(got, f.is_date())), describe(want))
                        << where << " facet " << f.key() << " prefix '" << f.prefix << "' contains '" << f.contains << "'";
                }
                for (const auto& rr : req.related) {
                    auto want = model.related(main, rr, req.filters);
                    const auto& got = r.related[rr.field];
                    ASSERT_EQ(got.size(), want.size()) << where << " related " << rr.field;
                    for (std::size_t i = 0; i < got.size(); ++i) {
                        EXPECT_EQ(Xapian::Unicode::tolower(got[i].value), want[i].value) << where;
                        EXPECT_EQ(got[i].count, want[i].count) << where;
                        EXPECT_EQ(got[i].collection_count, want[i].collection_count) << where;
                        EXPECT_DOUBLE_EQ(got[i].score, want[i].score) << where;
                    }
                }
            }
            // The hits alone (no counting): the store ranks words and boolean
            // queries, Enquire phrases; the hits are the same either way.
            SearchRequest plain = req;
            plain.facets.clear();
            plain.related.clear();
            plain.facet_method = FacetMethod::automatic;
            searcher.set_parallelism(parallel[static_cast<std::size_t>(roll(rng, 2))]);
            SearchResponse by_store = searcher.search(plain);
            plain.rank_method = RankMethod::enquire;
            SearchResponse by_enquire = searcher.search(plain);
            std::string where = fmt::format("query '{}' round {} hits alone", q.text, round);
            auto hits_of = [](const SearchResponse& r) {
                std::string out;
                for (const auto& h : r.hits) out += fmt::format("{}:{:.6f} ", h.article.id, h.score);
                return out;
            };
            EXPECT_EQ(hits_of(by_store), hits_of(by_enquire)) << where;
            EXPECT_EQ(hits_of(by_store), *first_hits) << where;
            const bool store_ranks = store_expected && plain.limit > 0 && q.kind != Model::Query::all &&
                                     q.kind != Model::Query::phrase;
            EXPECT_EQ(by_store.rank_method, store_ranks ? RankMethod::store : RankMethod::enquire) << where;
            if (store_ranks) {  // every match recorded: the total is exact
                EXPECT_EQ(by_store.total, main.size()) << where;
                EXPECT_TRUE(by_store.total_exact) << where;
            }
        }
    }
};

TEST_P(FacetsProperty, EveryPathEqualsBruteForceThroughUpdatesAndDeletes) {
    testing::TempDir dir;
    std::string db = (dir / "db").string();
    std::mt19937 rng(GetParam());
    Model model;
    EntityModel entities;
    std::map<std::string, Article> found;  ///< the articles as put, before their values were resolved
    auto put = [&](IndexWriter& writer, const Article& a) {
        (void)writer.put(a);
        found[a.id] = a;
        model.articles[a.id] = entities.resolve(a);
    };
    const std::vector<std::string> files = {"/in/a.jsonl", "/in/b.jsonl", "/in/c.jsonl"};
    {
        IndexWriter writer({.path = db, .batch_size = 100000, .spelling = false});
        for (int i = 0; i < 240; ++i) {
            Article a = random_article(rng, fmt::format("art{}", i), files[static_cast<std::size_t>(i % 3)]);
            put(writer, a);
        }
        writer.commit();
    }
    EXPECT_TRUE(std::filesystem::exists(facet_store_path(db)));
    Searcher searcher(db);
    check_queries(searcher, model, rng, 40, true);

    // Updates, new articles and deletes in one run, several commits.
    {
        IndexWriter writer({.path = db, .batch_size = 100000, .spelling = false});
        for (int i = 0; i < 60; ++i) {
            std::string id = fmt::format("art{}", roll(rng, 300));
            Article a = random_article(rng, id, files[static_cast<std::size_t>(roll(rng, 3))]);
            if (model.articles.count(id)) a.origin_path = model.articles[id].origin_path;
            put(writer, a);
            if (i == 30) writer.commit();
        }
        for (int i = 0; i < 15; ++i) {
            std::string id = fmt::format("art{}", roll(rng, 300));
            EXPECT_EQ(writer.remove_article(id), model.articles.erase(id) == 1);
        }
        // a.jsonl now keeps only the articles whose number ends in 0.
        std::set<std::string> kept;
        for (auto it = model.articles.begin(); it != model.articles.end();) {
            if (it->second.origin_path != files[0]) {
                ++it;
                continue;
            }
            if (it->first.back() == '0') {
                kept.insert(schema::id_term(it->first));
                ++it;
            } else {
                it = model.articles.erase(it);
            }
        }
        (void)writer.remove_stale(files[0], kept);
        writer.commit();
    }
    check_queries(searcher, model, rng, 40, true);

    // A change behind the store's back (no IndexWriter): the stamp no longer
    // matches, so every method falls back to the value slots, still exact.
    {
        Xapian::WritableDatabase raw(db, Xapian::DB_OPEN);
        auto id = model.articles.begin()->first;
        raw.delete_document(schema::id_term(id));
        raw.commit();
        model.articles.erase(id);
    }
    check_queries(searcher, model, rng, 15, false);

    // The next IndexWriter commit brings the store back.
    {
        IndexWriter writer({.path = db, .batch_size = 100000, .spelling = false});
        Article a = random_article(rng, "late", files[1]);
        put(writer, a);
        writer.commit();
    }
    check_queries(searcher, model, rng, 15, true);

    // An alias file, applied to every document by recanonicalize (several
    // commits): values, terms, slots and the facet store follow.
    {
        AliasFileResult parsed = parse_alias_text("person: Li Wei => Wei Li\n"
                                                  "person: Zed => Zed Zeller\n"
                                                  "org: NATO => North Atlantic Treaty Organization\n"
                                                  "stop org: Acme Corp\n"
                                                  "stop: Euro\n",
                                                  "aliases.txt");
        ASSERT_TRUE(parsed.diagnostics.empty());
        IndexWriter writer({.path = db, .batch_size = 25, .spelling = false, .aliases = parsed.table});
        RecanonicalizeSummary summary = writer.recanonicalize();
        EXPECT_EQ(summary.documents, model.articles.size());
        EXPECT_GT(summary.updated, 0u);
        entities.person_alias = {{ner::person_merge_key("Li Wei"), "Wei Li"},
                                 {ner::person_merge_key("Wei Li"), "Wei Li"},
                                 {ner::person_merge_key("Zed"), "Zed Zeller"},
                                 {ner::person_merge_key("Zed Zeller"), "Zed Zeller"}};
        entities.other_alias = {{"nato", "North Atlantic Treaty Organization"},
                                {"north atlantic treaty organization", "North Atlantic Treaty Organization"}};
        entities.stops = {std::set<std::string>{"euro"}, {"euro", "acme corp"}, {"euro"}, {"euro"}};
        for (auto& [id, article] : model.articles) article = entities.resolve(found.at(id));
    }
    check_queries(searcher, model, rng, 30, true);
    // The persons facet over everything names the aliases' canonical names.
    SearchRequest all;
    all.facets.push_back(parse_facet_request("person:50"));
    auto people = searcher.search(all).facets["person"];
    EXPECT_TRUE(std::none_of(people.begin(), people.end(), [](const FacetValue& v) { return v.value == "Li Wei"; }));
}

INSTANTIATE_TEST_SUITE_P(Seeds, FacetsProperty, ::testing::Values(1u, 2u, 3u));

TEST(FacetsTimeline, CountsOneEntityPerBucket) {
    testing::TempDir dir;
    std::string db = (dir / "db").string();
    {
        IndexWriter writer({.path = db, .spelling = false});
        int day = 1;
        for (const char* who : {"Anna Berg", "Anna Berg", "Li Wei", "Anna Berg"}) {
            Article a;
            a.id = fmt::format("t{}", day);
            a.title = "kilo";
            a.origin_path = "/in/t.jsonl";
            a.entities.person = {who};
            a.date = DateValue{2026, 1 + day / 3, day};
            day += 1;
            (void)writer.put(a);
        }
        Article undated;
        undated.id = "undated";
        undated.title = "kilo";
        undated.origin_path = "/in/t.jsonl";
        undated.entities.person = {"anna berg"};
        (void)writer.put(undated);
        writer.commit();
    }
    Searcher searcher(db);
    auto t = searcher.timeline("person", "Anna Berg", DateBucket::month);
    ASSERT_EQ(describe(t), "2026-01=2 2026-02=1 unknown=1 ");
    EXPECT_THROW((void)searcher.timeline("date", "2026", DateBucket::month), QueryError);
}

// Regression: "American" and "AMERICAN" (an all-capitals article) were two
// facet values, while a filter on either (one lower-cased term) found the
// articles of both, so a value's count was not what clicking it gave.
TEST(FacetsCase, SpellingsThatLowerCaseAlikeAreOneValueOnEveryPath) {
    testing::TempDir dir;
    std::string db = (dir / "db").string();
    {
        IndexWriter writer({.path = db, .spelling = false});
        const std::vector<std::vector<std::string>> misc = {
            {"American"}, {"American", "AMERICAN"}, {"AMERICAN"}, {"American"}, {"Canadian"}, {"Nato", "NATO"}};
        for (std::size_t i = 0; i < misc.size(); ++i) {
            Article a;
            a.id = fmt::format("c{}", i);
            a.title = "kilo";
            a.origin_path = "/in/c.jsonl";
            a.entities.misc = misc[i];
            (void)writer.put(a);
        }
        writer.commit();
    }
    Searcher searcher(db);
    for (FacetMethod method : {FacetMethod::automatic, FacetMethod::value_slots}) {
        SearchRequest req;
        req.query = "kilo";
        req.facet_method = method;
        req.facets.push_back(parse_facet_request("misc"));
        req.related.push_back(RelatedRequest{.field = "misc", .limit = 10, .min_count = 1});
        SearchResponse all = searcher.search(req);
        EXPECT_EQ(all.facet_method == FacetMethod::value_slots, method == FacetMethod::value_slots);
        // Shown as the spelling most articles have; a tie goes to the bytewise least.
        EXPECT_EQ(describe(all.facets["misc"]), "American=4 Canadian=1 NATO=1 ") << static_cast<int>(method);

        req.filters.push_back({"misc", "AMERICAN"});
        req.facets.push_back(parse_facet_request("source"));  // counted without the misc filter's own field
        SearchResponse filtered = searcher.search(req);
        EXPECT_EQ(filtered.total, 4u) << "the count the facet showed";
        EXPECT_EQ(describe(filtered.facets["misc"]), "American=4 Canadian=1 NATO=1 ");
    }
}

TEST(FacetsRelated, ScoreIsDunningLogLikelihood) {
    // a=30 of n=100 matching, b=60 of N=1000: hand-computed G2.
    double expected = 2 * (30 * std::log(30 / 6.0) + 70 * std::log(70 / 94.0) + 30 * std::log(30 / 54.0) +
                           870 * std::log(870 / 846.0));
    EXPECT_NEAR(related_score(30, 60, 100, 1000), expected, 1e-9);
    EXPECT_EQ(related_score(6, 60, 100, 1000), 0.0);  // exactly as expected: not over-represented
    EXPECT_EQ(related_score(2, 60, 100, 1000), 0.0);  // under-represented
    EXPECT_THROW((void)parse_related_request("date"), QueryError);
    EXPECT_THROW((void)parse_related_request("person:0"), QueryError);
    EXPECT_EQ(parse_related_request("org:7").limit, 7u);
}

TEST(FacetsCli, PrefixAndRelatedOptionsReachTheRequestAndTheJson) {
    const char* argv[] = {"news-search", "--facet", "person:5", "--facet", "date:month", "--facet-prefix", "Zel",
                          "--related", "person:4", "--related", "org", "--related-min-count", "2", "NATO"};
    SearchCommandLine cl = parse_search_command_line(static_cast<int>(std::size(argv)), argv);
    ASSERT_EQ(cl.request.facets.size(), 2u);
    EXPECT_EQ(cl.request.facets[0].prefix, "Zel");
    ASSERT_EQ(cl.request.related.size(), 2u);
    EXPECT_EQ(cl.request.related[0].field, "person");
    EXPECT_EQ(cl.request.related[0].limit, 4u);
    EXPECT_EQ(cl.request.related[1].limit, 10u);
    EXPECT_EQ(cl.request.related[1].min_count, 2u);
    const char* bad[] = {"news-search", "--related", "date:month"};
    EXPECT_THROW((void)parse_search_command_line(3, bad), QueryError);

    SearchResponse r;
    r.related["person"] = {RelatedValue{"Jens Stoltenberg", 4, 5, 21.5}};
    nlohmann::json j = response_json(r);
    EXPECT_EQ(j["related"]["person"][0]["value"], "Jens Stoltenberg");
    EXPECT_EQ(j["related"]["person"][0]["count"], 4);
    EXPECT_EQ(j["related"]["person"][0]["collection_count"], 5);
    EXPECT_EQ(j["related"]["person"][0]["score"], 21.5);
}

/// Adds a document with the given places to @p db and commits.
Xapian::docid add_places(Xapian::WritableDatabase& db, const std::vector<std::string>& places) {
    Xapian::Document doc;
    doc.add_value(store_field_slot(store_field_index("place")), schema::pack_values(places));
    Xapian::docid id = db.add_document(doc);
    db.commit();
    return id;
}

/// The place counts of the store on disk, or "stale" when it does not match @p db.
std::string store_places(const std::string& path, const Xapian::Database& db) {
    auto store = FacetStore::open(path, db);
    if (!store) return "stale";
    const FacetStore::Column& c = store->column(store_field_index("place"));
    std::string out;
    for (std::uint32_t id = 0; id < c.size; ++id) out += fmt::format("{}={} ", c.value(id), c.counts[id]);
    return out;
}

/// A new database and where its store goes, for the builder's tests.
class FacetStoreBuilderTest : public ::testing::Test {
protected:
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    Xapian::WritableDatabase db{path, Xapian::DB_CREATE_OR_OPEN};
};

TEST_F(FacetStoreBuilderTest, AmortisedSyncsSkipWritesUntilTheirCostIsPaidForAndAlwaysCatchesUp) {
    // A ratio no test run can reach: after the first write, amortised syncs never write.
    FacetStoreBuilder builder(path, db, 1e12);
    builder.touched(add_places(db, {"Oslo"}));
    // The first write of a run is always due; it runs on the builder's thread.
    EXPECT_FALSE(builder.sync(db, StoreWrite::amortised));
    EXPECT_EQ(builder.wait(), db.get_revision());
    EXPECT_EQ(store_places(path, db), "Oslo=1 ");

    const Xapian::rev written = db.get_revision();
    builder.touched(add_places(db, {"Oslo", "Rome"}));
    EXPECT_FALSE(builder.sync(db, StoreWrite::amortised));
    EXPECT_EQ(builder.wait(), written);  // none started
    EXPECT_EQ(store_places(path, db), "stale");  // searchers count through the value slots meanwhile
    Xapian::docid gone = add_places(db, {"Rome"});
    builder.touched(gone);
    db.delete_document(gone);
    db.commit();
    builder.removed(gone);
    EXPECT_FALSE(builder.sync(db, StoreWrite::amortised));

    // The skipped commits' documents were taken in: one write catches up.
    EXPECT_TRUE(builder.sync(db, StoreWrite::always));
    EXPECT_EQ(store_places(path, db), "Oslo=2 Rome=1 ");
    EXPECT_TRUE(builder.sync(db, StoreWrite::amortised));  // nothing new since: already current
}

TEST_F(FacetStoreBuilderTest, ARatioOfZeroWritesAtEveryCommit) {
    FacetStoreBuilder builder(path, db, 0.0);
    for (int i = 1; i <= 3; ++i) {
        builder.touched(add_places(db, {"Oslo"}));
        EXPECT_FALSE(builder.sync(db, StoreWrite::amortised));  // started, not yet on disk
        EXPECT_EQ(builder.wait(), db.get_revision());
        EXPECT_EQ(store_places(path, db), fmt::format("Oslo={} ", i));
        EXPECT_TRUE(builder.sync(db, StoreWrite::amortised));  // nothing new since: already current
    }
}

TEST_F(FacetStoreBuilderTest, ABackgroundWriteThatFailsIsReportedOnceByTheNextSyncOrWait) {
    using namespace std::chrono_literals;
    FacetStoreBuilder builder(path, db, 0.0);
    builder.touched(add_places(db, {"Oslo"}));
    ASSERT_TRUE(builder.sync(db, StoreWrite::always));
    // A directory where a write's temporary file goes: writes fail (a
    // permission would not stop root).
    const std::string blocker = facet_store_path(path) + ".tmp";
    std::filesystem::create_directories(blocker);

    builder.touched(add_places(db, {"Rome"}));
    EXPECT_FALSE(builder.sync(db, StoreWrite::amortised));  // starts a write that fails
    try {
        (void)builder.wait();
        ADD_FAILURE() << "the failed write was not reported";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot write the facet store: Is a directory"), std::string::npos)
            << "the reason is given: " << e.what();
    }
    EXPECT_EQ(builder.wait(), std::optional<Xapian::rev>(db.get_revision() - 1));  // reported once

    // Without waiting: a sync after the failed write ends reports it (rather
    // than starting the next write, which would fail as well, in silence).
    EXPECT_FALSE(builder.sync(db, StoreWrite::amortised));
    bool reported = false;
    for (int i = 0; i < 5000 && !reported; ++i) {
        try {
            (void)builder.sync(db, StoreWrite::amortised);
            std::this_thread::sleep_for(1ms);
        } catch (const std::runtime_error&) {
            reported = true;
        }
    }
    EXPECT_TRUE(reported);
    EXPECT_EQ(store_places(path, db), "stale");  // the store on disk kept its older stamp

    std::filesystem::remove(blocker);
    EXPECT_TRUE(builder.sync(db, StoreWrite::always));
    EXPECT_EQ(store_places(path, db), "Oslo=1 Rome=1 ");
}

/// A write that fails halfway (here a file size limit, as a full disk would)
/// says why and leaves no partial temporary file taking space.
TEST_F(FacetStoreBuilderTest, AWriteThatFailsHalfwaySaysWhyAndLeavesNoPartialFile) {
    FacetStoreBuilder builder(path, db, 0.0);
    builder.touched(add_places(db, {"Oslo"}));
    ASSERT_TRUE(builder.sync(db, StoreWrite::always));
    const auto store_size = std::filesystem::file_size(facet_store_path(path));
    builder.touched(add_places(db, {"Rome", "Paris", "Lima"}));  // the database written before the limit

    struct rlimit old {};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    struct rlimit limited = old;
    limited.rlim_cur = store_size / 2;  // the write stops halfway with EFBIG
    auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
    std::string message;
    try {
        (void)builder.sync(db, StoreWrite::always);
    } catch (const std::runtime_error& e) {
        message = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);

    EXPECT_NE(message.find("cannot write the facet store: File too large"), std::string::npos) << message;
    EXPECT_FALSE(std::filesystem::exists(facet_store_path(path) + ".tmp"));
    EXPECT_EQ(store_places(path, db), "stale");  // the store kept its older stamp
    EXPECT_TRUE(builder.sync(db, StoreWrite::always));
    EXPECT_EQ(store_places(path, db), "Lima=1 Oslo=1 Paris=1 Rome=1 ");
}

TEST_F(FacetStoreBuilderTest, WritesStartedByManyCommitsEndWithTheLastRevision) {
    FacetStoreBuilder builder(path, db, 0.0);
    int behind = 0;
    for (int i = 0; i < 60; ++i) {
        builder.touched(add_places(db, {i % 2 ? "Oslo" : "Rome"}));
        // Each sync starts a write when the last has ended, and none waits for one.
        if (!builder.sync(db, StoreWrite::amortised)) ++behind;
    }
    EXPECT_EQ(behind, 60);
    EXPECT_TRUE(builder.sync(db, StoreWrite::always));
    EXPECT_EQ(builder.wait(), db.get_revision());
    EXPECT_EQ(store_places(path, db), "Oslo=30 Rome=30 ");
}

TEST(IndexWriterFacetStore, TheLastCommitOfARunLeavesTheStoreCurrentWhateverTheBatches) {
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    {
        IndexWriter writer({.path = path, .batch_size = 3, .spelling = false});
        for (int i = 0; i < 40; ++i) {
            Article a;
            a.id = fmt::format("a{}", i);
            a.title = "kilo";
            a.origin_path = "/in/a.jsonl";
            a.entities.place = {i % 2 ? "Oslo" : "Rome"};
            writer.put(a);
            writer.maybe_commit();
        }
        writer.commit();
    }
    Xapian::Database db(path);
    EXPECT_EQ(store_places(path, db), "Oslo=20 Rome=20 ");
}

/// count_values takes a document's values four or eight at a time, or one by
/// one where no document holds more than one, and walks the documents left out
/// when the set holds more than half: every way must give the counts read one
/// document at a time, whatever the number of values a document holds (0 to 20
/// here, the most on the last document) and however the set is split.
TEST(FacetCounting, CountValuesEqualsEachDocumentsValuesOneByOne) {
    const std::vector<std::string> kFirst = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro"};
    const std::vector<std::string> kSurnames = {"Abbott", "Brandt",  "Costa",    "Dubois",   "Eriksen", "Fischer", "Garcia",
                                                "Haddad", "Ivanova", "Jensen",   "Kowalski", "Lindqvist", "Moreau", "Novak",
                                                "Okafor", "Petrov",  "Quinn",    "Rossi",    "Silva",   "Tanaka",  "Ueda"};
    // Enough documents for the counts to be split over two threads (a split
    // needs twice as many documents walked as values counted).
    constexpr int kArticles = 1600;
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    std::mt19937 rng(7);
    {
        IndexWriter writer({.path = path, .spelling = false});
        for (int i = 0; i < kArticles; ++i) {
            Article a;
            a.id = fmt::format("a{}", i);
            a.title = "kilo";
            a.origin_path = "/in/a.jsonl";
            // Persons: 0-20 a document (more than three on average: eight at a
            // time); organisations: 0-4 (four at a time); places: 0 or 1.
            // The column ends with documents of 20, 0 and 7 persons (0 and 3
            // organisations): a document without values takes a turn reading
            // four or eight entries from where the next document's start.
            const int people = i == kArticles - 3   ? 20
                               : i == kArticles - 2 ? 0
                               : i == kArticles - 1 ? 7
                               : roll(rng, 3) == 0 ? roll(rng, 21)
                                                   : roll(rng, 6);
            for (int k = 0; k < people; ++k) {  // distinct surnames: names that never merge
                a.entities.person.push_back(pick(rng, kFirst) + " " + kSurnames[static_cast<std::size_t>(k)]);
            }
            if (i == kArticles - 1) a.entities.org = {"NATO", "United Nations", "Acme Corp"};
            for (int k = i >= kArticles - 2 ? 0 : roll(rng, 5); k > 0; --k) a.entities.org.push_back(pick(rng, kOrgs));
            if (roll(rng, 2)) a.entities.place = {pick(rng, kPlaces)};
            a.source = "Reuters";
            writer.put(a);
        }
        writer.commit();
    }
    {
        Xapian::WritableDatabase w(path);
        for (Xapian::docid d = 5; d < kArticles; d += 37) w.delete_document(d);
        w.commit();
    }
    {
        IndexWriter writer({.path = path, .spelling = false});  // brings the store up to date
        writer.commit();
    }
    Xapian::Database db(path);
    auto store = FacetStore::open(path, db);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->verify_all());  // notes the most values a document holds
    const Xapian::docid limit = store->docid_limit();
    auto entries = [&](const char* field) { return store->column(store_field_index(field)).offsets[limit]; };
    ASSERT_GT(entries("person"), 3 * limit);  // each of the three ways is taken
    ASSERT_GT(entries("org"), limit);
    ASSERT_LE(entries("org"), 3 * limit);
    ASSERT_LE(store->column(store_field_index("place")).most, 1u);
    for (auto [field, last] : {std::pair{"person", 7u}, std::pair{"org", 3u}}) {
        const FacetStore::Column& c = store->column(store_field_index(field));
        ASSERT_EQ(c.of(limit - 1).size(), last) << field;
        ASSERT_EQ(c.of(limit - 2).size(), 0u) << field;
    }
    ASSERT_EQ(store->column(store_field_index("person")).of(limit - 3).size(), 20u);

    HelperThread helper;
    const std::vector<Parallelism> ways = {{.threads = 1}, {.threads = 2, .min_work = 1, .helper = &helper}};
    std::vector<Xapian::docid> live;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) live.push_back(*it);
    for (double density : {0.0, 0.05, 0.3, 0.5, 0.7, 0.97, 1.0}) {
        DocSet set(limit);
        std::bernoulli_distribution in(density);
        for (Xapian::docid d : live) {
            if (in(rng)) set.insert(d);
        }
        const std::vector<const char*> names = {"person", "org", "place", "source", "misc"};
        std::vector<std::size_t> fields;
        std::vector<std::vector<std::uint32_t>> expected;
        for (const char* field : names) {
            fields.push_back(store_field_index(field));
            const FacetStore::Column& c = store->column(fields.back());
            expected.emplace_back(c.size, 0);
            set.for_each([&](Xapian::docid d) {
                for (std::uint32_t id : c.of(d)) ++expected.back()[id];
            });
        }
        for (const Parallelism& way : ways) {
            const std::string where = fmt::format("density {}, threads {}", density, way.threads);
            for (std::size_t k = 0; k < fields.size(); ++k) {  // one field at a time
                EXPECT_EQ(count_values(*store, fields[k], set, way), expected[k]) << names[k] << ", " << where;
            }
            EXPECT_EQ(count_values(*store, fields, set, way), expected) << "all in one walk, " << where;
        }
    }
}

/// open() checks only the store's layout; a column's values are checked when
/// a search first counts it (FacetStore::verify). A store damaged on disk must
/// never be read past its bounds (ASan) and every search must answer as the
/// value slots do: the damaged column is counted through them, a date range over
/// a damaged date column is matched by Enquire, and sound columns still count.
TEST(FacetStoreDamage, ADamagedColumnIsNeverReadAndSearchesAnswerAsTheValueSlotsDo) {
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    std::mt19937 rng(11);
    {
        IndexWriter writer({.path = path, .spelling = false});
        for (int i = 0; i < 61; ++i) {  // docids 1-61: the limit, 62, is not a multiple of 64
            Article a = random_article(rng, fmt::format("art{}", i), "/in/a.jsonl");
            a.entities.person.push_back("Olaf Zeller");  // every column has values near its start
            a.entities.org.push_back("NATO");
            if (!a.date) a.date = DateValue{2025, 2, 3};
            writer.put(a);
        }
        writer.commit();
    }
    const std::string store_path = facet_store_path(path);
    std::string pristine;
    {
        std::ifstream in(store_path, std::ios::binary);
        pristine.assign(std::istreambuf_iterator<char>(in), {});
    }
    // Each query with facets and related values, and for the hits alone (the
    // searcher's own ranking then reads the date column for a date range).
    auto request = [](const std::string& query) {
        const bool hits_alone = query.starts_with("hits: ");
        SearchRequest r{.query = hits_alone ? query.substr(6) : query, .limit = 5};
        if (hits_alone) return r;
        for (const char* f : {"person", "org", "place", "date:month", "mentioned:month"}) {
            r.facets.push_back(parse_facet_request(f));
        }
        r.related.push_back(parse_related_request("person"));
        return r;
    };
    std::vector<std::string> queries;
    for (const char* q : {"kilo", "", "lima OR papa", "kilo date:2025-01..2025-12", "date:2025-02-01..2026-12-31"}) {
        queries.push_back(q);
        queries.push_back(std::string("hits: ") + q);
    }
    auto answer = [&](const SearchRequest& r) {
        Searcher searcher(path);
        SearchResponse resp = searcher.search(r);
        std::ostringstream out;
        if (!r.facets.empty()) out << resp.total << " |";  // exact when counting (else Enquire's may be an estimate)
        for (const auto& h : resp.hits) out << " " << h.article.id << ":" << h.score;
        for (const auto& [key, values] : resp.facets) {
            out << " | " << key;
            for (const auto& v : values) out << " " << v.value << "=" << v.count;
        }
        for (const auto& [key, values] : resp.related) {
            out << " | related " << key;
            for (const auto& v : values) out << " " << v.value << "=" << v.count;
        }
        return out.str();
    };
    std::map<std::string, std::string> expected;  // by the value slots and Enquire
    for (const auto& q : queries) {
        SearchRequest r = request(q);
        r.facet_method = FacetMethod::value_slots;
        r.rank_method = RankMethod::enquire;
        expected[q] = answer(r);
    }

    // Each damage: which byte of the pristine store becomes what, and whether
    // open() must refuse the store outright.
    struct Damage {
        std::string what;
        std::function<void(const FacetStore&, std::string&)> apply;
        std::vector<const char*> unsound;  ///< columns verify() must reject
        bool refused = false;
    };
    auto put32 = [](std::string& bytes, std::size_t at, std::uint32_t v) { std::memcpy(&bytes[at], &v, 4); };
    const std::vector<Damage> damages = {
        {"a person id past the dictionary",
         [&](const FacetStore& s, std::string& b) {
             const auto& c = s.column(store_field_index("person"));
             put32(b, s.offset_in_file(c.ids + c.offsets[1]), 0xFFFFFF00u);
         },
         {"person"}},
        {"organisation offsets that fall",
         [&](const FacetStore& s, std::string& b) {
             const auto& c = s.column(store_field_index("org"));
             put32(b, s.offset_in_file(c.offsets + 2), c.offsets[3] + 5);
         },
         {"org"}},
        {"a publication date id past the dictionary",
         [&](const FacetStore& s, std::string& b) {
             const auto& c = s.column(store_field_index("date"));
             put32(b, s.offset_in_file(c.ids + c.offsets[3]), c.size + 7);
         },
         {"date"}},
        {"a live document past the limit",
         [&](const FacetStore& s, std::string& b) {
             const std::uint64_t* w = s.live() + s.docid_limit() / 64;
             std::uint64_t v = *w | std::uint64_t{1} << 63;
             std::memcpy(&b[s.offset_in_file(w)], &v, 8);
         },
         {},
         true},
    };
    auto write_store = [&](const std::string& bytes) {
        std::ofstream out(store_path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    };
    for (const Damage& damage : damages) {
        std::string bytes = pristine;
        write_store(pristine);
        {
            Xapian::Database db(path);
            auto store = FacetStore::open(path, db);
            ASSERT_TRUE(store);
            for (std::size_t f = 0; f < kStoreFields.size(); ++f) ASSERT_TRUE(store->verify(f)) << kStoreFields[f];
            damage.apply(*store, bytes);
        }
        write_store(bytes);
        Xapian::Database db(path);
        auto store = FacetStore::open(path, db);
        if (damage.refused) {
            EXPECT_FALSE(store) << damage.what;
        } else {
            ASSERT_TRUE(store) << damage.what;
            for (std::size_t f = 0; f < kStoreFields.size(); ++f) {
                const bool damaged = std::find(damage.unsound.begin(), damage.unsound.end(), kStoreFields[f]) !=
                                     damage.unsound.end();
                EXPECT_EQ(store->verify(f), !damaged) << damage.what << ": " << kStoreFields[f];
            }
        }
        for (const auto& q : queries) EXPECT_EQ(answer(request(q)), expected[q]) << damage.what << ", query " << q;
        // Sound columns still count through the store.
        SearchRequest places{.query = "kilo"};
        places.facets.push_back(parse_facet_request("place"));
        {
            Searcher searcher(path);
            EXPECT_EQ(searcher.search(places).facet_method == FacetMethod::value_slots, damage.refused) << damage.what;
        }
        // The next indexing run, even with nothing to index, rewrites the store whole.
        {
            IndexWriter writer({.path = path, .spelling = false});
            writer.commit();
        }
        Xapian::Database again(path);
        auto rewritten = FacetStore::open(path, again);
        ASSERT_TRUE(rewritten) << damage.what;
        EXPECT_TRUE(rewritten->verify_all()) << damage.what;
        Searcher searcher(path);
        EXPECT_NE(searcher.search(request("kilo")).facet_method, FacetMethod::value_slots) << damage.what;
        EXPECT_EQ(answer(request("kilo")), expected["kilo"]) << damage.what;
    }
}

TEST(FacetStoreWordPrefix, MatchesWordStartsCaseFolded) {
    EXPECT_TRUE(has_word_prefix("volodymyr zelenskyy", "zel"));
    EXPECT_TRUE(has_word_prefix("volodymyr zelenskyy", "volodymyr z"));
    EXPECT_TRUE(has_word_prefix("jean-luc picard", "luc"));
    EXPECT_FALSE(has_word_prefix("volodymyr zelenskyy", "lensk"));
    EXPECT_TRUE(has_word_prefix("anything", ""));
}

}  // namespace
}  // namespace news
