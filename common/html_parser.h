/// @file html_parser.h
/// @brief Articles from saved web pages, through a real HTML5 parser (Gumbo).
#pragma once

#include <string_view>

#include "common/parse_result.h"

namespace news {

/// Title from og:title, else the first h1, else <title>; publication date from
/// article:published_time, <time datetime> or JSON-LD datePublished; authors;
/// canonical URL; the article text without scripts, styles, navigation,
/// headers, footers, asides and related-links boxes.
[[nodiscard]] ParseResult parse_html(std::string_view content, const InputRef& input);

}  // namespace news
