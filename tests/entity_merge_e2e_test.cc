/// @file entity_merge_e2e_test.cc
/// @brief End-to-end: one facet value per person across articles, every spelling searchable, the alias file and news-index recanonicalize, with the real executables.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "tests/test_util.h"

namespace news {
namespace {

using nlohmann::json;
using testing::run_tool;
using testing::RunResult;
using testing::TempDir;

/// Three outlets' reports of one event, the president's name spelled three ways.
const std::map<std::string, std::string> kArticles = {
    {"a.txt",
     "Zelenskiy meets envoys in Kyiv\n\n"
     "Ukrainian President Volodymyr Zelenskiy met U.S. envoys in Kyiv on Monday. Zelenskiy said the talks "
     "with Russian President Vladimir Putin's team would continue. Donald Trump welcomed the meeting.\n"},
    {"b.txt",
     "Zelenskyy welcomes talks\n\n"
     "President Volodymyr Zelenskyy said on Tuesday that peace talks would resume. Zelenskyy spoke after "
     "Vladimir Putin said Russia was ready. Trump, the U.S. president, said Donald Trump would host the next "
     "round.\n"},
    {"c.txt",
     "Zelensky and his wife visit Lviv\n\n"
     "Volodymyr Zelensky and his wife Olena Zelenska visited Lviv on Wednesday. Zelensky thanked Donald Trump "
     "and criticised Vladimir Putin.\n"},
};

class EntityMerge : public ::testing::Test {
protected:
    void SetUp() override {
        for (const auto& [name, text] : kArticles) dir_.write("in/" + name, text);
        db_ = (dir_ / "news.db").string();
    }
    RunResult index(std::vector<std::string> args, const std::string& db = "") {
        std::vector<std::string> all = {"--db", db.empty() ? db_ : db};
        all.insert(all.end(), args.begin(), args.end());
        return run_tool("news-index", all);
    }
    json search(std::vector<std::string> args, const std::string& db = "") {
        std::vector<std::string> all = {"--db", db.empty() ? db_ : db, "--json"};
        all.insert(all.end(), args.begin(), args.end());
        RunResult r = run_tool("news-search", all);
        EXPECT_EQ(r.status, 0) << r.err;
        json j = json::parse(r.out, nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
        return j;
    }
    /// value -> count of the person facet over everything.
    std::map<std::string, int> persons(const std::string& db = "") {
        std::map<std::string, int> out;
        const json response = search({"--facet", "person:50"}, db);
        for (const auto& v : response["facets"]["person"]) {
            out[v["value"].get<std::string>()] = v["count"].get<int>();
        }
        return out;
    }
    /// The person values that spell Zelensky's name some way.
    static std::map<std::string, int> zelensky_values(const std::map<std::string, int>& facet) {
        std::map<std::string, int> out;
        for (const auto& [v, n] : facet) {
            if (v.find("Zelensk") != std::string::npos && v.find("Zelenska") == std::string::npos) out[v] = n;
        }
        return out;
    }
    std::string in() const { return (dir_ / "in").string(); }

    TempDir dir_;
    std::string db_;
};

TEST_F(EntityMerge, ThreeSpellingsAreOneFacetValueAndEverySpellingFindsThemAll) {
    RunResult r = index({in()});
    ASSERT_EQ(r.status, 0) << r.err;
    auto facet = persons();
    EXPECT_EQ(zelensky_values(facet), (std::map<std::string, int>{{"Volodymyr Zelenskiy", 3}}))
        << "the first full name registered (a.txt comes first) names the person";
    EXPECT_EQ(facet["Vladimir Putin"], 3);
    EXPECT_EQ(facet["Olena Zelenska"], 1) << "Zelenska is another person";
    for (const char* q : {"person:zelensky", "person:zelenskiy", "person:zelenskyy", "person:Zelensky",
                          "person:ZELENSKYY", "person:zelensk*", "person:\"volodymyr zelensky\"", "person:\"Volodymyr Zelenskiy\"", "person:\"volodymyr zelenskyy\""}) {
        EXPECT_EQ(search({q})["total"], 3) << q;
    }
    EXPECT_EQ(search({"person:zelenska"})["total"], 1);
    // the filter takes the facet value
    EXPECT_EQ(search({"--filter", "person:Volodymyr Zelenskiy"})["total"], 3);
    // hits show the merged value
    const json hits = search({"person:zelensky"})["hits"];
    for (const auto& hit : hits) {
        auto people = hit["entities"]["person"];
        EXPECT_NE(std::find(people.begin(), people.end(), "Volodymyr Zelenskiy"), people.end()) << hit.dump();
    }
}

TEST_F(EntityMerge, ThreadCountsGiveTheSameValues) {
    std::string db3 = (dir_ / "threads3.db").string();
    ASSERT_EQ(index({"--threads", "1", in()}).status, 0);
    ASSERT_EQ(index({"--threads", "3", in()}, db3).status, 0);
    EXPECT_EQ(persons(), persons(db3));
}

TEST_F(EntityMerge, ThreadCountsGiveTheSameValuesForAFileExtractedInChunks) {
    // More than 32 records: extracted in chunks on several workers, while
    // the writer resolves names in input order.
    const char* spellings[] = {"Zelenskyy", "Zelensky", "Zelenskiy"};
    std::string lines;
    for (int i = 0; i < 70; ++i) {
        std::string s = spellings[(i * 7) % 3];
        lines += json{{"id", "r" + std::to_string(i)},
                      {"title", "Talks resume"},
                      {"body", "President Volodymyr " + s + " met Prime Minister Keir Starmer in London on Monday. " + s +
                                   " said the talks went well."}}
                     .dump() +
                 "\n";
    }
    dir_.write("feed/many.jsonl", lines);
    std::string feed = (dir_ / "feed").string();
    std::string db3 = (dir_ / "threads3.db").string();
    ASSERT_EQ(index({"--threads", "1", feed}).status, 0);
    ASSERT_EQ(index({"--threads", "3", feed}, db3).status, 0);
    auto one = persons();
    EXPECT_EQ(one, persons(db3));
    EXPECT_EQ(zelensky_values(one).size(), 1u) << ::testing::PrintToString(one);
    EXPECT_EQ(search({"person:zelenskiy"})["total"], 70);
}

TEST_F(EntityMerge, AliasFileNamesThePersonAndDropsStopEntities) {
    auto aliases = dir_.write("aliases.txt",
                              "# canonical names\n"
                              "person: Zelensky => Volodymyr Zelenskyy\n"
                              "stop person: Olena Zelenska\n");
    RunResult r = index({"--aliases", aliases.string(), in()});
    ASSERT_EQ(r.status, 0) << r.err;
    auto facet = persons();
    EXPECT_EQ(zelensky_values(facet), (std::map<std::string, int>{{"Volodymyr Zelenskyy", 3}}));
    EXPECT_EQ(facet.count("Olena Zelenska"), 0u);
    EXPECT_EQ(search({"person:zelenska"})["total"], 0) << "a stop-entity is not searchable as a person either";
    Xapian::Database db(db_);
    EXPECT_NE(db.get_metadata(std::string(schema::kAliasesKey)), "none");
    EXPECT_FALSE(db.get_metadata(std::string(schema::kAliasesKey)).empty());
}

TEST_F(EntityMerge, BadAliasFileStopsTheRunNamingFileAndLine) {
    auto aliases = dir_.write("aliases.txt", "person: Zelensky => Volodymyr Zelenskyy\nZelenska -> Olena\n");
    RunResult r = index({"--aliases", aliases.string(), in()});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("aliases.txt:2:"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db_)) << "nothing written";
    ASSERT_EQ(index({in()}).status, 0);
    RunResult missing = run_tool("news-index", {"recanonicalize", "--db", db_, "--aliases", (dir_ / "nope").string()});
    EXPECT_EQ(missing.status, 1) << missing.err;
    EXPECT_NE(missing.err.find("nope: cannot read the alias file"), std::string::npos) << missing.err;
}

TEST_F(EntityMerge, RecanonicalizeNeedsAnExistingDatabase) {
    RunResult r = run_tool("news-index", {"recanonicalize", "--db", db_});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("no such database"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db_)) << "not created";
}

TEST_F(EntityMerge, RecanonicalizeAppliesAnEditedAliasFileWithoutTheInputFiles) {
    ASSERT_EQ(index({in()}).status, 0);
    std::filesystem::rename(dir_ / "in", dir_ / "away");  // the original files are gone
    auto aliases = dir_.write("aliases.txt",
                              "person: Volodymyr Zelenskiy => Volodymyr Zelenskyy\n"
                              "stop: Vladimir Putin\n");
    RunResult r = run_tool("news-index", {"recanonicalize", "--db", db_, "--aliases", aliases.string(), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    json summary = json::parse(r.out, nullptr, false);
    EXPECT_EQ(summary["documents"], 3);
    EXPECT_EQ(summary["updated"], 3);
    auto facet = persons();
    EXPECT_EQ(zelensky_values(facet), (std::map<std::string, int>{{"Volodymyr Zelenskyy", 3}}));
    EXPECT_EQ(facet.count("Vladimir Putin"), 0u);
    EXPECT_EQ(facet["Olena Zelenska"], 1);
    EXPECT_EQ(search({"person:zelensky"})["total"], 3) << "surface forms kept in the stored data";
    EXPECT_EQ(search({"person:putin"})["total"], 0);
    EXPECT_EQ(search({"--filter", "person:Volodymyr Zelenskyy"})["total"], 3);
    EXPECT_EQ(search({"--filter", "person:Volodymyr Zelenskiy"})["total"], 0);

    // Again with the same file: nothing changes.
    r = run_tool("news-index", {"recanonicalize", "--db", db_, "--aliases", aliases.string(), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["updated"], 0);

    // The files back: unchanged files are still skipped, no alias warning.
    std::filesystem::rename(dir_ / "away", dir_ / "in");
    r = index({"--aliases", aliases.string(), in()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("0 indexed, 0 updated, 3 unchanged"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
    // Without the alias file: warned that the database was made with one.
    r = index({in()});
    EXPECT_NE(r.err.find("recanonicalize"), std::string::npos) << r.err;

    // Back to no alias file: the registry's names return, Putin too.
    r = run_tool("news-index", {"recanonicalize", "--db", db_});
    ASSERT_EQ(r.status, 0) << r.err;
    facet = persons();
    EXPECT_EQ(zelensky_values(facet), (std::map<std::string, int>{{"Volodymyr Zelenskiy", 3}}));
    EXPECT_EQ(facet["Vladimir Putin"], 3);
}

TEST_F(EntityMerge, RecanonicalizeUpgradesADatabaseOfSchemaOne) {
    ASSERT_EQ(index({in()}).status, 0);
    {
        // Make it look like schema 1: no "found" entities in the stored data.
        Xapian::WritableDatabase db(db_, Xapian::DB_OPEN);
        for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
            Xapian::Document doc = db.get_document(*p);
            json data = json::parse(doc.get_data());
            data.erase("found");
            doc.set_data(data.dump());
            db.replace_document(*p, doc);
        }
        db.set_metadata(std::string(schema::kSchemaVersionKey), "1");
        db.commit();
    }
    RunResult r = index({in()});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("recanonicalize"), std::string::npos) << r.err;
    r = run_tool("news-index", {"recanonicalize", "--db", db_});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("upgraded"), std::string::npos) << r.err;
    EXPECT_EQ(Xapian::Database(db_).get_metadata(std::string(schema::kSchemaVersionKey)), schema::kSchemaVersion);
    EXPECT_EQ(zelensky_values(persons()), (std::map<std::string, int>{{"Volodymyr Zelenskiy", 3}}));
    r = index({"--force", in()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("0 indexed, 3 updated"), std::string::npos) << "surface forms come back from the files\n"
                                                                      << r.err;
    EXPECT_EQ(search({"person:zelenskyy"})["total"], 3);
}

TEST_F(EntityMerge, DryRunShowsMergedValues) {
    RunResult r = run_tool("news-index", {"--dry-run", "--json", in()});
    ASSERT_EQ(r.status, 0) << r.err;
    int lines = 0;
    std::size_t start = 0;
    for (std::size_t nl; (nl = r.out.find('\n', start)) != std::string::npos; start = nl + 1) {
        json a = json::parse(r.out.substr(start, nl - start));
        auto people = a["entities"]["person"];
        EXPECT_NE(std::find(people.begin(), people.end(), "Volodymyr Zelenskiy"), people.end()) << a.dump();
        ++lines;
    }
    EXPECT_EQ(lines, 3);
}

}  // namespace
}  // namespace news
