/// @file ner_word_scores_test.cc
/// @brief The tagger's per-word score cache gives the scores of scoring every key, to the bit.
#include "common/ner/features.h"
#include "common/ner/model.h"
#include "common/ner/recognizer.h"
#include "common/ner/tagger.h"
#include "common/ner/word_scores.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace news::ner {
namespace {

using Document = std::vector<std::vector<std::string_view>>;

const Model* shared_model() {
    static const Model* model = [] {
        const auto path = Recognizer::default_model_path();
        return std::filesystem::exists(path) ? new Model(Model::load(path)) : nullptr;
    }();
    return model;
}

Gazetteer small_gazetteer() {
    Gazetteer g;
    g.add_phrase("Abu Dhabi", GazList::city);
    g.add_phrase("United Arab Emirates", GazList::country);
    g.add_phrase("Reuters", GazList::wn_org);
    return g;
}

/// A fingerprint of every token's keys (as a set, in order of tokens), with the
/// document context fed as the tagger feeds it.
std::pair<std::size_t, std::uint64_t> key_fingerprint(const FeatureExtractor& fx, const Document& doc) {
    DocumentContext ctx;
    for (const auto& s : doc) ctx.observe_casing(s, line_case(s));
    std::uint64_t fp = 0;
    std::size_t total = 0;
    for (const auto& sentence : doc) {
        FeatureBuffer fb;
        fx.extract(sentence, line_case(sentence), ctx, fb);
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            std::vector<std::uint64_t> k(fb.keys.begin() + fb.start[i], fb.keys.begin() + fb.start[i + 1]);
            std::sort(k.begin(), k.end());
            for (std::uint64_t x : k) fp = Gazetteer::phrase_step(fp, x);
            fp = Gazetteer::phrase_step(fp, 0xFFFF);
            total += k.size();
        }
        std::vector<Tag> tags(sentence.size(), 0);
        if (sentence.size() > 3) {
            tags[2] = 1;  // B-PER
            tags[3] = 3;  // L-PER
        }
        ctx.record_labels(sentence, tags);
    }
    return {total, fp};
}

const Document kDocument{
    {"Ukrainian", "President", "Volodymyr", "Zelenskiy", "met", "U.S.", "envoys", "in", "Abu", "Dhabi", "on", "Jan.",
     "23", ",", "2026", "."},
    {"ZELENSKY", "SAYS", "TALKS", "WENT", "WELL"},
    {"Talks", "In", "Abu", "Dhabi", "End"},
    {"Zelenskyy", "told", "Reuters", "in", "Zaporizhzhia", "that", "internationally", "the", "McDonald's", "iPhone", "deal", "cost", "$", "1.5", "billion", "(", "about",
     "12,000", "jobs", ")", "."},
    {"x"},
    {},
};

// The keys of feature set version 7, as the extractor gave them before the
// word-score cache split them into word keys and context keys. A change here
// changes what a model means: bump kFeatureVersion and retrain.
TEST(FeatureExtractor, KeysOfThisFeatureVersionAreUnchanged) {
    ASSERT_EQ(kFeatureVersion, 7u);
    const Model* model = shared_model();
    if (model == nullptr) GTEST_SKIP() << "no default model";
    const Gazetteer g = small_gazetteer();
    const FeatureExtractor fx(g, &model->clusters());
    const auto [keys, fp] = key_fingerprint(fx, kDocument);
    EXPECT_EQ(keys, 2981u);
    EXPECT_EQ(fp, 17209110778435636189u);
}

/// Random documents: words from a vocabulary of names, common words, numbers and
/// punctuation, in sentences of 0 to 40 words, some of them headings.
std::vector<std::string> random_words(std::mt19937& rng, std::size_t count, std::size_t distinct) {
    static const std::vector<std::string> base{
        "the", "said", "President", "Zelenskyy", "Putin", "talks", "in", "Abu", "Dhabi", "REUTERS", "U.S.", "NATO",
        "1.5", "billion", ",", ".", "(", ")", "\"", "Reuters", "McDonald's", "iPhone", "on", "Monday", "Sergei",
        "Ryabkov", "told", "Moscow", "Kyiv", "of", "and", "UAE", "AFP", "-", "2026", "Jan.", "a", "peace", "deal"};
    std::vector<std::string> out;
    std::uniform_int_distribution<std::size_t> pick(0, base.size() + distinct);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t k = pick(rng);
        out.push_back(k < base.size() ? base[k] : (k % 3 == 0 ? "Word" : "word") + std::to_string(k));
    }
    return out;
}

Document sentences_of(const std::vector<std::string>& words, std::mt19937& rng) {
    Document doc;
    std::uniform_int_distribution<std::size_t> length(0, 40);
    for (std::size_t i = 0; i < words.size();) {
        const std::size_t n = std::min(length(rng), words.size() - i);
        doc.emplace_back(words.begin() + static_cast<std::ptrdiff_t>(i),
                         words.begin() + static_cast<std::ptrdiff_t>(i + n));
        i += n;
        if (n == 0 && doc.size() % 7 != 0) ++i;  // a few empty sentences, then go on
    }
    return doc;
}

/// Tags @p doc with the cache (through @p cached, kept between calls) and by
/// scoring every key, and expects the same scores to the bit and the same tags.
void expect_same_scores(const Tagger& tagger, TaggerScratch& cached, const Document& doc) {
    TaggerScratch reference;
    reference.score_every_key = true;
    std::vector<std::vector<Tag>> tags_a, tags_b;
    std::vector<std::vector<float>> scores_a, scores_b;
    tagger.tag_document(doc, cached, tags_a, &scores_a);
    tagger.tag_document(doc, reference, tags_b, &scores_b);
    ASSERT_EQ(scores_a.size(), doc.size());
    ASSERT_EQ(scores_b.size(), doc.size());
    for (std::size_t s = 0; s < doc.size(); ++s) {
        ASSERT_EQ(scores_a[s].size(), scores_b[s].size());
        if (scores_a[s].empty()) continue;  // memcmp must not see the null data() of an empty vector
        ASSERT_EQ(std::memcmp(scores_a[s].data(), scores_b[s].data(), scores_a[s].size() * sizeof(float)), 0)
            << "sentence " << s << " of " << doc.size();
    }
    EXPECT_EQ(tags_a, tags_b);
}

/// The default model with small_gazetteer(), and a scratch kept between documents.
class WordScoreCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (model_ == nullptr) GTEST_SKIP() << "no default model";
    }
    const Model* model_ = shared_model();
    const Gazetteer gazetteer_ = small_gazetteer();
    const FeatureExtractor extractor_{gazetteer_, model_ == nullptr ? nullptr : &model_->clusters()};
    TaggerScratch cached;
};

TEST_F(WordScoreCacheTest, SameScoresAsEveryKey) {
    const Tagger tagger(*model_, extractor_);
    expect_same_scores(tagger, cached, kDocument);
    std::mt19937 rng(7);
    for (int round = 0; round < 40; ++round) {
        const std::vector<std::string> words = random_words(rng, 600, 400);
        expect_same_scores(tagger, cached, sentences_of(words, rng));
    }
    EXPECT_GT(cached.words.size(), 400u);
}

TEST_F(WordScoreCacheTest, StartsAgainWhenFull) {
    const Tagger tagger(*model_, extractor_);
    std::mt19937 rng(11);
    // More distinct words than the cache holds, in ordinary sentences: it fills
    // and starts again, some sentences after the refill reusing older words.
    const std::vector<std::string> words = random_words(rng, WordScoreCache::kCapacity + 20'000, 60'000);
    expect_same_scores(tagger, cached, sentences_of(words, rng));
    EXPECT_GE(cached.words.restarts(), 1u);
    // One sentence longer than the cache: scored key by key, the same.
    const std::vector<std::string> long_words = random_words(rng, WordScoreCache::kCapacity + 5, 200);
    expect_same_scores(tagger, cached, Document{std::vector<std::string_view>(long_words.begin(), long_words.end())});
}

TEST_F(WordScoreCacheTest, ADifferentExtractorStartsAgain) {
    const FeatureExtractor without_clusters(gazetteer_);
    // The same scratch used with another extractor must not keep the first one's scores.
    expect_same_scores(Tagger(*model_, extractor_), cached, kDocument);
    expect_same_scores(Tagger(*model_, without_clusters), cached, kDocument);
    expect_same_scores(Tagger(*model_, extractor_), cached, kDocument);
}

TEST(Recognizer, MentionsAlternatingBetweenRecognizers) {
    if (!std::filesystem::exists(Recognizer::default_model_path())) GTEST_SKIP() << "no default model";
    const std::string text =
        "Officials in Georgia, Jordan and Turkey met the head of the Kharkiv region and a spokesman for Naftogaz "
        "in Zaporizhzhia on Tuesday. Mr. Rubio flew to Doha with Witkoff and Kushner, a spokesman for the "
        "Pentagon said.";
    // Without its word lists a recogniser sees other word classes and dictionary
    // flags: tagging buffers shared with the other one would give it those.
    GazetteerPaths none;
    none.iso_codes_dir = none.zone_tab = none.wordnet_dir = none.dictionary = "/nonexistent";
    const auto mentions_of = [&](const Recognizer& r) {
        std::vector<std::string> out;
        for (const Mention& m : r.mentions(text)) {
            out.push_back(m.surface + "/" + std::to_string(static_cast<int>(m.type)) + "/" + m.canonical);
        }
        return out;
    };
    std::vector<std::string> expected_full, expected_bare;
    {
        const Recognizer fresh(Recognizer::default_model_path());
        expected_full = mentions_of(fresh);
    }
    {
        const Recognizer fresh(Recognizer::default_model_path(), none);
        expected_bare = mentions_of(fresh);
    }
    ASSERT_FALSE(expected_full.empty());
    ASSERT_NE(expected_full, expected_bare);
    // Side by side.
    const Recognizer full(Recognizer::default_model_path());
    const Recognizer bare(Recognizer::default_model_path(), none);
    for (int round = 0; round < 3; ++round) {
        EXPECT_EQ(mentions_of(full), expected_full);
        EXPECT_EQ(mentions_of(bare), expected_bare);
    }
    // One after the other, where the next one is likely to be built at the
    // address the last one had.
    for (int round = 0; round < 4; ++round) {
        const bool with_lists = round % 2 == 0;
        const auto r = with_lists ? std::make_unique<Recognizer>(Recognizer::default_model_path())
                                  : std::make_unique<Recognizer>(Recognizer::default_model_path(), none);
        EXPECT_EQ(mentions_of(*r), with_lists ? expected_full : expected_bare) << "round " << round;
    }
}

}  // namespace
}  // namespace news::ner
