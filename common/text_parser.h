/// @file text_parser.h
/// @brief Articles from plain text files shaped like saved news pages.
#pragma once

#include <string_view>

#include "common/parse_result.h"

namespace news {

/// Parses one plain-text article: drops a leading file-name slug line
/// ("Some_Title_Words"), takes the headline as title (a repeated headline is
/// kept once), keeps section headings as text but never as title, removes
/// trailing web boilerplate ("Leave a Reply", "Back To Top", share lines),
/// and derives a title from the first sentence when there is no headline.
[[nodiscard]] ParseResult parse_text(std::string_view content, const InputRef& input);

/// A title made from the first sentence of @p body, at most about 120
/// characters, cut at a word boundary with an ellipsis when longer.
[[nodiscard]] std::string derive_title(std::string_view body);

}  // namespace news
