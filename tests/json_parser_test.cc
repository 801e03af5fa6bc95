/// @file json_parser_test.cc
/// @brief JSON and JSON Lines news exports: field names, wrappers, diagnostics, hostile input.
#include "common/json_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

namespace news {
namespace {

const InputRef kInput{"in.json", ""};

bool has_diagnostic(const ParseResult& r, Diagnostic::Severity severity, std::size_t line, const std::string& part) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.severity == severity && d.line == line && d.message.find(part) != std::string::npos;
    });
}

std::string all_messages(const ParseResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

// A NewsAPI export: "content" cut with "… [+N chars]", source as an object,
// and a malformed second line.
TEST(JsonLines, NewsApiRecordsAroundAMalformedLine) {
    const std::string content =
        R"({"source":{"id":"bbc-news","name":"BBC News"},"author":"Jane Doe, John Roe","title":"Storm hits coast",)"
        R"("description":"A storm hit the coast on Monday.","url":"https://example.com/storm",)"
        R"("publishedAt":"2024-03-04T09:30:00Z","content":"Residents were told to stay indoors as winds rose\r\nPower lines fell… [+2345 chars]"})"
        "\n"
        R"({"title": "Broken", "content": )"
        "\n\n"
        R"({"source":{"id":null,"name":"Reuters"},"author":null,"title":"Markets rally","description":"Stocks rose.",)"
        R"("url":"https://example.com/markets","publishedAt":"2024-03-05T16:00:00Z","content":"Stocks rose. Bonds fell [+120 chars]"})"
        "\n";
    ParseResult r = parse_json_lines(content, kInput);

    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    ASSERT_EQ(r.diagnostics.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.diagnostics[0].severity, Diagnostic::Severity::error);
    EXPECT_EQ(r.diagnostics[0].line, 2u);
    EXPECT_NE(r.diagnostics[0].message.find("parse error"), std::string::npos) << r.diagnostics[0].message;
    EXPECT_EQ(r.diagnostics[0].path, "in.json");

    const Article& a = r.articles[0];
    EXPECT_EQ(a.title, "Storm hits coast");
    EXPECT_FALSE(a.title_derived);
    EXPECT_EQ(a.source, "BBC News");
    EXPECT_EQ(a.url, "https://example.com/storm");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(a.date->iso(), "2024-03-04");
    EXPECT_EQ(a.date_origin, DateOrigin::metadata);
    EXPECT_EQ(a.date_raw, "2024-03-04T09:30:00Z");
    // the description leads, the content follows without NewsAPI's marker
    EXPECT_EQ(a.body,
              "A storm hit the coast on Monday.\n\nResidents were told to stay indoors as winds rose\n\nPower lines fell");
    EXPECT_EQ(a.origin_path, "in.json");
    EXPECT_EQ(a.origin_record, 1u);

    const Article& b = r.articles[1];
    EXPECT_EQ(b.title, "Markets rally");
    EXPECT_TRUE(b.authors.empty());
    EXPECT_EQ(b.body, "Stocks rose. Bonds fell");  // the description is the start of the content
    EXPECT_EQ(b.origin_record, 4u);                // blank line 3 skipped, still counted
}

TEST(Json, ArrayOfArticlesWithABadElement) {
    const std::string content = R"([
      {"title": "First", "body": "One."},
      {"title": "Second", "text": "Two."},
      "not an article",
      {"category": "POLITICS"}
    ])";
    ParseResult r = parse_json(content, kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[0].origin_record, 1u);
    EXPECT_EQ(r.articles[1].origin_record, 2u);
    EXPECT_EQ(r.articles[1].body, "Two.");
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 0, "record 3: not an object")) << all_messages(r);
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 0, "record 4: neither a title nor a body"))
        << all_messages(r);
}

struct WrapperCase {
    std::string name;
    std::string json;
};

void PrintTo(const WrapperCase& c, std::ostream* os) { *os << c.name; }

class JsonWrapper : public ::testing::TestWithParam<WrapperCase> {};

TEST_P(JsonWrapper, FindsTheArticles) {
    ParseResult r = parse_json(GetParam().json, kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "A");
    EXPECT_EQ(r.articles[1].title, "B");
    EXPECT_EQ(r.articles[1].origin_record, 2u);
    EXPECT_TRUE(r.diagnostics.empty()) << all_messages(r);
}

INSTANTIATE_TEST_SUITE_P(
    Table, JsonWrapper,
    ::testing::Values(
        WrapperCase{"articles", R"({"status":"ok","totalResults":2,"articles":[{"title":"A"},{"title":"B"}]})"},
        WrapperCase{"items", R"({"title":"My feed","items":[{"title":"A","content_html":"<p>x</p>"},{"title":"B"}]})"},
        WrapperCase{"results", R"({"Results":[{"title":"A"},{"title":"B"}]})"},
        WrapperCase{"data", R"({"data":[{"title":"A"},{"title":"B"}]})"},
        WrapperCase{"guardian", R"({"response":{"status":"ok","results":[{"webTitle":"A"},{"webTitle":"B"}]}})"},
        WrapperCase{"elasticsearch",
                    R"({"hits":{"total":2,"hits":[{"_id":"1","_source":{"title":"A"}},{"_id":"2","_source":{"title":"B"}}]}})"}),
    [](const auto& row) { return row.param.name; });

TEST(Json, ElasticsearchHitKeepsItsId) {
    ParseResult r = parse_json(R"({"hits":{"hits":[{"_id":"abc","_source":{"title":"A","body":"x"}}]}})", kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].id, "abc");
}

// The HuffPost News Category Dataset: one object per line in a ".json" file.
TEST(Json, HuffPostRecordsInAJsonFile) {
    const std::string content =
        R"({"link": "https://www.huffpost.com/entry/covid-boosters_n_632d", "headline": "Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters", "category": "U.S. NEWS", "short_description": "Health experts said it is too early to predict demand.", "authors": "Carla K. Johnson, AP", "date": "2022-09-23"})"
        "\n"
        R"({"link": "https://www.huffpost.com/entry/second", "headline": "Second story", "category": "COMEDY", "short_description": "", "authors": "", "date": "2022-09-22"})"
        "\n";
    ParseResult r = parse_json(content, kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    const Article& a = r.articles[0];
    EXPECT_EQ(a.title, "Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters");
    EXPECT_EQ(a.body, "Health experts said it is too early to predict demand.");
    EXPECT_EQ(a.url, "https://www.huffpost.com/entry/covid-boosters_n_632d");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Carla K. Johnson", "AP"}));
    ASSERT_TRUE(a.date);
    EXPECT_EQ(a.date->iso(), "2022-09-23");
    EXPECT_EQ(a.origin_record, 1u);
    // a headline alone is an article
    EXPECT_EQ(r.articles[1].title, "Second story");
    EXPECT_TRUE(r.articles[1].body.empty());
    EXPECT_TRUE(r.articles[1].authors.empty());
    EXPECT_EQ(r.articles[1].origin_record, 2u);
}

TEST(Json, SingleObjectIsRecordZero) {
    ParseResult r = parse_json(R"({"Headline":"Hello","BODY":"World.","PublishedAt":"2026-02-01"})", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "Hello");
    EXPECT_EQ(r.articles[0].body, "World.");
    EXPECT_EQ(r.articles[0].origin_record, 0u);
    ASSERT_TRUE(r.articles[0].date);
    EXPECT_EQ(r.articles[0].date->iso(), "2026-02-01");
}

struct AuthorCase {
    std::string name;
    std::string field;  // a JSON member
    std::vector<std::string> authors;
};

void PrintTo(const AuthorCase& c, std::ostream* os) { *os << c.name; }

class JsonAuthors : public ::testing::TestWithParam<AuthorCase> {};

TEST_P(JsonAuthors, AreRead) {
    ParseResult r = parse_json(R"({"title":"T",)" + GetParam().field + "}", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].authors, GetParam().authors);
}

INSTANTIATE_TEST_SUITE_P(
    Table, JsonAuthors,
    ::testing::Values(
        AuthorCase{"objects", R"("authors":[{"name":"Ann Lee","url":"https://x"},{"name":"Bo Kim"}])", {"Ann Lee", "Bo Kim"}},
        AuthorCase{"strings", R"("authors":["Ann Lee","Bo Kim","Ann Lee"])", {"Ann Lee", "Bo Kim"}},
        AuthorCase{"byline", R"("byline":"By Ann Lee and Bo Kim")", {"Ann Lee", "Bo Kim"}},
        AuthorCase{"semicolons", R"("author":"Ann Lee; Bo Kim")", {"Ann Lee", "Bo Kim"}},
        AuthorCase{"object", R"("author":{"name":"Ann Lee"})", {"Ann Lee"}},
        AuthorCase{"creator", R"("dc:creator":"Ann Lee")", {"Ann Lee"}},
        AuthorCase{"url_dropped", R"("author":"https://www.facebook.com/someone")", {}},
        AuthorCase{"null", R"("author":null)", {}},
        AuthorCase{"number", R"("author":42)", {}}),
    [](const auto& row) { return row.param.name; });

struct IdCase {
    std::string name;
    std::string field;
    std::string id;
};

void PrintTo(const IdCase& c, std::ostream* os) { *os << c.name; }

class JsonIds : public ::testing::TestWithParam<IdCase> {};

TEST_P(JsonIds, AreText) {
    ParseResult r = parse_json(R"({"title":"T",)" + GetParam().field + "}", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].id, GetParam().id);
}

INSTANTIATE_TEST_SUITE_P(Table, JsonIds,
                         ::testing::Values(IdCase{"integer", R"("id":12345)", "12345"},
                                           IdCase{"big", R"("id":18446744073709551615)", "18446744073709551615"},
                                           IdCase{"negative", R"("id":-7)", "-7"},
                                           IdCase{"float", R"("id":3.0)", "3"},
                                           IdCase{"string", R"("id":" a-1 ")", "a-1"},
                                           IdCase{"mongo", R"("_id":{"$oid":"5f1d7e"})", "5f1d7e"},
                                           IdCase{"uuid", R"("uuid":"0b9c")", "0b9c"},
                                           IdCase{"guid", R"("guid":"tag:x,2024:1")", "tag:x,2024:1"},
                                           IdCase{"absent", R"("category":"x")", ""}),
                         [](const auto& row) { return row.param.name; });

struct DateCase {
    std::string name;
    std::string field;
    std::string iso;  // "" = no date
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << c.name; }

class JsonDates : public ::testing::TestWithParam<DateCase> {};

TEST_P(JsonDates, AreRead) {
    ParseResult r = parse_json(R"({"title":"T",)" + GetParam().field + "}", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    const Article& a = r.articles[0];
    if (GetParam().iso.empty()) {
        EXPECT_FALSE(a.date);
        EXPECT_EQ(a.date_origin, DateOrigin::none);
    } else {
        ASSERT_TRUE(a.date) << all_messages(r);
        EXPECT_EQ(a.date->iso(), GetParam().iso);
        EXPECT_EQ(a.date_origin, DateOrigin::metadata);
        EXPECT_FALSE(a.date_raw.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, JsonDates,
    ::testing::Values(DateCase{"unix_seconds", R"("published":1663891200)", "2022-09-23"},
                      DateCase{"unix_millis", R"("created_at":1663891200000)", "2022-09-23"},
                      DateCase{"unix_float", R"("date":1663891200.75)", "2022-09-23"},
                      DateCase{"unix_string", R"("timestamp":"x","date":"1663891200")", "2022-09-23"},
                      DateCase{"yyyymmdd", R"("date":20220923)", "2022-09-23"},
                      DateCase{"mongo", R"("date":{"$date":"2022-09-23T00:00:00Z"})", "2022-09-23"},
                      DateCase{"mongo_millis", R"("date":{"$date":{"$numberLong":"1663891200000"}})", "2022-09-23"},
                      DateCase{"pub_date", R"("pubDate":"2022-09-23")", "2022-09-23"},
                      DateCase{"date_published", R"("date_published":"2022-09-23T10:00:00+02:00")", "2022-09-23"},
                      DateCase{"first_readable", R"("date":"soon","publishedAt":"2022-09-23")", "2022-09-23"},
                      DateCase{"boolean_ignored", R"("published":true)", ""},
                      DateCase{"out_of_range", R"("date":99999999999999999)", ""},
                      DateCase{"negative", R"("date":-1e300)", ""}),
    [](const auto& row) { return row.param.name; });

TEST(Json, UnreadableDateIsAWarningAndTheArticleIsKept) {
    ParseResult r = parse_json_lines("{\"title\":\"T\",\"date\":\"the day after tomorrow\"}\n", kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_FALSE(r.articles[0].date);
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::warning, 1, "the day after tomorrow")) << all_messages(r);

    r = parse_json(R"([{"title":"T"},{"title":"U","publishedAt":"13/13/13"}])", kInput);
    ASSERT_EQ(r.articles.size(), 2u);
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::warning, 0, "record 2: unreadable date \"13/13/13\""))
        << all_messages(r);
}

TEST(Json, MissingFields) {
    ParseResult r = parse_json_lines(
        "{\"body\":\"The council approved the budget on Tuesday. It takes effect in May.\"}\n"
        "{\"title\":\"Only a title\"}\n"
        "{\"url\":\"https://example.com/x\",\"date\":\"2024-01-01\"}\n"
        "{}\n",
        kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "The council approved the budget on Tuesday");
    EXPECT_TRUE(r.articles[0].title_derived);
    EXPECT_EQ(r.articles[1].title, "Only a title");
    EXPECT_TRUE(r.articles[1].body.empty());
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 3, "neither a title nor a body"));
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 4, "neither a title nor a body"));
}

TEST(Json, NonObjectLines) {
    ParseResult r = parse_json_lines("[1,2]\n\"text\"\n42\nnull\n{\"title\":\"ok\"}\n", kInput);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].origin_record, 5u);
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 1, "not an object (found an array)"));
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 2, "not an object (found a string)"));
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 3, "not an object"));
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 4, "not an object (found null)"));
}

TEST(Json, HtmlInTextFieldsBecomesText) {
    ParseResult r = parse_json(
        R"({"title":"Q&amp;A: <em>what</em> next?","content":"<p>First &amp; foremost.</p><script>var x;</script><p>Second&nbsp;line &#8212; done.</p>",)"
        R"("summary":"Plain summary &lt;here&gt;"})",
        kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "Q&A: what next?");
    EXPECT_EQ(r.articles[0].body,
              "Plain summary <here>\n\nFirst & foremost.\n\nSecond line \xe2\x80\x94 done.");
}

TEST(Json, PlainTextParagraphs) {
    ParseResult r = parse_json(R"([{"title":"A","text":"One\ntwo.\n\nThree."},{"title":"B","text":"One.\nTwo."}])", kInput);
    ASSERT_EQ(r.articles.size(), 2u);
    EXPECT_EQ(r.articles[0].body, "One two.\n\nThree.");  // blank lines separate; single breaks wrap
    EXPECT_EQ(r.articles[1].body, "One.\n\nTwo.");        // no blank lines: a line is a paragraph
}

// Regression (Reuters-21578, reuters-5 and 270 more): the agency's sign-off
// under the last paragraph's final line was read as wrapping, joined to it
// ("... not available. Reuter") and tagged a person in the story.
TEST(Json, ASignOffAfterTheLastSentenceIsAParagraphOfItsOwn) {
    ParseResult r = parse_json(
        R"([{"title":"A","text":"First\nparagraph.\n\nLevel VI covers wheat.\nn.a.-not available.\n Reuter\n"},)"
        R"({"title":"B","text":"One.\n\nHe met\nPutin."},{"title":"C","text":"One.\n\nIt rose 5\npct."}])",
        kInput);
    ASSERT_EQ(r.articles.size(), 3u) << all_messages(r);
    EXPECT_EQ(r.articles[0].body, "First paragraph.\n\nLevel VI covers wheat. n.a.-not available.\n\nReuter");
    EXPECT_EQ(r.articles[1].body, "One.\n\nHe met Putin.");  // wrapping: the sentence goes on
    EXPECT_EQ(r.articles[2].body, "One.\n\nIt rose 5 pct.");
}

TEST(Json, ControlCharacters) {
    // escaped NUL and controls inside strings are removed from the text
    ParseResult r = parse_json(R"({"title":"Nul\u0000byte\u0007here","body":"a\u0000b\tc\u001fd"})", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "Nul byte here");
    EXPECT_EQ(r.articles[0].body, "a b c d");

    // a raw NUL byte is not JSON: that line is an error, the others are read
    std::string lines = "{\"title\":\"one\"}\n{\"title\":\"t#wo\"}\n{\"title\":\"three\"}\n";
    lines[lines.find('#')] = '\0';
    r = parse_json_lines(lines, kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[1].title, "three");
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 2, ""));
}

TEST(Json, InvalidUtf8DoesNotStopTheParser) {
    ParseResult r = parse_json_lines("{\"title\":\"caf\xe9 \xff\xfe\"}\n{\"title\":\"ok\"}\n", kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[0].title, "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::warning, 1, "UTF-8"));

    r = parse_json("[{\"title\":\"\xc0\xaf\"}]", kInput);
    EXPECT_EQ(r.articles.size(), 1u) << all_messages(r);

    // a lone surrogate escape is rejected by the JSON parser: a diagnostic, no crash
    r = parse_json(R"({"title":"\udc00"})", kInput);
    EXPECT_TRUE(r.articles.empty());
    EXPECT_FALSE(r.diagnostics.empty());
}

TEST(Json, DeepNestingIsRefused) {
    const std::string deep(100000, '[');
    auto start = std::chrono::steady_clock::now();
    ParseResult r = parse_json(deep, kInput);
    EXPECT_TRUE(r.articles.empty());
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 1, "nested deeper than 64")) << all_messages(r);

    r = parse_json_lines("{\"title\":\"before\"}\n" + deep + "\n{\"a\":" + std::string(70, '{') + "\n{\"title\":\"after\"}\n",
                         kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 2, "nested deeper"));
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 3, "nested deeper"));

    std::string balanced = std::string(100000, '{').replace(0, 1, "[") + std::string(100000, '}');
    r = parse_json(balanced, kInput);
    EXPECT_TRUE(r.articles.empty());
    EXPECT_FALSE(r.diagnostics.empty());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Json, NestingWithinTheLimitIsRead) {
    std::string nested = R"({"title":"T","extra":)" + std::string(50, '[') + std::string(50, ']') + "}";
    ParseResult r = parse_json(nested, kInput);
    EXPECT_EQ(r.articles.size(), 1u) << all_messages(r);
}

TEST(Json, EmptyInputs) {
    for (std::string_view empty : {"", "   \n\t\n", "\xEF\xBB\xBF"}) {
        ParseResult r = parse_json(empty, kInput);
        EXPECT_TRUE(r.articles.empty());
        EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 0, "empty input")) << all_messages(r);
        r = parse_json_lines(empty, kInput);
        EXPECT_TRUE(r.articles.empty());
        EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 0, "empty input")) << all_messages(r);
    }
    ParseResult r = parse_json("[]", kInput);
    EXPECT_TRUE(r.articles.empty());
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::warning, 0, "no articles"));
}

TEST(Json, ByteOrderMarkIsIgnored) {
    ParseResult r = parse_json("\xEF\xBB\xBF{\"title\":\"T\"}", kInput);
    ASSERT_EQ(r.articles.size(), 1u) << all_messages(r);
    EXPECT_TRUE(r.diagnostics.empty());
    r = parse_json_lines("\xEF\xBB\xBF{\"title\":\"A\"}\r\n{\"title\":\"B\"}\r\n", kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[1].origin_record, 2u);
}

TEST(Json, SyntaxErrorNamesItsLine) {
    ParseResult r = parse_json("[\n  {\"title\": \"a\"},\n  {\"title\": b}\n]", kInput);
    EXPECT_TRUE(r.articles.empty());
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].line, 3u);
    EXPECT_EQ(r.diagnostics[0].message.find("[json.exception"), std::string::npos);
}

TEST(Json, PrettyPrintedDocumentGivenAsJsonLines) {
    ParseResult r = parse_json_lines("[\n  {\"title\": \"a\"},\n  {\"title\": \"b\"}\n]\n", kInput);
    ASSERT_EQ(r.articles.size(), 2u) << all_messages(r);
    EXPECT_EQ(r.articles[1].origin_record, 2u);
}

TEST(Json, DescriptionAndBody) {
    struct Case {
        std::string json;
        std::string body;
    };
    const std::vector<Case> cases = {
        {R"({"title":"T","description":"Lead.","body":"Lead. More text."})", "Lead. More text."},
        {R"({"title":"T","description":"Lead.","content":"Other text."})", "Lead.\n\nOther text."},
        {R"({"title":"T","description":"Full description here.","content":"Full descr… [+99 chars]"})", "Full description here."},
        {R"({"title":"T","description":"T","content":"Body."})", "Body."},
        {R"({"title":"T","summary":"Only a summary."})", "Only a summary."},
        {R"({"title":"T","body":"Short.","text":"The longer text wins."})", "The longer text wins."},
        {R"({"title":"T","content":{"rendered":"<p>WordPress</p>"}})", "WordPress"},
        {R"({"title":"T","body":["First.","",42,"Second."]})", "First.\n\nSecond."},
    };
    for (const auto& c : cases) {
        ParseResult r = parse_json(c.json, kInput);
        ASSERT_EQ(r.articles.size(), 1u) << c.json;
        EXPECT_EQ(r.articles[0].body, c.body) << c.json;
    }
}

TEST(Json, SourceAndUrlShapes) {
    ParseResult r = parse_json(
        R"([{"title":"A","source":"AP","link":"https://a"},{"title":"B","source":{"title":"Feed"},"link":{"href":"https://b"}},)"
        R"({"title":"C","publisher":{"name":"Pub"},"webUrl":"https://c"},{"title":"D","source":["x"],"url":5}])",
        kInput);
    ASSERT_EQ(r.articles.size(), 4u);
    EXPECT_EQ(r.articles[0].source, "AP");
    EXPECT_EQ(r.articles[0].url, "https://a");
    EXPECT_EQ(r.articles[1].source, "Feed");
    EXPECT_EQ(r.articles[1].url, "https://b");
    EXPECT_EQ(r.articles[2].source, "Pub");
    EXPECT_EQ(r.articles[2].url, "https://c");
    EXPECT_EQ(r.articles[3].source, "");
    EXPECT_EQ(r.articles[3].url, "");
}

TEST(Json, ScalarDocument) {
    ParseResult r = parse_json("\"just a string\"", kInput);
    EXPECT_TRUE(r.articles.empty());
    EXPECT_TRUE(has_diagnostic(r, Diagnostic::Severity::error, 0, "not an article object or array"));
}

TEST(JsonNesting, CountsBracketsOutsideStrings) {
    EXPECT_EQ(json_nesting_overflow(R"({"a":[1,{"b":2}]})", 3), std::string_view::npos);
    EXPECT_EQ(json_nesting_overflow(R"({"a":[1,{"b":2}]})", 2), 8u);
    EXPECT_EQ(json_nesting_overflow(R"({"a":"[[[[[[\"[[["})", 1), std::string_view::npos);
    EXPECT_EQ(json_nesting_overflow("]]]][", 1), std::string_view::npos);
}

}  // namespace
}  // namespace news
