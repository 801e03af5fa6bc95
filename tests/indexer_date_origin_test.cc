/// @file indexer_date_origin_test.cc
/// @brief Where publication dates come from (metadata, dateline, --date-from-mtime), through the real
/// news-index and news-search.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// No date anywhere: no metadata, no dateline, no "Published:" line.
const char* kUndated =
    "Harbour Authority Approves New Ferry Timetable\n\n"
    "The harbour authority approved a new ferry timetable after a long consultation with residents.\n\n"
    "Crossings will be more frequent in the evening.\n";
// A dateline at the start of the body, no date in the header.
const char* kDateline =
    "Regional Bank Raises Its Lending Rate Again\n\n"
    "WASHINGTON, Jan. 24, 2026 (Reuters) - The regional bank raised its lending rate for the third time.\n\n"
    "Analysts had expected the move.\n";
// A JSON record with a date field.
const char* kMetadata =
    R"({"id":"meta-1","title":"Council Passes The Annual Budget","date":"2025-06-01","body":"The council passed the annual budget by a wide margin."})"
    "\n";

/// A file time at a UTC day and time.
fs::file_time_type utc(std::chrono::year_month_day day, std::chrono::minutes time_of_day) {
    using namespace std::chrono;
    return file_clock::from_sys(time_point_cast<seconds>(sys_days{day} + time_of_day));
}

/// 2024-03-15 23:30 UTC: late in the UTC day, so that a local-time conversion east of UTC would show the
/// 16th.
fs::file_time_type test_mtime() {
    using namespace std::chrono;
    return utc(year{2024} / March / 15, hours{23} + minutes{30});
}

class PublicationDateOrigin : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const auto& [name, text] : std::map<std::string, std::string>{
                 {"undated.txt", kUndated}, {"dateline.txt", kDateline}, {"meta.jsonl", kMetadata}}) {
            fs::last_write_time(tmp_.write("in/" + name, text), test_mtime());
        }
    }

    /// news-index --dry-run --json over the input directory: article JSON by file name.
    std::map<std::string, json> dry_run(std::vector<std::string> extra) {
        std::vector<std::string> args{"--dry-run", "--json", "--no-entities"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(in());
        RunResult r = run_tool("news-index", args);
        EXPECT_EQ(r.status, 0) << r.err;
        return by_file(r.out);
    }

    RunResult index(std::vector<std::string> extra) {
        std::vector<std::string> args{"--db", db(), "--no-entities", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(in());
        return run_tool("news-index", args);
    }

    json search(std::vector<std::string> extra) {
        std::vector<std::string> args{"--db", db(), "--json", "--limit", "10"};
        args.insert(args.end(), extra.begin(), extra.end());
        RunResult r = run_tool("news-search", args);
        EXPECT_EQ(r.status, 0) << r.err;
        json j = json::parse(r.out, nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << r.out;
        return j;
    }

    /// Hits of a search for everything, by file name (the id ends with it, or is "meta-1").
    std::map<std::string, json> hits() {
        std::map<std::string, json> out;
        const json response = search({});
        for (const auto& h : response["hits"]) out[file_key(h["id"].get<std::string>())] = h;
        return out;
    }

    /// The date:day facet as value -> count.
    std::map<std::string, int> day_facet() {
        std::map<std::string, int> out;
        const json response = search({"--facet", "date:day"});
        for (const auto& v : response["facets"]["date:day"]) {
            out[v["value"].get<std::string>()] = v["count"].get<int>();
        }
        return out;
    }

    static std::string file_key(const std::string& id) {
        if (id == "meta-1") return "meta";
        return fs::path(id).stem().string();
    }

    static std::map<std::string, json> by_file(const std::string& jsonl) {
        std::map<std::string, json> out;
        std::size_t at = 0;
        while (at < jsonl.size()) {
            std::size_t eol = jsonl.find('\n', at);
            if (eol == std::string::npos) eol = jsonl.size();
            json j = json::parse(jsonl.substr(at, eol - at), nullptr, false);
            at = eol + 1;
            EXPECT_FALSE(j.is_discarded()) << jsonl;
            if (!j.is_discarded()) out[file_key(j["id"].get<std::string>())] = j;
        }
        return out;
    }

    [[nodiscard]] std::string in() const { return (tmp_ / "in").string(); }
    [[nodiscard]] std::string db() const { return (tmp_ / "db").string(); }

    TempDir tmp_;
};

TEST_F(PublicationDateOrigin, WithoutTheOptionAnUndatedArticleStaysUndated) {
    auto a = dry_run({});
    ASSERT_EQ(a.size(), 3u);
    EXPECT_TRUE(a["undated"]["date"].is_null()) << a["undated"];
    EXPECT_EQ(a["undated"]["date_origin"], "none");
    EXPECT_EQ(a["meta"]["date"], "2025-06-01");
    EXPECT_EQ(a["meta"]["date_origin"], "metadata");
    EXPECT_EQ(a["dateline"]["date"], "2026-01-24");
    EXPECT_EQ(a["dateline"]["date_origin"], "dateline");

    ASSERT_EQ(index({}).status, 0);
    auto facet = day_facet();
    EXPECT_EQ(facet["unknown"], 1);
    EXPECT_EQ(facet.count("2024-03-15"), 0u);
    auto h = hits();
    ASSERT_EQ(h.size(), 3u);
    EXPECT_TRUE(h["undated"]["date"].is_null());
    EXPECT_EQ(h["undated"]["date_origin"], "none");
    EXPECT_EQ(h["meta"]["date_origin"], "metadata");
    EXPECT_EQ(h["dateline"]["date_origin"], "dateline");
}

TEST_F(PublicationDateOrigin, WithTheOptionOnlyTheUndatedArticleTakesTheModificationDay) {
    auto a = dry_run({"--date-from-mtime"});
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a["undated"]["date"], "2024-03-15");  // the UTC day
    EXPECT_EQ(a["undated"]["date_origin"], "option");
    EXPECT_EQ(a["meta"]["date"], "2025-06-01");
    EXPECT_EQ(a["meta"]["date_origin"], "metadata");
    EXPECT_EQ(a["dateline"]["date"], "2026-01-24");
    EXPECT_EQ(a["dateline"]["date_origin"], "dateline");
}

TEST_F(PublicationDateOrigin, TheOptionReachesTheIndexAndTurningItOnRereadsUnchangedFiles) {
    ASSERT_EQ(index({}).status, 0);
    EXPECT_EQ(day_facet()["unknown"], 1);

    // Same bytes, but the option changes what is extracted: the files are read again.
    RunResult r = index({"--date-from-mtime"});
    ASSERT_EQ(r.status, 0) << r.err;
    auto facet = day_facet();
    EXPECT_EQ(facet.count("unknown"), 0u) << r.out;
    EXPECT_EQ(facet["2024-03-15"], 1);
    auto h = hits();
    EXPECT_EQ(h["undated"]["date"], "2024-03-15");
    EXPECT_EQ(h["undated"]["date_origin"], "option");
    EXPECT_EQ(h["meta"]["date"], "2025-06-01");
    EXPECT_EQ(h["meta"]["date_origin"], "metadata");
    EXPECT_EQ(h["dateline"]["date_origin"], "dateline");

    // A touched file is read again and takes its new modification day.
    using namespace std::chrono;
    fs::last_write_time(tmp_ / "in" / "undated.txt", utc(year{2023} / July / 4, hours{1}));
    ASSERT_EQ(index({"--date-from-mtime"}).status, 0);
    EXPECT_EQ(hits()["undated"]["date"], "2023-07-04");
}

TEST_F(PublicationDateOrigin, NeverForStandardInput) {
    RunResult r =
        run_tool("news-index", {"--dry-run", "--json", "--no-entities", "--date-from-mtime", "-"}, kUndated);
    ASSERT_EQ(r.status, 0) << r.err;
    json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_TRUE(j["date"].is_null()) << j;
    EXPECT_EQ(j["date_origin"], "none");
}

}  // namespace
}  // namespace news::testing
