/// @file facets_test.cc
/// @brief Facet requests, date buckets, and exact counting with FacetSpy.
#include "searcher/facets.h"

#include <gtest/gtest.h>

#include <vector>

#include "common/schema.h"
#include "searcher/query_builder.h"

namespace news {
namespace {

TEST(FacetRequest, Parses) {
    FacetRequest p = parse_facet_request("person");
    EXPECT_EQ(p.field, "person");
    EXPECT_EQ(p.limit, 10u);
    EXPECT_EQ(parse_facet_request("org:25").limit, 25u);
    FacetRequest d = parse_facet_request("date:month");
    EXPECT_EQ(d.bucket, DateBucket::month);
    EXPECT_EQ(d.key(), "date:month");
    EXPECT_EQ(d.limit, 0u);  // a histogram lists every bucket
    EXPECT_EQ(parse_facet_request("mentioned:week:5").limit, 5u);
    for (const char* bad : {"colour", "person:0", "person:x", "date:fortnight", "person:3:4"}) {
        EXPECT_THROW((void)parse_facet_request(bad), QueryError) << bad;
    }
}

TEST(FacetRequest, ParsesAuto) {
    FacetRequest a = parse_facet_request("date:auto");
    EXPECT_TRUE(a.automatic);
    EXPECT_EQ(a.key(), "date:auto");
    EXPECT_EQ(a.limit, 0u);
    FacetRequest m = parse_facet_request("mentioned:auto:12");
    EXPECT_TRUE(m.automatic);
    EXPECT_EQ(m.limit, 12u);
    EXPECT_FALSE(parse_facet_request("date:month").automatic);
    EXPECT_THROW((void)parse_facet_request("person:auto"), QueryError);
}

struct AutoCase {
    const char* first;
    const char* last;
    DateBucket bucket;
};
class AutoBuckets : public ::testing::TestWithParam<AutoCase> {};
TEST_P(AutoBuckets, SpanPicksTheBucket) {
    EXPECT_EQ(auto_bucket(GetParam().first, GetParam().last), GetParam().bucket)
        << GetParam().first << ".." << GetParam().last;
}
INSTANTIATE_TEST_SUITE_P(
    Spans, AutoBuckets,
    ::testing::Values(AutoCase{"2026-01-24", "2026-01-24", DateBucket::day},
                      AutoCase{"2026-01-01", "2026-03-04", DateBucket::day},    // 62 days
                      AutoCase{"2026-01-01", "2026-03-05", DateBucket::week},   // 63
                      AutoCase{"2024-01-01", "2025-01-01", DateBucket::week},   // 366 (a leap year)
                      AutoCase{"2025-01-01", "2026-01-03", DateBucket::month},  // 367
                      AutoCase{"2020-01-01", "2026-01-05", DateBucket::month},  // 2,196 = 6 x 366
                      AutoCase{"2020-01-01", "2026-01-06", DateBucket::year},
                      AutoCase{"1987-02-26", "2026-11-22", DateBucket::year},
                      AutoCase{"2026-01", "2026-02-15", DateBucket::day},       // a month-only date: its first day
                      AutoCase{"2026", "2026-12-31", DateBucket::week}));

struct BucketCase {
    const char* compact;
    DateBucket bucket;
    const char* label;
};
class Buckets : public ::testing::TestWithParam<BucketCase> {};
TEST_P(Buckets, Label) {
    EXPECT_EQ(bucket_label(GetParam().compact, GetParam().bucket), GetParam().label);
}
INSTANTIATE_TEST_SUITE_P(
    Table, Buckets,
    ::testing::Values(BucketCase{"20260201", DateBucket::day, "2026-02-01"},
                      BucketCase{"20260201", DateBucket::month, "2026-02"},
                      BucketCase{"20260201", DateBucket::year, "2026"},
                      BucketCase{"20260201", DateBucket::week, "2026-W05"},  // a Sunday
                      BucketCase{"20260202", DateBucket::week, "2026-W06"},  // Monday
                      BucketCase{"20210103", DateBucket::week, "2020-W53"},  // ISO year differs
                      BucketCase{"20241230", DateBucket::week, "2025-W01"},
                      BucketCase{"20260200", DateBucket::day, "2026-02"},    // month granularity
                      BucketCase{"20260000", DateBucket::month, "2026"}));

TEST(FacetSpy, CountsMultiValuedFieldsExactlyOrderedByCountThenValue) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto* person = schema::find_facet_field("person");
    std::vector<std::vector<std::string>> people = {
        {"Donald Trump", "Vladimir Putin"}, {"Vladimir Putin"}, {"Alice Zed", "Donald Trump"}, {}};
    std::vector<std::string> dates = {"20260201", "20260115", "20260203", ""};
    for (std::size_t i = 0; i < people.size(); ++i) {
        Xapian::Document doc;
        if (!people[i].empty()) doc.add_value(person->slot, schema::pack_values(people[i]));
        if (!dates[i].empty()) doc.add_value(schema::kSlotDate, dates[i]);
        doc.add_term("all");
        db.add_document(doc);
    }
    FacetSpy spy({parse_facet_request("person:2"), parse_facet_request("date:month")});
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("all"));
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    FacetResults r = spy.results();
    ASSERT_EQ(r["person"].size(), 2u);
    EXPECT_EQ(r["person"][0].value, "Donald Trump");  // 2, ties broken by value
    EXPECT_EQ(r["person"][0].count, 2u);
    EXPECT_EQ(r["person"][1].value, "Vladimir Putin");
    ASSERT_EQ(r["date:month"].size(), 3u);
    EXPECT_EQ(r["date:month"][0].value, "2026-01");
    EXPECT_EQ(r["date:month"][1].value, "2026-02");
    EXPECT_EQ(r["date:month"][1].count, 2u);
    EXPECT_EQ(r["date:month"][2].value, "unknown");
}

}  // namespace
}  // namespace news
