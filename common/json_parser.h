/// @file json_parser.h
/// @brief Articles from JSON (one object or an array) and JSON Lines news exports.
#pragma once

#include <string_view>

#include "common/parse_result.h"

namespace news {

/// Parses a JSON document: one article object, an array of them, or an object
/// wrapping an array under "articles", "items", "results" or "data".
[[nodiscard]] ParseResult parse_json(std::string_view content, const InputRef& input);

/// Parses JSON Lines: one article object per line. A malformed line becomes an
/// error diagnostic with its line number; the other lines are still read.
/// Article::origin_record is the line number.
[[nodiscard]] ParseResult parse_json_lines(std::string_view content, const InputRef& input);

}  // namespace news
