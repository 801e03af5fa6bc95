/// @file date_extract_test.cc
/// @brief Tests of extract_dates, unique_values and find_dateline: forms, tense, offsets, non-dates.
#include "common/date_extract.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "common/date_parse.h"
#include "common/date_tokens.h"

namespace news {
namespace {

/// "[mention]=value" or "[mention]=start..end" for each mention, joined by "; ".
std::string render(std::string_view text, const std::vector<MentionedDate>& dates) {
    std::string out;
    for (const auto& d : dates) {
        if (!out.empty()) out += "; ";
        out += "[" + std::string(text.substr(d.offset, d.length)) + "]=" + d.value.iso();
        if (d.range_end) out += ".." + d.range_end->iso();
    }
    return out;
}

std::optional<DateValue> day(const char* iso) {
    if (iso == nullptr || iso[0] == '\0') return std::nullopt;
    return parse_date(iso);
}

struct ExtractRow {
    const char* publication;  ///< "" for none
    const char* text;
    const char* expected;  ///< render() of the expected mentions
};

void PrintTo(const ExtractRow& row, std::ostream* os) { *os << row.publication << " \"" << row.text << '"'; }

class ExtractDatesTest : public ::testing::TestWithParam<ExtractRow> {};

TEST_P(ExtractDatesTest, FindsMentions) {
    const ExtractRow& row = GetParam();
    const auto dates = extract_dates(row.text, day(row.publication));
    EXPECT_EQ(render(row.text, dates), row.expected);
    for (std::size_t i = 1; i < dates.size(); ++i) EXPECT_LT(dates[i - 1].offset, dates[i].offset);
}

// 2026-02-01 is a Sunday; 2026-01-02 a Friday; 2025-03-12 a Wednesday; 2024-02-27 a Tuesday.
constexpr ExtractRow kAbsolute[] = {
    {"", "The summit opened on January 24, 2026 in Doha.", "[January 24, 2026]=2026-01-24"},
    {"", "It was signed 3 March 2025.", "[3 March 2025]=2025-03-03"},
    {"", "Filed 2025-11-03, amended 2025/11/20.", "[2025-11-03]=2025-11-03; [2025/11/20]=2025-11-20"},
    {"", "Sales peaked in March 2022.", "[March 2022]=2022-03"},
    {"", "The firm was founded in 2022.", "[2022]=2022"},
    {"", "Revenue has doubled since 2019.", "[2019]=2019"},
    {"", "2022's results were weak.", "[2022]=2022"},
    {"", "Output fell in mid-2022 and by the end of 2024.", "[2022]=2022; [2024]=2024"},
    {"", "Turnover in 2023 and 2024 was flat.", "[2023]=2023; [2024]=2024"},
    {"", "He was born on February 1st, 1980.", "[February 1st, 1980]=1980-02-01"},
    {"", "It expires Sept. 30, 2027.", "[Sept. 30, 2027]=2027-09-30"},
    {"", "It expires SEPT 30 2027.", "[SEPT 30 2027]=2027-09-30"},
    {"", "JANUARY 5, 2026 and january 6, 2026", "[JANUARY 5, 2026]=2026-01-05; [january 6, 2026]=2026-01-06"},
    {"", "The 3rd of March, 2025 was cold.", "[3rd of March, 2025]=2025-03-03"},
    {"", "Launched on Sunday, February 1, 2026.", "[Sunday, February 1, 2026]=2026-02-01"},
    {"", "Leap day February 29, 2024 is valid.", "[February 29, 2024]=2024-02-29"},
    {"", "February 29, 2025 is not a day.", ""},
    {"", "On 29 February 2023 nothing happened.", ""},
    {"", "June 31, 2026 does not exist.", ""},
    // UTF-8 dashes and no-break spaces.
    {"", "Open 6\xe2\x80\x93" "9 January 2026.", "[6\xe2\x80\x93" "9 January 2026]=2026-01-06..2026-01-09"},
    {"", "On 3\xc2\xa0March\xc2\xa0" "2025.", "[3\xc2\xa0March\xc2\xa0" "2025]=2025-03-03"},
};
INSTANTIATE_TEST_SUITE_P(Absolute, ExtractDatesTest, ::testing::ValuesIn(kAbsolute));

constexpr ExtractRow kNonDates[] = {
    {"2026-02-01", "The army shot down 370 drones.", ""},
    {"2026-02-01", "More than 2,000 people and 3,000 fixes.", ""},
    {"2026-02-01", "Version 2.0 shipped; profits rose 12 pct.", ""},
    {"2026-02-01", "Call +1 202 555 2020 or 555-2020 at 20:15.", ""},
    {"2026-02-01", "In 2000 homes the heating failed.", ""},
    {"2026-02-01", "Flight 2025 leaves at 1430 GMT.", ""},
    {"2026-02-01", "The deal was worth 2,025 mln dlrs.", ""},
    {"2026-02-01", "Investors may sell 5 pct; troops march 10 miles.", ""},
    {"2026-02-01", "Black Friday and Good Friday sales.", ""},
    {"2026-02-01", "Over the last year and the next month prices rose.", ""},
    {"2026-02-01", "The price rose in two days of trading.", ""},
    {"2026-02-01", "It costs $2022 or 2022.50 euros; ID 2022-11-03-7.", ""},
    {"2026-02-01", "A320 and COVID-19 and F-16.", ""},
    {"2026-02-01", "Jan and May met in March.", "[March]=2025-03"},  // met: the past March
};
INSTANTIATE_TEST_SUITE_P(NonDates, ExtractDatesTest, ::testing::ValuesIn(kNonDates));

constexpr ExtractRow kRelative[] = {
    {"2026-02-01", "Yesterday it rose, today it fell and tomorrow it opens.",
     "[Yesterday]=2026-01-31; [today]=2026-02-01; [tomorrow]=2026-02-02"},
    {"2026-02-01", "Trains stop tonight.", "[tonight]=2026-02-01"},
    {"2026-01-01", "It happened yesterday.", "[yesterday]=2025-12-31"},
    {"2025-12-31", "It opens tomorrow.", "[tomorrow]=2026-01-01"},
    {"2024-03-01", "It closed yesterday.", "[yesterday]=2024-02-29"},
    {"2026-02-01", "Inflation slowed last month.", "[last month]=2026-01"},
    {"2026-01-15", "Inflation slowed last month.", "[last month]=2025-12"},
    {"2026-12-15", "Rates rise next month.", "[next month]=2027-01"},
    {"2026-02-01", "Profits doubled last year; next year looks better.", "[last year]=2025; [next year]=2027"},
    {"2026-02-01", "Prices rose earlier this month.", "[earlier this month]=2026-02"},
    {"2026-02-01", "A ruling is due later this year.", "[later this year]=2026"},
    // Weeks are given as their Monday (2026-02-01 is a Sunday, in the week of Monday 2026-01-26).
    {"2026-02-01", "Talks resume next week.", "[next week]=2026-02-02"},
    {"2026-02-01", "Talks stalled last week.", "[last week]=2026-01-19"},
    {"2026-02-01", "Talks continue this week.", "[this week]=2026-01-26"},
    {"2026-02-01", "The boat sank two days ago.", "[two days ago]=2026-01-30"},
    {"2026-02-01", "It sank 10 days ago.", "[10 days ago]=2026-01-22"},
    {"2026-02-01", "It closed a week ago.", "[a week ago]=2026-01-19"},
    {"2026-02-01", "It closed three months ago.", "[three months ago]=2025-11"},
    {"2026-02-01", "It closed a year ago.", "[a year ago]=2025"},
    {"2026-02-01", "It opens in three weeks.", "[in three weeks]=2026-02-16"},
    {"2026-02-01", "Rules change in 10 days.", "[in 10 days]=2026-02-11"},
    {"2026-02-01", "Exports recover in two years.", "[in two years]=2028"},
    {"2026-02-01", "It is quiet this morning.", "[this morning]=2026-02-01"},
    {"2026-02-01", "She told USA Today and Radio 4's Today programme. Today it rained.", "[Today]=2026-02-01"},
    {"2026-02-01", "He said: \"Today I won.\"", "[Today]=2026-02-01"},
    // No publication date: relative expressions are not resolved.
    {"", "Yesterday it rose; last month it fell; he spoke on Friday.", ""},
};
INSTANTIATE_TEST_SUITE_P(Relative, ExtractDatesTest, ::testing::ValuesIn(kRelative));

constexpr ExtractRow kWeekdays[] = {
    {"2026-02-01", "The minister said on Friday that talks had stalled.", "[Friday]=2026-01-30"},
    {"2026-02-01", "Negotiators will meet on Tuesday.", "[Tuesday]=2026-02-03"},
    {"2026-02-01", "The committee meets on Tuesday.", "[Tuesday]=2026-02-03"},
    {"2026-02-01", "Police arrested two men on Wednesday.", "[Wednesday]=2026-01-28"},
    {"2026-02-01", "On Thursday, the court ruled against him.", "[Thursday]=2026-01-29"},
    {"2026-02-01", "The vote is scheduled for Thursday.", "[Thursday]=2026-02-05"},
    {"2026-02-01", "He said he will resign on Monday.", "[Monday]=2026-02-02"},
    {"2026-02-01", "The election is next Sunday.", "[next Sunday]=2026-02-08"},
    {"2026-02-01", "It happened last Sunday.", "[last Sunday]=2026-01-25"},
    {"2026-02-01", "It happened last Friday.", "[last Friday]=2026-01-30"},
    {"2026-02-01", "The board decides this coming Monday.", "[this coming Monday]=2026-02-02"},
    // On the publication weekday itself: past tense means that very day.
    {"2026-02-01", "The bank said on Sunday it had sold the unit.", "[Sunday]=2026-02-01"},
    {"2026-02-01", "The storm hit on Saturday night.", "[Saturday night]=2026-01-31"},
    {"2026-01-02", "The storm hit the coast on Tuesday.", "[Tuesday]=2025-12-30"},
    {"2026-01-02", "Markets reopen on Monday.", "[Monday]=2026-01-05"},
    {"2026-02-01", "He said on Friday that talks will resume on Tuesday.",
     "[Friday]=2026-01-30; [Tuesday]=2026-02-03"},
};
INSTANTIATE_TEST_SUITE_P(Weekdays, ExtractDatesTest, ::testing::ValuesIn(kWeekdays));

constexpr ExtractRow kYearless[] = {
    {"2026-02-01", "Rates rose on Dec. 2.", "[Dec. 2]=2025-12-02"},
    {"2026-01-02", "Shares fell on Dec. 30 after the news.", "[Dec. 30]=2025-12-30"},
    {"2026-01-02", "The plant will reopen on Jan. 5.", "[Jan. 5]=2026-01-05"},
    {"2025-12-30", "The plant will reopen on Jan. 5.", "[Jan. 5]=2026-01-05"},
    {"2026-02-01", "Results are due on March 5.", "[March 5]=2026-03-05"},
    {"2026-02-01", "The vote was held on March 5.", "[March 5]=2025-03-05"},
    {"2026-02-01", "The deadline is Feb. 12.", "[Feb. 12]=2026-02-12"},
    {"2024-02-27", "The deadline is February 29.", "[February 29]=2024-02-29"},
    {"2025-02-27", "The deadline is February 29.", ""},
    {"2026-02-01", "The 3rd of March is the deadline.", "[3rd of March]=2026-03-03"},
    {"2025-03-12", "Talks broke down on the 3rd of March.", "[3rd of March]=2025-03-03"},
    {"2026-02-01", "Sales fell in December.", "[December]=2025-12"},
    {"2026-01-02", "Elections are due in March.", "[March]=2026-03"},
    {"2026-06-10", "Last June the river flooded; next June it may not.", "[Last June]=2025-06; [next June]=2027-06"},
    {"2026-06-10", "This March was dry.", "[This March]=2026-03"},
    {"1987-03-02", "Net income for the year ended December 31 rose.", "[December 31]=1986-12-31"},
    {"2026-01-02", "Friday, Jan. 2 was quiet.", "[Friday, Jan. 2]=2026-01-02"},
    // The nearer cue decides; an attribution after the date is no cue.
    {"1987-04-01", "Reagan announced that on April 17 he would raise tariffs.", "[April 17]=1987-04-17"},
    {"1987-04-02", "Wheat for shipment April 20-30, they said.", "[April 20-30]=1987-04-20..1987-04-30"},
    {"1987-04-02", "The board said on March 20 it had sold the unit.", "[March 20]=1987-03-20"},
    // A year written after a coordinated date applies to both.
    {"1987-10-19", "Stock splits in January and June 1986.", "[January]=1986-01; [June 1986]=1986-06"},
    {"", "Signed January 6 and February 3, 2026.", "[January 6]=2026-01-06; [February 3, 2026]=2026-02-03"},
    // Without a publication date, the year comes from the article's own full dates.
    {"", "The accord was signed January 24, 2026 and ratified on February 1.",
     "[January 24, 2026]=2026-01-24; [February 1]=2026-02-01"},
    {"", "Ratified on February 1 after the January 24, 2026 signing.",
     "[February 1]=2026-02-01; [January 24, 2026]=2026-01-24"},
    {"", "Signed on Dec. 20, 2025; ratified on Jan. 3.", "[Dec. 20, 2025]=2025-12-20; [Jan. 3]=2026-01-03"},
    {"", "The museum opened in March 2019 and closed on December 1.", "[March 2019]=2019-03; [December 1]=2019-12-01"},
    {"", "The meeting was held on March 3.", ""},
};
INSTANTIATE_TEST_SUITE_P(Yearless, ExtractDatesTest, ::testing::ValuesIn(kYearless));

// Clause-level cues for the year of a yearless date, as met in wire copy (1987-03-02 is a Monday).
constexpr ExtractRow kYearCues[] = {
    {"1987-06-29", "The next OPEC meeting is to be held in Vienna on December 9.", "[December 9]=1987-12-09"},
    {"1987-03-03", "The companies extended their merger agreement until May 31.", "[May 31]=1987-05-31"},
    {"1987-03-31", "It declared a 10 pct stock dividend, payable May 15.", "[May 15]=1987-05-15"},
    {"1987-03-16", "It will publish the magazine monthly, beginning in September.", "[September]=1987-09"},
    {"1987-04-01", "Producers wanted to reimpose quotas from October 1.", "[October 1]=1987-10-01"},
    {"1987-03-18", "It failed to meet the requirement as of January 20.", "[January 20]=1987-01-20"},
    {"1987-04-13", "Pay April 30     Record April 15     NOTE: Insured Income Fund.",
     "[April 30]=1987-04-30; [April 15]=1987-04-15"},
    {"1987-03-17", "In January, housing starts fell a revised 0.5 pct.", "[January]=1987-01"},
    {"1987-03-12", "Output fell 0.7 pct in January, much smaller than expected.", "[January]=1987-01"},
    {"1987-03-12", "Talks were suspended on January 16 due to the kidnapping.", "[January 16]=1987-01-16"},
    {"1987-04-03", "It was a smaller-than-expected gain in March payrolls.", "[March]=1987-03"},
    {"1987-06-01", "The deficit narrowed in March from February and is expected to improve.",
     "[March]=1987-03; [February]=1987-02"},
    {"1987-03-15", "The deficit for February is expected to narrow.", "[February]=1987-02"},
    {"1987-03-05", "Lower production is expected in February.", "[February]=1987-02"},  // the month just gone
    {"1987-06-29", "Shareholders of record on June 26 will vote.", "[June 26]=1987-06-26"},  // within two weeks
    {"1987-10-20", "Reserves fell from the end of March and the end of 1986.", "[March]=1987-03; [1986]=1986"},
    {"1987-04-09", "Elections are due by April next year; March this year was calm; May last year too.",
     "[April]=1988-04; [next year]=1988; [March]=1987-03; [this year]=1987; [May]=1986-05; [last year]=1986"},
    {"1987-10-19", "Growth reached 4.8 pct in January to September 1986.", "[January]=1986-01; [September 1986]=1986-09"},
    {"1987-04-13", "Completion is scheduled for February, 1990.", "[February, 1990]=1990-02"},
    {"1987-06-19", "Shares have risen nine-fold in 18 months; the peso lost 85 pct of its value in 16 months.", ""},
    {"1987-03-04", "The facility will be working in 18 months.", "[in 18 months]=1988-09"},
    {"1987-04-07", "SEP7 276 1/2 UP 1/2 DEC7 -- MAR8", ""},
    {"2026-06-10", "The day before yesterday the talks collapsed; the day after tomorrow they resume.",
     "[The day before yesterday]=2026-06-08; [the day after tomorrow]=2026-06-12"},
    {"2026-02-01", "Leap day, February 29, 2024, was a Thursday.", "[February 29, 2024]=2024-02-29"},
};
INSTANTIATE_TEST_SUITE_P(YearCues, ExtractDatesTest, ::testing::ValuesIn(kYearCues));

constexpr ExtractRow kRanges[] = {
    {"2025-12-20", "It runs from January 6 to January 9.", "[January 6 to January 9]=2026-01-06..2026-01-09"},
    {"2026-02-01", "Hearings run 12 to 15 June.", "[12 to 15 June]=2026-06-12..2026-06-15"},
    {"2026-02-01", "Hearings run 12-15 June 2025.", "[12-15 June 2025]=2025-06-12..2025-06-15"},
    {"2026-02-01", "It lasted January 6-9.", "[January 6-9]=2026-01-06..2026-01-09"},
    {"2026-02-01", "It lasts January 6-9, 2027.", "[January 6-9, 2027]=2027-01-06..2027-01-09"},
    {"2026-02-01", "Voting is between March 1 and March 3.", "[March 1 and March 3]=2026-03-01..2026-03-03"},
    {"2026-02-01", "Voting is between 1 and 3 March.", "[1 and 3 March]=2026-03-01..2026-03-03"},
    {"2026-01-02", "Closed from December 30 to January 2.", "[December 30 to January 2]=2025-12-30..2026-01-02"},
    {"", "Closed Dec. 28, 2025 - Jan. 4, 2026.", "[Dec. 28, 2025 - Jan. 4, 2026]=2025-12-28..2026-01-04"},
    {"", "Closed December 30 to January 2, 2026.", "[December 30 to January 2, 2026]=2025-12-30..2026-01-02"},
    {"", "Closed from 2026-01-06 to 2026-01-09.", "[2026-01-06 to 2026-01-09]=2026-01-06..2026-01-09"},
    {"", "Emissions rose from 2019 to 2022 and in 2010-2015.", "[2019 to 2022]=2019..2022; [2010-2015]=2010..2015"},
    {"", "Between 2015 and 2018 it doubled.", "[2015 and 2018]=2015..2018"},
    {"2026-06-10", "The fair runs June 12-14.", "[June 12-14]=2026-06-12..2026-06-14"},
    {"2026-06-10", "It will be closed from July 21 through July 25.", "[July 21 through July 25]=2026-07-21..2026-07-25"},
    // Not ranges: a backwards "range", an amount after the date.
    {"2026-06-10", "The fair runs June 14-12.", "[June 14]=2026-06-14"},
    {"2026-06-10", "Rose on June 3 to 5 pct.", "[June 3]=2026-06-03"},
};
INSTANTIATE_TEST_SUITE_P(Ranges, ExtractDatesTest, ::testing::ValuesIn(kRanges));

TEST(DateTokens, SplitsWordsNumbersAndPunctuation) {
    using date_detail::Kind;
    using date_detail::W;
    const std::string text = "Sept. 3\xe2\x80\x93" "5, 2026\n\nCaf\xc3\xa9 announced";
    const auto tokens = date_detail::tokenize(text);
    ASSERT_EQ(tokens.size(), 9U);
    EXPECT_EQ(tokens[0].word, W::month);
    EXPECT_EQ(tokens[0].value, 9);
    EXPECT_TRUE(tokens[0].cap);
    EXPECT_EQ(tokens[1].punct, '.');
    EXPECT_FALSE(tokens[1].space_before);
    EXPECT_EQ(tokens[2].kind, Kind::number);
    EXPECT_EQ(tokens[2].value, 3);
    EXPECT_EQ(tokens[3].punct, 'd');  // en dash
    EXPECT_EQ(tokens[3].len, 3U);
    EXPECT_EQ(tokens[5].punct, ',');
    EXPECT_EQ(tokens[6].digits, 4);
    EXPECT_TRUE(tokens[7].break_before);
    EXPECT_EQ(text.substr(tokens[7].begin, tokens[7].len), "Caf\xc3\xa9");
    EXPECT_EQ(tokens[7].word, W::none);  // not ASCII: never classified
    EXPECT_EQ(tokens[8].word, W::past);  // the -ed rule
}

TEST(ExtractDates, OffsetsAreBytesIntoTheInput) {
    const std::string text = "Caf\xc3\xa9 news \xe2\x80\x94 on Feb. 1, 2026 and 2026-02-03.";
    const auto dates = extract_dates(text, std::nullopt);
    ASSERT_EQ(dates.size(), 2U);
    EXPECT_EQ(dates[0].offset, text.find("Feb."));
    EXPECT_EQ(dates[0].length, std::string("Feb. 1, 2026").size());
    EXPECT_EQ(dates[1].offset, text.find("2026-02-03"));
    EXPECT_EQ(dates[1].length, 10U);
}

TEST(ExtractDates, IsDeterministic) {
    const std::string text = "On Friday he said talks from January 6 to 9 would resume next week, as in 2022.";
    const auto pub = day("2026-02-01");
    const auto first = extract_dates(text, pub);
    EXPECT_EQ(first.size(), 4U);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(extract_dates(text, pub), first);
}

TEST(ExtractDates, InvalidPublicationIsIgnored) {
    EXPECT_TRUE(extract_dates("It closed yesterday.", DateValue{2025, 2, 29}).empty());
    EXPECT_TRUE(extract_dates("It closed yesterday.", DateValue{2025, 0, 0}).empty());
}

TEST(ExtractDates, NeverCrashesOnArbitraryBytes) {
    std::mt19937 rng(12345);
    const std::string alphabet = "0123456789 -,./:'()\n\xe2\x80\x93\xc2\xa0 JanFebMayMarch on Friday in 2022 ago";
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const auto n = rng() % 60;
        for (std::uint32_t i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
        const auto dates = extract_dates(text, DateValue{2026, 2, 1});
        for (const auto& d : dates) {
            ASSERT_LE(d.offset + d.length, text.size()) << text;
            ASSERT_GT(d.length, 0U) << text;
        }
        (void)find_dateline(text);
    }
}

TEST(ExtractDates, ALargeTextGivesEveryRepetitionItsMentions) {
    // Speed is measured by bench (eval_reuters_dates prints MB/s); here, a
    // 4 MB text must give exactly the mentions of its parts.
    const std::string part =
        "The minister said on Friday that talks, held from January 6 to 9 in Geneva, will resume "
        "next week. Output rose 12 pct to 2,000 tonnes in 2022, up from 1,800 in March 2021. ";
    const std::size_t per_part = extract_dates(part, DateValue{2026, 2, 1}).size();
    ASSERT_GE(per_part, 4U);
    std::string text;
    std::size_t parts = 0;
    for (; text.size() < 4'000'000; ++parts) text += part;
    EXPECT_EQ(extract_dates(text, DateValue{2026, 2, 1}).size(), parts * per_part);
}

TEST(UniqueValues, IncludesRangeEndsSortedAndDistinct) {
    const auto dates = extract_dates("In 2022, from January 6 to 9, 2026, and on Jan. 6, 2026.", std::nullopt);
    std::vector<std::string> iso;
    for (const auto& v : unique_values(dates)) iso.push_back(v.iso());
    EXPECT_EQ(iso, (std::vector<std::string>{"2022", "2026-01-06", "2026-01-09"}));
    EXPECT_TRUE(unique_values({}).empty());
}

struct DatelineRow {
    const char* reference;  ///< "" for none
    const char* text;
    const char* expected;  ///< "[mention]=ISO", or "" for none
};

void PrintTo(const DatelineRow& row, std::ostream* os) { *os << row.reference << " \"" << row.text << '"'; }

class DatelineTest : public ::testing::TestWithParam<DatelineRow> {};

TEST_P(DatelineTest, FindsDateline) {
    const DatelineRow& row = GetParam();
    const auto m = find_dateline_mention(row.text, day(row.reference));
    const std::string text = row.text;
    EXPECT_EQ(m ? "[" + text.substr(m->offset, m->length) + "]=" + m->value.iso() : std::string(), row.expected);
    EXPECT_EQ(find_dateline(row.text, day(row.reference)).has_value(), m.has_value());
}

constexpr DatelineRow kDatelines[] = {
    {"2026-02-01", "ABU DHABI, Feb 1 (Reuters) - Oil prices rose.", "[Feb 1]=2026-02-01"},
    {"2026-01-02", "ABU DHABI, Dec 31 (Reuters) - Oil prices rose.", "[Dec 31]=2025-12-31"},
    {"", "February 1, 2026 \xe2\x80\x94 The talks ended.", "[February 1, 2026]=2026-02-01"},
    {"", "WASHINGTON, Jan. 24, 2026 /PRNewswire/ -- Acme Corp said.", "[Jan. 24, 2026]=2026-01-24"},
    {"", "  NEW YORK, March 2 - Shares rose. In a filing dated March 1, 1987 the firm...", "[March 2]=1987-03-02"},
    {"", "LONDON, 3 March 2025: Markets fell.", "[3 March 2025]=2025-03-03"},
    {"", "Sunday, February 1, 2026\nThe day began quietly.", "[Sunday, February 1, 2026]=2026-02-01"},
    {"", "ABU DHABI, Feb 1 (Reuters) - Oil prices rose.", ""},  // no year anywhere
    {"", "On February 1, 2026, the talks ended.", ""},
    {"", "The minister said on February 1, 2026 - in Doha - that...", ""},
    {"", "Oil prices rose sharply today.", ""},
    {"", "", ""},
};
INSTANTIATE_TEST_SUITE_P(Datelines, DatelineTest, ::testing::ValuesIn(kDatelines));

}  // namespace
}  // namespace news
