/// @file snippet_test.cc
/// @brief SnippetMaker: matching (words, stems, phrases, fields), window choice, escaping, UTF-8, long texts.
#include "searcher/snippet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "common/utf8.h"

namespace news {
namespace {

/// Parses @p query as news-search does (English stemming, STEM_SOME, title: prefix).
Xapian::Query parse(const std::string& query) {
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_prefix("title", "S");
    qp.add_prefix("person", "XPER");
    qp.add_boolean_prefix("id", "Q");
    return qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
}

std::string snippet(const std::string& query, const std::string& text, std::size_t max_bytes = 240) {
    SnippetMaker maker(parse(query), Xapian::Stem("english"));
    return maker.make(text, SnippetOptions{.max_bytes = max_bytes});
}

/// The snippet without markup and ellipses.
std::string plain(std::string s) {
    for (const char* tag : {"<mark>", "</mark>", "\xe2\x80\xa6"}) {
        for (auto at = s.find(tag); at != std::string::npos; at = s.find(tag)) s.erase(at, std::string(tag).size());
    }
    return s;
}

struct MatchCase {
    std::string query;
    std::string text;
    std::string expected;
};

class Matching : public ::testing::TestWithParam<MatchCase> {};

TEST_P(Matching, HighlightsTheQueryWords) { EXPECT_EQ(snippet(GetParam().query, GetParam().text), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, Matching,
    ::testing::Values(
        // several words, each form of each
        MatchCase{"oil prices", "Oil price rose as prices of crude oil climbed.",
                  "<mark>Oil</mark> <mark>price</mark> rose as <mark>prices</mark> of crude <mark>oil</mark> climbed."},
        // stemmed forms, any case
        MatchCase{"talk", "Talks began; they were talking and had talked.",
                  "<mark>Talks</mark> began; they were <mark>talking</mark> and had <mark>talked</mark>."},
        // stems that change the word's end
        MatchCase{"countries", "One country, two countries.", "One <mark>country</mark>, two <mark>countries</mark>."},
        // a phrase only as the phrase (and with a possessive)
        MatchCase{"\"west germany\"", "West German firms in West Germany and Germany. West Germany's trade.",
                  "West German firms in <mark>West Germany</mark> and Germany. <mark>West Germany's</mark> trade."},
        // capitalised query words are not stemmed; a possessive still matches
        MatchCase{"Zelenskyy", "Zelenskyy said. Zelenskyy's aide and Zelenskyy\xe2\x80\x99s envoy.",
                  "<mark>Zelenskyy</mark> said. <mark>Zelenskyy's</mark> aide and <mark>Zelenskyy\xe2\x80\x99s</mark> envoy."},
        // field prefixes match the words; boolean terms do not
        MatchCase{"title:envoys person:ryabkov id:envoys", "Envoys met Ryabkov.", "<mark>Envoys</mark> met <mark>Ryabkov</mark>."},
        // non-ASCII words
        MatchCase{"café", "Le Café de Flore, a CAFÉ.", "Le <mark>Café</mark> de Flore, a <mark>CAFÉ</mark>."},
        // not inside other words
        MatchCase{"oil", "Soil and oilfield, but oil.", "Soil and oilfield, but <mark>oil</mark>."},
        // escaped, whitespace collapsed
        MatchCase{"bonds", "Yields <rose> &\n\n  \"bonds\" fell", "Yields &lt;rose&gt; &amp; &quot;<mark>bonds</mark>&quot; fell"},
        // wildcards are not expanded for snippets
        MatchCase{"ryab*", "Ryabkov said.", "Ryabkov said."},
        // no match: the leading text
        MatchCase{"zebra", "Nothing here matches.", "Nothing here matches."}));

TEST(Snippet, PicksTheWindowWithTheMostQueryWords) {
    std::string text = "Prices fell in early trade. ";
    for (int i = 0; i < 30; ++i) text += "Nothing of interest was said in this sentence. ";
    text += "Later, crude oil prices rose sharply. ";
    for (int i = 0; i < 30; ++i) text += "More filler text follows here. ";
    std::string s = snippet("oil prices", text, 120);
    EXPECT_NE(s.find("<mark>oil</mark> <mark>prices</mark>"), std::string::npos) << s;
    EXPECT_EQ(s.rfind("\xe2\x80\xa6", 0), 0u) << "starts with an ellipsis: " << s;
    EXPECT_NE(s.find("Later, crude"), std::string::npos) << "starts at the sentence: " << s;
    EXPECT_LE(plain(s).size(), 120u);
}

TEST(Snippet, LeadingTextWhenNothingMatchesIsCutAtAWord) {
    std::string text = "The first sentence is here. The second sentence follows it and goes on for a while longer.";
    std::string s = snippet("zebra", text, 40);
    EXPECT_EQ(s, "The first sentence is here. The second\xe2\x80\xa6");
}

TEST(Snippet, ShortTextsAreWholeWithoutEllipses) {
    EXPECT_EQ(snippet("short", "A short text."), "A <mark>short</mark> text.");
    EXPECT_EQ(snippet("short", ""), "");
    EXPECT_EQ(snippet("", "Only text."), "Only text.");
}

TEST(Snippet, NeverCutsAUtf8Character) {
    // Words of two-, three- and four-byte characters, and a long run without spaces.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "\xc3\xa9t\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 ";
    text += "needle ";
    for (int i = 0; i < 200; ++i) text += "\xe6\x97\xa5";
    for (std::size_t max : {5u, 17u, 31u, 64u, 100u, 239u}) {
        for (const char* q : {"needle", "zebra"}) {
            std::string s = snippet(q, text, max);
            EXPECT_TRUE(utf8::valid(s)) << q << " " << max;
            EXPECT_LE(plain(s).size(), max) << q << " " << max;
        }
    }
    std::string tail = snippet("zebra", std::string(300, 'x'), 10);  // one word longer than the window
    EXPECT_EQ(plain(tail), std::string(10, 'x'));
}

TEST(Snippet, FindsAMatchFarIntoALongBody) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "filler words ";
    text += "the needle is here. ";
    for (int i = 0; i < 20000; ++i) text += "more words ";
    std::string s = snippet("needle", text);
    EXPECT_NE(s.find("<mark>needle</mark>"), std::string::npos);
    EXPECT_EQ(s.rfind("\xe2\x80\xa6", 0), 0u);
    EXPECT_LE(plain(s).size(), 240u);

    // Past the scan limit only the leading text is shown.
    SnippetMaker maker(parse("needle"), Xapian::Stem("english"));
    std::string lead = maker.make(text, SnippetOptions{.max_bytes = 60, .scan_limit = 1000});
    EXPECT_EQ(lead.find("<mark>"), std::string::npos);
    EXPECT_EQ(lead.rfind("filler words", 0), 0u);
}

TEST(Snippet, CustomHighlightAndWordSets) {
    SnippetMaker maker(parse("title:envoys \"prisoner exchange\" talks"), Xapian::Stem("english"));
    EXPECT_EQ(maker.phrases().size(), 1u);
    EXPECT_NE(std::find(maker.stems().begin(), maker.stems().end(), "envoy"), maker.stems().end());  // title prefix stripped
    EXPECT_NE(std::find(maker.stems().begin(), maker.stems().end(), "talk"), maker.stems().end());
    std::string s = maker.make("The prisoner exchange talks.", SnippetOptions{.highlight_start = "[", .highlight_end = "]"});
    EXPECT_EQ(s, "The [prisoner exchange] [talks].");
}

}  // namespace
}  // namespace news
