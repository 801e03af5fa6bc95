/// @file json_parser.h
/// @brief Articles from JSON (one object or an array) and JSON Lines news exports.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/parse_result.h"

namespace news {

/// Arrays and objects nested deeper than this are refused with a diagnostic
/// (a JSON record of a news export is a few levels deep).
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Parses a JSON document: one article object, an array of them, or an object
/// wrapping an array under "articles", "items", "results", "data" or "hits"
/// (also nested: {"response": {"results": [...]}}, {"hits": {"hits": [...]}}).
/// Field names of common exports are understood without regard to case
/// (title/headline, body/content/text, description, publishedAt/date/pubDate,
/// source or source.name, url/link, id/_id/guid, author/authors/byline).
/// Article::origin_record is the 1-based index in the array, 0 for one object.
/// A document that is really JSON Lines (one object per line) is read as such.
[[nodiscard]] ParseResult parse_json(std::string_view content, const InputRef& input);

/// Parses JSON Lines: one article object per line. A malformed line becomes an
/// error diagnostic with its line number; the other lines are still read.
/// Article::origin_record is the line number.
[[nodiscard]] ParseResult parse_json_lines(std::string_view content, const InputRef& input);

/// Byte offset of the first '[' or '{' in @p text that opens an array or
/// object nested deeper than @p max_depth (brackets inside strings do not
/// count), or std::string_view::npos when the nesting stays within the limit.
[[nodiscard]] std::size_t json_nesting_overflow(std::string_view text, std::size_t max_depth);

}  // namespace news
