/// @file corpus_test.cc
/// @brief Acceptance on the seed articles in corpus/: titles, boilerplate, hits, facets.
///
/// corpus/ holds the four seed articles (000 to 003), four outlets' reports of one
/// event. These tests run the real executables on them and check what the first
/// release promises; they skip, saying why, when the seed files are not there.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace news {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::run_tool;
using testing::TempDir;

/// The seed file whose name starts with @p prefix ("000"), if present.
std::string seed(const std::string& prefix) {
    fs::path dir = fs::path(NEWS_SOURCE_DIR) / "corpus";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.path().filename().string().starts_with(prefix)) return fs::absolute(e.path()).lexically_normal().string();
    }
    return {};
}

class SeedCorpus : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        for (const char* p : {"000", "001", "002", "003"}) {
            if (seed(p).empty()) {
                missing_ = true;
                return;
            }
        }
        dir_ = new TempDir();
        db_ = (dir_->path() / "news.db").string();
        auto r = run_tool("news-index", {"--db", db_, std::string(NEWS_SOURCE_DIR) + "/corpus"});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        if (missing_) GTEST_SKIP() << "corpus/ does not hold the seed articles 000-003";
    }
    static json search(std::vector<std::string> args) {
        std::vector<std::string> all = {"--db", db_, "--json", "--limit", "10"};
        all.insert(all.end(), args.begin(), args.end());
        auto r = run_tool("news-search", all);
        EXPECT_EQ(r.status, 0) << r.err;
        return json::parse(r.out, nullptr, false);
    }
    static inline TempDir* dir_ = nullptr;
    static inline std::string db_;
    static inline bool missing_ = false;
};

TEST_F(SeedCorpus, PeaceTalksFindsAllFourArticles) { EXPECT_EQ(search({"peace talks"})["total"], 4); }

TEST_F(SeedCorpus, RyabkovFindsOnlyTheArticleNamingHim) {
    json r = search({"Ryabkov"});
    ASSERT_EQ(r["total"], 1);
    EXPECT_NE(r["hits"][0]["snippet"].get<std::string>().find("<mark>Ryabkov</mark>"), std::string::npos);
}

TEST_F(SeedCorpus, BoilerplateIsNotSearchable) {
    EXPECT_EQ(search({"\"back to top\""})["total"], 0);
    EXPECT_EQ(search({"\"leave a reply\""})["total"], 0);
}

TEST_F(SeedCorpus, TitlesAsPromised) {
    std::map<std::string, json> by_path;
    for (const char* p : {"000", "001", "002", "003"}) {
        auto r = run_tool("news-index", {"--dry-run", "--json", seed(p)});
        ASSERT_EQ(r.status, 0) << r.err;
        by_path[p] = json::parse(r.out);
    }
    EXPECT_EQ(by_path["000"]["title"], "US Officials Hail Constructive Ukraine-Russia Talks Amid Ongoing Conflict");
    EXPECT_EQ(by_path["000"]["title_derived"], false);
    EXPECT_EQ(by_path["003"]["title"], "Russia-U.S.-Ukraine Talks Conclude Without Breakthrough; Next Round Planned");
    EXPECT_EQ(by_path["003"]["title_derived"], false);
    EXPECT_EQ(by_path["001"]["title_derived"], true);
    EXPECT_EQ(by_path["002"]["title_derived"], true);
    for (const char* p : {"001", "002"}) {
        std::string t = by_path[p]["title"];
        EXPECT_FALSE(t.empty());
        EXPECT_LE(t.size(), 124u) << t;
    }
}

TEST_F(SeedCorpus, Article003MentionsJanuary24AndFebruary1) {
    auto r = run_tool("news-index", {"--dry-run", "--json", seed("003")});
    json j = json::parse(r.out);
    auto dates = j["dates_mentioned"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(dates.begin(), dates.end(), "2026-01-24"), dates.end());
    EXPECT_NE(std::find(dates.begin(), dates.end(), "2026-02-01"), dates.end());
}

}  // namespace
}  // namespace news
