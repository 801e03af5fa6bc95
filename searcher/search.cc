/// @file search.cc
/// @brief Ranked, filtered, faceted search.
#include "searcher/search.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "common/article_json.h"
#include "common/schema.h"
#include "searcher/match_set.h"
#include "searcher/ranker.h"
#include "searcher/snippet.h"

namespace news {
namespace {

/// Queries matching fewer articles than this get a spelling suggestion (when the database has one).
constexpr std::size_t kSuggestBelow = 10;

Xapian::Database open_database(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        throw std::runtime_error(fmt::format("{}: no such database (index articles with news-index --db {})", path, path));
    }
    // Opening reads the latest revision; an indexer committing twice meanwhile
    // discards it (DatabaseModifiedError): open again, as search() reopens.
    for (int attempt = 0;; ++attempt) {
        try {
            return Xapian::Database(path);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt < 20) continue;
            throw std::runtime_error(fmt::format("{}: cannot open database: {}", path, e.get_description()));
        } catch (const Xapian::DatabaseCorruptError& e) {
            // the same race as in Searcher::search; real corruption persists
            if (attempt < 3) continue;
            throw std::runtime_error(fmt::format("{}: cannot open database: {}", path, e.get_description()));
        } catch (const Xapian::Error& e) {
            throw std::runtime_error(fmt::format("{}: cannot open database: {}", path, e.get_description()));
        }
    }
}

/// Filters grouped by field: OR within a field, AND across fields; the field
/// named @p except is left out (for that field's own facet counts).
Xapian::Query filters_query(const std::vector<FieldFilter>& filters, const std::string& except) {
    std::map<std::string, std::vector<Xapian::Query>> by_field;
    for (const auto& f : filters) {
        if (f.field != except) by_field[f.field].push_back(filter_query(f));
    }
    Xapian::Query out;
    for (auto& [field, queries] : by_field) {
        Xapian::Query q(Xapian::Query::OP_OR, queries.begin(), queries.end());
        out = out.empty() ? q : Xapian::Query(Xapian::Query::OP_AND, out, q);
    }
    return out;
}

Xapian::Query combine(const Xapian::Query& base, const Xapian::Query& filter, const Xapian::Query& exclude) {
    Xapian::Query q = base;
    if (!filter.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    if (!exclude.empty()) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, exclude);
    return q;
}

/// Filter values of @p field, lower-cased (left out of that field's related values).
std::set<std::string> filtered_values(const std::vector<FieldFilter>& filters, const std::string& field) {
    std::set<std::string> out;
    for (const auto& f : filters) {
        if (f.field == field) out.insert(Xapian::Unicode::tolower(f.value));
    }
    return out;
}

/// The match sets needed for counting: the whole match set, and for each
/// filtered field the set without that field's own filter.
struct MatchSets {
    DocSet main;
    std::map<std::string, DocSet> without_own;
};

/// Through posting lists: base, each field's filter and the excludes once, combined as bitmaps.
/// With @p range, only the members inside it are computed (one half of a split).
std::optional<MatchSets> sets_from_postings(const Xapian::Database& db, const FacetStore& store,
                                            const Xapian::Query& base, const std::vector<FieldFilter>& filters,
                                            const Xapian::Query& exclude, const std::set<std::string>& own_fields,
                                            DocRange range = {}) {
    std::optional<DocSet> b = boolean_match_set(db, store, base, range);
    if (!b) return std::nullopt;
    if (!exclude.empty()) {
        std::optional<DocSet> e = boolean_match_set(db, store, exclude, range);
        if (!e) return std::nullopt;
        b->subtract(*e);
    }
    std::map<std::string, DocSet> by_field;
    std::set<std::string> fields;
    for (const auto& f : filters) fields.insert(f.field);
    for (const auto& field : fields) {
        std::vector<Xapian::Query> parts;
        for (const auto& f : filters) {
            if (f.field == field) parts.push_back(filter_query(f));
        }
        std::optional<DocSet> fs =
            boolean_match_set(db, store, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()), range);
        if (!fs) return std::nullopt;
        by_field.emplace(field, std::move(*fs));
    }
    MatchSets out{*b, {}};
    for (const auto& [field, set] : by_field) out.main &= set;
    for (const auto& own : own_fields) {
        DocSet s = *b;
        for (const auto& [field, set] : by_field) {
            if (field != own) s &= set;
        }
        out.without_own.emplace(own, std::move(s));
    }
    return out;
}

/// @p half(database, queries, range) over the whole docid space, or, given a
/// @p helper (a second handle at the same revision), over its two halves at
/// once, the upper one on a second thread, joined by @p join(low, high,
/// mid_word); nullopt when a half is (both or neither: the same query tree).
/// Copies of a Xapian::Query share their internals through a reference count
/// that is not atomic, so the upper half gets @p queries of its own, rebuilt
/// from their serialised form (a query that cannot be serialised stays whole
/// on this thread).
template <typename Result, typename Half, typename Join>
std::optional<Result> in_halves(const Parallelism& parallel, const Xapian::Database& db,
                                const Xapian::Database* helper, const FacetStore& store,
                                const std::vector<Xapian::Query>& queries, Half&& half, Join&& join) {
    if (!helper) return half(db, queries, DocRange{});
    std::vector<Xapian::Query> copies;
    try {
        for (const auto& q : queries) {
            copies.push_back(q.empty() ? Xapian::Query() : Xapian::Query::unserialise(q.serialise()));
        }
    } catch (const Xapian::Error&) {
        return half(db, queries, DocRange{});
    }
    const std::size_t mid_word = bitmap_words(store.docid_limit()) / 2;
    const auto mid = static_cast<Xapian::docid>(mid_word * 64);
    std::optional<Result> low, high;
    parallel.helper->run_pair([&] { low = half(db, queries, DocRange{0, mid}); },
                              [&] { high = half(*helper, copies, DocRange{mid, store.docid_limit()}); });
    if (!low || !high) return std::nullopt;
    join(*low, std::move(*high), mid_word);
    return low;
}

/// schema::revision_base of @p db, 0 when it cannot be read.
Xapian::rev revision_base_or_zero(const Xapian::Database& db) {
    try {
        return schema::revision_base(db);
    } catch (const std::exception&) {
        return 0;
    } catch (const Xapian::Error&) {
        return 0;
    }
}

}  // namespace

// The directory is identified before the database is opened: if a compaction
// swaps it in between, the next reopen() sees the change and opens again.
Searcher::Searcher(const std::string& db_path)
    : path_(db_path), directory_(directory_id(db_path)), db_(open_database(db_path)) {
    revision_base_ = revision_base_or_zero(db_);
}

Searcher::DirectoryId Searcher::directory_id(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

void Searcher::open_again(DirectoryId now) {
    Xapian::Database db = open_database(path_);  // throws before anything is replaced
    db_ = std::move(db);
    directory_ = now;
    revision_base_ = revision_base_or_zero(db_);
    helper_db_.reset();
    store_.reset();
    codec_ = StoredCodec();
    date_buckets_ = DateBucketCache();
}

bool Searcher::reopen() {
    // `news-index compact` swaps a compacted copy in for the directory.
    // Xapian's reopen() would not notice a copy at the revision already open
    // (revisions start again in the copy), nor the copy's revision base, and
    // a swap while it reads the version file and reopens the tables by path
    // would mix the two copies. So a changed directory is opened anew,
    // checked before the reopen and again after it. A path that cannot be
    // read at the moment keeps the copy open.
    auto replaced = [this](DirectoryId now) { return now != DirectoryId{} && now != directory_; };
    if (DirectoryId now = directory_id(path_); replaced(now)) {
        open_again(now);
        return true;
    }
    const bool newer = db_.reopen();
    if (DirectoryId now = directory_id(path_); replaced(now)) {
        open_again(now);
        return true;
    }
    return newer;
}

Searcher::~Searcher() = default;

const Xapian::Database* Searcher::helper_database() {
    try {
        if (!helper_db_) helper_db_.emplace(path_);
        // Another database (a compacted copy, whose revisions start again) is opened anew.
        if (helper_db_->get_uuid() != db_.get_uuid()) helper_db_.emplace(path_);
        if (helper_db_->get_revision() != db_.get_revision()) helper_db_->reopen();
        if (helper_db_->get_revision() == db_.get_revision() && helper_db_->get_uuid() == db_.get_uuid()) {
            return &*helper_db_;
        }
    } catch (const Xapian::Error&) {
        helper_db_.reset();
    }
    return nullptr;  // db_ is behind the newest revision: stay on one thread
}

const FacetStore* Searcher::store() {
    Xapian::rev revision = 0;
    try {
        revision = db_.get_revision();
    } catch (const Xapian::Error&) {
        store_.reset();
        return nullptr;
    }
    if (!store_ || store_->revision() != revision) store_ = FacetStore::open(path_, db_);
    return store_.get();
}

Article Searcher::stored_article(Xapian::docid id) {
    const std::string data = StoredCodec::stored_bytes(db_.get_document(id));
    try {
        return deserialize_stored(codec_.decode(data));
    } catch (const std::runtime_error&) {
        // Compressed against a dictionary the indexer trained after this
        // reader last read it (or corrupt: then this fails again).
        codec_ = StoredCodec::of(db_);
        return deserialize_stored(codec_.decode(data));
    }
}

std::vector<FacetValue> Searcher::timeline(const std::string& field, const std::string& value, DateBucket bucket,
                                           SearchRequest context) {
    if (!schema::find_facet_field(field)) {
        throw QueryError(fmt::format("timeline: '{}' is not an entity field (person, org, place, misc, source, author)", field));
    }
    context.filters.push_back(FieldFilter{field, value});
    FacetRequest histogram{.field = "date", .bucket = bucket, .limit = 0};
    context.facets = {histogram};
    context.related.clear();
    context.limit = 0;
    context.offset = 0;
    SearchResponse r = search(context);
    return std::move(r.facets[histogram.key()]);
}

template <typename Fn>
auto Searcher::with_retry(Fn&& fn) {
    // A commit by the indexer can invalidate what this reader has open:
    // reopen and try again (many times: with small batches an indexer
    // commits every few milliseconds). A glass reader racing the writer can
    // also meet a block the writer has just reused and report it as corrupt
    // (seen under load by tests/indexer_concurrency_test.cc): when a newer
    // revision exists, that is the same race, so retry on it too.
    // At least kAttempts tries, and more for up to kPatience: a search slower
    // than two commits (a busy machine, a sanitizer build, a tiny batch size)
    // gets through between commits sooner or later (seen failing after 20
    // tries in tests/indexer_concurrency_test.cc under ASan, both cores busy).
    constexpr int kAttempts = 20;
    constexpr auto kPatience = std::chrono::seconds(2);
    const auto start = std::chrono::steady_clock::now();
    auto give_up = [&](int attempt) {
        return attempt >= kAttempts && std::chrono::steady_clock::now() - start >= kPatience;
    };
    for (int attempt = 0;; ++attempt) {
        try {
            if (attempt > 0 || !std::exchange(refreshed_, false)) reopen();
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (give_up(attempt)) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (give_up(attempt) || !reopen()) throw;
        }
    }
}

SearchResponse Searcher::search(const SearchRequest& request) {
    return with_retry([&] { return run(request); });
}

Xapian::rev Searcher::refresh() {
    reopen();
    refreshed_ = true;
    return revision();
}

std::optional<Article> Searcher::article(const std::string& id) {
    return with_retry([&]() -> std::optional<Article> {
        const std::string term = schema::id_term(id);
        Xapian::PostingIterator it = db_.postlist_begin(term);
        if (it == db_.postlist_end(term)) return std::nullopt;
        return stored_article(*it);
    });
}

SearchResponse Searcher::run(const SearchRequest& request) {
    SearchResponse response;
    response.query = request.query;
    QueryBuilder builder(db_, request.mode);
    Xapian::Query base = builder.parse(request.query);

    std::vector<Xapian::Query> excluded;
    for (const auto& f : request.excludes) excluded.push_back(filter_query(f));
    Xapian::Query exclude = excluded.empty() ? Xapian::Query()
                                             : Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
    Xapian::Query query = combine(base, filters_query(request.filters, ""), exclude);

    // Facets of fields that are themselves filtered are counted without their
    // own filter (multi-select drill-down); the others over the match set.
    std::set<std::string> filtered_fields;
    for (const auto& f : request.filters) filtered_fields.insert(f.field);
    std::vector<FacetRequest> main_facets;
    std::map<std::string, std::vector<FacetRequest>> own_filter_facets;
    for (const auto& f : request.facets) {
        if (filtered_fields.count(f.field)) own_filter_facets[f.field].push_back(f);
        else main_facets.push_back(f);
    }

    bool counting = !request.facets.empty() || !request.related.empty();
    Parallelism parallel = parallel_;
    parallel.helper = &helper_thread_;
    const FacetStore* facet_store = counting && request.facet_method != FacetMethod::value_slots ? store() : nullptr;
    // The columns counted must be sound; else the value slots count.
    if (facet_store && !facet_store->verify(store_fields(request.facets, request.related, true))) facet_store = nullptr;
    std::optional<Xapian::MSet> ranked;
    // Ranks the hits shown. With @p every_match Enquire checks every match
    // (exact total), and each passes through @p spies; else it stops early.
    auto rank_hits = [&](bool every_match, const std::vector<Xapian::MatchSpy*>& spies = {}) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
        for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
        ranked = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                  static_cast<Xapian::doccount>(request.limit), every_match ? db_.get_doccount() : 0);
    };
    // Or ranks them outside Enquire, with the store's document lengths, and
    // records every match on the way (ranker.h).
    std::optional<RankedMatches> own;
    const bool may_rank_here = request.rank_method != RankMethod::enquire && request.sort == SortOrder::relevance &&
                               request.limit > 0;
    // A second handle for the upper half of a query large enough to split
    // (parallel.h), decided once, when first needed.
    std::optional<const Xapian::Database*> split_helper;
    auto helper_for_split = [&] {
        if (!split_helper) split_helper = parallel.split(posting_count(db_, query)) ? helper_database() : nullptr;
        return *split_helper;
    };
    auto rank_here = [&](const FacetStore& with) {
        if (!may_rank_here) return;
        const std::size_t depth = request.offset + request.limit;
        // Phrases only when every match is wanted (counting): for the hits
        // alone Enquire checks positions only where a hit could still rank.
        const Positional positional = counting ? Positional::evaluate : Positional::decline;
        own = in_halves<RankedMatches>(
            parallel, db_, helper_for_split(), with, {query},
            [&](const Xapian::Database& db, const std::vector<Xapian::Query>& q, DocRange range) {
                return rank_with_store(db, with, q[0], depth, range, positional);
            },
            [&](RankedMatches& low, RankedMatches&& high, std::size_t mid_word) {
                join_ranked(low, std::move(high), mid_word, depth);
            });
    };

    if (!counting && may_rank_here) {
        if (const FacetStore* lengths = store()) rank_here(*lengths);  // the hits alone, by the store's lengths
    }
    if (facet_store) {
        // The facet store counts. The match set comes from the ranking's pass
        // (ranker.h), else from posting lists when the query is boolean, else
        // from Enquire. Enquire ranks only the hits shown, when it ranks.
        std::optional<MatchSets> sets;
        const bool by_postings = request.facet_method != FacetMethod::store_enquire;
        if (by_postings) rank_here(*facet_store);
        if (own && own_filter_facets.empty()) {
            sets = MatchSets{std::move(own->set), {}};  // the ranking's pass recorded every match
        } else if (by_postings) {
            sets = in_halves<MatchSets>(
                parallel, db_, helper_for_split(), *facet_store, {base, exclude},
                [&](const Xapian::Database& db, const std::vector<Xapian::Query>& q, DocRange range) {
                    return sets_from_postings(db, *facet_store, q[0], request.filters, q[1], filtered_fields, range);
                },
                [](MatchSets& low, MatchSets&& high, std::size_t mid_word) {
                    const std::size_t words = low.main.words().size();
                    low.main.assign_words(high.main, mid_word, words);
                    for (auto& [field, set] : low.without_own) {
                        set.assign_words(high.without_own.at(field), mid_word, words);
                    }
                });
        }
        response.facet_method = sets ? FacetMethod::store_postings : FacetMethod::store_enquire;
        if (!sets && by_postings && !own && own_filter_facets.empty()) {
            // A phrase with no hits ranked here (none asked, or by date): the
            // ranker's pass records every match all the same.
            if (std::optional<RankedMatches> all = rank_with_store(db_, *facet_store, query, 0)) {
                sets = MatchSets{std::move(all->set), {}};
                response.facet_method = FacetMethod::store_postings;
            }
        }
        if (!sets && own) {
            // a phrase with filters: each filtered field's set comes from Enquire
            sets = MatchSets{std::move(own->set), {}};
        } else if (!sets && request.limit > 0) {
            // One pass ranks the hits shown and records every match (phrases
            // and wildcards cost most in the matching, not in the weights).
            DocSetSpy spy(facet_store->docid_limit());
            rank_hits(true, {&spy});
            sets = MatchSets{std::move(spy.set()), {}};
        } else if (!sets) {
            sets = MatchSets{enquire_match_set(db_, *facet_store, query), {}};
        }
        if (response.facet_method == FacetMethod::store_enquire) {
            for (const auto& field : filtered_fields) {
                if (own_filter_facets.count(field)) {
                    sets->without_own.emplace(
                        field, enquire_match_set(db_, *facet_store, combine(base, filters_query(request.filters, field), exclude)));
                }
            }
        }
        response.total = sets->main.count();
        response.total_exact = true;
        SetCounts main_counts(*facet_store, sets->main, parallel);  // shared by the facets and related values
        main_counts.count(store_fields(main_facets, request.related, false));  // all in one walk
        response.facets = count_with_store(main_counts, main_facets, &date_buckets_);
        for (auto& [field, facets] : own_filter_facets) {
            for (auto& [key, values] :
                 count_with_store(*facet_store, sets->without_own.at(field), facets, &date_buckets_, parallel)) {
                response.facets[key] = std::move(values);
            }
        }
        for (const auto& rr : request.related) {
            response.related[rr.field] =
                store_related(main_counts, response.total, rr, filtered_values(request.filters, rr.field));
        }
        if (request.limit > 0 && !ranked && !own) rank_hits(false);
    } else if (own) {  // ranked above, without counting
        response.total = own->set.count();  // every match was recorded: the total is exact
        response.total_exact = true;
    } else {
        // Exact counting through the value slots: Enquire checks every match.
        std::vector<FacetRequest> related_fields;
        for (const auto& rr : request.related) related_fields.push_back(FacetRequest{.field = rr.field, .limit = 0});
        FacetSpy spy(main_facets), related_spy(related_fields);
        std::vector<Xapian::MatchSpy*> spies;
        if (!main_facets.empty()) spies.push_back(&spy);
        if (!related_fields.empty()) spies.push_back(&related_spy);
        rank_hits(counting, spies);
        response.facet_method = counting ? FacetMethod::value_slots : FacetMethod::automatic;
        response.total = ranked->get_matches_estimated();
        response.total_exact = counting || ranked->get_matches_lower_bound() == ranked->get_matches_upper_bound();
        response.facets = spy.results();
        for (auto& [field, facets] : own_filter_facets) {
            Xapian::Enquire other(db_);
            other.set_query(combine(base, filters_query(request.filters, field), exclude));
            FacetSpy field_spy(facets);
            other.add_matchspy(&field_spy);
            (void)other.get_mset(0, 0, db_.get_doccount());
            for (auto& [key, values] : field_spy.results()) response.facets[key] = std::move(values);
        }
        if (!request.related.empty()) {
            // Collection counts: one more pass over every article.
            std::vector<FacetRequest> all;
            for (const auto& rr : request.related) all.push_back(FacetRequest{.field = rr.field, .limit = 0});
            FacetSpy collection(all);
            Xapian::Enquire everything(db_);
            everything.set_query(Xapian::Query::MatchAll);
            everything.set_weighting_scheme(Xapian::BoolWeight());
            everything.add_matchspy(&collection);
            (void)everything.get_mset(0, 0, db_.get_doccount());
            for (std::size_t i = 0; i < request.related.size(); ++i) {
                const RelatedRequest& rr = request.related[i];
                const auto& in_set = related_spy.all_counts(i);
                const auto& in_all = collection.all_counts(i);
                std::set<std::string> skip = filtered_values(request.filters, rr.field);
                std::vector<RelatedValue> candidates;
                for (const auto& [key, n] : in_set) {
                    if (n < rr.min_count) continue;
                    if (!skip.empty() && skip.count(key)) continue;
                    auto it = in_all.find(key);
                    candidates.push_back({related_spy.shown(i, key), n, it == in_all.end() ? 0 : it->second, 0});
                }
                response.related[rr.field] = rank_related(std::move(candidates), response.total, db_.get_doccount(), rr);
            }
        }
    }

    // A spelling suggestion only when the query found (almost) nothing: reading
    // the spelling table costs more than the rest of a query that has hits.
    if (response.total < kSuggestBelow) response.suggestion = builder.suggestion();

    // The hits shown: (docid, weight) in rank order.
    std::vector<RankedDoc> shown;
    if (own) {
        response.rank_method = RankMethod::store;
        for (std::size_t i = request.offset; i < own->best.size(); ++i) shown.push_back(own->best[i]);
    } else if (ranked) {
        for (auto it = ranked->begin(); it != ranked->end(); ++it) shown.push_back({*it, it.get_weight()});
    } else {
        return response;
    }
    std::size_t rank = request.offset;
    SnippetMaker snippets(base, builder.stemmer());
    SnippetOptions snippet_options{.max_bytes = request.snippet_chars,
                                   .highlight_start = request.highlight_start,
                                   .highlight_end = request.highlight_end};
    for (const RankedDoc& r : shown) {
        SearchHit hit;
        hit.rank = ++rank;
        hit.score = r.weight;
        hit.article = stored_article(r.docid);
        const std::string& text = hit.article.body.empty() ? hit.article.title : hit.article.body;
        hit.snippet = snippets.make(text, snippet_options);
        response.hits.push_back(std::move(hit));
    }
    return response;
}

}  // namespace news
