/// @file bench_facets.cc
/// @brief Exact facet counting: bare Xapian top-10, bare Xapian with a multi-valued MatchSpy, and news::Searcher.
///
/// Usage:
///   bench_facets build REUTERS_DIR DB SCALE [FIRST LAST]
///                                             index Reuters-21578 copies FIRST..LAST of SCALE (copy k > 0:
///                                             its first three sentences, shuffled, its date shifted by k
///                                             years, a new id; shards built in parallel are merged with
///                                             xapian-compact, then `bench_facets finish DB` builds the store)
///   bench_facets run DB [REPEATS]             latency per match-set size; a Markdown table on stdout,
///                                             gnuplot data on stderr
/// Entities come from the articles' own PLACES, PEOPLE, ORGS + EXCHANGES and TOPICS (as misc) tags.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "common/schema.h"
#include "indexer/index_writer.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"

namespace {

using news::Article;
using Clock = std::chrono::steady_clock;

std::string latin1_to_utf8(std::string_view in) {
    std::string out;
    for (unsigned char c : in) {
        if (c < 0x80) {
            if (c >= 0x20 || c == '\n' || c == '\t') out.push_back(static_cast<char>(c));
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string between(std::string_view s, std::string_view open, std::string_view close) {
    auto a = s.find(open);
    if (a == std::string_view::npos) return {};
    a += open.size();
    auto b = s.find(close, a);
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(a, b - a));
}

std::vector<std::string> d_list(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t at = 0;;) {
        auto a = s.find("<D>", at);
        if (a == std::string_view::npos) break;
        auto b = s.find("</D>", a);
        if (b == std::string_view::npos) break;
        out.emplace_back(s.substr(a + 3, b - a - 3));
        at = b + 4;
    }
    return out;
}

std::string unescape(std::string s) {
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        for (std::size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::string_view(from).size(), to);
    }
    for (std::size_t p; (p = s.find("&#")) != std::string::npos;) {
        auto e = s.find(';', p);
        if (e == std::string::npos || e - p > 6) break;
        s.erase(p, e - p + 1);
    }
    return s;
}

std::vector<Article> read_reuters(const std::filesystem::path& dir) {
    std::vector<Article> out;
    static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    for (int f = 0; f <= 21; ++f) {
        auto path = dir / fmt::format("reut2-{:03d}.sgm", f);
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error(fmt::format("{}: cannot read", path.string()));
        std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string text = latin1_to_utf8(raw);
        for (std::size_t at = 0;;) {
            auto a = text.find("<REUTERS", at);
            if (a == std::string::npos) break;
            auto b = text.find("</REUTERS>", a);
            std::string_view rec(text.data() + a, b - a);
            at = b + 10;
            Article art;
            art.id = fmt::format("reuters-{}", between(rec, "NEWID=\"", "\""));
            art.title = unescape(between(rec, "<TITLE>", "</TITLE>"));
            art.body = unescape(between(rec, "<BODY>", "</BODY>"));
            if (art.title.empty() && art.body.empty()) continue;
            std::string date = between(rec, "<DATE>", "</DATE>");  // 26-FEB-1987 15:01:01.79
            auto d1 = date.find('-'), d2 = date.find('-', d1 + 1);
            if (d1 != std::string::npos && d2 != std::string::npos) {
                int day = std::atoi(date.substr(0, d1).c_str()), year = std::atoi(date.substr(d2 + 1, 4).c_str());
                std::string mon = date.substr(d1 + 1, d2 - d1 - 1);
                for (int m = 0; m < 12; ++m) {
                    if (mon == kMonths[m] && day >= 1 && day <= 28 + (m != 1 ? 2 : 0) && year > 1900) {
                        art.date = news::DateValue{year, m + 1, day};
                    }
                }
            }
            art.entities.place = d_list(between(rec, "<PLACES>", "</PLACES>"));
            art.entities.person = d_list(between(rec, "<PEOPLE>", "</PEOPLE>"));
            art.entities.org = d_list(between(rec, "<ORGS>", "</ORGS>"));
            for (auto& e : d_list(between(rec, "<EXCHANGES>", "</EXCHANGES>"))) art.entities.org.push_back(e);
            art.entities.misc = d_list(between(rec, "<TOPICS>", "</TOPICS>"));
            std::string author = unescape(between(rec, "<AUTHOR>", "</AUTHOR>"));
            if (!author.empty()) art.authors.push_back(author);
            art.source = "Reuters";
            art.origin_path = path.string();
            out.push_back(std::move(art));
        }
    }
    return out;
}

/// Copy k of an article: sentences shuffled (seeded by k and the id), date shifted by k years, a new id.
Article scaled_copy(const Article& a, int k) {
    if (k == 0) return a;
    Article c = a;
    c.id = fmt::format("{}-x{}", a.id, k);
    std::vector<std::string> sentences;
    std::string cur;
    for (char ch : a.body) {
        cur.push_back(ch);
        if (ch == '.' || ch == '\n') {
            sentences.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) sentences.push_back(cur);
    std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(c.id)));
    std::shuffle(sentences.begin(), sentences.end(), rng);
    if (sentences.size() > 3) sentences.resize(3);  // keeps the scaled build affordable on a shared machine
    c.body.clear();
    for (auto& s : sentences) c.body += s;
    if (c.date) c.date->year += k;
    c.origin_path = fmt::format("{}#{}", a.origin_path, k);
    return c;
}

int build(const std::string& reuters, const std::string& db, int first, int last) {
    if (!std::filesystem::exists(std::filesystem::path(reuters) / "reut2-000.sgm")) {
        std::cerr << "bench_facets: no Reuters-21578 in " << reuters << '\n';
        return 2;
    }
    auto articles = read_reuters(reuters);
    auto t0 = Clock::now();
    news::IndexWriter writer({.path = db, .batch_size = 20000, .spelling = false});
    std::size_t n = 0;
    for (int k = first; k <= last; ++k) {
        for (const auto& a : articles) {
            (void)writer.put(scaled_copy(a, k));
            writer.maybe_commit();
            if (++n % 20000 == 0) std::cerr << n << " articles\n";
        }
    }
    writer.commit();
    std::cerr << fmt::format("{} articles in {:.1f} s\n", writer.doc_count(),
                             std::chrono::duration<double>(Clock::now() - t0).count());
    return 0;
}

/// The bare-Xapian baseline: a MatchSpy counting the packed values of one slot.
class BareSpy : public Xapian::MatchSpy {
public:
    explicit BareSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        std::string packed = doc.get_value(slot_);
        news::schema::for_each_packed(packed, [&](std::string_view v) { ++counts_[std::string(v)]; });
    }
    std::size_t distinct() const { return counts_.size(); }

private:
    Xapian::valueno slot_;
    std::unordered_map<std::string, std::size_t> counts_;
};

template <typename Fn>
double median_ms(int repeats, Fn&& fn) {
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        auto t0 = Clock::now();
        fn();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

int run(const std::string& db_path, int repeats) {
    if (!std::filesystem::is_directory(db_path)) {
        std::cerr << "bench_facets: no database " << db_path << " (bench_facets build first)\n";
        return 2;
    }
    Xapian::Database db(db_path);
    news::Searcher searcher(db_path);
    const double total = db.get_doccount();
    // One word query per target size: the stemmed term whose frequency is closest.
    std::vector<double> targets = {100, 1000, 10000, 0.1 * total, 0.3 * total, 0.6 * total, 0.9 * total};
    std::sort(targets.begin(), targets.end());
    std::vector<std::pair<std::string, Xapian::doccount>> terms;
    for (auto t = db.allterms_begin("Z"); t != db.allterms_end("Z"); ++t) {
        std::string w = (*t).substr(1);
        if (w.size() < 2 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
        terms.emplace_back(w, t.get_termfreq());
    }
    Xapian::Stem stem("english");
    std::vector<std::string> queries;
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (double target : targets) {
        if (terms.empty() || target <= terms.front().second) continue;
        // Larger than any word: an OR of the most frequent words, as few as reach the target.
        std::string q;
        for (const auto& [w, tf] : terms) {
            if (stem(w) != w) continue;
            q += (q.empty() ? "" : " OR ") + w;
            if (static_cast<double>(searcher.search({.query = q, .facets = {news::parse_facet_request("source")}, .limit = 0}).total) >= target) break;
        }
        queries.push_back(q);
    }
    for (double target : targets) {
        if (!terms.empty() && target > terms.front().second) continue;
        std::string best;
        double best_gap = 1e18;
        for (const auto& [w, tf] : terms) {
            double gap = std::abs(static_cast<double>(tf) - target);
            if (gap < best_gap && stem(w) == w) {
                best_gap = gap;
                best = w;
            }
        }
        queries.push_back(best);
    }
    queries.push_back("");  // every article
    std::sort(queries.begin(), queries.end());
    queries.erase(std::unique(queries.begin(), queries.end()), queries.end());
    std::vector<std::pair<std::size_t, std::string>> by_size;
    for (const auto& q : queries) {
        by_size.emplace_back(searcher.search({.query = q, .facets = {news::parse_facet_request("source")}, .limit = 0}).total, q);
    }
    std::sort(by_size.begin(), by_size.end());
    queries.clear();
    for (const auto& [n, q] : by_size) queries.push_back(q);

    const auto* place = news::schema::find_facet_field("place");
    std::vector<news::FacetRequest> six;
    for (const char* f : {"person", "org", "place", "misc", "source", "author"}) six.push_back(news::parse_facet_request(f));
    std::cout << fmt::format("Database {}: {} articles, median of {} runs, times in ms.\n\n", db_path,
                             db.get_doccount(), repeats);
    std::cout << "Ours on one thread, and with large match sets split over two (news::default_parallelism()).\n\n";
    std::cout << "| query | matches | bare top-10 | bare MatchSpy (place) | ours (place), 1 thread | ns/doc/field | "
                 "ours (place), 2 threads | ns/doc/field | ratio | ours, 6 fields + date:month, 1 thread | ns/doc/field | "
                 "same, 2 threads | ns/doc/field | ours, match set via Enquire (place) |\n"
                 "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    const news::Parallelism one_thread{.threads = 1};
    const news::Parallelism two_threads = news::default_parallelism();
    for (const auto& q : queries) {
        news::QueryBuilder builder(db, news::MatchMode::all);
        Xapian::Query query = builder.parse(q);
        double bare_top = median_ms(repeats, [&] {
            Xapian::Enquire e(db);
            e.set_query(query);
            (void)e.get_mset(0, 10);
        });
        double bare_spy = median_ms(repeats, [&] {
            Xapian::Enquire e(db);
            e.set_query(query);
            BareSpy spy(place->slot);
            e.add_matchspy(&spy);
            (void)e.get_mset(0, 10, db.get_doccount());
        });
        news::SearchRequest one{.query = q, .facets = {news::parse_facet_request("place")}, .limit = 0};
        std::size_t matches = 0;
        news::FacetMethod method{};
        searcher.set_parallelism(one_thread);
        double ours1 = median_ms(repeats, [&] {
            auto r = searcher.search(one);
            matches = r.total;
            method = r.facet_method;
        });
        news::SearchRequest all = one;
        all.facets = six;
        all.facets.push_back(news::parse_facet_request("date:month"));
        double ours1_all = median_ms(repeats, [&] { (void)searcher.search(all); });
        searcher.set_parallelism(two_threads);
        double ours = median_ms(repeats, [&] { (void)searcher.search(one); });
        double ours_all = median_ms(repeats, [&] { (void)searcher.search(all); });
        {  // the store's counts equal the value slots' counts
            news::SearchRequest slots = all;
            slots.facet_method = news::FacetMethod::value_slots;
            auto want = searcher.search(slots).facets;
            auto got = searcher.search(all).facets;
            for (const auto& [key, values] : want) {
                const auto& g = got[key];
                bool same = g.size() == values.size();
                // The store shows a value's most common spelling in the collection, the value
                // slots the most common in the match set: they may differ in case only.
                for (std::size_t i = 0; same && i < g.size(); ++i) {
                    same = Xapian::Unicode::tolower(g[i].value) == Xapian::Unicode::tolower(values[i].value) &&
                           g[i].count == values[i].count;
                }
                if (!same) {
                    std::cerr << "MISMATCH: facet " << key << " for '" << q << "'\n";
                    for (std::size_t i = 0; i < std::max(g.size(), values.size()); ++i) {
                        std::cerr << fmt::format("  store {} ({}) | slots {} ({})\n", i < g.size() ? g[i].value : "-",
                                                 i < g.size() ? g[i].count : 0, i < values.size() ? values[i].value : "-",
                                                 i < values.size() ? values[i].count : 0);
                    }
                    return 1;
                }
            }
        }
        news::SearchRequest enq = one;
        enq.facet_method = news::FacetMethod::store_enquire;
        double ours_enq = median_ms(repeats, [&] { (void)searcher.search(enq); });
        if (method != news::FacetMethod::store_postings) std::cerr << "warning: facet store not used for '" << q << "'\n";
        const auto per = [&](double ms, double fields) {
            return ms * 1e6 / std::max<double>(1, fields * static_cast<double>(matches));
        };
        std::cout << fmt::format(
            "| {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.1f} | {:.2f} | {:.1f} | {:.1f}x | {:.2f} | {:.1f} | {:.2f} | {:.1f} | {:.2f} |\n",
            q.empty() ? "(all)" : q, matches, bare_top, bare_spy, ours1, per(ours1, 1), ours, per(ours, 1), bare_spy / ours,
            ours1_all, per(ours1_all, 7), ours_all, per(ours_all, 7), ours_enq);
        std::cerr << fmt::format("DATA {} {} {:.4f} {:.4f} {:.4f} {:.4f} {:.4f} {:.4f}\n", db.get_doccount(), matches,
                                 bare_top, bare_spy, ours, ours_all, ours1, ours1_all);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        if (args.size() >= 3 && args[0] == "build") {
            int scale = args.size() > 3 ? std::atoi(args[3].c_str()) : 1;
            int first = args.size() > 5 ? std::atoi(args[4].c_str()) : 0;
            int last = args.size() > 5 ? std::atoi(args[5].c_str()) : scale - 1;
            return build(args[1], args[2], first, last);
        }
        if (args.size() == 2 && args[0] == "finish") {  // after xapian-compact: write the facet store
            news::IndexWriter writer({.path = args[1], .spelling = false});
            writer.commit();
            return 0;
        }
        if (args.size() >= 2 && args[0] == "run") return run(args[1], args.size() > 2 ? std::atoi(args[2].c_str()) : 5);
        std::cerr << "usage: bench_facets build REUTERS_DIR DB [SCALE [FIRST LAST]] | finish DB | run DB [REPEATS]\n"
                     "  (Reuters-21578 is in ../shared/corpora/reuters21578)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "bench_facets: " << e.what() << '\n';
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_facets: " << e.get_description() << '\n';
        return 1;
    }
}
