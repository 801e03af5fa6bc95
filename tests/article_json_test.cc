/// @file article_json_test.cc
/// @brief Stored document data: every field survives serialize_stored / deserialize_stored; corrupt data throws.
#include "common/article_json.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace news {
namespace {

Article full_article() {
    Article a;
    a.id = "reuters-17";
    a.title = "Talks \"resume\" in Gen\xc3\xa8ve \xe2\x80\x94 envoys";
    a.title_derived = true;
    a.body = "First paragraph.\n\nSecond \\ paragraph with a tab\tand \xf0\x9f\x98\x80, a \x01 control / \"quote\".";
    a.headings = {"Background", "Reaction"};
    a.date = DateValue{2026, 1, 31};
    a.date_origin = DateOrigin::dateline;
    a.date_raw = "not stored";
    a.source = "Reuters";
    a.url = "https://example.com/a?b=c&d=e";
    a.authors = {"Tom Balmforth", "Mark Trevelyan"};
    a.entities.person = {"Sergei Ryabkov", "Volodymyr Zelenskyy"};
    a.entities.org = {"NATO"};
    a.entities.place = {"Geneva", "Moscow"};
    a.entities.misc = {"Russian"};
    a.dates_mentioned = {DateValue{2026, 2, 0}, DateValue{2025, 12, 24}, DateValue{2024, 0, 0}};
    a.origin_path = "/data/in/file.jsonl";
    a.origin_record = 4711;
    a.found.person = {{.name = "Volodymyr Zelenskyy", .forms = {"Zelenskiy", "Zelensky"}},
                      {.name = "Sergei Ryabkov", .forms = {}}};
    a.found.org = {{.name = "NATO", .forms = {"North Atlantic Treaty Organization"}}};
    return a;
}

TEST(StoredArticle, EveryStoredFieldRoundTrips) {
    Article in = full_article();
    Article out = deserialize_stored(serialize_stored(in));
    EXPECT_EQ(out.id, in.id);
    EXPECT_EQ(out.title, in.title);
    EXPECT_EQ(out.title_derived, in.title_derived);
    EXPECT_EQ(out.body, in.body);
    EXPECT_EQ(out.headings, in.headings);
    EXPECT_EQ(out.date, in.date);
    EXPECT_EQ(out.date_origin, in.date_origin);
    EXPECT_EQ(out.date_raw, "");  // not stored
    EXPECT_EQ(out.source, in.source);
    EXPECT_EQ(out.url, in.url);
    EXPECT_EQ(out.authors, in.authors);
    EXPECT_EQ(out.entities.person, in.entities.person);
    EXPECT_EQ(out.entities.org, in.entities.org);
    EXPECT_EQ(out.entities.place, in.entities.place);
    EXPECT_EQ(out.entities.misc, in.entities.misc);
    EXPECT_EQ(out.dates_mentioned, in.dates_mentioned);
    EXPECT_EQ(out.origin_path, in.origin_path);
    EXPECT_EQ(out.origin_record, in.origin_record);
    EXPECT_EQ(out.found, in.found);  // what news-index recanonicalize re-derives values from
}

TEST(StoredArticle, WithoutFoundTheEntityValuesStandIn) {
    // Documents stored before "found" existed: the values are all that is known.
    Article out = deserialize_stored(
        R"({"id":"x","entities":{"person":["Sergei Ryabkov"],"org":[],"place":["Geneva"],"misc":[]}})");
    EXPECT_EQ(out.found, found_from_values(out.entities));
    ASSERT_EQ(out.found.person.size(), 1u);
    EXPECT_EQ(out.found.person[0].name, "Sergei Ryabkov");
}

TEST(StoredArticle, EmptyArticleAndEveryDateOrigin) {
    Article empty = deserialize_stored(serialize_stored(Article{}));
    EXPECT_EQ(empty.id, "");
    EXPECT_FALSE(empty.date.has_value());
    EXPECT_EQ(empty.date_origin, DateOrigin::none);
    EXPECT_TRUE(empty.entities.empty());
    for (DateOrigin o : {DateOrigin::none, DateOrigin::metadata, DateOrigin::dateline, DateOrigin::option}) {
        Article a;
        a.date_origin = o;
        EXPECT_EQ(deserialize_stored(serialize_stored(a)).date_origin, o) << to_string(o);
    }
}

TEST(StoredArticle, EscapesAsAnyJsonWriterMayWriteThem) {
    Article a = deserialize_stored(
        " {\"title\" : \"caf\\u00e9 \\ud83d\\ude00 \\/ \\\"q\\\" \\b\\f\\n\\r\\t\", \"record\": 12, \"title_derived\": true,"
        " \"date\": null, \"n\": -1.5e3, \"x\": [true, false, null, {}, []]} ");
    EXPECT_EQ(a.title, "caf\xc3\xa9 \xf0\x9f\x98\x80 / \"q\" \b\f\n\r\t");
    EXPECT_EQ(a.origin_record, 12u);
    EXPECT_TRUE(a.title_derived);
    EXPECT_FALSE(a.date.has_value());
}

TEST(StoredArticle, MissingFieldsAreDefaultsAndUnknownOnesIgnored) {
    Article a = deserialize_stored(R"({"title":"T","extra":{"body":"no","list":[["x"]]},"entities":{"place":["Oslo"],"other":["y"]}})");
    EXPECT_EQ(a.title, "T");
    EXPECT_EQ(a.body, "");
    EXPECT_EQ(a.entities.place, std::vector<std::string>{"Oslo"});
    EXPECT_TRUE(a.entities.person.empty());
}

class CorruptData : public ::testing::TestWithParam<std::string> {};
TEST_P(CorruptData, Throws) { EXPECT_THROW((void)deserialize_stored(GetParam()), std::runtime_error); }
INSTANTIATE_TEST_SUITE_P(Table, CorruptData,
                         ::testing::Values("", "{", "[]", "5", "\"text\"", R"({"title":"T"} trailing)",
                                           R"({"title":"\q"})", R"({"title":"\ud800"})", R"({"title":"\u12"})",
                                           "{\"title\":\"a\nb\"}", R"({"record":01})", R"({"a":[1,]})", R"({"a":tru})",
                                           R"({"title":"T",})", R"({"title" "T"})",
                                           std::string("\x78\x9c\x01\x02", 4)));

}  // namespace
}  // namespace news
