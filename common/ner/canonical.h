/// @file canonical.h
/// @brief Canonical entity names within an article, and keys for merging person names across articles.
#pragma once

#include "common/ner/gazetteer.h"
#include "common/ner/tags.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news::ner {

/// One entity mention found in a text.
struct Mention {
    EntityType type = EntityType::misc;
    std::string surface;    ///< the text as written
    std::size_t begin = 0;  ///< byte offsets in the tagged text
    std::size_t end = 0;
    std::string canonical;  ///< filled in by Canonicalizer (empty: not an entity after all)
};

/// Links the mentions of one article to canonical names.
class Canonicalizer {
public:
    /// Uses the country names and aliases of @p gazetteer (copied).
    explicit Canonicalizer(const Gazetteer& gazetteer);

    /// Fills Mention::canonical for the mentions of one article (in text order):
    /// strips titles and possessives, links short person mentions to full names
    /// ("Trump" -> "Donald Trump") and acronyms to their expansions ("EU" -> "European
    /// Union"), maps country aliases ("U.S." -> "United States"), and gives all
    /// mentions of one canonical name the type most of them received.
    void canonicalize(std::vector<Mention>& mentions) const;

    /// The canonical name of a place ("UK" -> "United Kingdom", "Kampuchea" -> "Cambodia"),
    /// or @p name cleaned.
    [[nodiscard]] std::string place_name(std::string_view name) const;

    /// True when @p name (cleaned, any case, with or without "the") names a country or a
    /// territory: a country alias of the gazetteer or a name of former_country_names().
    [[nodiscard]] bool is_country(std::string_view name) const;

private:
    /// The canonical country name of a cleaned lower-case key, or nullptr.
    [[nodiscard]] const std::string* country_of(const std::string& key) const;

    std::unordered_map<std::string, std::string> countries_;  // lower-case alias -> name
};

/// Country names that the gazetteer lacks or that it would give another canonical name:
/// former and short names as news text writes them ("Kampuchea" -> "Cambodia", "German
/// Democratic Republic" -> "East Germany", "Brunei Darussalam" -> "Brunei"), lower-case
/// name -> canonical name. Used by Canonicalizer only: the gazetteer (and with it the
/// tagger's features and the model's gazetteer fingerprint) is unchanged.
[[nodiscard]] const std::unordered_map<std::string, std::string>& former_country_names();

/// News agencies' names, lower-case name -> canonical name ("reuter" -> "Reuters",
/// "afp" -> "Agence France-Presse"): the Canonicalizer makes them organisations
/// whatever the tagger said (wire copy writes "Reuter said", tagged a person).
[[nodiscard]] const std::unordered_map<std::string, std::string>& news_agency_names();

/// @p name without a possessive ("Trump's" -> "Trump"), surrounding punctuation and
/// with white space collapsed.
[[nodiscard]] std::string clean_name(std::string_view name);
/// @p name without leading titles and roles ("Deputy Foreign Minister Sergei Ryabkov"
/// -> "Sergei Ryabkov"); empty when nothing but titles is left.
[[nodiscard]] std::string strip_person_titles(std::string_view name);
/// @p name without a trailing company designator ("Apple Inc." -> "Apple",
/// "Microsoft Corp." -> "Microsoft"); a one-word name is left alone.
[[nodiscard]] std::string strip_company_suffix(std::string_view name);
/// Initials of the capitalised words of @p name, skipping "of", "the", "and", "for"
/// ("European Union" -> "EU"); empty for a single word.
[[nodiscard]] std::string acronym_of(std::string_view name);
/// Key under which spellings of one person's name from different transliterations
/// agree (Zelenskiy, Zelenskyy, Zelensky -> same key) while different names differ
/// (Zelenska; Kim Jong Un vs Kim Jong Il): lower case, diacritics folded, doubled
/// letters collapsed, common ending variants unified.
[[nodiscard]] std::string person_merge_key(std::string_view name);

}  // namespace news::ner
