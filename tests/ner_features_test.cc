/// @file ner_features_test.cc
/// @brief Word shapes, gazetteer matching, document context and feature extraction.
#include "common/ner/features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace news::ner {
namespace {

TEST(Features, WordShape) {
    EXPECT_EQ(word_shape("Clinton"), "Xx");
    EXPECT_EQ(word_shape("NATO"), "X");
    EXPECT_EQ(word_shape("U.S."), "X.X.");
    EXPECT_EQ(word_shape("1996-08-22"), "d-d-d");
    EXPECT_EQ(word_shape("iPhone"), "xXx");
    EXPECT_EQ(word_shape(""), "");
}

TEST(Features, NormaliseWord) {
    EXPECT_EQ(normalise_word("Clinton"), "clinton");
    EXPECT_EQ(normalise_word("1996-08"), "0000-00");
}

std::vector<std::uint64_t> hashes(const std::vector<std::string_view>& words) {
    std::vector<std::uint64_t> out;
    for (auto w : words) out.push_back(Gazetteer::word_hash(ascii_lower(w)));
    return out;
}

TEST(Gazetteer, LongestMatchWithBilouPositions) {
    Gazetteer g;
    g.add_phrase("New York", GazList::city);
    g.add_phrase("York", GazList::city);
    g.add_phrase("United Arab Emirates", GazList::country);
    const std::vector<std::string_view> words{"In", "New", "York", "and", "the", "United", "Arab", "Emirates"};
    const auto h = hashes(words);
    const std::vector<std::uint8_t> cap{1, 1, 1, 0, 0, 1, 1, 1};
    std::vector<std::array<std::uint8_t, kGazListCount>> out;
    g.match(h, cap, out);
    const auto city = static_cast<std::size_t>(GazList::city);
    const auto country = static_cast<std::size_t>(GazList::country);
    EXPECT_EQ(out[0][city], 0);
    EXPECT_EQ(out[1][city], 1);  // B
    EXPECT_EQ(out[2][city], 3);  // L, the longer match wins over "York"
    EXPECT_EQ(out[5][country], 1);
    EXPECT_EQ(out[6][country], 2);
    EXPECT_EQ(out[7][country], 3);
}

TEST(Gazetteer, MatchesMustStartCapitalised) {
    Gazetteer g;
    g.add_phrase("Turkey", GazList::country);
    const std::vector<std::string_view> words{"roast", "turkey"};
    std::vector<std::array<std::uint8_t, kGazListCount>> out;
    g.match(hashes(words), std::vector<std::uint8_t>{0, 0}, out);
    EXPECT_EQ(out[1][static_cast<std::size_t>(GazList::country)], 0);
}

TEST(Gazetteer, DictionaryFlags) {
    Gazetteer g;
    g.add_dictionary_word("reply");
    g.add_dictionary_word("Peter");
    g.add_dictionary_word("peter");
    g.add_dictionary_word("Zelenskiy");
    EXPECT_EQ(g.dict_flags(Gazetteer::word_hash("reply")), dict_lower);
    EXPECT_EQ(g.dict_flags(Gazetteer::word_hash("peter")), dict_lower | dict_cap);
    EXPECT_EQ(g.dict_flags(Gazetteer::word_hash("zelenskiy")), dict_cap);
    EXPECT_EQ(g.dict_flags(Gazetteer::word_hash("nothing")), 0);
}

TEST(Gazetteer, MissingFilesWarnAndContinue) {
    const Gazetteer g = Gazetteer::load(GazetteerPaths{.iso_codes_dir = "/nonexistent/iso",
                                                       .zone_tab = "/nonexistent/zone.tab",
                                                       .wordnet_dir = "/nonexistent/wn",
                                                       .dictionary = "/nonexistent/words"});
    EXPECT_GE(g.warnings().size(), 4u);
    // The built-in country aliases are still there.
    const bool has_us = std::any_of(g.countries().begin(), g.countries().end(),
                                    [](const CountryName& c) { return c.alias_lower == "u.s." && c.canonical == "United States"; });
    EXPECT_TRUE(has_us);
}

TEST(DocumentContext, RemembersLabelsAndCasing) {
    DocumentContext doc;
    const std::vector<std::string_view> s1{"Bill", "Clinton", "met", "the", "press", "."};
    const std::vector<std::string_view> s2{"Later", "Bill", "Clinton", "and", "Clinton", "left"};
    doc.observe_casing(s1, LineCase::normal);
    const std::vector<Tag> tags{make_tag(EntityType::person, TagPart::begin), make_tag(EntityType::person, TagPart::last), 0, 0, 0, 0};
    doc.record_labels(s1, tags);
    const auto clinton = Gazetteer::word_hash("clinton");
    EXPECT_EQ(doc.history(clinton), 1 + static_cast<int>(EntityType::person));
    EXPECT_EQ(doc.history_last(clinton), 1 + static_cast<int>(EntityType::person));
    EXPECT_EQ(doc.casing(Gazetteer::word_hash("press")), 1);  // seen in lower case
    std::vector<std::array<std::uint8_t, 2>> phrases;
    std::vector<std::uint64_t> h;
    for (auto w : s2) h.push_back(Gazetteer::word_hash(normalise_word(w)));
    doc.match_entities(h, phrases);
    EXPECT_EQ(phrases[1][0], 1 + static_cast<int>(EntityType::person));
    EXPECT_EQ(phrases[1][1], 1);  // B of the earlier entity "Bill Clinton"
    EXPECT_EQ(phrases[2][1], 3);  // L
    EXPECT_EQ(phrases[4][0], 0);  // "Clinton" alone was not an entity phrase
    doc.clear();
    EXPECT_EQ(doc.history(clinton), 0);
}

TEST(FeatureExtractor, OneFeatureListPerTokenDeterministic) {
    Gazetteer g;
    g.add_phrase("Paris", GazList::city);
    const FeatureExtractor fx(g);
    DocumentContext doc;
    FeatureBuffer a, b;
    const std::vector<std::string_view> words{"Angela", "Merkel", "visited", "Paris", "."};
    fx.extract(words, LineCase::normal, doc, a);
    fx.extract(words, LineCase::normal, doc, b);
    ASSERT_EQ(a.start.size(), words.size() + 1);
    EXPECT_EQ(a.keys, b.keys);
    for (std::size_t i = 0; i < words.size(); ++i) EXPECT_GT(a.start[i + 1] - a.start[i], 30u);
    // The same word in another context shares its word feature but not every feature.
    const std::set<std::uint64_t> paris(a.keys.begin() + a.start[3], a.keys.begin() + a.start[4]);
    FeatureBuffer c;
    const std::vector<std::string_view> other{"Paris", "is", "big"};
    fx.extract(other, LineCase::normal, doc, c);
    const std::set<std::uint64_t> paris2(c.keys.begin() + c.start[0], c.keys.begin() + c.start[1]);
    std::vector<std::uint64_t> common;
    std::set_intersection(paris.begin(), paris.end(), paris2.begin(), paris2.end(), std::back_inserter(common));
    EXPECT_GT(common.size(), 5u);
    EXPECT_LT(common.size(), paris.size());
    // Title Case lines produce extra line features.
    FeatureBuffer t;
    fx.extract(words, LineCase::title, doc, t);
    EXPECT_NE(t.keys, a.keys);
}

/// Keys of token @p i of @p fb.
std::set<std::uint64_t> token_keys(const FeatureBuffer& fb, std::size_t i) {
    return {fb.keys.begin() + fb.start[i], fb.keys.begin() + fb.start[i + 1]};
}

std::size_t shared(const std::set<std::uint64_t>& a, const std::set<std::uint64_t>& b) {
    std::vector<std::uint64_t> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return common.size();
}

TEST(FeatureExtractor, WordClustersLinkWordsOfOneCluster) {
    const Gazetteer g;
    // Zorvik and Blatnia share the first 10 bits of their paths, Quonset only the first bit.
    std::istringstream in("0101100110\tZorvik\t9\n010110011011\tBlatnia\t4\n1110\tQuonset\t3\n");
    const WordClusters clusters = WordClusters::read(in, "test");
    const FeatureExtractor plain(g), fx(g, &clusters);
    DocumentContext doc;
    const auto features_of = [&](const FeatureExtractor& x, std::string_view word) {
        const std::vector<std::string_view> words{"in", word, "today"};
        FeatureBuffer fb;
        x.extract(words, LineCase::normal, doc, fb);
        return token_keys(fb, 1);
    };
    const auto z = features_of(fx, "Zorvik"), b = features_of(fx, "Blatnia"), q = features_of(fx, "Quonset");
    const auto z0 = features_of(plain, "Zorvik"), b0 = features_of(plain, "Blatnia"), q0 = features_of(plain, "Quonset");
    // The cluster features come in addition to the others.
    EXPECT_GT(z.size(), z0.size());
    EXPECT_EQ(shared(z, z0), z0.size());
    // Shared prefixes (4, 6 and 10 bits) give shared features; Quonset shares none. The
    // neighbours' clusters (two unknown words, two sentence ends) are shared by all three.
    EXPECT_EQ(shared(z, b) - shared(z0, b0), 3u + 4u);
    EXPECT_EQ(shared(z, q) - shared(z0, q0), 0u + 4u);
    // A neighbour's cluster is a feature too: "Blatnia" before the word.
    const std::vector<std::string_view> after_z{"Zorvik", "x"}, after_b{"Blatnia", "x"};
    FeatureBuffer fz, fb;
    fx.extract(after_z, LineCase::normal, doc, fz);
    fx.extract(after_b, LineCase::normal, doc, fb);
    FeatureBuffer pz, pb;
    plain.extract(after_z, LineCase::normal, doc, pz);
    plain.extract(after_b, LineCase::normal, doc, pb);
    EXPECT_GT(shared(token_keys(fz, 1), token_keys(fb, 1)), shared(token_keys(pz, 1), token_keys(pb, 1)));
    // An ALL CAPS headline word finds its running-text cluster.
    EXPECT_EQ(shared(features_of(fx, "ZORVIK"), z) - shared(features_of(plain, "ZORVIK"), z0), 3u + 4u);
    // An empty table is no table: the features are those without clusters.
    const WordClusters none;
    EXPECT_EQ(features_of(FeatureExtractor(g, &none), "Zorvik"), z0);
}

TEST(FeatureExtractor, EmptySentence) {
    const Gazetteer g;
    const FeatureExtractor fx(g);
    DocumentContext doc;
    FeatureBuffer out;
    fx.extract({}, LineCase::normal, doc, out);
    EXPECT_TRUE(out.keys.empty());
    EXPECT_EQ(out.start.size(), 1u);
}

}  // namespace
}  // namespace news::ner
