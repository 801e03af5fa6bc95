/// @file server_test.cc
/// @brief news-server's JSON API over HTTP on loopback: answers, the CLI's JSON shapes, limits and errors, live updates.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/api.h"
#include "server/options.h"
#include "server/result_cache.h"
#include "server/search_service.h"
#include "tests/server_test_util.h"

namespace news::testing {
namespace {

using nlohmann::json;

/// GET @p path; the body parsed as JSON (every answer of the API is JSON).
struct Answer {
    int status = 0;
    json body;
    std::string content_type;
};

Answer get(httplib::Client& c, const std::string& path) {
    auto res = c.Get(path);
    if (!res) throw std::runtime_error("no answer for " + path + ": " + httplib::to_string(res.error()));
    Answer a;
    a.status = res->status;
    a.content_type = res->get_header_value("Content-Type");
    a.body = json::parse(res->body, nullptr, /*allow_exceptions=*/false);
    return a;
}

std::string encode(const std::string& s) { return httplib::detail::encode_query_param(s); }

class ServerApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;
        db_ = (dir_->path() / "db").string();
        index_jsonl(*dir_, db_, "talks.jsonl", kTalksArticles);
        server_ = new ServerThread(db_);
    }
    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
    }
    std::unique_ptr<httplib::Client> client_ = server_->client();

    static TempDir* dir_;
    static std::string db_;
    static ServerThread* server_;
};
TempDir* ServerApi::dir_ = nullptr;
std::string ServerApi::db_;
ServerThread* ServerApi::server_ = nullptr;

TEST_F(ServerApi, HealthCountsArticles) {
    Answer a = get(*client_, "/api/health");
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(a.body["status"], "ok");
    EXPECT_EQ(a.body["articles"], 4);
}

TEST_F(ServerApi, SearchAnswersAsTheCommandLineDoes) {
    const std::vector<std::string> args = {"--db", db_, "--json", "--facet", "person", "--facet", "date:day",
                                           "--filter", "source:Reuters", "--filter", "source:AFP", "talks"};
    RunResult cli = run_tool("news-search", args);
    ASSERT_EQ(cli.status, 0) << cli.err;
    json expected = json::parse(cli.out);

    Answer a = get(*client_, "/api/search?q=talks&facet=person&facet=date:day&filter=source:Reuters&filter=source:AFP");
    ASSERT_EQ(a.status, 200) << a.body.dump();
    EXPECT_EQ(a.body["offset"], 0);
    EXPECT_EQ(a.body["limit"], 10);
    EXPECT_TRUE(a.body["took_ms"].is_number());
    EXPECT_TRUE(a.body["cached"].is_boolean());
    for (const char* key : {"took_ms", "offset", "limit", "cached"}) a.body.erase(key);
    EXPECT_EQ(a.body, expected);
    EXPECT_EQ(a.body["total"], 2);
}

TEST_F(ServerApi, RepeatedRequestsComeFromTheCacheWithTheSameAnswer) {
    const std::string path = "/api/search?q=peace&facet=place&limit=2";
    Answer first = get(*client_, path);
    Answer second = get(*client_, path);
    ASSERT_EQ(first.status, 200);
    ASSERT_EQ(second.status, 200);
    EXPECT_EQ(first.body["cached"], false);
    EXPECT_EQ(second.body["cached"], true);
    for (Answer* a : {&first, &second}) a->body.erase("took_ms"), a->body.erase("cached");
    EXPECT_EQ(first.body, second.body);
    Answer health = get(*client_, "/api/health");
    EXPECT_GE(health.body["cache"]["hits"].get<int>(), 1);
}

TEST(ResultCacheUnit, EvictsLeastRecentlyUsedAndForgetsOlderRevisions) {
    server::ResultCache cache(400);
    cache.put(1, "a", std::string(90, 'a'));
    cache.put(1, "b", std::string(90, 'b'));
    cache.put(1, "c", std::string(90, 'c'));
    ASSERT_TRUE(cache.get(1, "a"));  // a is now the most recent
    cache.put(1, "d", std::string(90, 'd'));
    cache.put(1, "e", std::string(90, 'e'));  // over 400 bytes: b, the least recent, goes
    EXPECT_FALSE(cache.get(1, "b"));
    EXPECT_EQ(cache.get(1, "a").value_or(""), std::string(90, 'a'));
    EXPECT_TRUE(cache.get(1, "e"));
    cache.put(1, "huge", std::string(200, 'h'));  // over a quarter of the cache: not kept
    EXPECT_FALSE(cache.get(1, "huge"));

    // A reader still on revision 1 finds nothing of revision 2 and does not disturb it.
    cache.put(2, "a", "new");
    EXPECT_FALSE(cache.get(1, "a"));
    EXPECT_EQ(cache.get(2, "a").value_or(""), "new");
    EXPECT_FALSE(cache.get(2, "e"));  // revision 1's answers are gone
    server::ResultCache off(0);
    off.put(1, "a", "x");
    EXPECT_FALSE(off.get(1, "a"));
}

TEST_F(ServerApi, FiltersExcludesAndPaging) {
    Answer one = get(*client_, "/api/search?q=talks&filter=" + encode("person:Sergei Ryabkov"));
    ASSERT_EQ(one.status, 200);
    ASSERT_EQ(one.body["total"], 1);
    EXPECT_EQ(one.body["hits"][0]["id"], "reuters-1");

    Answer without = get(*client_, "/api/search?exclude=" + encode("person:Donald Trump"));
    ASSERT_EQ(without.status, 200);
    EXPECT_EQ(without.body["total"], 1);
    EXPECT_EQ(without.body["hits"][0]["id"], "afp-1");

    Answer page2 = get(*client_, "/api/search?sort=date&limit=1&offset=1");
    ASSERT_EQ(page2.status, 200);
    EXPECT_EQ(page2.body["total"], 4);
    ASSERT_EQ(page2.body["hits"].size(), 1u);
    EXPECT_EQ(page2.body["hits"][0]["rank"], 2);
    EXPECT_EQ(page2.body["hits"][0]["date"], "2026-01-25");

    // Multi-select: values of one field OR-ed; the field's own counts ignore its filter.
    Answer multi = get(*client_, "/api/search?facet=source&filter=source:TASS&filter=source:AFP");
    ASSERT_EQ(multi.status, 200);
    EXPECT_EQ(multi.body["total"], 2);
    EXPECT_EQ(multi.body["facets"]["source"].size(), 4u);
}

TEST_F(ServerApi, FacetsEndpointSearchesWithinAField) {
    Answer a = get(*client_, "/api/facets?field=person&contains=peskov");
    ASSERT_EQ(a.status, 200) << a.body.dump();
    ASSERT_EQ(a.body["facets"]["person"].size(), 1u);
    EXPECT_EQ(a.body["facets"]["person"][0]["value"], "Dmitry Peskov");
    EXPECT_EQ(a.body["facets"]["person"][0]["count"], 2);
    EXPECT_EQ(a.body["total"], 4);
    EXPECT_FALSE(a.body.contains("hits"));

    Answer months = get(*client_, "/api/facets?field=date:month&q=talks");
    ASSERT_EQ(months.status, 200);
    EXPECT_EQ(months.body["facets"]["date:month"], json::parse(R"([{"value":"2026-01","count":3}])"));
    // date:auto: two days apart, so by day.
    Answer automatic = get(*client_, "/api/search?q=talks&limit=0&facet=date:auto");
    ASSERT_EQ(automatic.status, 200) << automatic.body.dump();
    EXPECT_EQ(automatic.body["facets"]["date:auto"],
              json::parse(R"([{"value":"2026-01-24","count":1},{"value":"2026-01-25","count":2}])"));

    EXPECT_EQ(get(*client_, "/api/facets").status, 400);
    EXPECT_EQ(get(*client_, "/api/facets?field=colour").status, 400);
}

TEST_F(ServerApi, TimelineOfOneEntity) {
    Answer a = get(*client_, "/api/timeline?field=person&value=" + encode("Vladimir Putin") + "&bucket=day");
    ASSERT_EQ(a.status, 200) << a.body.dump();
    EXPECT_EQ(a.body["buckets"], json::parse(R"([{"value":"2026-01-25","count":2},{"value":"2026-01-26","count":1}])"));
    EXPECT_EQ(get(*client_, "/api/timeline?field=person").status, 400);
    EXPECT_EQ(get(*client_, "/api/timeline?field=person&value=x&bucket=fortnight").status, 400);
}

TEST_F(ServerApi, ArticleByIdIncludingAwkwardIds) {
    Answer a = get(*client_, "/api/article/reuters-1");
    ASSERT_EQ(a.status, 200);
    EXPECT_EQ(a.body["title"], "Ukraine and Russia hold talks in Abu Dhabi");
    EXPECT_NE(a.body["body"].get<std::string>().find("Sergei Ryabkov"), std::string::npos);

    Answer slash = get(*client_, "/api/article/" + encode("kyiv/1 two"));
    ASSERT_EQ(slash.status, 200) << slash.body.dump();
    EXPECT_EQ(slash.body["id"], "kyiv/1 two");

    Answer missing = get(*client_, "/api/article/no-such-article");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.body["status"], 404);
    EXPECT_NE(missing.body["error"].get<std::string>().find("no-such-article"), std::string::npos);
}

struct BadRequest {
    const char* path;
    int status;
    const char* message_part;
};

class ServerErrors : public ServerApi, public ::testing::WithParamInterface<BadRequest> {};

TEST_P(ServerErrors, AnswerWithJsonErrorsNamingTheProblem) {
    Answer a = get(*client_, GetParam().path);
    EXPECT_EQ(a.status, GetParam().status) << GetParam().path;
    ASSERT_TRUE(a.body.is_object()) << GetParam().path;
    EXPECT_EQ(a.body["status"], GetParam().status);
    EXPECT_NE(a.body["error"].get<std::string>().find(GetParam().message_part), std::string::npos)
        << a.body["error"];
}

INSTANTIATE_TEST_SUITE_P(
    Table, ServerErrors,
    ::testing::Values(BadRequest{"/api/search?bogus=1", 400, "unknown parameter 'bogus'"},
                      BadRequest{"/api/search?limit=ten", 400, "whole number"},
                      BadRequest{"/api/search?limit=-1", 400, "whole number"},
                      BadRequest{"/api/search?limit=101", 400, "at most 100"},
                      BadRequest{"/api/search?offset=995&limit=10", 400, "offset + limit"},
                      BadRequest{"/api/search?q=a&q=b", 400, "more than once"},
                      BadRequest{"/api/search?sort=colour", 400, "sort"},
                      BadRequest{"/api/search?match=some", 400, "match"},
                      BadRequest{"/api/search?filter=colour:red", 400, "colour"},
                      BadRequest{"/api/search?filter=person", 400, "person"},
                      BadRequest{"/api/search?facet=person:0", 400, "person"},
                      BadRequest{"/api/search?facet=person:100000", 400, "at most 1000"},
                      BadRequest{"/api/search?q=date:2026-13-45", 400, "date"},
                      BadRequest{"/api/nothing", 404, "/api/nothing"},
                      BadRequest{"/../../etc/passwd", 404, "no such page"},
                      BadRequest{"/app.js/../../../etc/passwd", 404, "no such page"},
                      BadRequest{"/%2e%2e/%2e%2e/etc/passwd", 404, "no such page"},
                      BadRequest{"/index.html", 404, "no such page"}));

TEST_F(ServerApi, RefusesLongQueriesManyFiltersBodiesAndOtherMethods) {
    EXPECT_EQ(get(*client_, "/api/search?q=" + std::string(1025, 'a')).status, 400);
    EXPECT_EQ(get(*client_, "/api/search?q=" + std::string(1024, 'a')).status, 200);
    std::string many = "/api/search?q=x";
    for (int i = 0; i < 65; ++i) many += "&filter=person:p" + std::to_string(i);
    EXPECT_EQ(get(*client_, many).status, 400);
    auto huge = client_->Get("/api/search?q=" + std::string(9000, 'a'));
    ASSERT_TRUE(huge);
    EXPECT_EQ(huge->status, 414);

    auto post = client_->Post("/api/search", "q=talks", "application/x-www-form-urlencoded");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
    EXPECT_EQ(json::parse(post->body)["status"], 405);

    auto del = client_->Delete("/api/article/reuters-1");
    ASSERT_TRUE(del);
    EXPECT_EQ(del->status, 405);
    EXPECT_EQ(get(*client_, "/api/article/reuters-1").status, 200);  // still there
}

TEST_F(ServerApi, HostileQueryStringsNeverCrashIt) {
    std::mt19937 rng(20261121);
    const std::string alphabet = "abc :\"()*-+~.^$&|<>\\/%AND OR NOT NEAR person:date:mentioned:..2026-01-0";
    for (int i = 0; i < 300; ++i) {
        std::string q;
        std::size_t len = rng() % 40;
        for (std::size_t k = 0; k < len; ++k) q.push_back(alphabet[rng() % alphabet.size()]);
        if (i % 10 == 0) q.push_back(static_cast<char>(0x80 + rng() % 0x7f));  // invalid UTF-8
        Answer a = get(*client_, "/api/search?facet=person&facet=date:week&q=" + encode(q));
        EXPECT_TRUE(a.status == 200 || a.status == 400) << q << " -> " << a.status;
        EXPECT_TRUE(a.body.is_object()) << q;
    }
    EXPECT_EQ(get(*client_, "/api/health").status, 200);
}

TEST_F(ServerApi, ServesOnlyItsOwnPageWithSafeHeaders) {
    auto page = client_->Get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->body.find("<script src=\"/app.js\""), std::string::npos);
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
    for (const char* asset : {"/app.js", "/style.css", "/favicon.svg"}) {
        auto r = client_->Get(asset);
        ASSERT_TRUE(r) << asset;
        EXPECT_EQ(r->status, 200) << asset;
        EXPECT_GT(r->body.size(), 100u) << asset;
    }
    EXPECT_EQ(client_->Get("/app.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

/// Articles indexed while the server runs show up without a restart, and
/// searches during the indexer's commits always answer correctly.
TEST(ServerLive, PicksUpNewArticlesAndStaysCorrectDuringCommits) {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    ServerThread server(db);

    std::atomic<bool> done{false};
    std::atomic<int> answers{0}, failures{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t) {
        readers.emplace_back([&] {
            auto c = server.client();
            while (!done) {
                Answer a = get(*c, "/api/search?q=talks&facet=source&limit=3");
                // Every answer is complete: the count never drops below the first four.
                if (a.status != 200 || a.body["total"].get<int>() < 3 || a.body["hits"].size() != 3) ++failures;
                ++answers;
            }
        });
    }
    std::string more;
    for (int i = 0; i < 400; ++i) {
        more += R"({"id":"live-)" + std::to_string(i) +
                R"(","title":"Talks resume","source":"Live Wire","date":"2026-02-01","body":"Negotiators said talks resumed in Geneva on Sunday, round )" +
                std::to_string(i) + R"(."})" + "\n";
    }
    auto file = dir.write("more.jsonl", more);
    RunResult r = run_tool("news-index", {"--db", db, "--batch-size", "20", file.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    done = true;
    for (auto& t : readers) t.join();
    EXPECT_EQ(failures, 0) << "of " << answers << " answers";
    EXPECT_GT(answers, 0);

    auto c = server.client();
    EXPECT_EQ(get(*c, "/api/health").body["articles"], 404);
    Answer live = get(*c, "/api/search?facet=source&filter=" + encode("source:Live Wire"));
    EXPECT_EQ(live.body["total"], 400);
}

/// `news-index compact` swaps a compacted copy in while the server runs: every
/// answer stays correct, and the server moves to the copy, caching by a
/// revision that keeps growing (no answer of the old copy comes back).
TEST(ServerLive, GoesOnAcrossCompactionsAndServesTheCompactedCopy) {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    for (int i = 0; i < 4; ++i) {  // revisions the copy's own will not reach
        index_jsonl(dir, db, "other.jsonl",
                    R"({"id":"other","title":"Weather","body":"Rain on day )" + std::to_string(i) + R"(."})" "\n");
    }
    ServerThread server(db);
    auto c = server.client();
    const std::string query = "/api/search?q=talks&facet=person&facet=source&limit=3";
    Answer first = get(*c, query);
    ASSERT_EQ(first.status, 200);
    const auto revision = get(*c, "/api/health").body["revision"].get<std::uint64_t>();

    std::atomic<bool> done{false};
    std::atomic<int> answers{0}, failures{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t) {
        readers.emplace_back([&] {
            auto rc = server.client();
            while (!done) {
                Answer a = get(*rc, query);
                if (a.status != 200 || a.body["total"] != first.body["total"] ||
                    a.body["facets"] != first.body["facets"]) {
                    ++failures;
                }
                ++answers;
            }
        });
    }
    for (int i = 0; i < 3; ++i) {
        RunResult r = run_tool("news-index", {"compact", "--db", db});
        ASSERT_EQ(r.status, 0) << r.err;
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    done = true;
    for (auto& t : readers) t.join();
    EXPECT_EQ(failures, 0) << "of " << answers << " answers";
    EXPECT_GT(answers, 0);

    EXPECT_GT(get(*c, "/api/health").body["revision"].get<std::uint64_t>(), revision);
    index_jsonl(dir, db, "late.jsonl",
                R"({"id":"late-1","title":"Talks go on","source":"Late Wire","date":"2026-02-02","body":"The talks went on."})"
                "\n");
    Answer after = get(*c, query);
    EXPECT_EQ(after.body["total"], first.body["total"].get<int>() + 1);
    EXPECT_EQ(after.body["cached"], false);
    EXPECT_EQ(get(*c, query).body["cached"], true) << "the copy's answers are cached again";
    EXPECT_EQ(get(*c, "/api/health").body["articles"], 6);
    EXPECT_EQ(get(*c, "/api/health").body["facet_store"], true);
}

/// A database without its facet store (as `xapian-compact` leaves one) says so
/// in /api/health; `news-index compact` writes the store again.
TEST(ServerLive, HealthSaysWhenTheFacetStoreIsMissingAndCompactionRestoresIt) {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    std::filesystem::remove(std::filesystem::path(db) / "facets" / "store");
    ServerThread server(db);
    auto c = server.client();
    for (int i = 0; i < 4; ++i) EXPECT_EQ(get(*c, "/api/health").body["facet_store"], false);
    Answer without = get(*c, "/api/search?q=talks&facet=person");
    RunResult r = run_tool("news-index", {"compact", "--db", db});
    ASSERT_EQ(r.status, 0) << r.err;
    for (int i = 0; i < 4; ++i) EXPECT_EQ(get(*c, "/api/health").body["facet_store"], true);
    Answer with = get(*c, "/api/search?q=talks&facet=person");
    EXPECT_EQ(with.body["facets"], without.body["facets"]);
    EXPECT_EQ(with.body["total"], without.body["total"]);
}

TEST(SearchServiceLimits, SlowSearchesTimeOutAndAFullQueueSaysBusy) {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    server::SearchService service(db, {.threads = 1, .max_queued = 1, .timeout = std::chrono::milliseconds(100)});
    EXPECT_EQ(service.run([](Searcher& s) { return s.doc_count(); }), 4u);
    try {
        (void)service.run([](Searcher& s) {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            return s.doc_count();
        });
        ADD_FAILURE() << "no time-out";
    } catch (const server::ApiError& e) {
        EXPECT_EQ(e.status(), 503);
        EXPECT_NE(std::string(e.what()).find("100 ms"), std::string::npos) << e.what();
    }
}

// Regression: a search abandoned at its deadline runs on after its request has been
// answered; it referred to the request's locals (parameters, cache key), which were gone by
// then, and the result cache was destroyed before the search threads were joined. With a
// zero deadline nearly every search is abandoned; the sanitizer build catches any such use.
TEST(ServerDeadline, AbandonedSearchesFinishSafelyAfterTheirRequests) {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    server::ServerOptions options;
    options.search = {.threads = 1, .max_queued = 1000, .timeout = std::chrono::milliseconds(0)};
    int abandoned = 0;
    {
        ServerThread server(db, options);
        auto c = server.client();
        for (int i = 0; i < 40; ++i) {
            for (const std::string& path : {"/api/search?q=talks&facet=person&offset=" + std::to_string(i % 3),
                                           "/api/facets?field=place&contains=" + std::to_string(i),
                                           "/api/timeline?field=person&value=" + encode("Donald Trump"),
                                           std::string("/api/article/afp-1")}) {
                Answer a = get(*c, path);
                EXPECT_TRUE(a.status == 200 || a.status == 503) << path << " " << a.status;
                if (a.status == 503) {
                    ++abandoned;
                    EXPECT_NE(a.body["error"].get<std::string>().find("longer than 0 ms"), std::string::npos);
                }
            }
        }
    }  // the server goes while abandoned searches may still be queued or running
    EXPECT_GT(abandoned, 0);
}

TEST(SearchServiceLimits, AFullQueueSaysBusy) {
    TempDir dir;
    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    server::SearchService service(db, {.threads = 1, .max_queued = 1, .timeout = std::chrono::seconds(20)});
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> started{false};
    // One search holds the only thread, one waits in the queue, the next is refused.
    std::thread holding([&] {
        EXPECT_EQ(service.run([&](Searcher& s) {
            started = true;
            released.wait();
            return s.doc_count();
        }), 4u);
    });
    while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::thread queued([&] { EXPECT_EQ(service.run([](Searcher& s) { return s.doc_count(); }), 4u); });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the queued search is in the queue by now
    try {
        (void)service.run([](Searcher& s) { return s.doc_count(); });
        ADD_FAILURE() << "not refused";
    } catch (const server::ApiError& e) {
        EXPECT_EQ(e.status(), 503);
        EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos) << e.what();
    }
    release.set_value();
    holding.join();
    queued.join();
    // Exceptions of the search reach the caller.
    EXPECT_THROW((void)service.run([](Searcher& s) { return s.search(SearchRequest{.query = "date:2026-99"}); }),
                 QueryError);
}

TEST(ServerParams, SearchRequestFromParameters) {
    server::Params p = {{"q", "talks"},           {"filter", "person:Donald Trump"}, {"filter", "source:AFP"},
                        {"exclude", "place:Moscow"}, {"facet", "person:5"},            {"facet", "date:month"},
                        {"facet_prefix", "vl"},      {"related", "org"},               {"related_min_count", "2"},
                        {"sort", "date"},            {"match", "any"},                 {"offset", "20"},
                        {"limit", "20"},             {"snippet_chars", "100"}};
    SearchRequest r = server::search_request_from_params(p, {});
    EXPECT_EQ(r.query, "talks");
    ASSERT_EQ(r.filters.size(), 2u);
    EXPECT_EQ(r.filters[0].field, "person");
    EXPECT_EQ(r.filters[0].value, "Donald Trump");
    ASSERT_EQ(r.excludes.size(), 1u);
    ASSERT_EQ(r.facets.size(), 2u);
    EXPECT_EQ(r.facets[0].limit, 5u);
    EXPECT_EQ(r.facets[0].prefix, "vl");
    EXPECT_EQ(r.facets[1].key(), "date:month");
    ASSERT_EQ(r.related.size(), 1u);
    EXPECT_EQ(r.related[0].min_count, 2u);
    EXPECT_EQ(r.sort, SortOrder::date);
    EXPECT_EQ(r.mode, MatchMode::any);
    EXPECT_EQ(r.offset, 20u);
    EXPECT_EQ(r.limit, 20u);
    EXPECT_EQ(r.snippet_chars, 100u);

    SearchRequest defaults = server::search_request_from_params({}, {});
    EXPECT_EQ(defaults.query, "");
    EXPECT_EQ(defaults.limit, 10u);
    EXPECT_EQ(defaults.sort, SortOrder::relevance);

    server::ApiLimits tight{.max_query_bytes = 3};
    EXPECT_THROW((void)server::search_request_from_params({{"q", "four"}}, tight), server::ApiError);
}

TEST(ServerOptionsCli, ParsesAndRefusesBadValues) {
    const char* ok[] = {"news-server", "--db", "x.db", "--port", "0", "--threads", "3", "--timeout-ms", "250",
                        "--host", "0.0.0.0"};
    auto cl = server::parse_server_command_line(11, ok);
    EXPECT_EQ(cl.db_path, "x.db");
    EXPECT_EQ(cl.options.port, 0);
    EXPECT_EQ(cl.options.host, "0.0.0.0");
    EXPECT_EQ(cl.options.search.threads, 3u);
    EXPECT_EQ(cl.options.search.timeout, std::chrono::milliseconds(250));
    EXPECT_EQ(cl.options.cache_bytes, 64u << 20);
    const char* no_cache[] = {"news-server", "--cache-mb", "0"};
    EXPECT_EQ(server::parse_server_command_line(3, no_cache).options.cache_bytes, 0u);
    const char* defaults[] = {"news-server"};
    EXPECT_EQ(server::parse_server_command_line(1, defaults).options.host, "127.0.0.1");
    for (std::vector<const char*> bad : {std::vector<const char*>{"news-server", "--port", "70000"},
                                         {"news-server", "--threads", "0"},
                                         {"news-server", "--timeout-ms", "0"},
                                         {"news-server", "--bogus"}}) {
        EXPECT_THROW((void)server::parse_server_command_line(static_cast<int>(bad.size()), bad.data()), UsageError)
            << bad[1];
    }
}

/// The executable: a clear error for a missing database, and a clean exit on SIGTERM.
TEST(ServerExecutable, MissingDatabaseAndSignals) {
    TempDir dir;
    RunResult missing = run_tool("news-server", {"--db", (dir.path() / "nothing").string(), "--port", "0"});
    EXPECT_EQ(missing.status, 1);
    EXPECT_NE(missing.err.find("no such database"), std::string::npos) << missing.err;
    EXPECT_EQ(run_tool("news-server", {"--port", "x"}).status, 2);
    EXPECT_EQ(run_tool("news-server", {"--help"}).status, 0);

    const std::string db = (dir.path() / "db").string();
    index_jsonl(dir, db, "talks.jsonl", kTalksArticles);
    const std::string out = (dir.path() / "out").string();
    const std::string program = std::string(NEWS_BINARY_DIR) + "/news-server";
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        execl(program.c_str(), program.c_str(), "--db", db.c_str(), "--port", "0", static_cast<char*>(nullptr));
        _exit(127);
    }
    int port = 0;
    for (int i = 0; i < 250 && port == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::string text = read_file(out);
        auto at = text.find("http://127.0.0.1:");
        if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
    }
    EXPECT_GT(port, 0) << read_file(out);
    if (port > 0) {
        httplib::Client c("127.0.0.1", port);
        auto health = c.Get("/api/health");
        ASSERT_TRUE(health);
        EXPECT_EQ(health->status, 200);
    }
    ASSERT_EQ(kill(pid, SIGTERM), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status << ": " << read_file(out);
}

}  // namespace
}  // namespace news::testing
