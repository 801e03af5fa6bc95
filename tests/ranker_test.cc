/// @file ranker_test.cc
/// @brief Ranking outside Enquire (searcher/ranker.h) against Enquire itself: the same matches, weights and
/// order for random query trees over random documents, and the store's document lengths kept current.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

#include <fmt/format.h>

#include "common/facet_store.h"
#include "searcher/ranker.h"
#include "tests/test_util.h"

namespace news {
namespace {

const std::vector<std::string> kWords = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
const std::vector<std::string> kFlags = {"XBred", "XBblue", "XBgreen"};

int roll(std::mt19937& rng, int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

/// A document with a skewed mix of words (the first ones common), boolean
/// terms (wdf 0) and a filler term that spreads the document lengths.
Xapian::Document random_document(std::mt19937& rng) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    for (int i = 1 + roll(rng, 12); i > 0; --i) {
        int w = std::min(roll(rng, 8), roll(rng, 8));  // skewed towards the first words
        doc.add_posting(kWords[static_cast<std::size_t>(w)], ++pos);
    }
    for (const auto& f : kFlags) {
        if (roll(rng, 3) == 0) doc.add_boolean_term(f);
    }
    if (int filler = roll(rng, 40); filler > 0) doc.add_term("filler", static_cast<Xapian::termcount>(filler));
    return doc;
}

/// A random query tree of what rank_with_store evaluates.
Xapian::Query random_query(std::mt19937& rng, int depth) {
    using Q = Xapian::Query;
    auto word = [&] {
        if (roll(rng, 12) == 0) return Q("absent");
        const std::string& w = kWords[static_cast<std::size_t>(roll(rng, 8))];
        return roll(rng, 6) == 0 ? Q(w, 2) : Q(w);  // wqf 2 now and then
    };
    auto flags = [&] {
        if (roll(rng, 2)) return Q(kFlags[static_cast<std::size_t>(roll(rng, 3))]);
        return Q(Q::OP_OR, Q(kFlags[0]), Q(kFlags[static_cast<std::size_t>(1 + roll(rng, 2))]));
    };
    if (depth == 0) return word();
    auto sub = [&] { return random_query(rng, depth - 1); };
    auto phrase = [&] {  // two or three words, exact (QueryParser's quoted phrases)
        std::vector<Q> words = {Q(kWords[static_cast<std::size_t>(roll(rng, 5))]),
                                Q(kWords[static_cast<std::size_t>(roll(rng, 5))])};
        if (roll(rng, 3) == 0) words.push_back(Q(kWords[static_cast<std::size_t>(roll(rng, 3))]));
        return Q(Q::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
    };
    switch (roll(rng, 11)) {
        case 0: return word();
        case 9: return phrase();
        case 10: {
            if (roll(rng, 2)) return Q(Q::OP_AND, phrase(), sub());
            std::vector<Q> near = {Q(kWords[static_cast<std::size_t>(roll(rng, 4))]),
                                   Q(kWords[static_cast<std::size_t>(roll(rng, 4))])};
            return Q(Q::OP_NEAR, near.begin(), near.end(), static_cast<Xapian::termcount>(2 + roll(rng, 3)));
        }
        case 1: return Q(Q::OP_AND, sub(), sub());
        case 2: {
            std::vector<Q> parts = {word(), word(), sub()};
            return Q(Q::OP_AND, parts.begin(), parts.end());
        }
        case 3: return Q(Q::OP_OR, sub(), sub());
        case 4: return Q(Q::OP_AND_NOT, sub(), roll(rng, 2) ? word() : flags());
        case 5: return Q(Q::OP_FILTER, sub(), flags());
        case 6: return Q(Q::OP_AND_MAYBE, sub(), sub());
        case 7: return Q(Q::OP_OR, sub(), Q(Q::OP_SCALE_WEIGHT, flags(), 0));
        default: return Q(Q::OP_AND, sub(), roll(rng, 4) ? word() : Q(Q::OP_OR, word(), Q::MatchNothing));
    }
}

/// Enquire's full ranking of @p q.
std::vector<RankedDoc> enquire_ranking(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<RankedDoc> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({*it, it.get_weight()});
    return out;
}

/// Same documents, weights equal (exactly for a single term, else within
/// rounding: Enquire adds a document's parts in its own order), same order
/// except between documents whose weights differ only by that rounding.
void expect_same_ranking(const std::vector<RankedDoc>& got, const std::vector<RankedDoc>& want, bool exact,
                         const std::string& where) {
    ASSERT_EQ(got.size(), want.size()) << where;
    std::map<Xapian::docid, double> want_weight;
    for (const auto& r : want) want_weight[r.docid] = r.weight;
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (i > 0) {  // Enquire's order: weight descending, then docid ascending
            EXPECT_TRUE(got[i - 1].weight > got[i].weight ||
                        (got[i - 1].weight == got[i].weight && got[i - 1].docid < got[i].docid))
                << where << ": ranks " << i - 1 << " and " << i;
        }
        auto it = want_weight.find(got[i].docid);
        ASSERT_NE(it, want_weight.end()) << where << ": docid " << got[i].docid << " is not a match";
        if (exact) {
            EXPECT_EQ(got[i].weight, it->second) << where << " docid " << got[i].docid;
        } else {
            EXPECT_NEAR(got[i].weight, it->second, 1e-12 * std::max(1.0, it->second)) << where;
        }
        if (got[i].docid != want[i].docid) {
            EXPECT_NEAR(got[i].weight, want[i].weight, 1e-12 * std::max(1.0, want[i].weight))
                << where << ": rank " << i << " holds docid " << got[i].docid << ", Enquire has " << want[i].docid;
        }
    }
}

class RankerTest : public ::testing::TestWithParam<unsigned> {};

TEST_P(RankerTest, RandomQueriesRankAsEnquireDoes) {
    testing::TempDir dir;
    const std::string path = (dir / "db").string();
    std::mt19937 rng(GetParam());
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        FacetStoreBuilder builder(path, db);
        for (int i = 0; i < 700; ++i) builder.touched(db.add_document(random_document(rng)));
        for (Xapian::docid d = 1; d <= 700; ++d) {  // holes in the docid space
            if (roll(rng, 9) == 0) {
                db.delete_document(d);
                builder.removed(d);
            }
        }
        db.commit();
        ASSERT_TRUE(builder.sync(db));
    }
    Xapian::Database db(path);
    std::unique_ptr<FacetStore> store = FacetStore::open(path, db);
    ASSERT_TRUE(store);
    const std::size_t mid_word = bitmap_words(store->docid_limit()) / 2;
    const auto mid = static_cast<Xapian::docid>(mid_word * 64);
    ASSERT_GT(mid, 64U);
    int evaluated = 0;
    for (int round = 0; round < 300; ++round) {
        Xapian::Query q = random_query(rng, roll(rng, 4));
        const std::string where = fmt::format("round {}: {}", round, q.get_description());
        std::vector<RankedDoc> want = enquire_ranking(db, q);
        std::optional<RankedMatches> got = rank_with_store(db, *store, q, db.get_doccount());
        const std::string d = q.get_description();
        if (!got) {  // only a phrase or NEAR under AND_MAYBE's optional side is left to Enquire
            EXPECT_TRUE(d.find("AND_MAYBE") != std::string::npos &&
                        (d.find("PHRASE") != std::string::npos || d.find("NEAR") != std::string::npos))
                << where;
            continue;
        }
        ++evaluated;
        expect_same_ranking(got->best, want, q.get_type() == Xapian::Query::LEAF_TERM, where);
        EXPECT_EQ(got->set.count(), want.size()) << where;
        for (const auto& r : want) EXPECT_TRUE(got->set.contains(r.docid)) << where << " docid " << r.docid;

        // The best k are the first k of the whole ranking.
        const auto k = static_cast<std::size_t>(1 + roll(rng, 12));
        std::optional<RankedMatches> top = rank_with_store(db, *store, q, k);
        ASSERT_TRUE(top);
        std::vector<RankedDoc> head(got->best.begin(), got->best.begin() + static_cast<std::ptrdiff_t>(std::min(k, got->best.size())));
        expect_same_ranking(top->best, head, true, where + " top " + std::to_string(k));

        // Two halves of the docid space, joined, equal the whole.
        std::optional<RankedMatches> low = rank_with_store(db, *store, q, k, {0, mid});
        std::optional<RankedMatches> high = rank_with_store(db, *store, q, k, {mid, store->docid_limit()});
        ASSERT_TRUE(low && high) << where;
        join_ranked(*low, std::move(*high), mid_word, k);
        expect_same_ranking(low->best, head, true, where + " split");
        EXPECT_EQ(low->set.words(), top->set.words()) << where << " split set";
    }
    EXPECT_GT(evaluated, 270);
}

INSTANTIATE_TEST_SUITE_P(Seeds, RankerTest, ::testing::Values(1U, 2U, 3U, 4U));

TEST(Ranker, LeavesToEnquireWhatItDoesNotEvaluate) {
    testing::TempDir dir;
    const std::string path = (dir / "db").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        FacetStoreBuilder builder(path, db);
        Xapian::Document doc;
        doc.add_posting("alpha", 1);
        doc.add_posting("bravo", 2);
        builder.touched(db.add_document(doc));
        db.commit();
        ASSERT_TRUE(builder.sync(db));
    }
    Xapian::Database db(path);
    std::unique_ptr<FacetStore> store = FacetStore::open(path, db);
    ASSERT_TRUE(store);
    using Q = Xapian::Query;
    std::vector<Q> words = {Q("alpha"), Q("bravo")};
    for (const Q& q : {Q(Q::OP_PHRASE, Q("alpha"), Q(Q::OP_OR, Q("bravo"), Q("charlie"))),
                       Q(Q::OP_SYNONYM, Q("alpha"), Q("bravo")), Q::MatchAll, Q(Q::OP_SCALE_WEIGHT, Q("alpha"), 2.0),
                       Q(Q::OP_WILDCARD, "alp"), Q(Q::OP_AND, Q("alpha"), Q(Q::OP_SYNONYM, Q("alpha"), Q("bravo"))),
                       Q(Q::OP_AND_MAYBE, Q("alpha"), Q(Q::OP_PHRASE, words.begin(), words.end(), 2)),
                       Q(Q::OP_VALUE_RANGE, 5, "a", "z")}) {
        EXPECT_FALSE(rank_with_store(db, *store, q, 10)) << q.get_description();
    }
    // What it does evaluate, on the same document.
    for (const Q& q : {Q(Q::OP_AND, Q("alpha"), Q("bravo")), Q(Q::OP_PHRASE, words.begin(), words.end(), 2)}) {
        std::optional<RankedMatches> r = rank_with_store(db, *store, q, 10);
        ASSERT_TRUE(r) << q.get_description();
        ASSERT_EQ(r->best.size(), 1U);
        EXPECT_EQ(r->best[0].docid, 1U);
        EXPECT_GT(r->best[0].weight, 0.0);
    }
    // A depth far beyond the matches (a deep page asked for): every match, no
    // allocation for the depth itself (it once reserved it up front).
    std::optional<RankedMatches> deep =
        rank_with_store(db, *store, Q("alpha"), std::numeric_limits<std::size_t>::max() / 4);
    ASSERT_TRUE(deep);
    EXPECT_EQ(deep->best.size(), 1U);
    // Declined when asked to leave positions to Enquire.
    EXPECT_FALSE(rank_with_store(db, *store, Q(Q::OP_PHRASE, words.begin(), words.end(), 2), 10, {},
                                 Positional::decline));
    EXPECT_TRUE(rank_with_store(db, *store, Q(Q::OP_AND, Q("alpha"), Q("bravo")), 10, {}, Positional::decline));
    std::vector<Q> reversed = {Q("bravo"), Q("alpha")};
    std::optional<RankedMatches> none = rank_with_store(db, *store, Q(Q::OP_PHRASE, reversed.begin(), reversed.end(), 2), 10);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->best.empty());
}

TEST(Ranker, StoreKeepsDocumentLengthsThroughReplacesAndDeletes) {
    testing::TempDir dir;
    const std::string path = (dir / "db").string();
    std::mt19937 rng(7);
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    auto check = [&](const std::string& when) {
        std::unique_ptr<FacetStore> store = FacetStore::open(path, db);
        ASSERT_TRUE(store) << when;
        for (Xapian::docid d = 1; d < store->docid_limit(); ++d) {
            Xapian::termcount want = 0;
            try {
                want = db.get_doclength(d);
            } catch (const Xapian::DocNotFoundError&) {
            }
            EXPECT_EQ(store->doc_lengths()[d], want) << when << " docid " << d;
        }
    };
    {
        FacetStoreBuilder builder(path, db);
        for (int i = 0; i < 50; ++i) builder.touched(db.add_document(random_document(rng)));
        db.commit();
        ASSERT_TRUE(builder.sync(db));
    }
    check("first run");
    {
        FacetStoreBuilder builder(path, db);  // starts from the store on disk
        for (Xapian::docid d = 3; d <= 50; d += 7) {
            db.replace_document(d, random_document(rng));
            builder.touched(d);
        }
        db.delete_document(10);
        builder.removed(10);
        builder.touched(db.add_document(random_document(rng)));
        db.commit();
        ASSERT_TRUE(builder.sync(db));
    }
    check("after replaces and deletes");
}

}  // namespace
}  // namespace news
