/// @file parse_result.h
/// @brief ParseResult: what a format parser returns for one input.
#pragma once

#include <vector>

#include "common/article.h"
#include "common/diagnostic.h"

namespace news {

/// The articles a parser could read from one input, and the problems it met.
/// A parser never throws on bad input; a record it cannot read becomes an
/// error diagnostic (with its line) and the parser goes on with the next one.
struct ParseResult {
    std::vector<Article> articles;
    std::vector<Diagnostic> diagnostics;
};

/// Where an input came from; parsers copy it into Article::origin_*.
struct InputRef {
    std::string path;      ///< file path as the user named it, or "-" for standard input
    std::string identity;  ///< path used in article ids (absolute, normalised); empty: path
};

}  // namespace news
