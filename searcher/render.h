/// @file render.h
/// @brief Search results as readable text or as JSON.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "searcher/search.h"

namespace news {

/// The JSON shape documented in the README: query, total, hits, facets, suggestion.
[[nodiscard]] nlohmann::json response_json(const SearchResponse& response);

struct TextStyle {
    bool color = false;  ///< ANSI bold for highlights and titles (on a terminal)
};

/// Ranked hits with title, date, source, snippet and entities, then facets.
void render_text(const SearchResponse& response, const TextStyle& style, std::ostream& out);

}  // namespace news
