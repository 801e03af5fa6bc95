/// @file date_extract.h
/// @brief Dates mentioned in article text and datelines, normalised to DateValue.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace news {

/// One date mentioned in a text.
///
/// @c value is a day ("2026-02-01"), a month ("2026-02") or a year ("2026").
/// Expressions about a week ("next week", "two weeks ago") are given at day
/// granularity as the Monday of that week. A range ("January 6-9", "from
/// 2019 to 2022") has @c value = its start and @c range_end = its end.
struct MentionedDate {
    DateValue value;
    std::optional<DateValue> range_end;
    std::size_t offset = 0;  ///< byte offset of the mention in the text
    std::size_t length = 0;  ///< byte length of the mention
    friend bool operator==(const MentionedDate&, const MentionedDate&) = default;
};

/// Dates mentioned in @p text, sorted by offset.
///
/// Absolute forms: "January 24, 2026", "Feb. 1st", "3 March 2025", "the 3rd of
/// March", "2025-11-03", "March 2022", a bare year in date context only ("in
/// 2022", "since 2019", "2022's", "mid-2022"; not "370 drones", "2,000",
/// "version 2.0", "20:15"), a month name after "in", "since", "last"... ("in
/// March"), ranges ("from January 6 to January 9", "12 to 15 June", "January
/// 6-9", "between March 1 and March 3", "2019-2022"). Month names are
/// case-insensitive, except that "may" and "march" count only when capitalised.
///
/// Relative forms are resolved against @p publication and omitted without it:
/// "yesterday", "today", "tomorrow", "the day before yesterday", "this morning",
/// "last/next/this week|month|year", "earlier this month", "later this year",
/// "two days ago", "in three weeks" (not a duration: "rose 5 pct in two days"),
/// weekdays. A weekday in a past-tense clause ("said on Friday") is the latest
/// such day on or before the publication date (the publication day itself
/// included); in a future clause ("will meet on Tuesday", "meets on Tuesday",
/// "from Monday") the first on or after it; "last Friday" and "next Sunday"
/// exclude the publication day; with no tense cue a weekday is taken as past,
/// as news reports mostly are.
///
/// A date written without a year takes it from @p publication: the nearest of
/// the three candidate years that agrees with the tense of its clause ("Dec. 30"
/// in a past-tense clause of an article of 2026-01-02 is 2025-12-30; "will
/// reopen on Jan. 5" in one of 2025-12-30 is 2026-01-05), or that "since",
/// "until", "payable"... or a following "this/next/last year" imply. A day
/// within two weeks of the publication date stays there whatever the tense
/// seems to say; with no cue, a later date counts 1.5 times its distance. A
/// year written after a coordinated date is shared ("in January and June
/// 1986"). Without a publication date the year is that of the nearest full
/// date in the text (preferring one before it); with neither the date is
/// omitted, never guessed.
///
/// Never throws on any input (apart from std::bad_alloc); linear in the text.
[[nodiscard]] std::vector<MentionedDate> extract_dates(std::string_view text,
                                                       std::optional<DateValue> publication);

/// The distinct values of @p dates, both ends of ranges included, sorted.
[[nodiscard]] std::vector<DateValue> unique_values(const std::vector<MentionedDate>& dates);

/// The dateline at the start of an article ("ABU DHABI, Feb 1 (Reuters) -",
/// "February 1, 2026 —", "WASHINGTON, Jan. 24, 2026 /PRNewswire/ --"), as a
/// mention with its offset and length. A dateline without a year takes it
/// from @p reference (the nearest sensible year) when given, or else from the
/// nearest full date written in the text; nullopt when there is no dateline
/// or its year cannot be known.
[[nodiscard]] std::optional<MentionedDate> find_dateline_mention(
    std::string_view text, std::optional<DateValue> reference = std::nullopt);

/// The date of the dateline at the start of @p text (see find_dateline_mention).
[[nodiscard]] std::optional<DateValue> find_dateline(std::string_view text,
                                                     std::optional<DateValue> reference = std::nullopt);

}  // namespace news
