/// @file date_parse_test.cc
/// @brief Tests of parse_date over metadata formats, malformed input and calendar validation.
#include "common/date_parse.h"

#include <gtest/gtest.h>

#include <string>

#include "common/calendar.h"

namespace news {
namespace {

struct ParseRow {
    const char* text;
    const char* expected;  ///< ISO day, or "" when nothing can be read
    bool warning;          ///< a warning is expected
};

void PrintTo(const ParseRow& row, std::ostream* os) { *os << '"' << row.text << '"'; }

class ParseDateTest : public ::testing::TestWithParam<ParseRow> {};

TEST_P(ParseDateTest, ReadsCalendarDate) {
    const ParseRow& row = GetParam();
    std::string warning = "stale";
    const auto date = parse_date(row.text, &warning);
    if (row.expected[0] == '\0') {
        EXPECT_FALSE(date.has_value()) << date->iso();
        EXPECT_FALSE(warning.empty()) << "a failure explains itself";
        return;
    }
    ASSERT_TRUE(date.has_value()) << warning;
    EXPECT_EQ(date->iso(), row.expected);
    EXPECT_TRUE(date->is_day());
    EXPECT_EQ(!warning.empty(), row.warning) << warning;
}

constexpr ParseRow kWellFormed[] = {
    // ISO 8601
    {"2026-02-01", "2026-02-01", false},
    {"  2026-02-01\n", "2026-02-01", false},
    {"2026-02-01T09:30:00+04:00", "2026-02-01", false},
    {"2026-02-01T23:30:00-08:00", "2026-02-01", false},  // as written, no shift to UTC
    {"2026-02-01T09:30:00.123Z", "2026-02-01", false},
    {"2026-02-01T09:30Z", "2026-02-01", false},
    {"2026-02-01 09:30:00", "2026-02-01", false},
    {"2026-02-01T0930Z", "2026-02-01", false},
    {"20260201", "2026-02-01", false},
    {"2026/02/01", "2026-02-01", false},
    {"2026.02.01", "2026-02-01", false},
    {"\"2026-02-01\"", "2026-02-01", false},
    // RFC 2822
    {"Sun, 01 Feb 2026 09:30:00 GMT", "2026-02-01", false},
    {"Sun, 1 Feb 2026 09:30:00 +0000", "2026-02-01", false},
    {"1 Feb 2026 09:30 +0000", "2026-02-01", false},
    {"Sat, 31 Jan 2026 23:59:59 -0500 (EST)", "2026-01-31", false},
    {"Sun, 1 Feb 2026 09:30:00 +0000 GMT", "2026-02-01", false},
    {"Sunday, 01-Feb-26 09:30:00 GMT", "2026-02-01", false},  // RFC 850
    {"Sun, 01 Feb 26 09:30:00 GMT", "2026-02-01", false},  // obsolete two-digit year
    {"Mon, 01 Feb 99 09:30:00 GMT", "1999-02-01", false},
    // Reuters-21578 and similar
    {"26-FEB-1987 15:01:01.79", "1987-02-26", false},
    {" 3-MAR-1987 00:43:42.82", "1987-03-03", false},
    {"3-MAR-1987  09:15:05.40", "1987-03-03", false},
    {" 7-APR-1987 16:22:00.0", "1987-04-07", false},
    {"18-Jul-20", "2020-07-18", false},
    // Written dates
    {"February 1, 2026", "2026-02-01", false},
    {"Feb. 1, 2026", "2026-02-01", false},
    {"Feb 1 2026", "2026-02-01", false},
    {"february 1st, 2026", "2026-02-01", false},
    {"Sept. 3, 2025", "2025-09-03", false},
    {"1 February 2026", "2026-02-01", false},
    {"1st February 2026", "2026-02-01", false},
    {"Sunday, February 1, 2026", "2026-02-01", false},
    {"February 1, 2026 9:30 AM EST", "2026-02-01", false},
    {"February 1, 2026 at 9:30 pm", "2026-02-01", false},
    {"Sun Feb  1 09:30:00 2026", "2026-02-01", false},  // asctime
    // Numeric orders
    {"13/01/2026", "2026-01-13", false},
    {"01/13/2026", "2026-01-13", false},
    {"01/01/2026", "2026-01-01", false},
    {"1.2.2026", "2026-02-01", true},   // ambiguous: day.month
    {"02/01/2026", "2026-02-01", true},  // ambiguous: month/day
    // Leap years
    {"2024-02-29", "2024-02-29", false},
    {"2000-02-29", "2000-02-29", false},
    {"29 Feb 2028", "2028-02-29", false},
};
INSTANTIATE_TEST_SUITE_P(WellFormed, ParseDateTest, ::testing::ValuesIn(kWellFormed));

constexpr ParseRow kMalformed[] = {
    // Reuters-21578's malformed DATE fields: the best reading, with a warning.
    {"27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "1987-03-27", true},
    {"31-MAR-1987 605:12:19.12", "1987-03-31", true},
    {"9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ", "1987-04-09", true},
    {"2026-02-01T25:61:00Z", "2026-02-01", true},
    {"2026-02-01 garbage", "2026-02-01", true},
    {"Mon, 01 Feb 2026 09:30:00 GMT", "2026-02-01", true},  // 2026-02-01 is a Sunday
    {"Published on February 1, 2026 by the desk", "2026-02-01", true},
    {"Updated: 2026-02-01", "2026-02-01", true},
};
INSTANTIATE_TEST_SUITE_P(Malformed, ParseDateTest, ::testing::ValuesIn(kMalformed));

constexpr ParseRow kUnreadable[] = {
    {"", "", false},
    {"   ", "", false},
    {"hello", "", false},
    {"Sunday", "", false},
    {"2025-02-29", "", false},  // not a leap year
    {"1900-02-29", "", false},  // century, not a leap year
    {"2026-02-30", "", false},
    {"2026-04-31", "", false},
    {"2026-13-01", "", false},
    {"2026-00-10", "", false},
    {"Feb 30, 2026", "", false},
    {"32 Jan 2026", "", false},
    {"31-APR-1987 10:00:00.00", "", false},
    {"version 2.0", "", false},
    {"12 pct", "", false},
    {"2026", "", false},  // day precision only
    {"February 2026", "", false},
    {"99999999999999999999", "", false},
    {"-", "", false},
};
INSTANTIATE_TEST_SUITE_P(Unreadable, ParseDateTest, ::testing::ValuesIn(kUnreadable));

TEST(ParseDate, WarningIsOptionalAndClearedOnSuccess) {
    EXPECT_EQ(parse_date("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM")->iso(), "1987-03-27");
    std::string warning = "left over";
    ASSERT_TRUE(parse_date("2026-02-01", &warning).has_value());
    EXPECT_TRUE(warning.empty());
}

TEST(ParseDate, WarningNamesTheJunk) {
    std::string warning;
    ASSERT_TRUE(parse_date("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", &warning).has_value());
    EXPECT_NE(warning.find("&#5;&#5;&#5;RM"), std::string::npos) << warning;
}

TEST(ParseDate, NeverCrashesOnArbitraryBytes) {
    // Every prefix and suffix of awkward inputs, including control and high bytes.
    const std::string samples[] = {
        std::string("26-FEB-1987 15:01:01.79\x05\xff\x00 x", 29), "Sun, 01 Feb 2026 09:30:00 +0",
        "2026-02-01T", "Feb. ", "1st", "\xe2\x80\x93 2026-02-01 \xe2\x80\x94", "9999-12-31T24:00:00+99:99"};
    for (const auto& s : samples) {
        for (std::size_t i = 0; i <= s.size(); ++i) {
            std::string warning;
            (void)parse_date(std::string_view(s).substr(0, i), &warning);
            (void)parse_date(std::string_view(s).substr(i), &warning);
        }
    }
    SUCCEED();
}

struct CalendarRow {
    int year;
    int month;
    int days;
};

class DaysInMonthTest : public ::testing::TestWithParam<CalendarRow> {};

TEST_P(DaysInMonthTest, CountsLeapYears) {
    const CalendarRow& row = GetParam();
    EXPECT_EQ(days_in_month(row.year, row.month), row.days);
    EXPECT_TRUE(is_valid_day(row.year, row.month, row.days));
    EXPECT_FALSE(is_valid_day(row.year, row.month, row.days + 1));
}

constexpr CalendarRow kMonths[] = {
    {2024, 2, 29}, {2025, 2, 28}, {2000, 2, 29}, {1900, 2, 28}, {2026, 1, 31},
    {2026, 4, 30}, {2026, 6, 30}, {2026, 9, 30}, {2026, 11, 30}, {2026, 12, 31},
};
INSTANTIATE_TEST_SUITE_P(Months, DaysInMonthTest, ::testing::ValuesIn(kMonths));

TEST(Calendar, DayArithmeticRoundTrips) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(civil_from_days(days_from_civil(2024, 2, 29)), (DateValue{2024, 2, 29}));
    EXPECT_EQ(add_days(DateValue{2025, 12, 31}, 1), (DateValue{2026, 1, 1}));
    EXPECT_EQ(add_days(DateValue{2024, 3, 1}, -1), (DateValue{2024, 2, 29}));
    EXPECT_EQ(weekday_of(2026, 2, 1), 6);    // Sunday
    EXPECT_EQ(weekday_of(1987, 3, 2), 0);    // Monday
    EXPECT_EQ(weekday_of(1969, 12, 31), 2);  // Wednesday, before the epoch
    EXPECT_EQ(month_from_name("Sept"), 9);
    EXPECT_EQ(month_from_name("DECEMBER"), 12);
    EXPECT_EQ(month_from_name("ma"), 0);
    EXPECT_EQ(weekday_from_name("Thurs"), 3);
    EXPECT_EQ(weekday_from_name("sun"), 6);
    EXPECT_EQ(weekday_from_name("sunny"), -1);
}

}  // namespace
}  // namespace news
