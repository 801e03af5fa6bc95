/// @file indexer_update_test.cc
/// @brief Re-runs add, update and skip; --prune removes gone files (only under the named directories); delete by id; --threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

class IndexerUpdate : public ::testing::Test {
protected:
    fs::path feed(const std::string& name, const std::vector<std::string>& ids, const std::string& version = "1") {
        std::string lines;
        for (const auto& id : ids) lines += article_line(id, id + " v" + version, rng_) + '\n';
        return tmp_.write(name, lines);
    }
    RunResult index(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db(), "--no-entities", "--json"});
        return run_tool("news-index", args);
    }
    [[nodiscard]] std::string db() const { return (tmp_ / "db").string(); }
    std::set<std::string> ids() {
        std::set<std::string> out;
        for (const auto& [id, title] : read_database(db()).titles) out.insert(id);
        return out;
    }

    TempDir tmp_;
    std::mt19937 rng_{11};
};

TEST_F(IndexerUpdate, RerunAddsNewUpdatesChangedSkipsUnchanged) {
    feed("a/one.jsonl", {"x1", "x2"});
    ASSERT_EQ(index({(tmp_ / "a").string()}).status, 0);
    feed("a/one.jsonl", {"x1", "x2"}, "2");  // both changed
    feed("a/two.jsonl", {"y1"});              // new
    RunResult r = index({(tmp_ / "a").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(R"("indexed":1)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(R"("updated":2)"), std::string::npos) << r.out;
    r = index({(tmp_ / "a").string()});
    EXPECT_NE(r.out.find(R"("unchanged":3)"), std::string::npos) << r.out;
    EXPECT_EQ(read_database(db()).titles.at("x1"), "x1 v2");
}

TEST_F(IndexerUpdate, PruneRemovesOnlyFilesGoneFromTheNamedDirectories) {
    feed("a/keep.jsonl", {"a1"});
    feed("a/gone.jsonl", {"a2", "a3"});
    feed("a/sub/gone.txt.jsonl", {"a4"});
    feed("ab/other.jsonl", {"b1"});  // a sibling whose name starts like "a"
    feed("c/elsewhere.jsonl", {"c1"});
    auto single = feed("single.jsonl", {"s1"});
    ASSERT_EQ(index({(tmp_ / "a").string(), (tmp_ / "ab").string(), (tmp_ / "c").string(), single.string()}).status, 0);
    EXPECT_EQ(ids().size(), 7u);

    fs::remove(tmp_ / "a/gone.jsonl");
    fs::remove_all(tmp_ / "a/sub");
    fs::remove(tmp_ / "ab/other.jsonl");
    fs::remove(tmp_ / "c/elsewhere.jsonl");
    fs::remove(single);

    // without --prune nothing goes
    EXPECT_EQ(index({(tmp_ / "a").string()}).status, 0);
    EXPECT_EQ(ids().size(), 7u);

    // --prune over a/ only: a's gone files, not ab/ (same prefix), not c/, not the single file
    RunResult r = index({"--prune", (tmp_ / "a").string() + "/"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find(R"("removed":3)"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("gone.jsonl: file gone; 2 articles removed (--prune)"), std::string::npos) << r.err;
    EXPECT_EQ(ids(), (std::set<std::string>{"a1", "b1", "c1", "s1"}));

    // a file that exists but cannot be read this time is not pruned
    r = index({"--prune", "--max-file-size", "1", (tmp_ / "c").string(), (tmp_ / "ab").string()});
    EXPECT_EQ(ids(), (std::set<std::string>{"a1", "s1"}));

    // and the pruned files' fingerprints went with them: recreated, they are indexed again
    feed("a/gone.jsonl", {"a2", "a3"});
    r = index({"--prune", (tmp_ / "a").string()});
    EXPECT_NE(r.out.find(R"("indexed":2)"), std::string::npos) << r.out;
}

TEST_F(IndexerUpdate, PruneKeepsFilesThatExistButFailToRead) {
    feed("d/big.jsonl", {"big1"});
    ASSERT_EQ(index({(tmp_ / "d").string()}).status, 0);
    std::string huge(1100 * 1024, 'x');
    tmp_.write("d/big.jsonl", huge);  // now over --max-file-size 1
    RunResult r = index({"--prune", "--max-file-size", "1", (tmp_ / "d").string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_EQ(ids(), (std::set<std::string>{"big1"}));
}

TEST_F(IndexerUpdate, DeleteRemovesArticlesById) {
    feed("e/f.jsonl", {"d1", "d2", "d3"});
    ASSERT_EQ(index({(tmp_ / "e").string()}).status, 0);
    RunResult r = run_tool("news-index", {"delete", "--db", db(), "--json", "d1", "d3"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "{\"deleted\":2,\"interrupted\":false,\"not_found\":0}\n");
    EXPECT_EQ(ids(), (std::set<std::string>{"d2"}));

    r = run_tool("news-index", {"delete", "--db", db(), "d2", "nosuch"});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("nosuch: no article with this id"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1 deleted, 1 not found"), std::string::npos) << r.err;
    EXPECT_TRUE(ids().empty());

    EXPECT_EQ(run_tool("news-index", {"delete", "--db", db()}).status, 2);
    EXPECT_EQ(run_tool("news-index", {"delete", "d1"}).status, 2);
    EXPECT_EQ(run_tool("news-index", {"delete", "--db", (tmp_ / "nodb").string() + "/x/y", "d1"}).status, 1);
    RunResult help = run_tool("news-index", {"delete", "--help"});
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("news-index delete --db DB"), std::string::npos);
}

TEST_F(IndexerUpdate, ThreadCountDoesNotChangeTheDatabase) {
    // many small files and one large one (extracted in chunks)
    for (int f = 0; f < 12; ++f) feed("t/small-" + std::to_string(f) + ".jsonl", {"s" + std::to_string(f)});
    std::vector<std::string> many;
    for (int i = 0; i < 150; ++i) many.push_back("m" + std::to_string(i));
    feed("t/large.jsonl", many);
    tmp_.write("t/text.txt", "Peace talks resume\n\nABU DHABI, Feb 1 (Reuters) - Talks resumed on Sunday.\n");

    std::map<std::string, std::map<std::string, std::string>> by_threads;
    for (const char* threads : {"1", "2", "5"}) {
        std::string dbn = (tmp_ / (std::string("db") + threads)).string();
        RunResult r = run_tool("news-index", {"--db", dbn, "--threads", threads, "--batch-size", "10",
                                              (tmp_ / "t").string()});
        ASSERT_EQ(r.status, 0) << r.err;
        // the whole stored article, entities and dates included
        Xapian::Database d(dbn);
        std::map<std::string, std::string> docs;
        const std::string q(schema::kId);
        for (auto t = d.allterms_begin(q); t != d.allterms_end(q); ++t) {
            docs[*t] = StoredCodec::stored_bytes(d.get_document(*d.postlist_begin(*t)));
        }
        EXPECT_EQ(docs.size(), 163u);
        by_threads[threads] = docs;
    }
    EXPECT_EQ(by_threads["1"], by_threads["2"]);
    EXPECT_EQ(by_threads["1"], by_threads["5"]);
}

}  // namespace
}  // namespace news::testing
