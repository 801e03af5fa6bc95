/// @file date_parse.h
/// @brief Parsing of publication dates written in metadata formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/article.h"

namespace news {

/// Parses a date as found in article metadata: ISO 8601 with or without time
/// and zone ("2026-02-01", "2026-02-01T09:30:00+04:00", "2026-02-01T09:30Z"),
/// RFC 2822 as in RSS ("Sun, 01 Feb 2026 09:30:00 GMT"), Reuters
/// ("26-FEB-1987 15:01:01.79"), and written dates ("February 1, 2026",
/// "1 February 2026"). The calendar date is the one written (no time-zone
/// shift). Returns nullopt when no date can be read; when the text is
/// malformed but a best reading exists, returns it and sets @p warning.
[[nodiscard]] std::optional<DateValue> parse_date(std::string_view text, std::string* warning = nullptr);

}  // namespace news
