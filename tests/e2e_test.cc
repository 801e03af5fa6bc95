/// @file e2e_test.cc
/// @brief End-to-end: the real news-index and news-search on files the test writes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "tests/test_util.h"

namespace news {
namespace {

using nlohmann::json;
using testing::run_tool;
using testing::RunResult;
using testing::TempDir;

const char* kTalksText =
    "Ukraine_Russia_Talks_End_In_Abu_Dhabi\n\n"
    "Ukraine-Russia Talks End In Abu Dhabi With Prisoner Exchange Agreed\n\n"
    "Ukraine-Russia Talks End In Abu Dhabi With Prisoner Exchange Agreed\n\n"
    "Russian Deputy Foreign Minister Sergei Ryabkov said the peace talks in Abu Dhabi were useful. "
    "Ukrainian officials agreed.\n\n"
    "Key Outcomes\n\n"
    "The delegations agreed to exchange prisoners and to meet again.\n\n"
    "Back To Top\n\n"
    "Leave a Reply\n"
    "Your email address will not be published. Required fields are marked *\n";

const char* kNoHeadlineText =
    "KYIV, Feb 2 (AFP) - Ukraine's foreign minister said on Monday that the peace talks would continue "
    "next week in Geneva. He gave no further details.\n\n"
    "Negotiators are expected to discuss energy infrastructure.\n";

const char* kHtmlPage = R"(<!DOCTYPE html>
<html><head>
<title>Envoys Meet In Geneva | The Daily Wire Service</title>
<meta property="og:title" content="Envoys Meet In Geneva To Prepare Peace Talks">
<meta property="og:site_name" content="The Daily Wire Service">
<meta property="article:published_time" content="2026-01-28T09:30:00+01:00">
<meta name="author" content="Maria Lopez">
<link rel="canonical" href="https://wire.example/2026/01/28/envoys-geneva">
<script>var tracking = "zzscriptword";</script>
<style>.x { color: red } /* zzstyleword */</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">zznavword World</a></nav>
<header class="site-header">zzheaderword Subscribe today</header>
<article>
<h1>Envoys Meet In Geneva To Prepare Peace Talks</h1>
<p>Envoys from several countries met in Geneva on Wednesday to prepare the next round of peace talks.</p>
<h2>Agenda</h2>
<p>The agenda includes a ceasefire and the exchange of prisoners.</p>
<div class="share-buttons">zzshareword Share on Facebook</div>
</article>
<aside class="related-links"><a href="/x">zzrelatedword Other story</a></aside>
<section class="comments">zzcommentword Great article</section>
<footer>zzfooterword Copyright 2026</footer>
</body></html>
)";

const char* kNewsApiLines =
    R"({"source":{"id":null,"name":"Reuters"},"author":"Tom Balmforth","title":"Ukraine and Russia swap prisoners after talks","description":"Ukraine and Russia exchanged prisoners on Thursday.","url":"https://news.example/a1","publishedAt":"2026-02-05T10:00:00Z","content":"Ukraine and Russia exchanged prisoners on Thursday, officials said… [+1200 chars]"})"
    "\n"
    R"({"source":{"id":null,"name":"AFP"},"author":"Anna Smith","title":"Zelenskyy welcomes prisoner exchange","description":"The president welcomed the exchange.","url":"https://news.example/a2","publishedAt":"2026-02-06T08:00:00Z","content":"President Zelenskyy welcomed the exchange in a video address."})"
    "\n"
    R"({"source":{"name":"Reuters"}, "title": "broken record", )"
    "\n"
    R"({"source":{"id":null,"name":"BBC"},"author":null,"title":"Energy talks planned for March","description":"Officials plan energy talks.","url":"https://news.example/a3","publishedAt":"2026-02-07T12:00:00Z","content":"Officials plan energy talks in March."})"
    "\n";

json parse_json_output(const RunResult& r) {
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.out << "\nstderr: " << r.err;
    return j;
}

json search(const std::string& db, std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", db, "--json"};
    all.insert(all.end(), args.begin(), args.end());
    RunResult r = run_tool("news-search", all);
    EXPECT_EQ(r.status, 0) << r.err;
    return parse_json_output(r);
}

std::set<std::string> titles(const json& response) {
    std::set<std::string> out;
    for (const auto& h : response["hits"]) out.insert(h["title"].get<std::string>());
    return out;
}

class EndToEnd : public ::testing::Test {
protected:
    void SetUp() override {
        dir_.write("articles/talks.txt", kTalksText);
        dir_.write("articles/no-headline.txt", kNoHeadlineText);
        dir_.write("articles/web/geneva.html", kHtmlPage);
        dir_.write("articles/feed.jsonl", kNewsApiLines);
        db_ = (dir_ / "news.db").string();
    }
    RunResult index(std::vector<std::string> args) {
        std::vector<std::string> all = {"--db", db_};
        all.insert(all.end(), args.begin(), args.end());
        return run_tool("news-index", all);
    }
    TempDir dir_;
    std::string db_;
};

TEST_F(EndToEnd, IndexesEveryFormatAndReportsTheMalformedLine) {
    RunResult r = index({(dir_ / "articles").string()});
    EXPECT_EQ(r.status, 3) << "a malformed line makes the exit status 3\n" << r.err;
    EXPECT_NE(r.err.find("feed.jsonl:3:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("6 indexed, 0 updated, 0 unchanged, 0 removed, 0 skipped, 1 failed"), std::string::npos)
        << r.err;

    json all = search(db_, {"--limit", "20"});
    EXPECT_EQ(all["total"], 6);
}

TEST_F(EndToEnd, PlainTextTitlesBoilerplateAndDerivedTitles) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    json r = search(db_, {"Ryabkov"});
    ASSERT_EQ(r["total"], 1);
    EXPECT_EQ(r["hits"][0]["title"], "Ukraine-Russia Talks End In Abu Dhabi With Prisoner Exchange Agreed");
    EXPECT_EQ(r["hits"][0]["title_derived"], false);
    EXPECT_NE(r["hits"][0]["snippet"].get<std::string>().find("<mark>Ryabkov</mark>"), std::string::npos);

    EXPECT_EQ(search(db_, {"\"back to top\""})["total"], 0);
    EXPECT_EQ(search(db_, {"\"leave a reply\""})["total"], 0);
    EXPECT_EQ(search(db_, {"\"email address\""})["total"], 0);

    json derived = search(db_, {"Geneva", "foreign", "minister"});
    ASSERT_EQ(derived["total"], 1);
    EXPECT_EQ(derived["hits"][0]["title_derived"], true);
    EXPECT_EQ(derived["hits"][0]["title"],
              "Ukraine's foreign minister said on Monday that the peace talks would continue next week in Geneva");
    EXPECT_EQ(derived["hits"][0]["source"], "AFP");
}

TEST_F(EndToEnd, HtmlPageFieldsAndNoPageFurniture) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    json r = search(db_, {"envoys"});
    ASSERT_EQ(r["total"], 1);
    const json& hit = r["hits"][0];
    EXPECT_EQ(hit["title"], "Envoys Meet In Geneva To Prepare Peace Talks");
    EXPECT_EQ(hit["date"], "2026-01-28");
    EXPECT_EQ(hit["source"], "The Daily Wire Service");
    EXPECT_EQ(hit["url"], "https://wire.example/2026/01/28/envoys-geneva");
    EXPECT_EQ(hit["authors"], json::array({"Maria Lopez"}));
    for (const char* word : {"zzscriptword", "zzstyleword", "zznavword", "zzheaderword", "zzshareword",
                             "zzrelatedword", "zzcommentword", "zzfooterword"}) {
        EXPECT_EQ(search(db_, {word})["total"], 0) << word << " is page furniture";
    }
    EXPECT_EQ(search(db_, {"agenda", "ceasefire"})["total"], 1);
}

TEST_F(EndToEnd, JsonLinesFieldsFacetsAndFilters) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    json r = search(db_, {"prisoners", "--facet", "source", "--facet", "author"});
    std::set<std::string> expected = {"Ukraine and Russia swap prisoners after talks",
                                      "Ukraine-Russia Talks End In Abu Dhabi With Prisoner Exchange Agreed",
                                      "Envoys Meet In Geneva To Prepare Peace Talks",
                                      "Zelenskyy welcomes prisoner exchange"};
    EXPECT_EQ(titles(r), expected);

    json feed = search(db_, {"swap", "prisoners"});
    ASSERT_EQ(feed["total"], 1);
    EXPECT_EQ(feed["hits"][0]["date"], "2026-02-05");
    EXPECT_EQ(feed["hits"][0]["source"], "Reuters");
    EXPECT_EQ(feed["hits"][0]["url"], "https://news.example/a1");
    EXPECT_EQ(feed["hits"][0]["id"], "https://news.example/a1");
    EXPECT_EQ(feed["hits"][0]["authors"], json::array({"Tom Balmforth"}));

    json facets = search(db_, {"--facet", "source"})["facets"]["source"];
    ASSERT_GE(facets.size(), 3u);
    // ordered by count, then value
    EXPECT_EQ(facets[0], (json{{"value", "AFP"}, {"count", 2}}));
    EXPECT_EQ(facets[1], (json{{"value", "BBC"}, {"count", 1}}));

    json only = search(db_, {"--filter", "source:Reuters", "--filter", "source:bbc", "--facet", "source"});
    EXPECT_EQ(only["total"], 2);
    // the source facet ignores its own filter, so the alternatives stay visible
    EXPECT_EQ(only["facets"]["source"][0]["value"], "AFP");

    json excluded = search(db_, {"talks", "--exclude", "source:AFP"});
    for (const auto& h : excluded["hits"]) EXPECT_NE(h["source"], "AFP");
}

TEST_F(EndToEnd, DatesRangesSortAndHistogram) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    EXPECT_EQ(search(db_, {"date:2026-02-01..2026-02-28"})["total"], 3);
    EXPECT_EQ(search(db_, {"date:2026-01"})["total"], 1);
    json sorted = search(db_, {"--sort", "date", "--limit", "3"});
    ASSERT_EQ(sorted["hits"].size(), 3u);
    EXPECT_EQ(sorted["hits"][0]["date"], "2026-02-07");
    EXPECT_EQ(sorted["hits"][1]["date"], "2026-02-06");
    json hist = search(db_, {"--facet", "date:month"})["facets"]["date:month"];
    ASSERT_FALSE(hist.empty());
    EXPECT_EQ(hist[0], (json{{"value", "2026-01"}, {"count", 1}}));
    EXPECT_EQ(hist.back()["value"], "unknown");
}

TEST_F(EndToEnd, ReindexingSkipsUnchangedAndReplacesChanged) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    RunResult again = index({(dir_ / "articles").string()});
    EXPECT_NE(again.err.find("0 indexed, 0 updated, 6 unchanged"), std::string::npos) << again.err;

    // the same directory named another way is the same articles
    RunResult relative = index({(dir_ / "articles" / ".." / "articles").string()});
    EXPECT_NE(relative.err.find("0 indexed, 0 updated, 6 unchanged"), std::string::npos) << relative.err;

    std::string changed = std::string(kNoHeadlineText) + "\nA new closing paragraph about zzupdatedword.\n";
    dir_.write("articles/no-headline.txt", changed);
    RunResult after_edit = index({(dir_ / "articles").string()});
    EXPECT_NE(after_edit.err.find("0 indexed, 1 updated, 5 unchanged"), std::string::npos) << after_edit.err;
    EXPECT_EQ(search(db_, {"zzupdatedword"})["total"], 1);
    EXPECT_EQ(search(db_, {})["total"], 6);

    // a record removed from a JSON Lines file is removed from the index
    std::string feed = kNewsApiLines;
    feed = feed.substr(0, feed.find("\n{\"source\":{\"id\":null,\"name\":\"BBC\"}") + 1);
    dir_.write("articles/feed.jsonl", feed);
    RunResult after_removal = index({(dir_ / "articles").string()});
    EXPECT_NE(after_removal.err.find("1 removed"), std::string::npos) << after_removal.err;
    EXPECT_EQ(search(db_, {"energy", "march"})["total"], 0);
    EXPECT_EQ(search(db_, {})["total"], 5);
}

TEST_F(EndToEnd, BadInputIsReportedAndEverythingElseIndexed) {
    dir_.write("bad/binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
    dir_.write("bad/empty.txt", "");
    dir_.write("bad/latin1.txt", "Caf\xe9 owners in Kyiv reopen after the talks.\n\nMore text here.\n");
    dir_.write("bad/broken.json", "{\"title\": \"unfinished");
    std::filesystem::create_symlink(dir_ / "nowhere.txt", dir_ / "bad" / "dangling.txt");
    RunResult r = index({(dir_ / "bad").string(), (dir_ / "missing-dir").string(), (dir_ / "articles").string()});
    EXPECT_EQ(r.status, 3);
    EXPECT_NE(r.err.find("binary.txt: error: binary data"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("empty.txt: error: empty input"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("latin1.txt: warning: not UTF-8"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("broken.json"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("dangling.txt: error: broken symbolic link"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("missing-dir: error: no such file or directory"), std::string::npos) << r.err;
    // everything readable was indexed and committed
    EXPECT_EQ(search(db_, {"Café"})["total"], 1);
    EXPECT_EQ(search(db_, {})["total"], 7);
}

TEST_F(EndToEnd, ADatabaseInsideTheIndexedFolderIsNotReadAsArticles) {
    // The database lives among the articles it indexes: its files are not inputs.
    std::string inner = (dir_ / "articles" / "news.db").string();
    RunResult first = run_tool("news-index", {"--db", inner, (dir_ / "articles").string()});
    ASSERT_EQ(first.status, 3) << first.err;  // only feed.jsonl's malformed line
    RunResult again = run_tool("news-index", {"--db", inner, (dir_ / "articles").string()});
    EXPECT_EQ(again.err.find("news.db"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("0 indexed, 0 updated, 6 unchanged, 0 removed, 0 skipped, 1 failed"), std::string::npos)
        << again.err;
}

TEST_F(EndToEnd, StandardInputIsAnInput) {
    RunResult r = run_tool("news-index", {"--db", db_, "-"}, kNoHeadlineText);
    EXPECT_EQ(r.status, 0) << r.err;
    RunResult again = run_tool("news-index", {"--db", db_, "-"}, kNoHeadlineText);
    EXPECT_NE(again.err.find("0 indexed, 0 updated, 1 unchanged"), std::string::npos) << again.err;
    EXPECT_EQ(search(db_, {"Geneva"})["total"], 1);
}

TEST_F(EndToEnd, DryRunPrintsTheDocumentedKeysWithoutADatabase) {
    RunResult r = run_tool("news-index", {"--dry-run", "--json", (dir_ / "articles" / "talks.txt").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    json j = parse_json_output(r);
    for (const char* key : {"id", "title", "title_derived", "date", "source", "url", "authors", "entities",
                            "dates_mentioned", "text_chars"}) {
        EXPECT_TRUE(j.contains(key)) << key;
    }
    for (const char* type : {"person", "org", "place", "misc"}) EXPECT_TRUE(j["entities"].contains(type)) << type;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "news.db"));
}

TEST_F(EndToEnd, QueryErrorsAndDatabaseErrorsHaveTheirExitStatus) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    RunResult bad_date = run_tool("news-search", {"--db", db_, "date:2026-13-01..2026-14-01"});
    EXPECT_EQ(bad_date.status, 2);
    EXPECT_NE(bad_date.err.find("not a date"), std::string::npos) << bad_date.err;
    RunResult bad_syntax = run_tool("news-search", {"--db", db_, "talks AND"});
    EXPECT_EQ(bad_syntax.status, 2) << bad_syntax.out;
    RunResult bad_facet = run_tool("news-search", {"--db", db_, "--facet", "colour"});
    EXPECT_EQ(bad_facet.status, 2);
    RunResult no_db = run_tool("news-search", {"--db", (dir_ / "nope").string(), "talks"});
    EXPECT_EQ(no_db.status, 1);
    EXPECT_NE(no_db.err.find("no such database"), std::string::npos);
    RunResult usage = run_tool("news-index", {"--db", db_});
    EXPECT_EQ(usage.status, 2);
    std::filesystem::path file_db = dir_.write("afile", "x");
    RunResult file_as_db = run_tool("news-index", {"--db", file_db.string(), (dir_ / "articles").string()});
    EXPECT_EQ(file_as_db.status, 1);
    EXPECT_NE(file_as_db.err.find("is a file, not a database"), std::string::npos) << file_as_db.err;
}

TEST_F(EndToEnd, QuerySyntaxPhrasesWildcardsFieldsAndSpelling) {
    ASSERT_NE(index({(dir_ / "articles").string()}).status, 1);
    EXPECT_EQ(search(db_, {"\"prisoner exchange\""})["total"], 2);
    EXPECT_EQ(search(db_, {"ryab*"})["total"], 1);
    EXPECT_EQ(search(db_, {"title:envoys"})["total"], 1);
    EXPECT_EQ(search(db_, {"author:balmforth"})["total"], 1);
    // names are indexed without positions: a quoted name is an AND of its words
    EXPECT_EQ(search(db_, {"author:\"Tom Balmforth\""})["total"], 1);
    EXPECT_EQ(search(db_, {"author:\"Tom Smith\""})["total"], 0);
    EXPECT_EQ(search(db_, {"author:\"tom balmforth\"", "prisoners"})["total"], 1);
    EXPECT_EQ(search(db_, {"source:reuters"})["total"], 1);
    EXPECT_EQ(search(db_, {"talks", "NOT", "geneva"})["total"].get<int>(),
              search(db_, {"talks"})["total"].get<int>() - search(db_, {"talks", "geneva"})["total"].get<int>());
    EXPECT_GE(search(db_, {"peace", "OR", "energy"})["total"].get<int>(), 4);
    json s = search(db_, {"prisonners"});
    EXPECT_EQ(s["suggestion"], "prisoners");
}

TEST_F(EndToEnd, HelpAndVersion) {
    RunResult help = run_tool("news-search", {"--help"});
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("--facet"), std::string::npos);
    RunResult ihelp = run_tool("news-index", {"--help"});
    EXPECT_EQ(ihelp.status, 0);
    EXPECT_NE(ihelp.out.find("--dry-run"), std::string::npos);
    EXPECT_EQ(run_tool("news-index", {"--version"}).status, 0);
}

}  // namespace
}  // namespace news
