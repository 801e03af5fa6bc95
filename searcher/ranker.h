/// @file ranker.h
/// @brief Relevance ranking outside Enquire: BM25 over posting lists, with the
/// document lengths from the facet store, giving the whole match set and the
/// best hits in one pass.
///
/// Enquire looks up the length of every document it weighs in the database's
/// length list. For a term whose documents are spread over the collection
/// each lookup decodes a chunk of that list: about 0.8 µs, which is most of
/// Enquire's time for rare and mid-frequency words (534 postings, 0.43 ms)
/// and half of it for the most common ones. The store keeps the lengths in
/// memory, so the same weights cost a few nanoseconds each; and because every
/// match is weighed anyway, the match set for the facets comes with it.
/// Phrases and NEAR take their documents from a BoolWeight Enquire (which
/// reads positions faster than the public API can) and their weights, the
/// AND of their words', from here.
///
/// The weights are Xapian::BM25Weight's with its default parameters, the
/// scheme Enquire uses by default, and the order is Enquire's (weight, then
/// docid ascending): tests/ranker_test.cc checks both against Enquire.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include <xapian.h>

#include "common/facet_store.h"
#include "searcher/match_set.h"

namespace news {

/// A ranked document.
struct RankedDoc {
    Xapian::docid docid = 0;
    double weight = 0;
};

/// Every match of a query and the best of them.
struct RankedMatches {
    DocSet set;                   ///< every match (in a DocRange: the words holding it)
    std::vector<RankedDoc> best;  ///< the best matches, at most the depth asked, by weight then docid
};

/// True when @p a ranks before @p b in Enquire's order.
[[nodiscard]] inline bool ranks_before(const RankedDoc& a, const RankedDoc& b) {
    return a.weight > b.weight || (a.weight == b.weight && a.docid < b.docid);
}

/// Whether rank_with_store takes phrases and NEAR.
enum class Positional {
    evaluate,  ///< yes: every match is found (their documents through a BoolWeight Enquire), for counting
    decline,   ///< no (nullopt): for the best hits alone, Enquire checks positions only where a hit could rank
};

/// Ranks @p query as Enquire would with BM25Weight's defaults, keeping the
/// best @p depth matches, and records every match. nullopt when the query has
/// a part this does not evaluate (wildcards, synonyms, a phrase under AND_MAYBE, a
/// scaled weight other than 0, "match everything" in a weighted place, value
/// ranges other than the publication date's): Enquire ranks those.
/// With @p range only the documents inside it are ranked and recorded.
[[nodiscard]] std::optional<RankedMatches> rank_with_store(const Xapian::Database& db, const FacetStore& store,
                                                           const Xapian::Query& query, std::size_t depth,
                                                           DocRange range = {},
                                                           Positional positional = Positional::evaluate);

/// Joins the results of two disjoint ranges [0, @p mid_word) and the rest (the
/// words of @p high's set from @p mid_word on), keeping the best @p depth.
void join_ranked(RankedMatches& low, RankedMatches&& high, std::size_t mid_word, std::size_t depth);

}  // namespace news
