/// @file html_parser.h
/// @brief Articles from saved web pages, through a real HTML5 parser (Gumbo).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/parse_result.h"

namespace news {

/// Pages whose elements nest deeper than this are refused with a diagnostic:
/// Gumbo's tree construction costs time proportional to the depth per tag.
inline constexpr std::size_t kMaxHtmlDepth = 1000;

/// Title from og:title, else the first h1, else <title>; publication date from
/// article:published_time, <time datetime> or JSON-LD datePublished; authors;
/// canonical URL; the article text without scripts, styles, navigation,
/// headers, footers, asides and related-links boxes.
[[nodiscard]] ParseResult parse_html(std::string_view content, const InputRef& input);

/// Plain text of an HTML fragment such as a JSON or RSS text field: tags
/// removed, entities decoded, block elements as paragraph breaks ("\n\n"),
/// white space collapsed, scripts, styles and page furniture dropped.
[[nodiscard]] std::string html_fragment_text(std::string_view html);

}  // namespace news
