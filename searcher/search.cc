/// @file search.cc
/// @brief Ranked, filtered, faceted search.
#include "searcher/search.h"

#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "common/article_json.h"
#include "common/schema.h"

namespace news {
namespace {

Xapian::Database open_database(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        throw std::runtime_error(fmt::format("{}: no such database (index articles with news-index --db {})", path, path));
    }
    try {
        return Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw std::runtime_error(fmt::format("{}: cannot open database: {}", path, e.get_description()));
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

}  // namespace

Searcher::Searcher(const std::string& db_path) : path_(db_path), db_(open_database(db_path)) {}

SearchResponse Searcher::search(const SearchRequest& request) {
    // A commit by the indexer can invalidate what this reader has open:
    // reopen and try again (a few times, as commits may follow each other).
    for (int attempt = 0;; ++attempt) {
        try {
            db_.reopen();
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 5) throw;
        }
    }
}

SearchResponse Searcher::run(const SearchRequest& request) {
    SearchResponse response;
    response.query = request.query;
    QueryBuilder builder(db_, request.mode);
    Xapian::Query base = builder.parse(request.query);
    response.suggestion = builder.suggestion();

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

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    if (request.sort == SortOrder::date) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
    FacetSpy spy(main_facets);
    bool counting = !request.facets.empty();
    if (!main_facets.empty()) enquire.add_matchspy(&spy);
    Xapian::doccount check = counting ? db_.get_doccount() : 0;
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                         static_cast<Xapian::doccount>(request.limit), check);
    response.total = mset.get_matches_estimated();
    response.total_exact = counting || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    response.facets = spy.results();

    for (auto& [field, facets] : own_filter_facets) {
        Xapian::Enquire other(db_);
        other.set_query(combine(base, filters_query(request.filters, field), exclude));
        FacetSpy field_spy(facets);
        other.add_matchspy(&field_spy);
        (void)other.get_mset(0, 0, db_.get_doccount());
        for (auto& [key, values] : field_spy.results()) response.facets[key] = std::move(values);
    }

    std::size_t rank = request.offset;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        SearchHit hit;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        hit.article = deserialize_stored(it.get_document().get_data());
        const std::string& text = hit.article.body.empty() ? hit.article.title : hit.article.body;
        hit.snippet = mset.snippet(text, request.snippet_chars, builder.stemmer(),
                                   Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                   request.highlight_start, request.highlight_end, "\xe2\x80\xa6");
        response.hits.push_back(std::move(hit));
    }
    return response;
}

}  // namespace news
