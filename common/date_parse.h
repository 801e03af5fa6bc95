/// @file date_parse.h
/// @brief Parsing of publication dates written in metadata formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"

namespace news {

/// Parses a date as found in article metadata: ISO 8601 with or without time
/// and zone ("2026-02-01", "2026-02-01T09:30:00+04:00", "2026-02-01T09:30Z",
/// "20260201"), "2026/02/01", RFC 2822 as in RSS ("Sun, 01 Feb 2026 09:30:00
/// GMT", "1 Feb 2026 09:30 +0000"), Reuters ("26-FEB-1987 15:01:01.79",
/// "18-Jul-20"), written dates ("February 1, 2026", "Feb. 1, 2026",
/// "1 February 2026", "Sunday, February 1, 2026"), asctime, and numeric
/// "02/01/2026" (month/day unless the day exceeds 12; a warning when ambiguous).
/// The calendar date is the one written (no time-zone shift); the result is
/// always a valid day (leap years checked). Two-digit years follow RFC 2822
/// (00-49 is 20xx). When @p warning is given it is cleared, then set when a
/// best reading is returned from malformed text (a bad time, trailing junk, a
/// date found inside other text) and when nullopt is returned (the reason).
/// Never throws (apart from std::bad_alloc).
[[nodiscard]] std::optional<DateValue> parse_date(std::string_view text, std::string* warning = nullptr);

}  // namespace news
