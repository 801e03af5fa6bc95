/// @file indexer_concurrency_test.cc
/// @brief A second writer is refused (or waits with --wait); searches succeed while the indexer commits.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "searcher/search.h"
#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

class IndexerConcurrency : public ::testing::Test {
protected:
    void SetUp() override {
        std::mt19937 rng(3);
        feed_ = tmp_.write("feed.jsonl", article_line("one", "One", rng) + '\n' + article_line("two", "Two", rng) + '\n');
        RunResult r = run_tool("news-index", {"--db", db(), "--no-entities", feed_.string()});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    [[nodiscard]] std::string db() const { return (tmp_ / "db").string(); }

    TempDir tmp_;
    fs::path feed_;
};

TEST_F(IndexerConcurrency, SecondWriterIsToldTheDatabaseIsLocked) {
    Xapian::WritableDatabase holder(db(), Xapian::DB_OPEN);  // another writer holds the lock
    RunResult r = run_tool("news-index", {"--db", db(), "--no-entities", feed_.string()});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("database is locked by another indexer"), std::string::npos) << r.err;

    RunResult del = run_tool("news-index", {"delete", "--db", db(), "one"});
    EXPECT_EQ(del.status, 1);
    EXPECT_NE(del.err.find("database is locked by another indexer"), std::string::npos) << del.err;
}

TEST_F(IndexerConcurrency, WaitGivesUpAfterTheTimeout) {
    Xapian::WritableDatabase holder(db(), Xapian::DB_OPEN);
    auto start = std::chrono::steady_clock::now();
    RunResult r = run_tool("news-index", {"--db", db(), "--no-entities", "--wait-timeout", "0.5", feed_.string()});
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("waiting"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("gave up after waiting 0.5 s"), std::string::npos) << r.err;
    EXPECT_GE(waited, 0.5);
}

TEST_F(IndexerConcurrency, WaitProceedsOnceTheLockIsReleased) {
    auto holder = std::make_unique<Xapian::WritableDatabase>(db(), Xapian::DB_OPEN);
    std::mt19937 rng(4);
    auto more = tmp_.write("more.jsonl", article_line("three", "Three", rng) + '\n');
    ChildProcess waiting("news-index", {"--db", db(), "--no-entities", "--wait", "--json", more.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_TRUE(waiting.running()) << waiting.err();
    holder.reset();  // releases the lock
    EXPECT_EQ(waiting.wait(), 0) << waiting.err();
    EXPECT_NE(waiting.err().find("locked by another indexer; waiting"), std::string::npos) << waiting.err();
    EXPECT_NE(waiting.out().find(R"("indexed":1)"), std::string::npos) << waiting.out();
    EXPECT_EQ(Xapian::Database(db()).get_doccount(), 3u);
}

TEST_F(IndexerConcurrency, SearchesNeverFailWhileTheIndexerCommits) {
    // many small commits of a few thousand articles
    std::mt19937 rng(5);
    constexpr int kFiles = 30, kPerFile = 100;
    for (int f = 0; f < kFiles; ++f) {
        std::string lines;
        for (int r = 0; r < kPerFile; ++r) {
            std::string id = "c" + std::to_string(f) + "-" + std::to_string(r);
            lines += article_line(id, "Talks " + id, rng) + '\n';
        }
        tmp_.write("in/feed-" + std::to_string(f) + ".jsonl", lines);
    }
    ChildProcess indexer("news-index", {"--db", db(), "--no-entities", "--batch-size", "5", (tmp_ / "in").string()});

    Searcher long_lived(db());
    SearchRequest request{.query = "talks OR ceasefire", .facets = {FacetRequest{.field = "source"}}, .limit = 5};
    std::size_t searches = 0, failures = 0, last_total = 0, went_down = 0;
    std::string first_failure;
    auto one = [&](Searcher& searcher) {
        try {
            SearchResponse response = searcher.search(request);
            if (response.total < last_total) ++went_down;
            last_total = response.total;
            for (const auto& hit : response.hits) {
                if (hit.article.id.empty()) throw std::runtime_error("a hit without its stored article");
            }
        } catch (const std::exception& e) {
            if (failures++ == 0) first_failure = e.what();
        } catch (const Xapian::Error& e) {
            if (failures++ == 0) first_failure = e.get_description();
        }
        ++searches;
    };
    bool overlapped = false;
    while (indexer.running()) {
        one(long_lived);  // a reader kept open across many commits
        Searcher fresh(db());
        one(fresh);       // and one opened just now
        overlapped = true;
    }
    EXPECT_EQ(indexer.wait(), 0) << indexer.err();
    EXPECT_TRUE(overlapped);
    EXPECT_EQ(failures, 0u) << searches << " searches; first failure: " << first_failure;
    EXPECT_EQ(went_down, 0u) << "the total went down while articles were only added";
    EXPECT_GT(searches, 10u);
    EXPECT_EQ(long_lived.search(SearchRequest{}).total, static_cast<std::size_t>(kFiles * kPerFile + 2));

    // news-search processes too, while another run re-reads everything
    ChildProcess again("news-index", {"--db", db(), "--no-entities", "--force", "--batch-size", "5", (tmp_ / "in").string()});
    int process_failures = 0, processes = 0;
    std::string first_process_failure;
    while (again.running() && processes < 40) {
        RunResult r = run_tool("news-search", {"--db", db(), "--json", "talks"});
        if (r.status != 0 && process_failures++ == 0) first_process_failure = r.err;
        ++processes;
    }
    EXPECT_EQ(again.wait(), 0) << again.err();
    EXPECT_EQ(process_failures, 0) << processes << " processes; first failure: " << first_process_failure;
}

}  // namespace
}  // namespace news::testing
