/// @file fts5.cc
/// @brief Baseline: SQLite FTS5 on the same text (bm25 ranking, facets by GROUP BY on a join table).
///
/// fts5 index DB FILE.jsonl...   fts5(title, body, entities; porter unicode61) + docs(date) + ents(docid, field, value)
/// fts5 search DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE]
///                               top 10 by bm25 (title weight 5); with --facets also the exact match count and
///                               the top 10 places and people of the whole match set
#include <cctype>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "bench/bench_common.h"

namespace {

using news::bench::BenchQuery;
using news::bench::Record;

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(fmt::format("{}: {}", what, sqlite3_errmsg(db)));
    }
}

Db open(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Db db(raw);
    check(db.get(), rc, path.c_str());
    return db;
}

void exec(sqlite3* db, const char* sql) {
    check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

Stmt prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* raw = nullptr;
    check(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr), sql.c_str());
    return Stmt(raw);
}

void bind_text(sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

int index(const std::string& path, const std::vector<std::string>& files) {
    std::remove(path.c_str());
    Db db = open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    exec(db.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                   "CREATE VIRTUAL TABLE fts USING fts5(title, body, entities, tokenize='porter unicode61');"
                   "CREATE TABLE docs(id INTEGER PRIMARY KEY, ext_id TEXT UNIQUE, date TEXT);"
                   "CREATE TABLE ents(docid INTEGER, field INTEGER, value TEXT);"
                   "BEGIN;");
    Stmt doc = prepare(db.get(), "INSERT INTO docs(id, ext_id, date) VALUES(?, ?, ?)");
    Stmt fts = prepare(db.get(), "INSERT INTO fts(rowid, title, body, entities) VALUES(?, ?, ?, ?)");
    Stmt ent = prepare(db.get(), "INSERT INTO ents(docid, field, value) VALUES(?, ?, ?)");
    sqlite3_int64 rowid = 0;
    auto step = [&](sqlite3_stmt* s) {
        check(db.get(), sqlite3_step(s), "insert");
        sqlite3_reset(s);
    };
    std::size_t n = news::bench::for_each_record(files, [&](const Record& r) {
        ++rowid;
        sqlite3_bind_int64(doc.get(), 1, rowid);
        bind_text(doc.get(), 2, r.id);
        bind_text(doc.get(), 3, r.date);
        step(doc.get());
        std::string entities;
        for (int field = 0; field < 2; ++field) {
            for (const auto& v : field == 0 ? r.places : r.people) {
                sqlite3_bind_int64(ent.get(), 1, rowid);
                sqlite3_bind_int(ent.get(), 2, field);
                bind_text(ent.get(), 3, v);
                step(ent.get());
                entities += v + " ";
            }
        }
        sqlite3_bind_int64(fts.get(), 1, rowid);
        bind_text(fts.get(), 2, r.title);
        bind_text(fts.get(), 3, r.body);
        bind_text(fts.get(), 4, entities);
        step(fts.get());
    });
    exec(db.get(), "CREATE INDEX ents_docid ON ents(docid); COMMIT;");
    std::cout << fmt::format("{{\"system\":\"fts5\",\"indexed\":{}}}\n", n);
    return 0;
}

/// Xapian-style query text (words, "phrases") -> FTS5: every word and phrase quoted, implicit AND.
std::string to_fts5(const std::string& q) {
    std::string out;
    std::size_t i = 0;
    while (i < q.size()) {
        if (std::isspace(static_cast<unsigned char>(q[i]))) {
            ++i;
            continue;
        }
        std::string term;
        if (q[i] == '"') {
            std::size_t end = q.find('"', i + 1);
            if (end == std::string::npos) end = q.size();
            term = q.substr(i + 1, end - i - 1);
            i = end + 1;
        } else {
            std::size_t end = i;
            while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end]))) ++end;
            term = q.substr(i, end - i);
            i = end;
        }
        if (!out.empty()) out += ' ';
        out += '"' + term + '"';
    }
    return out;
}

int search(const news::bench::SearchArgs& args) {
    Db db = open(args.db, SQLITE_OPEN_READONLY);
    Stmt top = prepare(db.get(),
                       "SELECT d.ext_id, f.title FROM fts f JOIN docs d ON d.id = f.rowid "
                       "WHERE fts MATCH ?1 ORDER BY bm25(fts, 5.0, 1.0, 1.0) LIMIT 10");
    Stmt count = prepare(db.get(), "SELECT count(*) FROM fts WHERE fts MATCH ?1");
    Stmt facet = prepare(db.get(),
                         "SELECT value, count(*) AS c FROM ents WHERE field = ?2 AND docid IN "
                         "(SELECT rowid FROM fts WHERE fts MATCH ?1) GROUP BY value ORDER BY c DESC, value LIMIT 10");
    std::size_t sink = 0;
    auto rows = [&](sqlite3_stmt* s) {
        std::size_t n = 0;
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            ++n;
            sink += static_cast<std::size_t>(sqlite3_column_bytes(s, 1));
        }
        check(db.get(), rc, "query");
        sqlite3_reset(s);
        return n;
    };
    news::bench::run_search_benchmark(args.facets ? "fts5+facets" : "fts5", args, [&](const BenchQuery& q) -> std::size_t {
        std::string m = to_fts5(q.text);
        bind_text(top.get(), 1, m);
        rows(top.get());
        if (!args.facets) return 0;
        bind_text(count.get(), 1, m);
        check(db.get(), sqlite3_step(count.get()), "count");
        auto total = static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0));
        sqlite3_reset(count.get());
        for (int field = 0; field < 2; ++field) {
            bind_text(facet.get(), 1, m);
            sqlite3_bind_int(facet.get(), 2, field);
            rows(facet.get());
        }
        return total;
    });
    std::cerr << fmt::format("(checksum {})\n", sink);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "index" && argc > 3) return index(argv[2], std::vector<std::string>(argv + 3, argv + argc));
        if (mode == "search") return search(news::bench::parse_search_args(argc, argv, 2));
        std::cerr << "usage: fts5 index DB FILE.jsonl...\n"
                     "       fts5 search DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "fts5: " << e.what() << "\n";
    }
    return 1;
}
