/// @file ner_model_test.cc
/// @brief Tags and spans, Viterbi constraints, model files, and perceptron training on a tiny synthetic set.
#include "common/ner/model.h"
#include "common/ner/tagger.h"
#include "common/ner/trainer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace news::ner {
namespace {

/// A per-test temporary directory, removed afterwards.
class TempDir {
public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                (std::string("ner_model_test_") + info->name() + "_" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

TEST(Tags, SpansRoundTrip) {
    const std::vector<Span> spans{{0, 2, EntityType::person}, {3, 4, EntityType::place}, {5, 8, EntityType::org}};
    const auto tags = spans_to_tags(spans, 9);
    EXPECT_EQ(tag_name(tags[0]), "B-PER");
    EXPECT_EQ(tag_name(tags[1]), "L-PER");
    EXPECT_EQ(tag_name(tags[3]), "U-LOC");
    EXPECT_EQ(tag_name(tags[6]), "I-ORG");
    EXPECT_EQ(tags_to_spans(tags), spans);
}

TEST(Tags, IllFormedSequencesStillGiveSpans) {
    const std::vector<Tag> tags{make_tag(EntityType::person, TagPart::inside), make_tag(EntityType::org, TagPart::last)};
    const auto spans = tags_to_spans(tags);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].type, EntityType::person);
}

TEST(Tags, Transitions) {
    const Tag b_per = make_tag(EntityType::person, TagPart::begin);
    const Tag l_per = make_tag(EntityType::person, TagPart::last);
    const Tag l_org = make_tag(EntityType::org, TagPart::last);
    EXPECT_TRUE(transition_allowed(b_per, l_per));
    EXPECT_FALSE(transition_allowed(b_per, l_org));
    EXPECT_FALSE(transition_allowed(0, l_per));
    EXPECT_FALSE(start_allowed(l_per));
    EXPECT_FALSE(end_allowed(b_per));
}

TEST(Viterbi, RespectsConstraints) {
    // Emissions prefer an ill-formed "I-PER O": decoding must pick a valid sequence.
    std::vector<float> em(2 * kTagCount, 0.0f);
    em[make_tag(EntityType::person, TagPart::inside)] = 5.0f;
    em[kTagCount + 0] = 1.0f;
    std::vector<Tag> tags;
    const std::vector<float> transitions((kTagCount + 1) * kTagCount, 0.0f);
    viterbi(em, 2, transitions, tags);
    ASSERT_EQ(tags.size(), 2u);
    EXPECT_TRUE(start_allowed(tags[0]));
    EXPECT_TRUE(transition_allowed(tags[0], tags[1]));
    EXPECT_TRUE(end_allowed(tags[1]));
}

/// Synthetic documents: "<Name> <Surname> visited <City>" and "<Org> hired <Name> <Surname>".
std::vector<ConllDocument> synthetic(std::uint64_t seed, std::size_t docs) {
    const std::vector<std::string> names{"Alba", "Boris", "Chen", "Dora", "Emil", "Farah", "Gus", "Hana"};
    const std::vector<std::string> surnames{"Kovac", "Lund", "Moreau", "Nakamura", "Okafor", "Petrov"};
    const std::vector<std::string> cities{"Zorvik", "Ulmara", "Tessin", "Quorra"};
    const std::vector<std::string> orgs{"Acmecorp", "Globex", "Initech"};
    std::mt19937_64 rng(seed);
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    std::vector<ConllDocument> out(docs);
    for (auto& d : out) {
        for (int s = 0; s < 4; ++s) {
            ConllSentence sent;
            if (rng() % 2 == 0) {
                sent.words = {pick(names), pick(surnames), "visited", pick(cities), "on", "Monday", "."};
                sent.spans = {{0, 2, EntityType::person}, {3, 4, EntityType::place}};
            } else {
                sent.words = {"The", "firm", pick(orgs), "hired", pick(names), pick(surnames), "."};
                sent.spans = {{2, 3, EntityType::org}, {4, 6, EntityType::person}};
            }
            d.sentences.push_back(std::move(sent));
        }
    }
    return out;
}

TEST(Perceptron, LearnsSyntheticData) {
    const Gazetteer g;
    const FeatureExtractor fx(g);
    const auto train_docs = synthetic(1, 40);
    const auto test_docs = synthetic(2, 10);
    const TrainResult r = train(train_docs, {}, fx, g.signature(), TrainOptions{.epochs = 5, .title_case_share = 0.0});
    EXPECT_GT(r.model.feature_count(), 0u);
    const Evaluation e = Tagger(r.model, fx).evaluate(test_docs);
    EXPECT_GT(e.overall.gold, 50u);
    EXPECT_GE(e.overall.f1(), 0.99);
}

TEST(Perceptron, KeepsBestDevEpoch) {
    const Gazetteer g;
    const FeatureExtractor fx(g);
    std::vector<std::string> lines;
    const TrainResult r = train(synthetic(3, 20), synthetic(4, 5), fx, g.signature(),
                                TrainOptions{.epochs = 3, .log = [&](const std::string& l) { lines.push_back(l); }});
    EXPECT_GE(r.best_epoch, 1);
    EXPECT_LE(r.best_epoch, 3);
    EXPECT_GE(r.dev.overall.f1(), 0.95);
    EXPECT_GE(lines.size(), 3u);
}

TEST(Model, SaveLoadRoundTrip) {
    TempDir dir;
    const Gazetteer g;
    const FeatureExtractor fx(g);
    const TrainResult r = train(synthetic(5, 20), {}, fx, 42, TrainOptions{.epochs = 2});
    const auto path = dir.path() / "m.model";
    r.model.save(path);
    const Model loaded = Model::load(path);
    EXPECT_EQ(loaded.feature_count(), r.model.feature_count());
    EXPECT_EQ(loaded.entry_count(), r.model.entry_count());
    EXPECT_EQ(loaded.meta().gazetteer_signature, 42u);
    EXPECT_EQ(loaded.meta().feature_version, kFeatureVersion);
    const auto docs = synthetic(6, 5);
    EXPECT_DOUBLE_EQ(Tagger(loaded, fx).evaluate(docs).overall.f1(), Tagger(r.model, fx).evaluate(docs).overall.f1());
}

TEST(Model, PruningDropsSmallWeights) {
    std::vector<Model::DenseFeature> f(2);
    f[0].key = 7;
    f[0].weights[1] = 2.0f;
    f[0].weights[2] = 0.01f;
    f[1].key = 9;
    f[1].weights[3] = 0.02f;
    const Model m = Model::build(f, {}, {}, 0.1f);
    EXPECT_EQ(m.feature_count(), 1u);
    EXPECT_EQ(m.entry_count(), 1u);
    std::array<float, kTagCount> s{};
    const std::vector<std::uint64_t> keys{7, 9, 11};
    m.score(keys, s.data());
    EXPECT_NEAR(s[1], 2.0f, 1e-3f);
    EXPECT_EQ(s[2], 0.0f);
}

TEST(Model, BadFilesThrowClearErrors) {
    TempDir dir;
    EXPECT_THROW((void)Model::load(dir.path() / "absent.model"), std::runtime_error);
    const auto junk = dir.path() / "junk.model";
    std::ofstream(junk) << "this is not a model";
    try {
        (void)Model::load(junk);
        FAIL() << "expected an exception";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("junk.model"), std::string::npos);
    }
    // A truncated real model.
    std::vector<Model::DenseFeature> f(1);
    f[0].key = 3;
    f[0].weights[1] = 1.0f;
    const auto good = dir.path() / "good.model";
    Model::build(f, {}, {}, 0.0f).save(good);
    std::filesystem::resize_file(good, std::filesystem::file_size(good) - 3);
    EXPECT_THROW((void)Model::load(good), std::runtime_error);
}

}  // namespace
}  // namespace news::ner
