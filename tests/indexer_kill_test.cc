/// @file indexer_kill_test.cc
/// @brief SIGKILL at random moments while news-index works; every re-run must finish the job exactly.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// The generated input: files of JSON Lines records; each record's title
/// carries a version so that a stale article is told from a current one.
class Corpus {
public:
    Corpus(const fs::path& dir, unsigned seed) : dir_(dir), rng_(seed) {}

    void write_file(int file, int records, int version) {
        std::string text;
        auto& ids = files_[file];
        ids.clear();
        for (int r = 0; r < records; ++r) {
            std::string id = "f" + std::to_string(file) + "-r" + std::to_string(r);
            std::string title = "Article " + id + " version " + std::to_string(version);
            text += article_line(id, title, rng_) + '\n';
            ids[id] = title;
        }
        std::ofstream(path(file), std::ios::binary) << text;
    }
    void remove_file(int file) {
        fs::remove(path(file));
        files_.erase(file);
    }
    /// Changes a few files: new versions, records dropped or added, a file
    /// removed, a file added.
    void mutate(int round) {
        std::uniform_int_distribution<int> any(0, next_file_ - 1);
        for (int k = 0; k < 3; ++k) {
            int f = any(rng_);
            if (files_.count(f)) write_file(f, 30 + (round + k) % 40, round);
        }
        int gone = any(rng_);
        if (files_.count(gone) && files_.size() > 10) remove_file(gone);
        write_file(next_file_++, 50, round);
    }
    void initial(int files, int records) {
        for (int f = 0; f < files; ++f) write_file(f, records, 0);
        next_file_ = files;
    }
    [[nodiscard]] std::map<std::string, std::string> expected() const {
        std::map<std::string, std::string> all;
        for (const auto& [f, ids] : files_) all.insert(ids.begin(), ids.end());
        return all;
    }

private:
    [[nodiscard]] fs::path path(int file) const { return dir_ / ("feed-" + std::to_string(file) + ".jsonl"); }

    fs::path dir_;
    std::mt19937 rng_;
    std::map<int, std::map<std::string, std::string>> files_;
    int next_file_ = 0;
};

TEST(IndexerKill, SigkillAtRandomMomentsNeverLosesOrDuplicatesAnArticle) {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    std::string db = (tmp / "db").string();
    std::string in = (tmp / "in").string();
    unsigned seed = std::random_device{}();
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    Corpus corpus(tmp / "in", seed);
    corpus.initial(40, 50);  // 2,000 articles to begin with

    const std::vector<std::string> args{"--db", db, "--batch-size", "20", "--no-entities", "--prune", "--quiet", in};
    double full_run = 0.5;  // seconds a complete run took last time
    int kills = 0;
    for (int round = 0; kills < 20 && round < 60; ++round) {
        if (round > 0) corpus.mutate(round);
        // every tenth round also re-reads everything, so that there is work
        // to cut in an otherwise small update
        std::vector<std::string> run_args = args;
        if (round % 10 == 9) run_args.insert(run_args.begin(), "--force");

        std::uniform_real_distribution<double> delay(0.0, full_run);
        {
            ChildProcess victim("news-index", run_args);
            std::this_thread::sleep_for(std::chrono::duration<double>(delay(rng)));
            if (victim.running()) victim.signal(SIGKILL);
            // The run may have finished between the check and the signal: then
            // it must have finished cleanly, and it does not count as a kill.
            int status = victim.wait();
            if (status == 128 + SIGKILL) {
                ++kills;
            } else {
                EXPECT_EQ(status, 0) << victim.err();
            }
        }
        // whatever the kill cut, the database opens and holds whole articles
        // (a kill during the very first moments may leave a directory with
        // no database in it yet: the re-run creates it)
        if (round > 0 || fs::exists(fs::path(db) / "iamglass")) {
            try {
                DatabaseContents cut = read_database(db);
                EXPECT_TRUE(cut.problems.empty()) << "round " << round << ": " << ::testing::PrintToString(cut.problems);
            } catch (const Xapian::DatabaseOpeningError& e) {
                EXPECT_EQ(round, 0) << "the database no longer opens after a kill: " << e.get_description();
            }
        }

        auto t0 = Clock::now();
        ChildProcess rerun("news-index", run_args);
        ASSERT_EQ(rerun.wait(), 0) << rerun.err();
        full_run = std::max(0.05, std::chrono::duration<double>(Clock::now() - t0).count());

        DatabaseContents after = read_database(db);
        EXPECT_TRUE(after.problems.empty()) << "round " << round << ": " << ::testing::PrintToString(after.problems);
        auto expected = corpus.expected();
        EXPECT_EQ(after.doc_count, expected.size()) << "round " << round;
        ASSERT_EQ(after.titles, expected) << "round " << round;  // ids, and each one's current version
    }
    EXPECT_GE(kills, 20) << "the indexer finished before most kills; the runs were too short";
}

}  // namespace
}  // namespace news::testing
