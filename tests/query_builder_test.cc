/// @file query_builder_test.cc
/// @brief Filters, date queries and query parsing against a small in-memory index.
#include "searcher/query_builder.h"

#include <gtest/gtest.h>

#include <string>

#include "common/schema.h"
#include "tests/test_util.h"

namespace news {
namespace {

struct DateCase {
    std::string field;
    std::string spec;
    std::string description;  ///< Xapian's description of the expected query
};

class DateQuery : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateQuery, BuildsTermsOrValueRanges) {
    EXPECT_EQ(date_query(GetParam().field, GetParam().spec).get_description(), GetParam().description);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DateQuery,
    ::testing::Values(
        DateCase{"date", "2026-02-01", "Query(D20260201)"}, DateCase{"date", "2026-02", "Query(M202602)"},
        DateCase{"date", "2026", "Query(Y2026)"}, DateCase{"date", "unknown", "Query(XDATEUNKNOWN)"},
        DateCase{"date", "2026-01-01..2026-01-31", "Query(VALUE_RANGE 0 20260101 20260131)"},
        DateCase{"date", "2026-01..2026-02", "Query(VALUE_RANGE 0 20260101 20260228)"},
        DateCase{"date", "2024-02..2024-02", "Query(VALUE_RANGE 0 20240201 20240229)"},
        DateCase{"date", "..2025", "Query(VALUE_RANGE 0 18000101 20251231)"},
        DateCase{"mentioned", "2026-02-01", "Query(XMD20260201)"},
        DateCase{"mentioned", "2026-01..2026-02", "Query((XMM202601 OR XMM202602))"},
        DateCase{"mentioned", "2025-12-30..2026-01-02",
                 "Query((XMD20251230 OR XMD20251231 OR XMD20260101 OR XMD20260102))"},
        DateCase{"mentioned", "2025..2026-01", "Query((XMY2025 OR XMM202601))"}));

class BadDate : public ::testing::TestWithParam<std::string> {};
TEST_P(BadDate, IsAQueryError) { EXPECT_THROW((void)date_query("date", GetParam()), QueryError); }
INSTANTIATE_TEST_SUITE_P(Table, BadDate,
                         ::testing::Values("2026-13", "2026-02-30", "2025-02-29", "yesterday", "2026-02-01..2026-01-01",
                                           "20xx"));

TEST(FieldFilter, ParsesAndRejects) {
    FieldFilter f = parse_field_filter("person:Sergei Ryabkov");
    EXPECT_EQ(f.field, "person");
    EXPECT_EQ(f.value, "Sergei Ryabkov");
    EXPECT_EQ(filter_query(f).get_description(), "Query(XVPERSON:sergei ryabkov)");
    EXPECT_THROW((void)parse_field_filter("colour:red"), QueryError);
    EXPECT_THROW((void)parse_field_filter("person:"), QueryError);
    EXPECT_THROW((void)parse_field_filter("nocolon"), QueryError);
}

class QueryBuilderOnIndex : public ::testing::Test {
protected:
    void SetUp() override {
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("english"));
        tg.set_database(db_);
        tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text("peace talks in Abu Dhabi between negotiators");
        tg.index_text("Zelenskyy", 1, std::string(schema::kPersonText));
        db_.add_document(doc);
        db_.commit();
    }
    testing::TempDir dir_;  // glass, because the in-memory backend keeps no spelling data
    Xapian::WritableDatabase db_{(dir_ / "db").string(), Xapian::DB_CREATE};
};

TEST_F(QueryBuilderOnIndex, DefaultOperatorIsAndAndCanBeOr) {
    QueryBuilder all(db_, MatchMode::all);
    EXPECT_NE(all.parse("peace talks").get_description().find(" AND "), std::string::npos);
    QueryBuilder any(db_, MatchMode::any);
    EXPECT_NE(any.parse("peace talks").get_description().find(" OR "), std::string::npos);
}

TEST_F(QueryBuilderOnIndex, FieldsDatesAndEmptyQuery) {
    QueryBuilder qb(db_, MatchMode::all);
    EXPECT_NE(qb.parse("person:zelenskyy").get_description().find("XPERzelenskyy"), std::string::npos);
    EXPECT_NE(qb.parse("talks date:2026-01").get_description().find("M202601"), std::string::npos);
    EXPECT_EQ(qb.parse("   ").get_description(), Xapian::Query(Xapian::Query::MatchAll).get_description());
    EXPECT_THROW((void)qb.parse("talks AND"), QueryError);
    EXPECT_THROW((void)qb.parse("date:2026-99"), QueryError);
}

struct NameCase {
    std::string query;
    std::string description;
};
class QuotedName : public ::testing::TestWithParam<NameCase> {};

// Names are indexed without positions (indexer/document_builder.cc): a quoted
// name in a name field is the AND of its words, cut as the indexer cuts them.
TEST_P(QuotedName, IsAnAndOfItsWords) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder qb(db, MatchMode::any);
    EXPECT_EQ(qb.parse(GetParam().query).get_description(), GetParam().description);
}

INSTANTIATE_TEST_SUITE_P(
    Table, QuotedName,
    ::testing::Values(
        NameCase{"person:\"Sergei Ryabkov\"", "Query((ZXPERsergei@1 AND ZXPERryabkov@2))"},
        NameCase{"talks org:\"U.S. Treasury\"", "Query((Ztalk@1 OR (ZXORGus@2 AND ZXORGtreasuri@3)))"},
        NameCase{"person:\"Jean-Claude Juncker", "Query((ZXPERjean@1 AND ZXPERclaud@2 AND ZXPERjuncker@3))"},
        NameCase{"author:\"Tom\"", "Query(ZAtom@1)"},
        // not names: phrases as before
        NameCase{"title:\"gold mine\"", "Query((Sgold@1 PHRASE 2 Smine@2))"},
        NameCase{"\"west germany\"", "Query((west@1 PHRASE 2 germany@2))"},
        NameCase{"xperson:\"a b\"", "Query((Zxperson@1 OR (a@2 PHRASE 2 b@3)))"}));

TEST_F(QueryBuilderOnIndex, SuggestsASpellingForAnUnknownWord) {
    QueryBuilder qb(db_, MatchMode::all);
    (void)qb.parse("negotiatprs");
    EXPECT_EQ(qb.suggestion(), "negotiators");
    (void)qb.parse("peace");
    EXPECT_EQ(qb.suggestion(), "");
}

TEST_F(QueryBuilderOnIndex, SuggestionIsForTheLastQueryParsedAndAsked) {
    QueryBuilder qb(db_, MatchMode::all);
    (void)qb.parse("negotiatprs");
    (void)qb.parse("peace");  // never asked for the first: computed for the last
    EXPECT_EQ(qb.suggestion(), "");
    (void)qb.parse("peace negotiatprs");
    EXPECT_EQ(qb.suggestion(), "peace negotiators");
    EXPECT_EQ(qb.suggestion(), "peace negotiators");  // asked twice, the same
    EXPECT_THROW((void)qb.parse("talks AND"), QueryError);
    EXPECT_EQ(qb.suggestion(), "");  // not the previous query's
    (void)qb.parse("   ");
    EXPECT_EQ(qb.suggestion(), "");
}

}  // namespace
}  // namespace news
