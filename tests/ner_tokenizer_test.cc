/// @file ner_tokenizer_test.cc
/// @brief Tokenizer, sentence splitting and line casing.
#include "common/ner/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace news::ner {
namespace {

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(text).tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
    return out;
}

struct TokenCase {
    std::string text;
    std::vector<std::string> tokens;
};

class TokenizerTest : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenizerTest, Splits) { EXPECT_EQ(words_of(GetParam().text), GetParam().tokens); }

INSTANTIATE_TEST_SUITE_P(
    Cases, TokenizerTest,
    ::testing::Values(
        TokenCase{"Hello, world.", {"Hello", ",", "world", "."}},
        TokenCase{"Trump's plan", {"Trump", "'s", "plan"}},
        TokenCase{"Trump\xE2\x80\x99s plan", {"Trump", "\xE2\x80\x99s", "plan"}},
        TokenCase{"They don't know", {"They", "do", "n't", "know"}},
        TokenCase{"the U.S. and U.K. economies", {"the", "U.S.", "and", "U.K.", "economies"}},
        TokenCase{"Mr. Smith of Acme Inc. said", {"Mr.", "Smith", "of", "Acme", "Inc.", "said"}},
        TokenCase{"It cost $1,000.50 on 3:30", {"It", "cost", "$", "1,000.50", "on", "3:30"}},
        TokenCase{"Urdu-speaking O'Neill AT&T", {"Urdu-speaking", "O'Neill", "AT&T"}},
        TokenCase{"Russia-U.S.-Ukraine Talks", {"Russia", "-", "U.S.", "-", "Ukraine", "Talks"}},
        TokenCase{"\"Quoted\" (bracketed)", {"\"", "Quoted", "\"", "(", "bracketed", ")"}},
        TokenCase{"Kyiv \xE2\x80\x94 Z\xC3\xBCrich", {"Kyiv", "\xE2\x80\x94", "Z\xC3\xBCrich"}},
        TokenCase{"", {}},
        TokenCase{"\xFF\xFE broken", {"\xFF\xFE", "broken"}}));

TEST(Tokenizer, OffsetsPointIntoTheText) {
    const std::string text = "  Angela Merkel visited Paris.";
    const TokenizedText tt = tokenize(text);
    ASSERT_EQ(tt.tokens.size(), 5u);
    EXPECT_EQ(tt.tokens[0].begin, 2u);
    EXPECT_EQ(text.substr(tt.tokens[3].begin, tt.tokens[3].end - tt.tokens[3].begin), "Paris");
}

TEST(Tokenizer, SplitsSentencesAndHeadingLines) {
    const std::string text =
        "Key Outcomes\n"
        "The talks ended. A deal was signed in Geneva.\n"
        "It was\nwrapped here.\n\n"
        "Back To Top";
    const TokenizedText tt = tokenize(text);
    std::vector<std::string> sentences;
    for (const SentenceRange& r : tt.sentences) {
        sentences.emplace_back(text.substr(tt.tokens[r.first].begin, tt.tokens[r.last - 1].end - tt.tokens[r.first].begin));
    }
    // A heading line ends its sentence; a wrapped line of prose does not.
    const std::vector<std::string> expected{"Key Outcomes", "The talks ended.", "A deal was signed in Geneva.",
                                            "It was\nwrapped here.", "Back To Top"};
    EXPECT_EQ(sentences, expected);
}

TEST(Tokenizer, AbbreviationDoesNotEndSentence) {
    const TokenizedText tt = tokenize("He met Mr. Smith in the U.S. capital. Then he left.");
    EXPECT_EQ(tt.sentences.size(), 2u);
}

struct CaseRow {
    std::vector<std::string_view> words;
    LineCase expected;
};

TEST(LineCase, Classifies) {
    const std::vector<CaseRow> rows{
        {{"Key", "Outcomes"}, LineCase::title},
        {{"Leave", "a", "Reply"}, LineCase::title},
        {{"Back", "To", "Top"}, LineCase::title},
        {{"EU", "REJECTS", "GERMAN", "CALL"}, LineCase::upper},
        {{"The", "talks", "ended", "."}, LineCase::normal},
        {{"1996-08-22"}, LineCase::normal},
        {{"Peter", "Blackburn"}, LineCase::title},
    };
    for (const auto& row : rows) EXPECT_EQ(line_case(row.words), row.expected) << row.words.front();
}

}  // namespace
}  // namespace news::ner
