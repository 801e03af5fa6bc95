/// @file bare_xapian.cc
/// @brief Baseline: the least a Xapian indexer and searcher must do for the same job (the floor).
///
/// bare_xapian index [--stem some|all-z] DB FILE.jsonl...
///                                      TermGenerator with positions, STEM_SOME (or STEM_ALL_Z: one
///                                      stemmed term a word instead of the word and its stem), title x5
///                                      (and S-prefixed), entity terms and packed entity values, a date
///                                      value; the strategy is kept in the metadata for search
/// bare_xapian search DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE]
///                                      Enquire top-10 (document data fetched), with --facets an exact
///                                      multi-valued MatchSpy over places and people (top 10 each)
#include <algorithm>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "bench/bench_common.h"

namespace {

using news::bench::BenchQuery;
using news::bench::Record;

constexpr Xapian::valueno kSlotDate = 0;
constexpr Xapian::valueno kSlotPeople = 10;
constexpr Xapian::valueno kSlotPlaces = 12;

std::string pack(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out.push_back('\0');
        out += v;
    }
    return out;
}

constexpr const char* kStemKey = "bare-xapian-stem";

int index(const std::string& db_path, const std::vector<std::string>& files, const std::string& stem) {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    db.set_metadata(kStemKey, stem);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(stem == "all-z" ? Xapian::TermGenerator::STEM_ALL_Z : Xapian::TermGenerator::STEM_SOME);
    std::size_t n = news::bench::for_each_record(files, [&](const Record& r) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(r.title, 1, "S");
        tg.index_text(r.title, 5);
        tg.increase_termpos(100);
        tg.index_text(r.body);
        for (const auto& p : r.places) {
            doc.add_boolean_term("XVPLACE:" + p);
            tg.increase_termpos(100);
            tg.index_text(p, 1, "XPLC");
        }
        for (const auto& p : r.people) {
            doc.add_boolean_term("XVPERSON:" + p);
            tg.increase_termpos(100);
            tg.index_text(p, 1, "XPER");
        }
        if (!r.places.empty()) doc.add_value(kSlotPlaces, pack(r.places));
        if (!r.people.empty()) doc.add_value(kSlotPeople, pack(r.people));
        if (r.date.size() == 10) {
            doc.add_value(kSlotDate, r.date.substr(0, 4) + r.date.substr(5, 2) + r.date.substr(8, 2));
        }
        doc.add_boolean_term("Q" + r.id);
        doc.set_data(r.line);
        db.add_document(doc);
    });
    db.commit();
    std::cout << fmt::format("{{\"system\":\"bare-xapian\",\"indexed\":{}}}\n", n);
    return 0;
}

/// Counts every value of a NUL-packed multi-valued slot, once per document.
class MultiValueSpy : public Xapian::MatchSpy {
public:
    explicit MultiValueSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        std::string packed = doc.get_value(slot_);
        std::size_t start = 0;
        while (start < packed.size()) {
            std::size_t end = packed.find('\0', start);
            if (end == std::string::npos) end = packed.size();
            ++counts_[packed.substr(start, end - start)];
            start = end + 1;
        }
    }
    [[nodiscard]] std::string name() const override { return "bench::MultiValueSpy"; }
    [[nodiscard]] std::vector<std::pair<std::string, std::size_t>> top(std::size_t n) const {
        std::vector<std::pair<std::string, std::size_t>> v(counts_.begin(), counts_.end());
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (v.size() > n) v.resize(n);
        return v;
    }

private:
    Xapian::valueno slot_;
    std::unordered_map<std::string, std::size_t> counts_;
};

int search(const news::bench::SearchArgs& args) {
    Xapian::Database db(args.db);
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(db.get_metadata(kStemKey) == "all-z" ? Xapian::QueryParser::STEM_ALL_Z
                                                                   : Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_prefix("title", "S");
    Xapian::doccount doccount = db.get_doccount();
    std::size_t sink = 0;
    news::bench::run_search_benchmark(args.facets ? "bare-xapian+facets" : "bare-xapian", args,
                                      [&](const BenchQuery& q) -> std::size_t {
        Xapian::Enquire enquire(db);
        enquire.set_query(qp.parse_query(q.text));
        MultiValueSpy places(kSlotPlaces);
        MultiValueSpy people(kSlotPeople);
        if (args.facets) {
            enquire.add_matchspy(&places);
            enquire.add_matchspy(&people);
        }
        Xapian::MSet mset = enquire.get_mset(0, 10, args.facets ? doccount : 0);
        for (auto it = mset.begin(); it != mset.end(); ++it) sink += it.get_document().get_data().size();
        if (args.facets) sink += places.top(10).size() + people.top(10).size();
        return mset.get_matches_estimated();  // exact with --facets (check_at_least = doccount)
    });
    std::cerr << fmt::format("(checksum {})\n", sink);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "index") {
            std::vector<std::string> args(argv + 2, argv + argc);
            std::string stem = "some";
            if (args.size() >= 2 && args[0] == "--stem") {
                stem = args[1];
                args.erase(args.begin(), args.begin() + 2);
            }
            if ((stem == "some" || stem == "all-z") && args.size() >= 2) {
                return index(args[0], std::vector<std::string>(args.begin() + 1, args.end()), stem);
            }
        }
        if (mode == "search") return search(news::bench::parse_search_args(argc, argv, 2));
        std::cerr << "usage: bare_xapian index [--stem some|all-z] DB FILE.jsonl...\n"
                     "       bare_xapian search DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE]\n";
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "bare_xapian: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "bare_xapian: " << e.what() << "\n";
    }
    return 1;
}
