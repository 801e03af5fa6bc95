/// @file schema.h
/// @brief The index schema, defined once: term prefixes, value slots, field names.
///
/// Both news-index and news-search use only these names; no prefix or slot
/// literal appears anywhere else. Prefix conventions follow Omega's
/// (docs/termprefixes.rst): S title, A author, Q unique id, U URL,
/// D/M/Y publication day/month/year; X... are our own.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace news::schema {

// ---- free-text prefixes (TermGenerator at index time, QueryParser at search) ----
// The title is indexed like the body (words and stems, with positions). The
// names of authors, source and entities are indexed without positions; the
// query side turns a quoted name into an AND of its words.
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kAuthorText = "A";
inline constexpr std::string_view kSourceText = "XSRC";
inline constexpr std::string_view kPersonText = "XPER";
inline constexpr std::string_view kOrgText = "XORG";
inline constexpr std::string_view kPlaceText = "XPLC";
inline constexpr std::string_view kMiscText = "XMSC";

// ---- boolean terms ----
inline constexpr std::string_view kId = "Q";        ///< Q<article id> (unique)
inline constexpr std::string_view kUrl = "U";       ///< U<url>
inline constexpr std::string_view kFile = "XFILE";  ///< XFILE<path the article came from>
inline constexpr std::string_view kPubDay = "D";    ///< DYYYYMMDD
inline constexpr std::string_view kPubMonth = "M";  ///< MYYYYMM
inline constexpr std::string_view kPubYear = "Y";   ///< YYYYY
inline constexpr std::string_view kPubUnknown = "XDATEUNKNOWN";  ///< articles without a date
inline constexpr std::string_view kMentionDay = "XMD";   ///< XMDYYYYMMDD
inline constexpr std::string_view kMentionMonth = "XMM"; ///< XMMYYYYMM
inline constexpr std::string_view kMentionYear = "XMY";  ///< XMYYYYY

// ---- value slots ----
inline constexpr Xapian::valueno kSlotDate = 0;      ///< publication date "YYYYMMDD", absent if unknown
inline constexpr Xapian::valueno kSlotHash = 1;      ///< content hash of the article (hex)
inline constexpr Xapian::valueno kSlotMentioned = 2; ///< dates mentioned, packed list of "YYYYMMDD"
/// The stored article compressed against the database's dictionary
/// (common/stored_codec.h); the document data is then empty. A value rather than
/// the data because glass runs zlib over every document's data, which for
/// zstd output never saves a byte and cost the writer thread about 5% of its
/// time (docs/benchmarks.md, "Compressed articles in a value slot").
inline constexpr Xapian::valueno kSlotStored = 3;

/// Within-document weight of title terms relative to body terms.
inline constexpr Xapian::termcount kTitleWeight = 5;
/// Gap in term positions between fields, so phrases never span two fields.
inline constexpr Xapian::termcount kFieldGap = 100;
/// Longest term Xapian's glass backend accepts, with some margin.
inline constexpr std::size_t kMaxTermBytes = 240;

/// A multi-valued, exact-valued field: facet, filter and free-text search.
struct FacetField {
    std::string_view name;         ///< user-facing name: "person", ...
    std::string_view text_prefix;  ///< free-text prefix (name: in queries)
    std::string_view value_prefix; ///< boolean term prefix for exact values
    Xapian::valueno slot;          ///< packed list of exact values
};

inline constexpr std::array<FacetField, 6> kFacetFields = {{
    {"person", kPersonText, "XVPERSON:", 10},
    {"org", kOrgText, "XVORG:", 11},
    {"place", kPlaceText, "XVPLACE:", 12},
    {"misc", kMiscText, "XVMISC:", 13},
    {"source", kSourceText, "XVSOURCE:", 14},
    {"author", kAuthorText, "XVAUTHOR:", 15},
}};

/// The facet field called @p name, if any.
[[nodiscard]] const FacetField* find_facet_field(std::string_view name);

/// Boolean term for an exact value: prefix + value, cut to kMaxTermBytes at a
/// UTF-8 boundary so that over-long values still index and still match.
[[nodiscard]] std::string value_term(std::string_view prefix, std::string_view value);

/// The exact-value term of a facet field (value compared case-insensitively).
[[nodiscard]] std::string facet_term(const FacetField& field, std::string_view value);

/// The unique-id term of an article: Q + id; ids too long for one term keep
/// their first bytes and a hash of the whole.
[[nodiscard]] std::string id_term(std::string_view id);

/// The term naming the input file an article came from.
[[nodiscard]] std::string file_term(std::string_view path);

/// Metadata key under which the content hash of an input file is kept.
[[nodiscard]] std::string file_hash_key(std::string_view path);

/// Values packed into one slot: the parts joined by '\0'.
[[nodiscard]] std::string pack_values(const auto& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out.push_back('\0');
        out.append(v);
    }
    return out;
}
/// Calls @p fn for each value of a packed slot.
template <typename Fn>
void for_each_packed(std::string_view packed, Fn&& fn) {
    while (!packed.empty()) {
        auto nul = packed.find('\0');
        fn(packed.substr(0, nul));
        if (nul == std::string_view::npos) break;
        packed.remove_prefix(nul + 1);
    }
}

/// Metadata key holding the schema version the database was written with.
inline constexpr std::string_view kSchemaVersionKey = "news-schema-version";
/// 2: document data keeps the entities as found ("found": names with surface
/// forms) beside the merged values; a database of version 1 is brought to 2 by
/// `news-index recanonicalize`.
inline constexpr std::string_view kSchemaVersion = "2";
/// Metadata key holding the fingerprint of the alias file the entity values
/// were made with ("none": no alias file).
inline constexpr std::string_view kAliasesKey = "news-aliases";
/// Metadata key holding the revisions the database's earlier copies went
/// through (decimal; absent: 0). `news-index compact` writes a new copy, whose
/// Xapian revision starts again near 1, and records here the old copy's base
/// plus its last revision, so that base + revision only ever grows: readers
/// key what they cache by it (Searcher::revision()).
inline constexpr std::string_view kRevisionBaseKey = "news-revision-base";
/// kRevisionBaseKey of @p db (0 when absent); throws std::invalid_argument or
/// std::out_of_range when it is not a number, Xapian::Error when unreadable.
[[nodiscard]] Xapian::rev revision_base(const Xapian::Database& db);
/// Metadata key holding the zstd dictionary the stored articles are compressed
/// against (common/stored_codec.h); absent until the indexer has trained one
/// from the first articles, and never changed after.
inline constexpr std::string_view kStoredDictionaryKey = "news-stored-dictionary";
/// Metadata key prefix of the person registry (indexer/entity_resolver.h):
/// news-person:<person_merge_key> -> the name registered for that key.
inline constexpr std::string_view kPersonRegistryPrefix = "news-person:";
/// Metadata key prefix of names never merged: news-person-distinct:<a>\x1f<b>
/// (a < b) -> "1" when a and b were different people in one article.
inline constexpr std::string_view kPersonDistinctPrefix = "news-person-distinct:";

}  // namespace news::schema
