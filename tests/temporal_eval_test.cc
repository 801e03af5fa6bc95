/// @file temporal_eval_test.cc
/// @brief TempEval-style evaluation: value precision, recall and F1 of extract_dates over tests/data/temporal_eval.tsv.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "common/date_extract.h"
#include "common/date_parse.h"

namespace news {
namespace {

struct Row {
    std::size_t line = 0;
    std::string publication;
    std::string sentence;
    std::set<std::string> expected;
};

std::vector<Row> load(const std::string& path) {
    std::ifstream in(path);
    std::vector<Row> rows;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        Row row;
        row.line = number;
        const auto a = line.find('\t');
        const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
        if (b == std::string::npos) {
            ADD_FAILURE() << path << ":" << number << ": expected three tab-separated fields";
            continue;
        }
        row.publication = line.substr(0, a);
        row.sentence = line.substr(a + 1, b - a - 1);
        std::istringstream values(line.substr(b + 1));
        for (std::string v; values >> v;) row.expected.insert(v);
        rows.push_back(row);
    }
    return rows;
}

TEST(TemporalEval, ValueF1AtLeast90Percent) {
    const std::string path = std::string(NEWS_SOURCE_DIR) + "/tests/data/temporal_eval.tsv";
    const auto rows = load(path);
    ASSERT_GE(rows.size(), 120U) << path;
    std::size_t true_pos = 0;
    std::size_t false_pos = 0;
    std::size_t false_neg = 0;
    std::size_t exact_rows = 0;
    for (const auto& row : rows) {
        std::optional<DateValue> pub;
        if (!row.publication.empty()) {
            pub = parse_date(row.publication);
            ASSERT_TRUE(pub.has_value()) << path << ":" << row.line;
        }
        std::set<std::string> got;
        for (const auto& v : unique_values(extract_dates(row.sentence, pub))) got.insert(v.iso());
        std::size_t hits = 0;
        for (const auto& v : got) hits += row.expected.count(v);
        true_pos += hits;
        false_pos += got.size() - hits;
        false_neg += row.expected.size() - hits;
        if (got == row.expected) {
            ++exact_rows;
        } else {
            std::string g;
            for (const auto& v : got) g += " " + v;
            std::string e;
            for (const auto& v : row.expected) e += " " + v;
            std::printf("  line %zu: \"%s\" expected [%s ] got [%s ]\n", row.line, row.sentence.c_str(),
                        e.c_str(), g.c_str());
        }
    }
    const double p = true_pos + false_pos ? static_cast<double>(true_pos) / static_cast<double>(true_pos + false_pos) : 0.0;
    const double r = true_pos + false_neg ? static_cast<double>(true_pos) / static_cast<double>(true_pos + false_neg) : 0.0;
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    std::printf("temporal_eval: %zu rows (%zu exact), values tp=%zu fp=%zu fn=%zu  P=%.3f R=%.3f F1=%.3f\n",
                rows.size(), exact_rows, true_pos, false_pos, false_neg, p, r, f1);
    EXPECT_GE(f1, 0.9);
}

}  // namespace
}  // namespace news
