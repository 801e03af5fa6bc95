/// @file ner_word_scores_test.cc
/// @brief Feature keys of this feature version, split into word keys and context keys.
#include "common/ner/features.h"
#include "common/ner/model.h"
#include "common/ner/recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
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

}  // namespace
}  // namespace news::ner
