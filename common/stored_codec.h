/// @file stored_codec.h
/// @brief Stored document data: the article's JSON, compressed against the database's dictionary.
///
/// Glass compresses each document's data on its own with zlib; an article of
/// about a kilobyte gives zlib little to learn from. Once a database holds
/// kTrainingSamples articles, the indexer trains a zstd dictionary from
/// articles spread over it (metadata schema::kStoredDictionaryKey) and
/// compresses every article it writes after that against it: about a third
/// smaller than zlib (docs/benchmarks.md, "Stored articles compressed against
/// a dictionary").
///
/// Stored bytes are either the JSON text itself (it starts with '{': articles
/// written before the dictionary, or in a database too small to train one),
/// kept as the document data, or kCompressedMarker followed by one zstd frame
/// that names the dictionary's id, kept in value slot schema::kSlotStored (the
/// data then empty; databases of earlier versions have such frames as the
/// data). stored_bytes() and set_stored_bytes() know where.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace news {

class StoredCodec {
public:
    /// The first byte of compressed data (JSON text never starts with it).
    static constexpr char kCompressedMarker = '\x01';
    /// Articles a dictionary is trained from (a database needs as many), and its largest size.
    static constexpr std::size_t kTrainingSamples = 1000;
    static constexpr std::size_t kDictionaryBytes = 64 * 1024;

    /// No dictionary: encode() keeps the JSON as it is.
    StoredCodec() = default;
    /// Compresses against @p dictionary (a zstd dictionary, as train() makes);
    /// throws std::runtime_error when it is not one.
    explicit StoredCodec(const std::string& dictionary);
    /// The codec of @p db: its dictionary when it has one.
    [[nodiscard]] static StoredCodec of(const Xapian::Database& db);

    /// A dictionary trained from @p samples (stored JSON of articles), or ""
    /// when zstd cannot make one from them (too few, too small).
    [[nodiscard]] static std::string train(const std::vector<std::string>& samples);

    /// Whether stored @p data is in the compressed form (else it is the JSON itself).
    [[nodiscard]] static bool compressed(std::string_view data) {
        return !data.empty() && data.front() == kCompressedMarker;
    }

    /// The stored bytes of @p doc, wherever they are kept (either form).
    [[nodiscard]] static std::string stored_bytes(const Xapian::Document& doc);
    /// Keeps stored bytes @p bytes (as encode() made them) in @p doc: compressed
    /// ones in the value slot, JSON as the data.
    static void set_stored_bytes(Xapian::Document& doc, std::string bytes);

    [[nodiscard]] bool has_dictionary() const { return static_cast<bool>(dict_); }
    /// @p json as stored: compressed when there is a dictionary.
    [[nodiscard]] std::string encode(std::string_view json) const;
    /// The JSON of stored @p data, either form; throws std::runtime_error when
    /// the data is corrupt or compressed against a dictionary this codec has not.
    [[nodiscard]] std::string decode(std::string_view data) const;

private:
    struct Dictionary;
    std::shared_ptr<const Dictionary> dict_;  // shared and read-only: copies and threads may use it at once
};

}  // namespace news
