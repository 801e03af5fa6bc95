/// @file render.h
/// @brief Search results as readable text or as JSON.
#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "searcher/search.h"

namespace news {

/// The JSON shape documented in the README: query, total, hits, facets, suggestion.
[[nodiscard]] nlohmann::json response_json(const SearchResponse& response);

/// The page of results a request asked for (the server adds it to the answer).
struct Paging {
    std::size_t offset = 0;
    std::size_t limit = 0;
};
/// response_json(response), with @p paging's "offset" and "limit" when given,
/// as the text nlohmann's dump() (compact, error_handler_t::replace) would
/// write, byte for byte, written directly: about ten times faster for a
/// faceted answer (searcher/json_text.h).
[[nodiscard]] std::string response_json_text(const SearchResponse& response, const Paging* paging = nullptr);

struct TextStyle {
    bool color = false;  ///< ANSI bold for highlights and titles (on a terminal)
};

/// Ranked hits with title, date, source, snippet and entities, then facets.
void render_text(const SearchResponse& response, const TextStyle& style, std::ostream& out);

}  // namespace news
