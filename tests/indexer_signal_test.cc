/// @file indexer_signal_test.cc
/// @brief SIGINT and SIGTERM: news-index commits what is done, prints a summary and exits 130 / 143.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

struct SignalCase {
    int signal;
    int status;
    const char* name;
};

class IndexerSignal : public ::testing::TestWithParam<SignalCase> {};

TEST_P(IndexerSignal, CommitsWhatIsDoneAndExitsWithItsStatus) {
    const SignalCase& c = GetParam();
    TempDir tmp;
    std::mt19937 rng(7);
    std::string lines;
    constexpr int kArticles = 300;
    for (int i = 0; i < kArticles; ++i) lines += article_line("a" + std::to_string(i), "Title " + std::to_string(i), rng) + '\n';
    auto feed = tmp.write("feed.jsonl", lines);
    std::string db = (tmp / "db").string();

    // The file first, then standard input, which the test keeps open: the
    // indexer has written the file and waits for more input when the signal
    // comes, with the last batch not yet committed.
    ChildProcess indexer("news-index", {"--db", db, "--batch-size", "7", "--no-entities", "--json", feed.string(), "-"},
                         /*stdin_pipe=*/true);
    // Wait until the file's committed batches are visible.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        ASSERT_TRUE(indexer.running()) << indexer.err();
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the indexer made no progress";
        if (fs::exists(db / fs::path("iamglass"))) {
            try {
                if (Xapian::Database(db).get_doccount() >= kArticles - kArticles % 7) break;
            } catch (const Xapian::Error&) {
                // created but not yet committed once
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // now blocked reading standard input
    indexer.signal(c.signal);
    EXPECT_EQ(indexer.wait(), c.status) << indexer.err();
    EXPECT_NE(indexer.err().find(std::string("interrupted by ") + c.name), std::string::npos) << indexer.err();
    EXPECT_NE(indexer.err().find("300 indexed"), std::string::npos) << indexer.err();
    EXPECT_NE(indexer.out().find(R"("interrupted":true)"), std::string::npos) << indexer.out();

    DatabaseContents contents = read_database(db);
    EXPECT_TRUE(contents.problems.empty());
    EXPECT_EQ(contents.doc_count, static_cast<Xapian::doccount>(kArticles));  // the last batch too

    // and a re-run over the file finds nothing left to do
    RunResult again = run_tool("news-index", {"--db", db, "--no-entities", "--json", feed.string()});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.out.find(R"("unchanged":300)"), std::string::npos) << again.out;
}

INSTANTIATE_TEST_SUITE_P(Signals, IndexerSignal,
                         ::testing::Values(SignalCase{SIGINT, 130, "SIGINT"}, SignalCase{SIGTERM, 143, "SIGTERM"}),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace news::testing
