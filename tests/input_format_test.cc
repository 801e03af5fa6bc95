/// @file input_format_test.cc
/// @brief Format detection, decoding and article identity.
#include "common/input_format.h"

#include <gtest/gtest.h>

#include <string>

namespace news {
namespace {

struct DetectCase {
    const char* path;
    std::string content;
    InputFormat expected;
};
class Detect : public ::testing::TestWithParam<DetectCase> {};
TEST_P(Detect, ByExtensionThenContent) {
    EXPECT_EQ(detect_format(GetParam().path, GetParam().content), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(
    Table, Detect,
    ::testing::Values(DetectCase{"a.jsonl", "{}", InputFormat::json_lines},
                      DetectCase{"a.ndjson", "", InputFormat::json_lines},
                      DetectCase{"a.json", "[{}]", InputFormat::json},
                      DetectCase{"a.json", "{\"a\":1}\n{\"a\":2}\n", InputFormat::json_lines},
                      DetectCase{"a.html", "hello", InputFormat::html},
                      DetectCase{"a.HTM", "hello", InputFormat::html},
                      DetectCase{"a.txt", "Plain words", InputFormat::text},
                      DetectCase{"noext", "  <!DOCTYPE html><html></html>", InputFormat::html},
                      DetectCase{"noext", "\xef\xbb\xbf{\"title\":\"x\"}", InputFormat::json},
                      DetectCase{"noext", "{\"a\":1}\n{\"a\":2}", InputFormat::json_lines},
                      DetectCase{"noext", "<not html> just text", InputFormat::text}));

TEST(ArticleFileName, KnownExtensionsOrNone) {
    EXPECT_TRUE(is_article_file_name("000_talks.txt"));
    EXPECT_TRUE(is_article_file_name("feed.JSONL"));
    EXPECT_TRUE(is_article_file_name("README"));
    EXPECT_FALSE(is_article_file_name("photo.jpg"));
    EXPECT_FALSE(is_article_file_name(".hidden.txt"));
}

TEST(Identity, ExplicitIdThenUrlThenPathWithRecord) {
    Article a;
    a.id = "abc";
    a.url = "https://x";
    assign_identity(a);
    EXPECT_EQ(a.id, "abc");
    Article b;
    b.url = "https://x";
    b.origin_path = "/d/f.jsonl";
    b.origin_record = 3;
    assign_identity(b);
    EXPECT_EQ(b.id, "https://x");
    Article c;
    c.origin_path = "/d/f.jsonl";
    c.origin_record = 3;
    assign_identity(c);
    EXPECT_EQ(c.id, "/d/f.jsonl#3");
    Article d;
    d.origin_path = "-";
    d.body = "text";
    assign_identity(d);
    EXPECT_TRUE(d.id.starts_with("stdin:"));
}

TEST(ParseInput, RejectsBinaryAndEmptyAndRepairsEncoding) {
    ParseResult bin = parse_input(std::string("\x89PNG\r\n\x1a\n\0\0", 10), InputRef{.path = "x.txt"});
    EXPECT_TRUE(bin.articles.empty());
    ASSERT_EQ(bin.diagnostics.size(), 1u);
    EXPECT_NE(bin.diagnostics[0].message.find("binary"), std::string::npos);

    ParseResult empty = parse_input("  \n", InputRef{.path = "x.txt"});
    EXPECT_TRUE(empty.articles.empty());
    EXPECT_EQ(empty.diagnostics.size(), 1u);

    ParseResult latin = parse_input("Caf\xe9 talks resume in Kyiv today after a pause.\n", InputRef{.path = "l.txt"});
    ASSERT_EQ(latin.articles.size(), 1u);
    EXPECT_NE(latin.articles[0].body.find("Caf\xc3\xa9"), std::string::npos);

    ParseResult mixed = parse_input("Zelens\xca\xb9kyi \xff spoke at length about the talks.\n", InputRef{.path = "m.txt"});
    ASSERT_EQ(mixed.articles.size(), 1u);
    EXPECT_NE(mixed.articles[0].body.find("\xef\xbf\xbd"), std::string::npos);
    ASSERT_FALSE(mixed.diagnostics.empty());
    EXPECT_EQ(mixed.diagnostics[0].severity, Diagnostic::Severity::warning);
}

}  // namespace
}  // namespace news
