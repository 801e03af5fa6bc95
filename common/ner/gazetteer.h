/// @file gazetteer.h
/// @brief Name lists from Debian data packages (iso-codes, tzdata, wordnet-base, wamerican), matched over tokens.
#pragma once

#include "common/ner/flat_table.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace news::ner {

/// The name lists; each is one bit of a phrase's list mask.
enum class GazList : std::uint8_t {
    country = 0,   ///< iso_3166-1 names, common and official names; iso_3166-3 former countries
    subdivision,   ///< iso_3166-2 subdivision names
    city,          ///< tzdata zone1970.tab / zone.tab cities
    wn_place,      ///< WordNet noun.location instances
    wn_person,     ///< WordNet noun.person instances
    wn_org,        ///< WordNet noun.group proper names
    nationality,   ///< WordNet capitalised adjectives and people nouns (French, Briton)
    language,      ///< iso_639-2 language names
};
/// Number of lists.
inline constexpr std::size_t kGazListCount = 8;

/// Dictionary flags of a lower-cased word (from /usr/share/dict/words).
enum DictFlag : std::uint8_t {
    dict_lower = 1,  ///< appears in lower case: a common word
    dict_cap = 2,    ///< appears capitalised: a name
};

/// Where the data files are; empty paths are skipped.
struct GazetteerPaths {
    std::filesystem::path iso_codes_dir = "/usr/share/iso-codes/json";
    std::filesystem::path zone_tab = "/usr/share/zoneinfo/zone1970.tab";
    std::filesystem::path wordnet_dir = "/usr/share/wordnet";
    std::filesystem::path dictionary = "/usr/share/dict/american-english";
};

/// One country, for place canonicalisation: every lower-cased alias maps to the display name.
struct CountryName {
    std::string alias_lower;
    std::string canonical;
};

/// Word and phrase lists with token-level matching.
class Gazetteer {
public:
    /// An empty gazetteer (no features fire).
    Gazetteer() = default;

    /// Loads whatever of @p paths exists; a missing or unreadable file adds a line to
    /// warnings() and is skipped.
    static Gazetteer load(const GazetteerPaths& paths = {});

    /// Adds a phrase (words separated by spaces) to @p list.
    void add_phrase(std::string_view phrase, GazList list);
    /// Adds a dictionary word with its casing as written.
    void add_dictionary_word(std::string_view word);

    /// Dictionary flags of a lower-case word hash (see word_hash()).
    [[nodiscard]] std::uint8_t dict_flags(std::uint64_t lower_hash) const;

    /// WordNet lexicographer class + 1 of the most frequent sense of a lower-case word
    /// (noun.person, noun.location, verb.communication, ...; inflections are stemmed),
    /// 0 when unknown: a coarse word cluster for context words.
    [[nodiscard]] std::uint8_t word_class(std::string_view lower_word) const;

    /// For each token, the BILOU position (0 none, 1 B, 2 I, 3 L, 4 U) of the longest
    /// match of each list covering it; @p lower_hashes are word_hash() of the lower-cased
    /// tokens, @p capitalised tells which tokens start with a capital (matches must start
    /// on one). Writes lower_hashes.size() arrays to @p out.
    void match(std::span<const std::uint64_t> lower_hashes, std::span<const std::uint8_t> capitalised,
               std::vector<std::array<std::uint8_t, kGazListCount>>& out) const;

    /// Countries and aliases (lower-case alias → display name), from iso-codes plus a
    /// built-in table of common short forms.
    [[nodiscard]] const std::vector<CountryName>& countries() const { return countries_; }

    /// Problems met while loading (missing files).
    [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

    /// A fingerprint of the content (entry counts per list), stored in models so that a
    /// model trained with other lists can be noticed.
    [[nodiscard]] std::uint64_t signature() const;

    /// Number of phrases, dictionary words and words with a WordNet class.
    [[nodiscard]] std::size_t word_class_count() const { return class_count_; }
    [[nodiscard]] std::size_t phrase_count() const { return phrases_.size(); }
    [[nodiscard]] std::size_t dictionary_size() const { return dict_count_; }

    /// Hash of a word as used for lookups (FNV-1a of the bytes).
    [[nodiscard]] static std::uint64_t word_hash(std::string_view word);
    /// Hash of a phrase continued by one more word hash.
    [[nodiscard]] static std::uint64_t phrase_step(std::uint64_t phrase, std::uint64_t word) {
        std::uint64_t x = (phrase ^ 0x9E3779B97F4A7C15ULL) * 0xff51afd7ed558ccdULL + word;
        x ^= x >> 29;
        return x * 0xc4ceb9fe1a85ec53ULL;
    }

private:
    void load_word_classes(const std::filesystem::path& dir, const std::string& noun_data, const std::string& adj_data);

    FlatTable<std::uint8_t> phrases_;
    /// What is known of a lower-case word.
    struct WordInfo {
        std::uint8_t dict = 0;  ///< DictFlag bits
        std::uint8_t cls = 0;   ///< WordNet lexicographer file + 1
    };
    FlatTable<WordInfo> words_;  // lower word hash -> WordInfo
    std::size_t dict_count_ = 0;
    std::size_t class_count_ = 0;
    std::vector<CountryName> countries_;
    std::vector<std::string> warnings_;
    std::array<std::size_t, kGazListCount> counts_{};
    std::size_t max_words_ = 0;
};

/// ASCII lower case of @p text (other bytes unchanged).
[[nodiscard]] std::string ascii_lower(std::string_view text);

}  // namespace news::ner
