/// @file article_json.h
/// @brief The JSON shape of an article: dry-run output, stored document data, search hits.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "common/article.h"

namespace news {

/// The public JSON shape (`news-index --dry-run --json`): id, title,
/// title_derived, date, date_origin ("metadata", "dateline", "option" or
/// "none"), source, url, authors, entities, dates_mentioned, text_chars.
[[nodiscard]] nlohmann::json article_summary_json(const Article& article);

/// {"person":[...],"org":[...],"place":[...],"misc":[...]}
[[nodiscard]] nlohmann::json entities_json(const Entities& entities);

/// What the index stores for each document: the summary plus body, headings
/// and provenance, enough to show a hit without the input file.
[[nodiscard]] std::string serialize_stored(const Article& article);

/// Reads stored document data back; throws std::runtime_error when corrupt.
[[nodiscard]] Article deserialize_stored(std::string_view data);

}  // namespace news
