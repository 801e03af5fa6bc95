/// @file eval_reuters_dates.cc
/// @brief Parses every <DATE> of Reuters-21578 with parse_date; checks body datelines and times extraction.
///
/// Usage: eval_reuters_dates [DIR]   (DIR defaults to ../shared/corpora/reuters21578)
/// Prints how many DATE fields parsed, parsed with a warning (with examples) and
/// failed; then how many body datelines agree with their DATE field, and the
/// throughput of extract_dates over the bodies. Exit 0 when no DATE failed, 1
/// otherwise, 2 on usage errors or a missing corpus.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/reuters_sgml.h"
#include "common/calendar.h"
#include "common/date_extract.h"
#include "common/date_parse.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* kProg = "eval_reuters_dates";
constexpr const char* kDefaultDir = "../shared/corpora/reuters21578";

/// The kind of a warning, for grouping: its text up to the first quote.
std::string warning_kind(const std::string& warning) {
    auto kind = warning.substr(0, std::min(warning.find('"'), warning.size()));
    while (!kind.empty() && kind.back() == ' ') kind.pop_back();
    return kind;
}

void usage(std::FILE* out) {
    std::fprintf(out,
                 "Usage: %s [DIR]\n"
                 "Parses every <DATE> of the Reuters-21578 SGML files in DIR (default %s)\n"
                 "with parse_date and reports parsed / warned / failed counts, dateline\n"
                 "agreement and extract_dates throughput. Exit 0 when no DATE failed.\n",
                 kProg, kDefaultDir);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path dir = kDefaultDir;
    if (argc > 2) {
        std::fprintf(stderr, "%s: too many arguments (try --help)\n", kProg);
        return 2;
    }
    if (argc == 2) {
        const std::string_view arg = argv[1];
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        }
        if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "%s: unknown option '%s' (try --help)\n", kProg, argv[1]);
            return 2;
        }
        dir = argv[1];
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::fprintf(stderr, "%s: corpus directory '%s' not found (pass the Reuters-21578 directory)\n", kProg,
                     dir.string().c_str());
        return 2;
    }
    const auto articles = news::bench::read_reuters(dir);
    if (articles.empty()) {
        std::fprintf(stderr, "%s: no reut2-*.sgm articles in '%s'\n", kProg, dir.string().c_str());
        return 2;
    }

    // 1. DATE fields.
    std::size_t parsed = 0;
    std::size_t warned = 0;
    std::size_t failed = 0;
    std::map<std::string, std::pair<std::size_t, std::vector<std::string>>> kinds;
    std::vector<std::string> failures;
    std::vector<std::optional<news::DateValue>> dates;
    dates.reserve(articles.size());
    for (const auto& a : articles) {
        std::string warning;
        const auto date = news::parse_date(a.date, &warning);
        dates.push_back(date);
        if (!date) {
            ++failed;
            if (failures.size() < 20) failures.push_back(a.file + ": \"" + a.date + "\": " + warning);
            continue;
        }
        ++parsed;
        if (!warning.empty()) {
            ++warned;
            auto& kind = kinds[warning_kind(warning)];
            ++kind.first;
            if (kind.second.size() < 3) kind.second.push_back("\"" + a.date + "\" -> " + date->iso() + " (" + warning + ")");
        }
    }
    std::printf("Reuters-21578 DATE fields: %zu\n", articles.size());
    std::printf("  parsed:              %zu\n", parsed);
    std::printf("  parsed with warning: %zu\n", warned);
    for (const auto& [kind, entry] : kinds) {
        std::printf("    %zu x %s\n", entry.first, kind.c_str());
        for (const auto& example : entry.second) std::printf("        %s\n", example.c_str());
    }
    std::printf("  failed:              %zu\n", failed);
    for (const auto& f : failures) std::printf("    %s\n", f.c_str());

    // 2. find_dateline on the DATELINE elements ("SALVADOR, Feb 26 - "), the year from the
    //    DATE field, against the DATE field; and on the bodies, where none is expected.
    std::size_t lines = 0;
    std::size_t found = 0;
    std::size_t agree = 0;
    std::size_t in_bodies = 0;
    std::vector<std::string> examples;
    std::size_t one_day = 0;  // differ by a day: the DATE stamp is US time, the dateline local
    std::size_t missed_examples = 0;
    std::size_t differ_examples = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (!dates[i]) continue;
        if (!articles[i].body.empty() && news::find_dateline(articles[i].body, dates[i])) ++in_bodies;
        if (articles[i].dateline.empty()) continue;
        ++lines;
        const auto line = news::find_dateline(articles[i].dateline, dates[i]);
        std::string what;
        if (!line) {
            what = "none";
        } else {
            ++found;
            if (*line == *dates[i]) {
                ++agree;
            } else {
                what = line->iso();
                const long diff = news::days_from_civil(line->year, line->month, line->day) -
                                  news::days_from_civil(dates[i]->year, dates[i]->month, dates[i]->day);
                if (diff == 1 || diff == -1) {
                    ++one_day;
                    what.clear();  // not worth an example
                }
            }
        }
        if (!what.empty() && (what == "none" ? missed_examples++ : differ_examples++) < 6) {
            examples.push_back(articles[i].file + ": DATE " + dates[i]->iso() + ", dateline " + what + ": \"" +
                               articles[i].dateline + "\"");
        }
    }
    std::printf("DATELINE elements: %zu; find_dateline found %zu: %zu equal to DATE, %zu differ (%zu by one day), "
                "%zu not found\n",
                lines, found, agree, found - agree, one_day, lines - found);
    for (auto& e : examples) {
        std::replace(e.begin(), e.end(), '\n', ' ');
        std::printf("    %s\n", e.c_str());
    }
    std::printf("Bodies (which carry no dateline) with a dateline found: %zu\n", in_bodies);

    // 3. extract_dates over the bodies.
    std::size_t bytes = 0;
    std::size_t mentions = 0;
    std::size_t values = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const auto m = news::extract_dates(articles[i].body, dates[i]);
        bytes += articles[i].body.size();
        mentions += m.size();
        values += news::unique_values(m).size();
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("extract_dates over the bodies: %zu bytes, %zu mentions, %zu distinct values per article summed, "
                "%.3f s, %.1f MB/s\n",
                bytes, mentions, values, took.count(), static_cast<double>(bytes) / 1e6 / took.count());
    return failed == 0 ? 0 : 1;
}
