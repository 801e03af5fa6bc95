/// @file ner_clusters_test.cc
/// @brief Word-cluster tables (paths, files, case fallbacks) and Brown clustering on tiny texts.
#include "common/ner/brown.h"
#include "common/ner/clusters.h"
#include "common/ner/model.h"
#include "tests/test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace news::ner {
namespace {

TEST(ClusterPath, ParsesAndCutsPrefixes) {
    const ClusterPath p = parse_cluster_path("101101");
    EXPECT_EQ(p.length, 6);
    EXPECT_EQ(p.prefix(1), 1u);
    EXPECT_EQ(p.prefix(4), 0b1011u);
    EXPECT_EQ(p.prefix(6), 0b101101u);
    EXPECT_EQ(p.prefix(20), 0b101101u);  // a longer prefix is the whole path
    EXPECT_EQ(p.prefix(0), 0u);
    EXPECT_EQ(parse_cluster_path(std::string(80, '1')).length, 64);
    EXPECT_THROW((void)parse_cluster_path(""), std::invalid_argument);
    EXPECT_THROW((void)parse_cluster_path("0120"), std::invalid_argument);
}

TEST(WordClusters, ReadsFilesAndFallsBackToRunningTextCase) {
    std::istringstream in("0010\tClinton\t50\n0011\tsaid\t900\r\n\n0011\tsays\t10\n110\t000\t7\n1111\tExports\t3\n");
    const WordClusters c = WordClusters::read(in, "test.clusters");
    EXPECT_EQ(c.size(), 5u);
    EXPECT_EQ(c.lookup("Clinton"), parse_cluster_path("0010"));
    EXPECT_EQ(c.lookup("CLINTON"), parse_cluster_path("0010"));  // ALL CAPS headline
    EXPECT_EQ(c.lookup("SAID"), parse_cluster_path("0011"));
    EXPECT_EQ(c.lookup("Said"), parse_cluster_path("0011"));  // Title Case heading
    EXPECT_EQ(c.lookup("EXPORTS"), parse_cluster_path("1111"));
    EXPECT_EQ(c.lookup("exports").length, 0);  // lower case does not find the capitalised form
    EXPECT_EQ(c.lookup("123"), parse_cluster_path("110"));  // digits are clustered as 0
    EXPECT_EQ(c.lookup("clinton").length, 0);
    EXPECT_EQ(c.lookup("").length, 0);
    EXPECT_NE(c.signature(), 0u);
    EXPECT_EQ(WordClusters().signature(), 0u);
}

TEST(WordClusters, MalformedFilesNameTheLine) {
    for (const std::string bad : {"0101 word 3\n", "01x1\tword\t3\n", "0101\tword\tmany\n", "\tword\t3\n"}) {
        std::istringstream in("0\tok\t1\n" + bad);
        try {
            (void)WordClusters::read(in, "bad.clusters");
            ADD_FAILURE() << "no error for " << bad;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find("bad.clusters:2"), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW((void)WordClusters::read_file("/nonexistent/x.clusters"), std::runtime_error);
}

/// Sentences drawn from one of two disjoint vocabularies.
BrownClusterer two_topics(std::uint64_t seed) {
    const std::vector<std::string> animals{"cat", "dog", "cow", "horse"};
    const std::vector<std::string> colours{"red", "blue", "green", "yellow"};
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, 3);
    BrownClusterer b;
    for (int s = 0; s < 400; ++s) {
        const auto& vocabulary = s % 2 == 0 ? animals : colours;
        std::vector<std::string> sentence;
        for (int i = 0; i < 8; ++i) sentence.push_back(vocabulary[pick(rng)]);
        b.add_sentence(sentence);
    }
    return b;
}

std::map<std::string, std::string> paths_of(const std::vector<ClusterEntry>& entries) {
    std::map<std::string, std::string> out;
    for (const auto& e : entries) out[e.word] = e.path;
    return out;
}

TEST(BrownClusterer, TwoDisjointDistributionsGiveTwoClusters) {
    const BrownClusterer b = two_topics(1);
    EXPECT_EQ(b.token_count(), 3200u);
    const auto paths = paths_of(b.run(BrownOptions{.clusters = 2, .min_count = 1, .log = {}}));
    ASSERT_EQ(paths.size(), 8u);
    for (const std::string w : {"dog", "cow", "horse"}) EXPECT_EQ(paths.at(w), paths.at("cat")) << w;
    for (const std::string w : {"blue", "green", "yellow"}) EXPECT_EQ(paths.at(w), paths.at("red")) << w;
    EXPECT_NE(paths.at("cat"), paths.at("red"));
    EXPECT_EQ(paths.at("cat").size(), 1u);
}

TEST(BrownClusterer, HierarchyKeepsTheTopicsApartAtTheFirstBit) {
    // With as many clusters as words, every word is a leaf of its own; the first branch
    // still separates the two vocabularies.
    const auto entries = two_topics(2).run(BrownOptions{.clusters = 8, .min_count = 1, .log = {}});
    const auto paths = paths_of(entries);
    ASSERT_EQ(paths.size(), 8u);
    std::set<std::string> distinct;
    for (const auto& [w, p] : paths) distinct.insert(p);
    EXPECT_EQ(distinct.size(), 8u);
    for (const std::string w : {"dog", "cow", "horse"}) EXPECT_EQ(paths.at(w)[0], paths.at("cat")[0]) << w;
    for (const std::string w : {"blue", "green", "yellow"}) EXPECT_EQ(paths.at(w)[0], paths.at("red")[0]) << w;
    EXPECT_NE(paths.at("cat")[0], paths.at("red")[0]);
    // Paths are a prefix code: no path is a prefix of another.
    for (const auto& a : distinct) {
        for (const auto& b : distinct) {
            if (a != b) {
                EXPECT_NE(b.rfind(a, 0), 0u) << a << " " << b;
            }
        }
    }
    // Deterministic.
    EXPECT_EQ(paths, paths_of(two_topics(2).run(BrownOptions{.clusters = 8, .min_count = 1, .log = {}})));
}

TEST(BrownClusterer, StreamsRareWordsIntoTheirTopic) {
    // A small window (C = 2) and words that enter late: the rare words must join the
    // cluster of the vocabulary they occur with.
    BrownClusterer b = two_topics(3);
    for (int s = 0; s < 5; ++s) {
        b.add_sentence(std::vector<std::string>{"cat", "zebra", "dog", "zebra", "cow"});
        b.add_sentence(std::vector<std::string>{"red", "mauve", "blue", "mauve", "green"});
    }
    const auto paths = paths_of(b.run(BrownOptions{.clusters = 2, .min_count = 1, .log = {}}));
    EXPECT_EQ(paths.at("zebra"), paths.at("cat"));
    EXPECT_EQ(paths.at("mauve"), paths.at("red"));
    EXPECT_NE(paths.at("zebra"), paths.at("mauve"));
}

TEST(BrownClusterer, MinimumCountAndDigits) {
    BrownClusterer b;
    b.add_sentence(std::vector<std::string>{"in", "1996", "and", "1997", "rare"});
    b.add_sentence(std::vector<std::string>{"in", "2001", "and", "1999"});
    const auto paths = paths_of(b.run(BrownOptions{.clusters = 4, .min_count = 2, .log = {}}));
    EXPECT_EQ(paths.count("rare"), 0u);
    EXPECT_EQ(paths.count("0000"), 1u);  // the four years are one word
    EXPECT_EQ(paths.size(), 3u);
    EXPECT_TRUE(BrownClusterer().run(BrownOptions{}).empty());
}

TEST(BrownClusterer, WrittenFileReadsBack) {
    const auto entries = two_topics(4).run(BrownOptions{.clusters = 2, .min_count = 1, .log = {}});
    std::stringstream file;
    write_clusters(file, entries);
    const WordClusters c = WordClusters::read(file, "written");
    EXPECT_EQ(c.size(), 8u);
    EXPECT_EQ(c.lookup("cat"), c.lookup("dog"));
    EXPECT_NE(c.lookup("cat"), c.lookup("red"));
}

TEST(Model, ClustersAreSavedWithTheModel) {
    const news::testing::TempDir dir;
    std::istringstream in("00\tParis\t5\n01\tLondon\t4\n1\tsaid\t9\n");
    Model m;
    m.set_clusters(WordClusters::read(in, "x"));
    m.save(dir / "m.model");
    const Model loaded = Model::load(dir / "m.model");
    EXPECT_EQ(loaded.clusters().size(), 3u);
    EXPECT_EQ(loaded.clusters().lookup("LONDON"), parse_cluster_path("01"));
    EXPECT_EQ(loaded.clusters().signature(), m.clusters().signature());
    // A model without clusters stays without.
    Model{}.save(dir / "plain.model");
    EXPECT_TRUE(Model::load(dir / "plain.model").clusters().empty());
}

}  // namespace
}  // namespace news::ner
