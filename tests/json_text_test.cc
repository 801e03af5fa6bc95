/// @file json_text_test.cc
/// @brief JSON text written directly (json_text.h, response_json_text) is byte for byte what nlohmann::json's dump() writes for the same values, on random strings (control characters, quotes, ill-formed UTF-8) and random responses.
#include "searcher/json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "searcher/render.h"

namespace news {
namespace {

std::string nlohmann_dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Bytes of every kind: ASCII, controls, quotes and backslashes, DEL, well-formed
/// two- to four-byte characters, and stray, truncated or overlong sequences.
std::string random_text(std::mt19937& rng, std::size_t max_pieces) {
    static const std::vector<std::string> kPieces = {
        "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", std::string(1, '\0'), "\x01", "\x1f", "\x7f",
        "é", "Ж", "€", "𝄞", "日本", "\xef\xbf\xbd",   // well-formed
        "\x80", "\xc3", "\xe2\x82", "\xf0\x9d\x84",   // stray and truncated
        "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff",  // overlong, surrogate, past U+10FFFF, never valid
        "<mark>", "&amp;"};
    std::string s;
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, max_pieces)(rng);
    for (std::size_t i = 0; i < n; ++i) s += kPieces[std::uniform_int_distribution<std::size_t>(0, kPieces.size() - 1)(rng)];
    return s;
}

TEST(JsonText, StringsAreWrittenAsNlohmannDumpsThem) {
    std::mt19937 rng(5);
    for (int i = 0; i < 20000; ++i) {
        const std::string s = random_text(rng, 12);
        std::string out;
        json_text::append_string(out, s);
        ASSERT_EQ(out, nlohmann_dump(nlohmann::json(s))) << nlohmann_dump(nlohmann::json(s));
    }
}

TEST(JsonText, NumbersAreWrittenAsNlohmannDumpsThem) {
    std::mt19937 rng(6);
    std::vector<double> doubles = {0.0, -0.0, 1.0, 2.0, 0.1, 1e-7, 1e21, 123456789.125, 0.7462890625,
                                   std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
                                   std::numeric_limits<double>::denorm_min()};
    std::uniform_real_distribution<double> unit(0, 1);
    for (int i = 0; i < 2000; ++i) doubles.push_back(std::ldexp(unit(rng), std::uniform_int_distribution<int>(-40, 40)(rng)));
    for (double d : doubles) {
        std::string out;
        json_text::append_number(out, d);
        EXPECT_EQ(out, nlohmann_dump(nlohmann::json(d)));
    }
    for (std::uint64_t n : {std::uint64_t{0}, std::uint64_t{7}, std::uint64_t{1234567890123},
                            std::numeric_limits<std::uint64_t>::max()}) {
        std::string out;
        json_text::append_number(out, n);
        EXPECT_EQ(out, nlohmann_dump(nlohmann::json(n)));
    }
}

SearchResponse random_response(std::mt19937& rng) {
    auto roll = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto texts = [&](int most) {
        std::vector<std::string> v;
        for (int i = roll(most + 1); i > 0; --i) v.push_back(random_text(rng, 4));
        return v;
    };
    SearchResponse r;
    r.query = random_text(rng, 6);
    r.total = static_cast<std::size_t>(roll(1000000));
    r.total_exact = roll(2) == 0;
    if (roll(2)) r.suggestion = random_text(rng, 4);
    for (int i = roll(12); i > 0; --i) {
        SearchHit h;
        h.rank = static_cast<std::size_t>(roll(100) + 1);
        h.score = std::uniform_real_distribution<double>(0, 30)(rng);
        h.snippet = random_text(rng, 20);
        Article& a = h.article;
        a.id = random_text(rng, 3);
        a.title = random_text(rng, 8);
        a.title_derived = roll(2) == 0;
        a.source = random_text(rng, 3);
        a.url = random_text(rng, 3);
        a.authors = texts(3);
        if (roll(3)) a.date = DateValue{1980 + roll(60), roll(13), roll(29)};
        a.date_origin = static_cast<DateOrigin>(roll(4));
        for (int k = roll(4); k > 0; --k) a.dates_mentioned.push_back(DateValue{2000 + roll(30), 1 + roll(12), roll(29)});
        a.entities.person = texts(4);
        a.entities.org = texts(3);
        a.entities.place = texts(3);
        a.entities.misc = texts(2);
        r.hits.push_back(std::move(h));
    }
    static const std::vector<std::string> kKeys = {"person", "org", "place", "date:month", "mentioned:auto", "source",
                                                   "author", "misc", "date:day"};
    for (int i = roll(5); i > 0; --i) {
        std::vector<FacetValue> values;
        for (int k = roll(20); k > 0; --k) values.push_back({random_text(rng, 4), static_cast<std::size_t>(roll(5000))});
        r.facets[kKeys[static_cast<std::size_t>(roll(static_cast<int>(kKeys.size())))]] = std::move(values);
    }
    for (int i = roll(3); i > 0; --i) {
        std::vector<RelatedValue> values;
        for (int k = roll(8); k > 0; --k) {
            values.push_back({random_text(rng, 4), static_cast<std::size_t>(roll(500)),
                              static_cast<std::size_t>(roll(50000)), std::uniform_real_distribution<double>(0, 900)(rng)});
        }
        r.related[kKeys[static_cast<std::size_t>(roll(4))]] = std::move(values);
    }
    return r;
}

TEST(JsonText, ResponsesAreWrittenAsResponseJsonDumpsThem) {
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
        const SearchResponse r = random_response(rng);
        EXPECT_EQ(response_json_text(r), nlohmann_dump(response_json(r)));
        const Paging paging{static_cast<std::size_t>(i % 7 * 10), static_cast<std::size_t>(i % 50)};
        nlohmann::json with = response_json(r);
        with["offset"] = paging.offset;
        with["limit"] = paging.limit;
        ASSERT_EQ(response_json_text(r, &paging), nlohmann_dump(with));
    }
}

}  // namespace
}  // namespace news
