/// @file index_writer_spelling_test.cc
/// @brief The spelling data IndexWriter collects: every word's frequency summed over the run, whatever the batches.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <fmt/format.h>

#include "indexer/index_writer.h"
#include "tests/test_util.h"

namespace news {
namespace {

std::map<std::string, Xapian::termcount> spellings(const std::string& path) {
    Xapian::Database db(path);
    std::map<std::string, Xapian::termcount> out;
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) out[*w] = w.get_termfreq();
    return out;
}

Article article(int i, const std::string& body) {
    Article a;
    a.id = fmt::format("a{}", i);
    a.title = "prisoners";
    a.body = body;
    a.origin_path = "/in/a.jsonl";
    return a;
}

class IndexWriterSpelling : public ::testing::TestWithParam<std::size_t> {};

TEST_P(IndexWriterSpelling, FrequenciesAreSummedOverTheRunWhateverTheBatchSize) {
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    {
        IndexWriter writer({.path = path, .batch_size = GetParam()});
        for (int i = 0; i < 7; ++i) {
            writer.put(article(i, i % 2 ? "exchange exchange talks" : "exchange"));
            writer.maybe_commit();
        }
        writer.commit();
    }
    auto words = spellings(path);
    // "exchange" once in the four even articles, twice in the three odd ones
    EXPECT_EQ(words.at("exchange"), 4u + 3u * 2u);
    EXPECT_EQ(words.at("talks"), 3u);
    EXPECT_GT(words.at("prisoners"), 0u);
    Xapian::Database db(path);
    EXPECT_EQ(db.get_spelling_suggestion("prisonners"), "prisoners");
    EXPECT_EQ(db.get_spelling_suggestion("exchnage"), "exchange");
}

INSTANTIATE_TEST_SUITE_P(Batches, IndexWriterSpelling, ::testing::Values(1u, 3u, 1000u));

TEST(IndexWriterSpellingClose, AWriterClosedWithoutAFinalCommitStillLeavesItsWords) {
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    {
        IndexWriter writer({.path = path, .batch_size = 1000});
        writer.put(article(1, "ceasefire"));
    }  // Xapian commits on close; the words go with it
    EXPECT_EQ(spellings(path).at("ceasefire"), 1u);
}

}  // namespace
}  // namespace news
