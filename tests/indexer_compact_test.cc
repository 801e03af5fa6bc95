/// @file indexer_compact_test.cc
/// @brief news-index compact: the compacted copy answers as before, keeps ids and the facet store, and open readers move to it.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/facet_store.h"
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

/// Articles naming people, organisations and places, from several sources over several months.
std::string articles(int first, int count) {
    static const char* const people[] = {"Volodymyr Zelenskyy", "Dmitry Peskov", "Sergei Ryabkov", "Donald Trump"};
    static const char* const places[] = {"Abu Dhabi", "Geneva", "Moscow", "Kyiv"};
    static const char* const sources[] = {"Reuters", "AFP", "TASS"};
    std::string out;
    for (int i = first; i < first + count; ++i) {
        const std::string who = people[i % 4], where = places[(i / 4) % 4];
        out += nlohmann::json{{"id", "a" + std::to_string(i)},
                              {"title", "Talks in " + where + " round " + std::to_string(i)},
                              {"source", sources[i % 3]},
                              {"date", "2026-0" + std::to_string(1 + i % 3) + "-1" + std::to_string(i % 10)},
                              {"body", who + " said on Monday that the peace talks in " + where +
                                           " would go on. NATO officials and the European Union were told. " +
                                           (i % 5 == 0 ? "Oil prices rose in London." : "Markets were calm.")}}
                   .dump() +
               '\n';
    }
    return out;
}

/// Everything a user sees of a few searches: totals, hits with scores, facets.
std::string answers(Searcher& searcher, bool* used_store = nullptr) {
    std::ostringstream out;
    for (const char* query : {"talks", "\"peace talks\" geneva", "", "oil OR moscow", "person:peskov"}) {
        SearchRequest request{.query = query, .limit = 5};
        for (const char* f : {"person", "org", "place", "source", "date:month"}) {
            request.facets.push_back(parse_facet_request(f));
        }
        SearchResponse r = searcher.search(request);
        if (used_store && r.facet_method == FacetMethod::value_slots) *used_store = false;
        out << query << ": " << r.total << '\n';
        for (const SearchHit& h : r.hits) out << "  " << h.article.id << ' ' << h.score << '\n';
        for (const auto& [key, values] : r.facets) {
            out << "  " << key << ':';
            for (const FacetValue& v : values) out << ' ' << v.value << '=' << v.count;
            out << '\n';
        }
    }
    return out.str();
}

class IndexerCompact : public ::testing::Test {
protected:
    void SetUp() override {
        auto file = tmp_.write("in/a.jsonl", articles(0, 80));
        RunResult r = run_tool("news-index", {"--db", db(), file.string()});
        ASSERT_EQ(r.status, 0) << r.err;
        // The first documents gone: a compaction that renumbered would move every other one.
        for (const char* id : {"a0", "a1", "a2", "a7"}) {
            r = run_tool("news-index", {"delete", "--db", db(), id});
            ASSERT_EQ(r.status, 0) << r.err;
        }
        // Several revisions, so that a copy stamped with the old one (or
        // keeping Xapian's revision alone) differs from one done right.
        ASSERT_GE(Xapian::Database(db()).get_revision(), 5u);
    }
    [[nodiscard]] std::string db() const { return (tmp_ / "db").string(); }

    TempDir tmp_;
};

TEST_F(IndexerCompact, TheCopyAnswersAsBeforeWithTheSameIdsAndItsOwnFacetStore) {
    std::string before;
    std::map<std::string, Xapian::docid> docids;
    {
        Searcher searcher(db());
        before = answers(searcher);
        Xapian::Database x(db());
        for (auto t = x.allterms_begin("Q"); t != x.allterms_end("Q"); ++t) docids[*t] = *x.postlist_begin(*t);
    }
    ASSERT_NE(before.find("Dmitry Peskov="), std::string::npos) << before;
    ASSERT_NE(before.find("Geneva="), std::string::npos) << before;
    RunResult r = run_tool("news-index", {"compact", "--db", db(), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto summary = nlohmann::json::parse(r.out);
    EXPECT_EQ(summary["documents"], 76);
    EXPECT_LT(summary["bytes_after"].get<std::uint64_t>(), summary["bytes_before"].get<std::uint64_t>());
    EXPECT_NE(r.err.find("compacted 76 articles"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(db() + ".compacting"));
    EXPECT_FALSE(fs::exists(db() + ".old"));

    Xapian::Database x(db());
    EXPECT_NE(FacetStore::open(db(), x), nullptr) << "the copy's facet store is stamped for the copy";
    for (const auto& [term, docid] : docids) EXPECT_EQ(*x.postlist_begin(term), docid) << term;
    ASSERT_FALSE(read_database(db()).titles.empty());
    EXPECT_TRUE(read_database(db()).problems.empty());

    Searcher searcher(db());
    bool used_store = true;
    EXPECT_EQ(answers(searcher, &used_store), before);
    EXPECT_TRUE(used_store) << "facets counted through the store, not the value slots";

    // Indexing goes on into the copy.
    auto more = tmp_.write("in/b.jsonl", articles(100, 5));
    r = run_tool("news-index", {"--db", db(), more.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(Xapian::Database(db()).get_doccount(), 81u);
    EXPECT_NE(FacetStore::open(db(), Xapian::Database(db())), nullptr);
}

TEST_F(IndexerCompact, AnOpenSearcherMovesToTheCopyAndItsRevisionKeepsGrowing) {
    Searcher searcher(db());
    const std::string before = answers(searcher);
    const Xapian::rev old_revision = searcher.refresh();
    // One that splits every query over two threads, each with its own handle.
    Searcher split(db());
    split.set_parallelism({.threads = 2, .min_work = 1});
    EXPECT_EQ(answers(split), before);

    std::ostringstream out, err;
    CompactSummary s = run_compact(CompactOptions{.db_path = db()}, out, err);
    EXPECT_EQ(s.documents, 76u);
    EXPECT_EQ(s.interrupted, 0);
    EXPECT_EQ(err.str().find("warning"), std::string::npos) << "room enough: no warning about space: " << err.str();

    const Xapian::rev compacted = searcher.refresh();
    EXPECT_GT(compacted, old_revision) << "a reader keys its caches by revision";
    bool used_store = true;
    EXPECT_EQ(answers(searcher, &used_store), before);
    EXPECT_TRUE(used_store);
    EXPECT_EQ(answers(split), before);

    {
        IndexWriter writer({.path = db(), .spelling = false});
        Article a;
        a.id = "late";
        a.title = "Late talks";
        a.body = "More talks were held.";
        a.origin_path = "/in/late.jsonl";
        writer.put(a);
        writer.commit();
    }
    EXPECT_EQ(searcher.search({.query = "talks"}).total, 77u);
    EXPECT_EQ(split.search({.query = "talks"}).total, 77u);
    EXPECT_GT(searcher.revision(), compacted);

    // A second compaction keeps the order too.
    (void)run_compact(CompactOptions{.db_path = db()}, out, err);
    EXPECT_GT(searcher.refresh(), compacted + 1);
    EXPECT_TRUE(searcher.article("late").has_value());
}

TEST_F(IndexerCompact, LockedInterruptedAndLeftOverCopiesLeaveTheDatabaseAsItWas) {
    const std::string uuid = Xapian::Database(db()).get_uuid();
    std::ostringstream out, err;
    {
        IndexWriter writer({.path = db(), .spelling = false});
        EXPECT_THROW((void)run_compact(CompactOptions{.db_path = db()}, out, err), DatabaseLockedError);
    }
    volatile std::sig_atomic_t interrupt = SIGINT;
    CompactSummary s = run_compact(CompactOptions{.db_path = db(), .interrupt = &interrupt}, out, err);
    EXPECT_EQ(s.interrupted, SIGINT);
    EXPECT_EQ(Xapian::Database(db()).get_uuid(), uuid);
    EXPECT_FALSE(fs::exists(db() + ".compacting"));

    // A copy left by a compaction that died is replaced.
    tmp_.write("db.compacting/junk", "x");
    RunResult r = run_tool("news-index", {"compact", "--db", db() + "/"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(Xapian::Database(db()).get_uuid(), uuid);
    EXPECT_FALSE(fs::exists(db() + ".compacting"));
    EXPECT_EQ(Xapian::Database(db()).get_doccount(), 76u);

    EXPECT_EQ(run_tool("news-index", {"compact", "--db", (tmp_ / "nothing").string()}).status, 1);
    EXPECT_EQ(run_tool("news-index", {"compact"}).status, 2);
    EXPECT_NE(run_tool("news-index", {"compact", "--help"}).out.find("news-index compact --db DB"), std::string::npos);
}

// Regression: compact on a directory that was not a database made one in it
// and then swapped the (empty) compacted copy in for the directory, deleting
// whatever files it held. compact, recanonicalize and delete now need an
// existing database and touch nothing else.
TEST_F(IndexerCompact, ADirectoryThatIsNotADatabaseIsRefusedAndKeepsItsFiles) {
    const fs::path input = tmp_.write("articles/talks.jsonl",
                                      R"({"id":"t1","title":"Talks","body":"Talks resumed in Geneva."})" "\n");
    const std::string dir = input.parent_path().string();
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"compact", "--db", dir}, {"recanonicalize", "--db", dir}, {"delete", "--db", dir, "t1"}}) {
        RunResult r = run_tool("news-index", args);
        EXPECT_EQ(r.status, 1) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find(dir + ": no such database"), std::string::npos) << args[0] << ": " << r.err;
        EXPECT_TRUE(fs::exists(input)) << args[0] << " removed the input file";
        EXPECT_FALSE(fs::exists(input.parent_path() / "iamglass")) << args[0] << " made a database there";
        EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1) << args[0] << " left a file";
        EXPECT_FALSE(fs::exists(dir + ".compacting"));
    }
    RunResult r = run_tool("news-index", {"delete", "--db", (tmp_ / "absent").string(), "t1"});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_FALSE(fs::exists(tmp_ / "absent")) << "delete made a database";
}

TEST_F(IndexerCompact, ThroughASymbolicLinkTheDirectoryItNamesIsReplaced) {
    const fs::path link = tmp_ / "current";
    fs::create_directory_symlink(db(), link);
    RunResult r = run_tool("news-index", {"compact", "--db", link.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link), fs::path(db()));
    EXPECT_EQ(Xapian::Database(link.string()).get_doccount(), 76u);
    EXPECT_NE(FacetStore::open(db(), Xapian::Database(db())), nullptr);
    EXPECT_FALSE(fs::exists(link.string() + ".compacting"));
    EXPECT_FALSE(fs::exists(db() + ".compacting"));
}

TEST(FacetStoreCopy, OnlyAStoreMatchingItsDatabaseIsCopied) {
    TempDir tmp;
    const std::string from = (tmp / "from").string(), to = (tmp / "to").string();
    { Xapian::WritableDatabase(from, Xapian::DB_CREATE_OR_OPEN).commit(); }
    { Xapian::WritableDatabase(to, Xapian::DB_CREATE_OR_OPEN).commit(); }
    EXPECT_FALSE(copy_facet_store(from, Xapian::Database(from), to, Xapian::Database(to)));
    EXPECT_FALSE(fs::exists(facet_store_path(to)));
}

}  // namespace
}  // namespace news::testing
