/// @file alias_file.h
/// @brief The user alias file: spelling variants mapped to canonical entity names, and stop-entities.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/diagnostic.h"

namespace news {

/// The entity fields an alias file speaks of, in the order of schema::kFacetFields.
inline constexpr std::array<std::string_view, 4> kEntityFields = {"person", "org", "place", "misc"};

/// The index of entity field @p name in kEntityFields, if it is one.
[[nodiscard]] std::optional<std::size_t> entity_field_index(std::string_view name);

/// The rules of an alias file. Lines (UTF-8, '#' starts a comment line):
///
///     person: Zelensky => Volodymyr Zelenskyy    variant => canonical name, per field
///     org: EU => European Union
///     stop: Back To Top                          never an entity, in any field
///     stop org: Key Outcomes                     never an entity of this field
///
/// Person variants match by person_merge_key (so "Zelensky" also matches
/// "Zelenskiy"), and a canonical person name claims its own key (every
/// spelling of "Volodymyr Zelenskyy" becomes it); other fields and stop
/// entries match case-insensitively.
class AliasTable {
public:
    /// Adds "variant => canonical" for field @p field (index into kEntityFields).
    void add_alias(std::size_t field, std::string_view variant, std::string_view canonical);
    /// Adds a stop-entity for @p field, or for every field when it is nullopt.
    void add_stop(std::optional<std::size_t> field, std::string_view name);

    /// The canonical name the table gives @p name in @p field, if any.
    [[nodiscard]] std::optional<std::string> canonical(std::size_t field, std::string_view name) const;
    /// True when @p name must never be an entity of @p field.
    [[nodiscard]] bool stopped(std::size_t field, std::string_view name) const;

    [[nodiscard]] bool empty() const { return rules_ == 0; }
    /// Identifies the rules (a hash of the file's bytes); "none" for no file.
    [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }
    void set_fingerprint(std::string fingerprint) { fingerprint_ = std::move(fingerprint); }

private:
    [[nodiscard]] std::string key(std::size_t field, std::string_view name) const;

    std::array<std::unordered_map<std::string, std::string>, 4> aliases_;  ///< key -> canonical
    std::array<std::unordered_set<std::string>, 4> stops_;                  ///< lower-case names
    std::size_t rules_ = 0;
    std::string fingerprint_ = "none";
};

/// An alias file read: the rules of its good lines and a diagnostic (path and
/// line) for each bad one.
struct AliasFileResult {
    AliasTable table;
    std::vector<Diagnostic> diagnostics;
};

/// Parses the text of an alias file; @p path names it in diagnostics.
[[nodiscard]] AliasFileResult parse_alias_text(std::string_view text, const std::string& path);

/// Reads and parses an alias file; throws std::runtime_error naming the file
/// (and every bad line) when it cannot be read or has errors, because rules
/// applied in part would give wrong facet values.
[[nodiscard]] AliasTable load_alias_file(const std::filesystem::path& path);

}  // namespace news
