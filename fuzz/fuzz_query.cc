/// @file fuzz_query.cc
/// @brief libFuzzer target: QueryBuilder::parse (and running the query) against a small temporary database.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <xapian.h>

#include "common/schema.h"
#include "fuzz/fuzz_util.h"
#include "searcher/query_builder.h"

namespace {

/// A database of a few documents with titles, entity terms, dates and
/// spelling data, built once in a temporary directory removed at exit.
class SmallDatabase {
public:
    SmallDatabase() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "news-fuzz-query-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) std::abort();
        dir_ = tmpl;
        Xapian::WritableDatabase w((dir_ / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::TermGenerator gen;
        gen.set_stemmer(Xapian::Stem("en"));
        gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        gen.set_database(w);
        gen.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
        const char* texts[] = {"Peace talks in Abu Dhabi resume", "NATO ministers meet in Brussels",
                               "Zelenskyy says negotiations continue", "Ceasefire holds near the border"};
        int n = 0;
        for (const char* t : texts) {
            Xapian::Document doc;
            gen.set_document(doc);
            gen.index_text(t, news::schema::kTitleWeight, std::string(news::schema::kTitle));
            gen.index_text(t);
            doc.add_boolean_term(news::schema::id_term("doc" + std::to_string(n)));
            doc.add_boolean_term(news::schema::facet_term(news::schema::kFacetFields[0], "Volodymyr Zelenskyy"));
            doc.add_boolean_term(std::string(news::schema::kPubDay) + "2026020" + std::to_string(n + 1));
            doc.add_value(news::schema::kSlotDate, "2026020" + std::to_string(n + 1));
            w.add_document(doc);
            ++n;
        }
        w.commit();
        w.close();
        db_ = Xapian::Database((dir_ / "db").string());
    }
    ~SmallDatabase() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    SmallDatabase(const SmallDatabase&) = delete;
    SmallDatabase& operator=(const SmallDatabase&) = delete;

    [[nodiscard]] const Xapian::Database& db() const { return db_; }

private:
    std::filesystem::path dir_;
    Xapian::Database db_;
};

const SmallDatabase& small_database() {
    static SmallDatabase db;
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace news;
    if (size == 0) return 0;
    const Xapian::Database& db = small_database().db();
    MatchMode mode = (data[0] & 1) ? MatchMode::any : MatchMode::all;
    std::string text(fuzz::as_text(data + 1, size - 1));
    QueryBuilder builder(db, mode);
    Xapian::Query query;
    try {
        query = builder.parse(text);
    } catch (const QueryError&) {
        return 0;  // a malformed query is reported to the user: fine
    }
    (void)builder.suggestion();
    (void)query.get_description();
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
    return 0;
}
