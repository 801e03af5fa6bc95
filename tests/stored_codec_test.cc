/// @file stored_codec_test.cc
/// @brief Stored articles compressed against the database's dictionary: round trips, bad data, and the
///        indexer and searcher with databases that have one, had none when opened, or hold both kinds.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.h"
#include "common/stored_codec.h"
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "tests/indexer_test_util.h"

namespace news::testing {
namespace {

/// The stored JSON of @p n articles, like the indexer's: varied words, names and dates.
std::vector<std::string> stored_articles(int first, int n) {
    static const char* const words[] = {"talks", "ceasefire", "minister", "market", "shares", "rose", "fell",
                                        "government", "election", "trade", "oil", "prices", "bank", "rates",
                                        "summit", "agreement", "officials", "said", "on", "the", "in", "and",
                                        "Geneva", "Kyiv", "Moscow", "Reuters", "percent", "Monday", "week"};
    std::mt19937 rng(static_cast<unsigned>(first));
    std::uniform_int_distribution<std::size_t> pick(0, std::size(words) - 1);
    std::vector<std::string> out;
    for (int i = first; i < first + n; ++i) {
        std::string body;
        for (int w = 0; w < 120; ++w) body += std::string(w ? " " : "") + words[pick(rng)];
        out.push_back(nlohmann::json{{"id", "a" + std::to_string(i)},
                                     {"title", "Talks round " + std::to_string(i)},
                                     {"date", "2026-01-" + std::to_string(10 + i % 20)},
                                     {"source", i % 2 ? "Reuters" : "AFP"},
                                     {"entities", {{"person", {"Sergei Ryabkov"}}, {"place", {"Geneva"}}}},
                                     {"body", body}}
                          .dump());
    }
    return out;
}

TEST(StoredCodec, WithoutADictionaryTheJsonIsKeptAsItIs) {
    StoredCodec codec;
    EXPECT_FALSE(codec.has_dictionary());
    const std::string json = stored_articles(0, 1).front();
    EXPECT_EQ(codec.encode(json), json);
    EXPECT_EQ(codec.decode(json), json);
    EXPECT_EQ(codec.decode(""), "");
}

TEST(StoredCodec, ADictionaryRoundTripsArticlesItWasNotTrainedOnAndMakesThemSmaller) {
    const std::string dictionary = StoredCodec::train(stored_articles(0, StoredCodec::kTrainingSamples));
    ASSERT_FALSE(dictionary.empty());
    EXPECT_LE(dictionary.size(), StoredCodec::kDictionaryBytes);
    StoredCodec codec(dictionary);
    ASSERT_TRUE(codec.has_dictionary());
    std::size_t raw = 0, stored = 0;
    for (const std::string& json : stored_articles(5000, 200)) {
        const std::string data = codec.encode(json);
        ASSERT_FALSE(data.empty());
        EXPECT_EQ(data.front(), StoredCodec::kCompressedMarker);
        EXPECT_EQ(codec.decode(data), json);
        EXPECT_EQ(StoredCodec(dictionary).decode(data), json) << "another codec of the same dictionary reads it";
        EXPECT_EQ(codec.decode(json), json) << "JSON written before the dictionary is read as it is";
        raw += json.size();
        stored += data.size();
    }
    EXPECT_LT(stored * 3, raw) << stored << " of " << raw;  // about a quarter for these articles
    // An empty article and a very long one.
    EXPECT_EQ(codec.decode(codec.encode("")), "");
    std::string long_one = stored_articles(9000, 1).front();
    while (long_one.size() < (3u << 20)) long_one += long_one;
    EXPECT_EQ(codec.decode(codec.encode(long_one)), long_one);
}

TEST(StoredCodec, CompressedBytesAreKeptInTheValueSlotAndJsonAsTheData) {
    const std::string dictionary = StoredCodec::train(stored_articles(0, StoredCodec::kTrainingSamples));
    ASSERT_FALSE(dictionary.empty());
    const StoredCodec codec(dictionary);
    const std::string json = stored_articles(7000, 1).front();
    const std::string compressed = codec.encode(json);

    Xapian::Document doc;
    StoredCodec::set_stored_bytes(doc, json);  // no value yet: nothing to remove, no error
    EXPECT_EQ(doc.get_data(), json);
    EXPECT_EQ(doc.get_value(schema::kSlotStored), "");
    EXPECT_EQ(StoredCodec::stored_bytes(doc), json);

    StoredCodec::set_stored_bytes(doc, compressed);
    EXPECT_EQ(doc.get_data(), "");
    EXPECT_EQ(doc.get_value(schema::kSlotStored), compressed);
    EXPECT_EQ(codec.decode(StoredCodec::stored_bytes(doc)), json);

    StoredCodec::set_stored_bytes(doc, json);  // and back: the value goes
    EXPECT_EQ(doc.get_data(), json);
    EXPECT_EQ(doc.get_value(schema::kSlotStored), "");
    EXPECT_EQ(doc.values_count(), 0u);

    Xapian::Document earlier;  // as versions before the value slot kept it
    earlier.set_data(compressed);
    EXPECT_EQ(codec.decode(StoredCodec::stored_bytes(earlier)), json);
}

TEST(StoredCodec, BadDataAndMissingDictionariesAreClearErrors) {
    const std::string dictionary = StoredCodec::train(stored_articles(0, StoredCodec::kTrainingSamples));
    const std::string other = StoredCodec::train(stored_articles(20000, StoredCodec::kTrainingSamples));
    ASSERT_FALSE(dictionary.empty());
    ASSERT_FALSE(other.empty());
    StoredCodec codec(dictionary);
    const std::string data = codec.encode(stored_articles(7000, 1).front());

    auto error_of = [](const StoredCodec& c, const std::string& d) {
        try {
            (void)c.decode(d);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    EXPECT_NE(error_of(StoredCodec(), data).find("which the database lacks"), std::string::npos);
    EXPECT_NE(error_of(StoredCodec(other), data).find("the database's is"), std::string::npos);
    std::string corrupt = data;
    for (std::size_t i = corrupt.size() / 2; i < corrupt.size(); ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
    EXPECT_NE(error_of(codec, corrupt).find("corrupt"), std::string::npos);
    EXPECT_NE(error_of(codec, data.substr(0, data.size() / 2)).find("corrupt"), std::string::npos);
    EXPECT_NE(error_of(codec, std::string(1, StoredCodec::kCompressedMarker)), "<no error>");
    EXPECT_NE(error_of(codec, std::string(1, StoredCodec::kCompressedMarker) + "not a zstd frame"), "<no error>");

    EXPECT_THROW(StoredCodec("not a dictionary"), std::runtime_error);
    EXPECT_EQ(StoredCodec::train({}), "");
    EXPECT_EQ(StoredCodec::train({"{}", "{}"}), "") << "too little to learn from: no dictionary, not an error";
}

/// A database indexed through news-index in batches: the first batch is stored
/// as JSON and trains the dictionary, the later ones are compressed.
class StoredDictionary : public ::testing::Test {
protected:
    std::string db() const { return (tmp_ / "db").string(); }
    RunResult index(int first, int count, int batch_size = 500) {
        std::string lines;
        for (int i = first; i < first + count; ++i) {
            lines += nlohmann::json{{"id", "a" + std::to_string(i)},
                                    {"title", "Talks round " + std::to_string(i)},
                                    {"source", i % 2 ? "Reuters" : "AFP"},
                                    {"date", "2026-01-" + std::to_string(10 + i % 20)},
                                    {"body", "Sergei Ryabkov said on Monday that talks in Geneva, round " +
                                                 std::to_string(i) + ", would go on."}}
                         .dump() +
                     '\n';
        }
        const auto file = tmp_.write("in-" + std::to_string(first) + ".jsonl", lines);
        return run_tool("news-index", {"--db", db(), "--no-entities", "--quiet", "--batch-size",
                                       std::to_string(batch_size), file.string()});
    }
    /// The stored bytes of article @p id as Xapian holds them (data or value).
    std::string raw_data(const std::string& id) {
        Xapian::Database d(db());
        return StoredCodec::stored_bytes(d.get_document(*d.postlist_begin(schema::id_term(id))));
    }
    /// Where article @p id's stored bytes are: "data" or "value" (the other
    /// then empty), else "both" or "none".
    std::string kept_in(const std::string& id) {
        Xapian::Database d(db());
        Xapian::Document doc = d.get_document(*d.postlist_begin(schema::id_term(id)));
        const bool data = !doc.get_data().empty(), value = !doc.get_value(schema::kSlotStored).empty();
        return data && value ? "both" : data ? "data" : value ? "value" : "none";
    }
    /// Title and body of article @p id through a Searcher's hit and its article lookup.
    static std::string shown(Searcher& s, const std::string& id) {
        std::optional<Article> a = s.article(id);
        if (!a) return "<none>";
        SearchResponse r = s.search(SearchRequest{.query = "\"round " + id.substr(1) + "\"", .limit = 1});
        std::string hit = r.hits.empty() ? "<no hit>" : r.hits.front().article.title;
        return a->title + " | " + a->body + " | " + hit;
    }
    static std::string expected(int i) {
        return "Talks round " + std::to_string(i) + " | Sergei Ryabkov said on Monday that talks in Geneva, round " +
               std::to_string(i) + ", would go on. | Talks round " + std::to_string(i);
    }

    TempDir tmp_;
};

TEST_F(StoredDictionary, LaterBatchesAreCompressedAndEveryArticleReadsBack) {
    ASSERT_EQ(index(0, 400).status, 0);  // fewer than the training samples: no dictionary yet
    EXPECT_TRUE(Xapian::Database(db()).get_metadata(std::string(schema::kStoredDictionaryKey)).empty());
    Searcher before(db());  // opened before the dictionary exists
    EXPECT_EQ(shown(before, "a7"), expected(7));

    RunResult r = index(400, 2100);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string dictionary = Xapian::Database(db()).get_metadata(std::string(schema::kStoredDictionaryKey));
    ASSERT_FALSE(dictionary.empty()) << "trained once the database held 1,000 articles";
    EXPECT_EQ(raw_data("a7").front(), '{') << "written before the dictionary: JSON";
    EXPECT_EQ(raw_data("a450").front(), '{') << "a training sample: written before its commit";
    EXPECT_EQ(raw_data("a2400").front(), StoredCodec::kCompressedMarker);
    EXPECT_EQ(kept_in("a7"), "data") << "JSON stays the document data (glass compresses it)";
    EXPECT_EQ(kept_in("a2400"), "value") << "compressed: in the value slot, not run through glass's zlib";
    EXPECT_LT(raw_data("a2400").size(), StoredCodec::of(Xapian::Database(db())).decode(raw_data("a2400")).size());

    for (int i : {7, 450, 1700, 2499}) {
        EXPECT_EQ(shown(before, "a" + std::to_string(i)), expected(i)) << "the reader opened before it";
        Searcher after(db());
        EXPECT_EQ(shown(after, "a" + std::to_string(i)), expected(i));
    }
    DatabaseContents c = read_database(db());
    EXPECT_TRUE(c.problems.empty());
    EXPECT_EQ(c.titles.size(), 2500u);
    EXPECT_EQ(c.titles["a2499"], "Talks round 2499");

    // A later run keeps the dictionary and compresses from its first article.
    ASSERT_EQ(index(3000, 10).status, 0);
    EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(schema::kStoredDictionaryKey)), dictionary);
    EXPECT_EQ(raw_data("a3000").front(), StoredCodec::kCompressedMarker);
    EXPECT_EQ(shown(before, "a3000"), expected(3000));
}

TEST_F(StoredDictionary, ADatabaseGrowingBySmallRunsGetsItsDictionaryWhenItHoldsEnough) {
    for (int run = 0; run < 12; ++run) {
        ASSERT_EQ(index(run * 100, 100).status, 0);
        const bool trained =
            !Xapian::Database(db()).get_metadata(std::string(schema::kStoredDictionaryKey)).empty();
        EXPECT_EQ(trained, run >= 9) << "after run " << run << ": " << (run + 1) * 100 << " articles";
    }
    EXPECT_EQ(raw_data("a50").front(), '{');
    EXPECT_EQ(raw_data("a999").front(), '{') << "the run that trained it wrote these before";
    EXPECT_EQ(raw_data("a1000").front(), StoredCodec::kCompressedMarker);
    EXPECT_EQ(raw_data("a1199").front(), StoredCodec::kCompressedMarker);
    Searcher s(db());
    for (int i : {0, 999, 1000, 1199}) EXPECT_EQ(shown(s, "a" + std::to_string(i)), expected(i));
}

TEST_F(StoredDictionary, UpdatesRecanonicalizationAndCompactionReadBothKinds) {
    ASSERT_EQ(index(0, 2000).status, 0);
    ASSERT_EQ(raw_data("a1500").front(), StoredCodec::kCompressedMarker);
    // A changed article is compressed again; recanonicalisation reads both kinds.
    const auto update = tmp_.write(
        "update.jsonl", R"({"id":"a3","title":"Talks round 3, updated","body":"The talks were moved to Vienna."})"
                        "\n");
    RunResult r = run_tool("news-index", {"--db", db(), "--no-entities", "--quiet", "--json", update.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["updated"], 1) << r.out;
    r = run_tool("news-index", {"recanonicalize", "--db", db(), "--quiet"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(raw_data("a3").front(), StoredCodec::kCompressedMarker);
    Searcher s(db());
    EXPECT_EQ(s.article("a3")->title, "Talks round 3, updated");
    EXPECT_EQ(s.article("a3")->body, "The talks were moved to Vienna.");
    EXPECT_EQ(shown(s, "a10"), expected(10));
    EXPECT_EQ(shown(s, "a1999"), expected(1999));

    std::ostringstream out, err;
    (void)run_compact(CompactOptions{.db_path = db()}, out, err);
    EXPECT_FALSE(Xapian::Database(db()).get_metadata(std::string(schema::kStoredDictionaryKey)).empty())
        << "the compacted copy keeps the dictionary";
    EXPECT_EQ(shown(s, "a1999"), expected(1999)) << "the open reader, moved to the compacted copy";
    EXPECT_EQ(s.article("a3")->body, "The talks were moved to Vienna.");
}

TEST_F(StoredDictionary, CompactionCompressesArticlesWrittenBeforeTheDictionary) {
    // One commit at the end: every article is written as plain JSON, as by
    // the indexer before stored articles were compressed. Without the
    // dictionary the run recorded, the database is one of those.
    ASSERT_EQ(index(0, 1200, 5000).status, 0);
    {
        Xapian::WritableDatabase w(db(), Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::kStoredDictionaryKey), "");
        w.commit();
    }
    ASSERT_EQ(raw_data("a1100").front(), '{');
    Searcher s(db());
    const std::string before = shown(s, "a1100");

    RunResult r = run_tool("news-index", {"compact", "--db", db(), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["compressed"], 1200) << r.out;
    EXPECT_NE(r.err.find("1200 stored articles compressed first"), std::string::npos) << r.err;
    EXPECT_FALSE(Xapian::Database(db()).get_metadata(std::string(schema::kStoredDictionaryKey)).empty());
    for (const char* id : {"a0", "a1100", "a1199"}) {
        EXPECT_EQ(raw_data(id).front(), StoredCodec::kCompressedMarker) << id;
        EXPECT_EQ(kept_in(id), "value") << id;
    }
    EXPECT_EQ(shown(s, "a1100"), before) << "the open reader, moved to the compacted copy";
    EXPECT_EQ(shown(s, "a1100"), expected(1100));
    DatabaseContents c = read_database(db());
    EXPECT_TRUE(c.problems.empty());
    EXPECT_EQ(c.titles.size(), 1200u);

    // Compacting again finds nothing left to compress.
    r = run_tool("news-index", {"compact", "--db", db(), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["compressed"], 0) << r.out;
}

TEST_F(StoredDictionary, CompressedDataAnEarlierVersionKeptAsTheDocumentDataIsReadAndMovedByCompaction) {
    ASSERT_EQ(index(0, 1500).status, 0);
    // Earlier versions kept the compressed form as the document data.
    std::size_t moved = 0;
    {
        Xapian::WritableDatabase w(db(), Xapian::DB_OPEN);
        for (auto p = w.postlist_begin(""); p != w.postlist_end(""); ++p) {
            Xapian::Document doc = w.get_document(*p);
            std::string bytes = doc.get_value(schema::kSlotStored);
            if (bytes.empty()) continue;
            doc.remove_value(schema::kSlotStored);
            doc.set_data(bytes);
            w.replace_document(*p, doc);
            ++moved;
        }
        w.commit();
    }
    ASSERT_GT(moved, 400u);
    ASSERT_EQ(kept_in("a1400"), "data");
    ASSERT_EQ(raw_data("a1400").front(), StoredCodec::kCompressedMarker);
    Searcher s(db());
    EXPECT_EQ(shown(s, "a1400"), expected(1400)) << "read where the earlier version kept it";

    // An update rewrites the article in the value slot.
    const auto update = tmp_.write(
        "update.jsonl", R"({"id":"a1401","title":"Talks round 1401, updated","body":"Moved to Vienna."})" "\n");
    RunResult r = run_tool("news-index", {"--db", db(), "--no-entities", "--quiet", update.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(kept_in("a1401"), "value");
    EXPECT_EQ(Searcher(db()).article("a1401")->body, "Moved to Vienna.");

    // Compaction moves the rest (the bytes as they are) and compresses the JSON.
    r = run_tool("news-index", {"compact", "--db", db(), "--json"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["compressed"], 1499) << r.out;
    for (const char* id : {"a0", "a999", "a1400", "a1499"}) EXPECT_EQ(kept_in(id), "value") << id;
    EXPECT_EQ(shown(s, "a1400"), expected(1400)) << "the open reader, moved to the compacted copy";
    EXPECT_EQ(shown(s, "a7"), expected(7));
    DatabaseContents c = read_database(db());
    EXPECT_TRUE(c.problems.empty());
    EXPECT_EQ(c.titles.size(), 1500u);
}

TEST_F(StoredDictionary, AMissingDictionaryIsAClearErrorNotACrash) {
    ASSERT_EQ(index(0, 1500).status, 0);
    {
        Xapian::WritableDatabase w(db(), Xapian::DB_OPEN);
        w.set_metadata(std::string(schema::kStoredDictionaryKey), "");
        w.commit();
    }
    Searcher s(db());
    EXPECT_EQ(shown(s, "a10"), expected(10)) << "JSON articles still read";
    try {
        (void)s.article("a1400");
        ADD_FAILURE() << "a compressed article without its dictionary read back";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("which the database lacks"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace news::testing
