/// @file bench_common.h
/// @brief Shared pieces of the comparison benchmarks: corpus records, query sets, latency statistics.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace news::bench {

/// One article of a benchmark collection (a line of part-NNNN.jsonl).
struct Record {
    std::string id;
    std::string title;
    std::string body;
    std::string date;                 ///< "YYYY-MM-DD" or empty
    std::vector<std::string> places;  ///< as they appear in the corpus
    std::vector<std::string> people;
    std::string line;                 ///< the JSON line itself (stored as document data)
};

inline std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array()) {
        for (const auto& v : *it) {
            if (v.is_string()) out.push_back(v.get<std::string>());
        }
    }
    return out;
}

inline std::string string_field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// Calls @p fn for every record of every JSON Lines file in @p paths; returns the count.
/// Throws std::runtime_error naming file and line for a malformed line.
inline std::size_t for_each_record(const std::vector<std::string>& paths, const std::function<void(const Record&)>& fn) {
    std::size_t n = 0;
    for (const auto& path : paths) {
        std::ifstream in(path);
        if (!in) throw std::runtime_error(fmt::format("{}: cannot open", path));
        std::string line;
        std::size_t lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            if (line.empty()) continue;
            nlohmann::json j;
            try {
                j = nlohmann::json::parse(line);
            } catch (const nlohmann::json::exception& e) {
                throw std::runtime_error(fmt::format("{}:{}: {}", path, lineno, e.what()));
            }
            Record r{.id = string_field(j, "id"), .title = string_field(j, "title"), .body = string_field(j, "body"),
                     .date = string_field(j, "date"), .places = string_list(j, "places"),
                     .people = string_list(j, "people"), .line = line};
            fn(r);
            ++n;
        }
    }
    return n;
}

/// A benchmark query: its class (word, words, phrase, name, common) and its text in
/// Xapian's query syntax (words, "quoted phrases").
struct BenchQuery {
    std::string kind;
    std::string text;
};

/// Reads "KIND<TAB>QUERY" lines; '#' starts a comment line.
inline std::vector<BenchQuery> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open", path));
    std::vector<BenchQuery> out;
    std::string line;
    std::size_t lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        if (tab == std::string::npos) throw std::runtime_error(fmt::format("{}:{}: expected KIND<TAB>QUERY", path, lineno));
        out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return out;
}

/// Nearest-rank percentile of sorted samples.
inline double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size()) + 0.999999);
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

struct LatencyOptions {
    std::size_t reps = 20;       ///< timed repetitions per query (after one warm-up)
    double budget_seconds = 2;   ///< per query: stop repeating after this much time (at least 3 reps)
};

/// Runs @p run (returning the match count) for every query: one warm-up, then
/// repetitions; writes "kind\tquery\tmatches\treps\tmedian_ms\tp95_ms" per query to
/// @p per_query and returns one JSON summary over all samples (p50/p95/p99 in ms).
inline nlohmann::json measure(const std::vector<BenchQuery>& queries, const LatencyOptions& options,
                              const std::function<std::size_t(const BenchQuery&)>& run, std::ostream& per_query) {
    using Clock = std::chrono::steady_clock;
    std::vector<double> all;
    std::vector<double> medians;
    for (const auto& q : queries) {
        std::size_t matches = run(q);  // warm-up
        std::vector<double> samples;
        auto start = Clock::now();
        for (std::size_t i = 0; i < options.reps; ++i) {
            auto t0 = Clock::now();
            matches = run(q);
            auto t1 = Clock::now();
            samples.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (i >= 2 && std::chrono::duration<double>(t1 - start).count() > options.budget_seconds) break;
        }
        std::sort(samples.begin(), samples.end());
        medians.push_back(percentile(samples, 50));
        per_query << fmt::format("{}\t{}\t{}\t{}\t{:.4f}\t{:.4f}\n", q.kind, q.text, matches, samples.size(),
                                 percentile(samples, 50), percentile(samples, 95));
        all.insert(all.end(), samples.begin(), samples.end());
    }
    std::sort(all.begin(), all.end());
    std::sort(medians.begin(), medians.end());
    return {{"queries", queries.size()}, {"samples", all.size()},
            {"p50_ms", percentile(all, 50)}, {"p95_ms", percentile(all, 95)}, {"p99_ms", percentile(all, 99)},
            {"median_of_query_medians_ms", percentile(medians, 50)}};
}

/// Command line shared by the search tools: DB QUERIES [--facets] [--reps N] [--budget S] [--per-query FILE].
struct SearchArgs {
    std::string db;
    std::string queries;
    bool facets = false;
    LatencyOptions latency;
    std::string per_query;  ///< empty: standard error
};

inline SearchArgs parse_search_args(int argc, char** argv, int first) {
    SearchArgs a;
    std::vector<std::string> positional;
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--facets") a.facets = true;
        else if (arg == "--reps") a.latency.reps = std::stoul(next());
        else if (arg == "--budget") a.latency.budget_seconds = std::stod(next());
        else if (arg == "--per-query") a.per_query = next();
        else positional.push_back(arg);
    }
    if (positional.size() != 2) throw std::invalid_argument("expected DB QUERIES");
    a.db = positional[0];
    a.queries = positional[1];
    return a;
}

/// Runs measure() with the per-query lines going to args.per_query (or stderr) and
/// prints the JSON summary, tagged with @p system, on stdout.
inline void run_search_benchmark(const std::string& system, const SearchArgs& args,
                                 const std::function<std::size_t(const BenchQuery&)>& run) {
    std::vector<BenchQuery> queries = read_queries(args.queries);
    std::ofstream file;
    if (!args.per_query.empty()) {
        file.open(args.per_query);
        if (!file) throw std::runtime_error(fmt::format("{}: cannot write", args.per_query));
    }
    nlohmann::json summary = measure(queries, args.latency, run, args.per_query.empty() ? std::cerr : file);
    summary["system"] = system;
    summary["facets"] = args.facets;
    std::cout << summary.dump() << "\n";
}

}  // namespace news::bench
