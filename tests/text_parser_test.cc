/// @file text_parser_test.cc
/// @brief Plain-text articles: slug lines, headlines, headings, boilerplate, derived titles.
#include "common/text_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace news {
namespace {

Article parse_one(const std::string& text) {
    ParseResult r = parse_text(text, InputRef{.path = "a.txt"});
    EXPECT_EQ(r.articles.size(), 1u);
    for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
    return r.articles.empty() ? Article{} : r.articles.front();
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kSlugged =
    "Ukraine_Russia_Talks_Conclude_In_Abu_Dhabi\n"
    "\n"
    "Ukraine-Russia Talks Conclude In Abu Dhabi With Prisoner Swap Agreed\n"
    "\n"
    "Ukraine-Russia Talks Conclude In Abu Dhabi With Prisoner Swap Agreed\n"
    "\n"
    "Delegations from Kyiv and Moscow met for two days of talks in Abu Dhabi. Officials described the "
    "meetings as constructive.\n"
    "\n"
    "Key Outcomes\n"
    "\n"
    "Both sides agreed to exchange prisoners and to meet again next month.\n"
    "\n"
    "Back To Top\n"
    "\n"
    "What Comes Next\n"
    "\n"
    "A further round is planned. The U.S. envoy said the talks would continue.\n"
    "\n"
    "Share this:\n"
    "Click to share on Facebook (Opens in new window)\n"
    "Leave a Reply\n"
    "Your email address will not be published. Required fields are marked *\n"
    "Comment *\n"
    "Name *\n";

TEST(TextParser, SlugDroppedHeadlineIsTitleAndNotRepeated) {
    Article a = parse_one(kSlugged);
    EXPECT_EQ(a.title, "Ukraine-Russia Talks Conclude In Abu Dhabi With Prisoner Swap Agreed");
    EXPECT_FALSE(a.title_derived);
    EXPECT_FALSE(contains(a.body, "Ukraine_Russia"));
    EXPECT_FALSE(contains(a.body, "Prisoner Swap Agreed"));  // the repeated headline is not body text
    EXPECT_TRUE(contains(a.body, "Delegations from Kyiv and Moscow"));
}

TEST(TextParser, SectionHeadingsStayTextButAreRecorded) {
    Article a = parse_one(kSlugged);
    EXPECT_TRUE(contains(a.body, "Key Outcomes"));
    EXPECT_TRUE(contains(a.body, "What Comes Next"));
    EXPECT_NE(std::find(a.headings.begin(), a.headings.end(), "Key Outcomes"), a.headings.end());
    EXPECT_NE(a.title, "Key Outcomes");
}

TEST(TextParser, BoilerplateRemoved) {
    Article a = parse_one(kSlugged);
    for (const char* junk : {"Back To Top", "Leave a Reply", "Share this", "Click to share", "email address",
                             "Required fields", "Name *"}) {
        EXPECT_FALSE(contains(a.body, junk)) << junk;
    }
    EXPECT_TRUE(contains(a.body, "A further round is planned."));
}

// Reuters pages end with their standards line: page furniture, not story text.
TEST(TextParser, ReutersStandardsLineIsFurniture) {
    Article a = parse_one(
        "Talks Resume In Abu Dhabi\n\n"
        "KYIV, Jan 23 (Reuters) - Talks resumed on Friday, officials said.\n\n"
        "Reporting by Tom Balmforth; Editing by Andrew Osborn\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n");
    EXPECT_TRUE(contains(a.body, "Reporting by Tom Balmforth"));  // the extractor reads credits
    EXPECT_FALSE(contains(a.body, "Trust Principles")) << a.body;
}

// Regression: the WordPress share block ("Share this:", "Like this:") ends the article; the
// markers were written with their colon, which line normalisation strips, so they never
// matched and the related-post titles that follow were indexed as body text.
TEST(TextParser, ShareBlockEndsTheArticle) {
    Article a = parse_one(
        "Talks Resume In Geneva\n\n"
        "Negotiators met in Geneva on Monday. They said the talks were useful.\n\n"
        "A second round is planned for March. Officials declined to give details.\n\n"
        "The envoy said progress had been made on prisoner exchanges.\n\n"
        "Share this:\nTwitter\nFacebook\n"
        "Like this:\nLike Loading...\n"
        "Related\n"
        "Cocoa Prices Climb On West African Weather Worries\n"
        "In \"Markets\"\n");
    EXPECT_TRUE(contains(a.body, "prisoner exchanges"));
    EXPECT_FALSE(contains(a.body, "Cocoa Prices")) << a.body;
    EXPECT_FALSE(contains(a.body, "Loading")) << a.body;
}

TEST(TextParser, NoHeadlineGivesDerivedTitleFromFirstSentence) {
    Article a = parse_one(
        "ABU DHABI, Feb 1 (Reuters) - Russian and Ukrainian negotiators ended two days of U.S.-brokered talks "
        "in Abu Dhabi on Sunday. Both sides said they would meet again.\n\n"
        "The talks were the first direct meeting in months.\n");
    EXPECT_TRUE(a.title_derived);
    EXPECT_EQ(a.title, "Russian and Ukrainian negotiators ended two days of U.S.-brokered talks in Abu Dhabi on Sunday");
    EXPECT_EQ(a.source, "Reuters");
    EXPECT_TRUE(contains(a.body, "ABU DHABI, Feb 1 (Reuters)"));
}

TEST(TextParser, DerivedTitleSkipsLeadingSectionHeading) {
    Article a = parse_one(
        "Background\n\nPresident Volodymyr Zelenskiy said on Saturday that the talks were useful. "
        "He spoke in Kyiv.\n\nMore text follows here.\n");
    EXPECT_TRUE(a.title_derived);
    EXPECT_EQ(a.title, "President Volodymyr Zelenskiy said on Saturday that the talks were useful");
}

TEST(TextParser, LongFirstSentenceIsCutAtAWord) {
    std::string sentence(40, 'x');
    std::string text;
    for (int i = 0; i < 6; ++i) text += "word" + std::to_string(i) + " " + sentence + " ";
    text += "end.\n";
    Article a = parse_one(text);
    EXPECT_TRUE(a.title_derived);
    EXPECT_LE(a.title.size(), 124u);
    EXPECT_TRUE(a.title.ends_with("\xe2\x80\xa6"));
}

TEST(TextParser, BylineAndDateLinesAreMetadata) {
    Article a = parse_one(
        "Talks Resume In Geneva After Long Pause\nBy Jane Doe and John Roe\nPublished: 2026-01-24\n\n"
        "Negotiators returned to the table on Saturday after a pause of three months.\n");
    EXPECT_EQ(a.title, "Talks Resume In Geneva After Long Pause");
    ASSERT_EQ(a.authors.size(), 2u);
    EXPECT_EQ(a.authors[0], "Jane Doe");
    EXPECT_EQ(a.authors[1], "John Roe");
    ASSERT_TRUE(a.date.has_value());
    EXPECT_EQ(a.date->iso(), "2026-01-24");
    EXPECT_FALSE(contains(a.body, "Jane Doe"));
}

TEST(TextParser, SentenceWithoutFullStopIsNotMistakenForHeadlineWhenLong) {
    // A first line of body text that happens to have no final full stop but is long.
    Article a = parse_one(
        "Officials from both countries met in the capital on Friday to discuss a ceasefire, prisoner "
        "exchanges, energy infrastructure, humanitarian corridors and the future of the talks\n\nMore.\n");
    EXPECT_TRUE(a.title_derived);
}

struct SlugCase {
    const char* first_line;
    bool dropped;
};
class TextParserSlug : public ::testing::TestWithParam<SlugCase> {};

TEST_P(TextParserSlug, RecognisesFileNameSlugs) {
    std::string text = std::string(GetParam().first_line) + "\n\nSome Headline Words Are Here\n\nBody sentence one.\n";
    Article a = parse_one(text);
    EXPECT_EQ(!contains(a.body + a.title, GetParam().first_line), GetParam().dropped);
}

INSTANTIATE_TEST_SUITE_P(Table, TextParserSlug,
                         ::testing::Values(SlugCase{"Some_Title_Words", true}, SlugCase{"talks-end-in-abu-dhabi", true},
                                           SlugCase{"US_Officials_Hail_Talks.txt", true},
                                           SlugCase{"Kyiv", false}));

TEST(TextParser, EmptyTextIsAnError) {
    ParseResult r = parse_text("\n\n  \n", InputRef{.path = "e.txt"});
    EXPECT_TRUE(r.articles.empty());
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].path, "e.txt");
}

TEST(DeriveTitle, KeepsAbbreviationsInsideTheSentence) {
    EXPECT_EQ(derive_title("Mr. Smith met U.S. officials in Washington. Then he left."),
              "Mr. Smith met U.S. officials in Washington");
    EXPECT_EQ(derive_title("Prices rose 2.5 percent in January. Analysts were surprised."),
              "Prices rose 2.5 percent in January");
}

}  // namespace
}  // namespace news
