/// @file searcher_refresh_test.cc
/// @brief Searcher::refresh pins the revision the next call runs on; later calls see new commits.
#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "indexer/index_writer.h"
#include "searcher/search.h"
#include "tests/test_util.h"

namespace news {
namespace {

void add(IndexWriter& writer, const std::string& id) {
    Article a;
    a.id = id;
    a.title = "kilo " + id;
    a.origin_path = "/in/a.jsonl";
    writer.put(a);
    writer.commit();
}

TEST(SearcherRefresh, TheNextCallRunsOnTheRevisionRefreshReturnedAndTheOneAfterSeesNewCommits) {
    testing::TempDir dir;
    std::string path = (dir / "db").string();
    IndexWriter writer({.path = path, .spelling = false});
    add(writer, "one");
    Searcher searcher(path);
    const Xapian::rev pinned = searcher.refresh();

    add(writer, "two");  // committed after refresh(), before the search
    SearchResponse first = searcher.search({.query = "kilo"});
    EXPECT_EQ(first.total, 1u) << "a search right after refresh() answers for the revision it returned";
    EXPECT_EQ(searcher.revision(), pinned);

    SearchResponse second = searcher.search({.query = "kilo"});
    EXPECT_EQ(second.total, 2u) << "later searches reopen";
    EXPECT_GT(searcher.revision(), pinned);

    // article() keeps the pin too, and only for one call.
    const Xapian::rev again = searcher.refresh();
    add(writer, "three");
    EXPECT_FALSE(searcher.article("three").has_value());
    EXPECT_EQ(searcher.revision(), again);
    EXPECT_TRUE(searcher.article("three").has_value());
}

}  // namespace
}  // namespace news
