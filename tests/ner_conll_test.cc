/// @file ner_conll_test.cc
/// @brief CoNLL reading (IOB1) and conlleval-style scoring, checked by hand.
#include "common/ner/conll.h"

#include <gtest/gtest.h>

#include <sstream>

namespace news::ner {
namespace {

std::vector<ConllDocument> read(const std::string& text) {
    std::istringstream in(text);
    return read_conll(in, "test");
}

TEST(Conll, ReadsDocumentsSentencesAndIob1) {
    const auto docs = read(
        "-DOCSTART- -X- O O\n"
        "\n"
        "EU NNP I-NP I-ORG\n"
        "rejects VBZ I-VP O\n"
        "German JJ I-NP I-MISC\n"
        "call NN I-NP O\n"
        "\n"
        "Peter NNP I-NP I-PER\n"
        "Blackburn NNP I-NP I-PER\n"
        "\n"
        "-DOCSTART- -X- -X- O\n"
        "\n"
        "In IN I-PP O\n"
        "Paris NNP I-NP I-LOC\n"
        "Rome NNP I-NP B-LOC\n"
        "New NNP I-NP I-LOC\n"
        "York NNP I-NP I-LOC\n");
    ASSERT_EQ(docs.size(), 2u);
    ASSERT_EQ(docs[0].sentences.size(), 2u);
    const auto& s0 = docs[0].sentences[0];
    EXPECT_EQ(s0.words, (std::vector<std::string>{"EU", "rejects", "German", "call"}));
    EXPECT_EQ(s0.spans, (std::vector<Span>{{0, 1, EntityType::org}, {2, 3, EntityType::misc}}));
    EXPECT_EQ(docs[0].sentences[1].spans, (std::vector<Span>{{0, 2, EntityType::person}}));
    // B- starts a new entity of the same type right after another one.
    EXPECT_EQ(docs[1].sentences[0].spans,
              (std::vector<Span>{{1, 2, EntityType::place}, {2, 5, EntityType::place}}));
}

TEST(Conll, ReadsIob2AndCrLf) {
    const auto docs = read("Bill B-PER\r\nClinton I-PER\r\nGore B-PER\r\n");
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].sentences[0].spans, (std::vector<Span>{{0, 2, EntityType::person}, {2, 3, EntityType::person}}));
}

TEST(Conll, RejectsMalformedLines) {
    EXPECT_THROW((void)read("word\n"), std::runtime_error);
    EXPECT_THROW((void)read("word NN X-PER\n"), std::runtime_error);
    EXPECT_THROW((void)read("word NN I-FOO\n"), std::runtime_error);
    try {
        (void)read("ok O\nbad NN Z\n");
        FAIL();
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("test:2"), std::string::npos);
    }
}

TEST(Evaluation, EntityLevelPrecisionRecallF1) {
    Evaluation e;
    // Sentence 1: gold PER[0,2) LOC[3,4); predicted PER[0,2) (correct), LOC[3,5) (wrong boundary).
    e.add(std::vector<Span>{{0, 2, EntityType::person}, {3, 4, EntityType::place}},
          std::vector<Span>{{0, 2, EntityType::person}, {3, 5, EntityType::place}}, 6);
    // Sentence 2: gold ORG[1,2); predicted MISC[1,2) (wrong type), PER[4,5) (spurious).
    e.add(std::vector<Span>{{1, 2, EntityType::org}},
          std::vector<Span>{{1, 2, EntityType::misc}, {4, 5, EntityType::person}}, 5);
    EXPECT_EQ(e.overall.gold, 3u);
    EXPECT_EQ(e.overall.predicted, 4u);
    EXPECT_EQ(e.overall.correct, 1u);
    EXPECT_DOUBLE_EQ(e.overall.precision(), 0.25);
    EXPECT_DOUBLE_EQ(e.overall.recall(), 1.0 / 3.0);
    EXPECT_NEAR(e.overall.f1(), 2 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0), 1e-12);  // 0.2857
    const Counts& per = e.by_type[static_cast<std::size_t>(EntityType::person)];
    EXPECT_EQ(per.gold, 1u);
    EXPECT_EQ(per.predicted, 2u);
    EXPECT_DOUBLE_EQ(per.precision(), 0.5);
    EXPECT_DOUBLE_EQ(per.recall(), 1.0);
    EXPECT_NEAR(per.f1(), 2.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(e.by_type[static_cast<std::size_t>(EntityType::org)].f1(), 0.0);
    EXPECT_EQ(e.tokens, 11u);
}

TEST(Evaluation, EmptyIsZeroNotNan) {
    const Evaluation e;
    EXPECT_EQ(e.overall.precision(), 0.0);
    EXPECT_EQ(e.overall.f1(), 0.0);
}

}  // namespace
}  // namespace news::ner
