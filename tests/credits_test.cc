/// @file credits_test.cc
/// @brief Credit lines ("Reporting by ...; Editing by ...") and how the extractor uses them.
#include "common/credits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "common/extract.h"
#include "common/ner/recognizer.h"

namespace news {
namespace {

using Names = std::vector<std::string>;

TEST(CreditLines, ReutersRolesSplitIntoWritersAndOthers) {
    const std::string line =
        "Reporting by Tom Balmforth in Kyiv and Olena Harmash; Additional reporting by Anna Berg; "
        "Writing by Guy Faulconbridge; Editing by Andrew Osborn and Ros Russell";
    const std::string text = "Talks resumed on Friday.\n\n" + line + "\n";
    auto credits = find_credit_lines(text);
    ASSERT_EQ(credits.size(), 1u);
    EXPECT_EQ(credits[0].writers, (Names{"Tom Balmforth", "Olena Harmash", "Anna Berg", "Guy Faulconbridge"}));
    EXPECT_EQ(credits[0].others, (Names{"Andrew Osborn", "Ros Russell"}));
    EXPECT_EQ(text.substr(credits[0].begin, credits[0].end - credits[0].begin), line);
}

TEST(CreditLines, ParenthesesCommasAndLowerCaseRoles) {
    const std::string paren = "(Reporting by Jane Doe; Editing by John Roe)";
    auto a = find_credit_lines(paren);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].writers, (Names{"Jane Doe"}));
    EXPECT_EQ(a[0].others, (Names{"John Roe"}));
    EXPECT_EQ(a[0].begin, 0u);
    EXPECT_EQ(a[0].end, paren.size());  // the whole line, parentheses included
    auto b = find_credit_lines("Reporting by Jane Doe, writing by Li Wei and editing by Ursula von der Leyen.");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].writers, (Names{"Jane Doe", "Li Wei"}));
    EXPECT_EQ(b[0].others, (Names{"Ursula von der Leyen"}));
}

TEST(CreditLines, ContributorsLines) {
    auto a = find_credit_lines(
        "Associated Press writers Jill Lawless in London and Danica Kirka contributed to this report.");
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].writers, (Names{"Jill Lawless", "Danica Kirka"}));
    EXPECT_TRUE(a[0].others.empty());
    auto b = find_credit_lines("Jane Doe contributed reporting.");
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].writers, (Names{"Jane Doe"}));
}

TEST(CreditLines, ProseIsLeftAlone) {
    for (const char* prose : {
             "Reporting by the BBC found that ministers had been warned.",
             "Written by hand, the letter reached Kyiv on Monday.",
             "Editing by committee rarely works, the minister said.",
             "The minister said he contributed.",
             "Russia contributed to the talks.",
             "Ukraine, which contributed to this report, said so.",
             "He said: Reporting by Jane Doe was accurate.",
             "Reporting by",
         }) {
        EXPECT_TRUE(find_credit_lines(prose).empty()) << prose;
    }
}

// Regression (Reuters-21578, reuters-21379): a hard-wrapped line ending
// "... Association contributed" mid-sentence became a contributors' line,
// making "California Federal Savings" and "Loan Association" authors.
TEST(CreditLines, HardWrappedProseEndingInContributedIsLeftAlone) {
    EXPECT_TRUE(find_credit_lines("with 30.6 mln.\n    California Federal Savings and Loan Association contributed\n"
                                  "net earnings of 44.5 mln dlrs for the third quarter.")
                    .empty());
    EXPECT_TRUE(find_credit_lines("the bank said that\nJane Doe contributed.").empty());  // mid-sentence
    EXPECT_EQ(find_credit_lines("The talks ended.\nJane Doe contributed.").size(), 1u);
    EXPECT_EQ(find_credit_lines("The talks ended.\n\nJane Doe contributed to this report.").size(), 1u);
}

TEST(CreditLines, ASignOffEndingTheTextIsACreditNamingNobody) {
    for (const char* sign_off : {"Reuter", "REUTER", "REUTER...", "-- AFP", "\xE2\x80\x94 AFP", "(AP)", "MORE"}) {
        const std::string text = std::string("Talks resumed in Abu Dhabi on Friday.\n\n  ") + sign_off + " \r\n\n";
        const std::vector<CreditLine> found = find_credit_lines(text);
        ASSERT_EQ(found.size(), 1u) << sign_off;
        EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), sign_off);
        EXPECT_TRUE(found[0].writers.empty());
        EXPECT_TRUE(found[0].others.empty());
    }
    // After a credit line, both count.
    const std::string both = "Talks resumed.\n(Reporting by Jane Doe; Editing by John Roe)\nReuter";
    const std::vector<CreditLine> found = find_credit_lines(both);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].writers, (Names{"Jane Doe"}));
    EXPECT_EQ(both.substr(found[1].begin), "Reuter");
}

TEST(CreditLines, OtherLastLinesAreNotSignOffs) {
    for (const char* text : {
             "Reuter",                                     // nothing before it: a title, say
             "Talks resumed.\nVladimir Putin",             // two words
             "Talks resumed.\nThe talks ended.",           // a sentence
             "Talks resumed.\nReuter\nThe talks ended.",  // not the last line
             "Talks resumed.\nA",                         // one letter
             "Talks resumed.\nG7",                        // not all letters
             "Talks resumed.\n--",                        // no word
         }) {
        EXPECT_TRUE(find_credit_lines(text).empty()) << text;
    }
}

// Regression: reporters and editors named in a credit line became people of
// the story ("Reporting by Tom Balmforth; Editing by Andrew Osborn" put both
// in the person facet) and the article had no authors.
TEST(ExtractorCredits, JournalistsAreAuthorsNotPeople) {
    if (!std::filesystem::exists(ner::Recognizer::default_model_path())) GTEST_SKIP() << "no default model";
    const Extractor extractor(ExtractOptions{});
    Article a;
    a.title = "Ukraine talks resume in Abu Dhabi";
    a.body =
        "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskiy said talks with Russian and U.S. officials "
        "would resume in Abu Dhabi on Friday, Kremlin spokesman Dmitry Peskov said.\n\n"
        "Reporting by Tom Balmforth and Olena Harmash; Writing by Guy Faulconbridge; Editing by Andrew Osborn";
    a.authors = {"tom balmforth"};  // already known (case aside): not added twice
    extractor.extract(a);
    auto has = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    EXPECT_TRUE(has(a.entities.person, "Volodymyr Zelenskiy"));
    EXPECT_TRUE(has(a.entities.person, "Dmitry Peskov"));
    for (const char* journalist : {"Tom Balmforth", "Olena Harmash", "Guy Faulconbridge", "Faulconbridge",
                                   "Andrew Osborn"}) {
        EXPECT_FALSE(has(a.entities.person, journalist)) << journalist;
    }
    EXPECT_EQ(a.authors, (Names{"tom balmforth", "Olena Harmash", "Guy Faulconbridge"}));
    for (const auto& f : a.found.person) EXPECT_NE(f.name, "Andrew Osborn");
}

// Regression (Reuters-21578): "Reuter" alone on the last line, the agency's
// sign-off, was a person in 18,984 of the 21,577 stories, first in every
// person facet.
TEST(ExtractorCredits, TheAgencySignOffIsNotAnEntity) {
    if (!std::filesystem::exists(ner::Recognizer::default_model_path())) GTEST_SKIP() << "no default model";
    const Extractor extractor(ExtractOptions{});
    for (const char* sign_off : {"Reuter", "REUTER"}) {
        Article a;
        a.title = "Ukraine talks resume in Abu Dhabi";
        a.body = std::string("Kremlin spokesman Dmitry Peskov said talks with Ukrainian officials would resume "
                             "in Abu Dhabi on Friday.\n\n") +
                 sign_off + "\n";
        extractor.extract(a);
        auto named = [&](const std::vector<std::string>& v) {
            return std::any_of(v.begin(), v.end(), [](const std::string& s) { return s.find("euter") != std::string::npos ||
                                                                                      s.find("EUTER") != std::string::npos; });
        };
        EXPECT_TRUE(std::find(a.entities.person.begin(), a.entities.person.end(), "Dmitry Peskov") !=
                    a.entities.person.end()) << sign_off;
        EXPECT_FALSE(named(a.entities.person)) << sign_off;
        EXPECT_FALSE(named(a.entities.org)) << sign_off;
        EXPECT_FALSE(named(a.entities.misc)) << sign_off;
        EXPECT_TRUE(a.authors.empty()) << sign_off;
    }
}

}  // namespace
}  // namespace news
