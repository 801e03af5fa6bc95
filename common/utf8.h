/// @file utf8.h
/// @brief UTF-8 validation and repair, and small text helpers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace news::utf8 {

/// True when @p text is well-formed UTF-8 (no overlongs, no surrogates).
[[nodiscard]] bool valid(std::string_view text);

/// Number of ill-formed sequences in @p text.
[[nodiscard]] std::size_t count_invalid(std::string_view text);

/// A copy with every ill-formed sequence replaced by U+FFFD, NUL and other C0
/// control characters (except tab and newline) dropped, CR LF folded to LF.
[[nodiscard]] std::string sanitize(std::string_view text);

/// Decode Latin-1 (ISO-8859-1) to UTF-8.
[[nodiscard]] std::string from_latin1(std::string_view text);

/// The longest prefix of @p text of at most @p max_bytes that ends on a
/// character boundary.
[[nodiscard]] std::string_view truncate(std::string_view text, std::size_t max_bytes);

/// True when @p data looks binary rather than text: NUL bytes or a high share
/// of control characters in the first few kilobytes.
[[nodiscard]] bool looks_binary(std::string_view data);

}  // namespace news::utf8
