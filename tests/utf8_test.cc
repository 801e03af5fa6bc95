/// @file utf8_test.cc
/// @brief UTF-8 validation, repair and truncation.
#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace news::utf8 {
namespace {

struct ValidCase {
    std::string text;
    bool valid;
    std::size_t invalid;
};

class Utf8Valid : public ::testing::TestWithParam<ValidCase> {};

TEST_P(Utf8Valid, ClassifiesSequences) {
    const auto& c = GetParam();
    EXPECT_EQ(valid(c.text), c.valid);
    EXPECT_EQ(count_invalid(c.text), c.invalid);
}

INSTANTIATE_TEST_SUITE_P(Table, Utf8Valid,
                         ::testing::Values(ValidCase{"", true, 0}, ValidCase{"plain ascii", true, 0},
                                           ValidCase{"Zelens\xca\xb9kyi", true, 0},
                                           ValidCase{"\xe2\x80\x94 dash", true, 0},
                                           ValidCase{"\xf0\x9f\x98\x80", true, 0},
                                           ValidCase{"bad \xff byte", false, 1},
                                           ValidCase{"overlong \xc0\xaf", false, 2},
                                           ValidCase{"surrogate \xed\xa0\x80", false, 3},
                                           ValidCase{"cut \xe2\x80", false, 2}));

TEST(Utf8Sanitize, ReplacesInvalidAndDropsControls) {
    EXPECT_EQ(sanitize("a\xffz"), "a\xEF\xBF\xBDz");
    EXPECT_EQ(sanitize(std::string("a\0b", 3)), "ab");
    EXPECT_EQ(sanitize("line\r\nnext\rlast"), "line\nnext\nlast");
    EXPECT_EQ(sanitize("tab\tkept\x07"), "tab\tkept");
}

TEST(Utf8Truncate, EndsOnCharacterBoundary) {
    std::string s = "ab\xe2\x80\x94";  // "ab—"
    EXPECT_EQ(truncate(s, 10), s);
    EXPECT_EQ(truncate(s, 4), "ab");
    EXPECT_EQ(truncate(s, 5), s);
}

TEST(Utf8Latin1, DecodesHighBytes) { EXPECT_EQ(from_latin1("caf\xe9"), "caf\xc3\xa9"); }

TEST(Utf8Binary, DetectsNulAndControlBytes) {
    EXPECT_TRUE(looks_binary(std::string("PK\x03\x04\0\0", 6)));
    EXPECT_FALSE(looks_binary("An ordinary article.\nWith lines.\n"));
}

}  // namespace
}  // namespace news::utf8
