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

/// {"person":[{"name":...,"forms":[...]}],"org":[...],...}
[[nodiscard]] nlohmann::json found_json(const FoundEntities& found);

/// What the index stores for each document: the summary plus body, headings,
/// date origin, provenance and the entities as found (names with surface
/// forms, "found"), enough to show a hit and to re-derive its entity values
/// without the input file. Equal to
/// stored_with_entities(serialize_stored_base(article), article.entities).
[[nodiscard]] std::string serialize_stored(const Article& article);

/// The stored data without "entities" (the values depend on names already in
/// the index, so the writer adds them with stored_with_entities).
[[nodiscard]] std::string serialize_stored_base(const Article& article);

/// @p base (serialize_stored_base) with "entities" added.
[[nodiscard]] std::string stored_with_entities(std::string_view base, const Entities& entities);

/// Reads stored document data back; throws std::runtime_error when corrupt.
/// Data written before "found" existed (schema 1) gives found = the entity
/// values without surface forms.
[[nodiscard]] Article deserialize_stored(std::string_view data);

}  // namespace news
