/// @file stored_codec.cc
/// @brief Stored document data compressed against a zstd dictionary.
#include "common/stored_codec.h"

#include <algorithm>
#include <mutex>
#include <new>
#include <stdexcept>

#include <fmt/format.h>
#include <zdict.h>
#include <zstd.h>

#include "common/schema.h"

namespace news {
namespace {

/// zstd's level for stored articles, its default (levels 9 and 19 made 2,000
/// articles 7% and 11% smaller still, for slower compression on the writer).
constexpr int kLevel = 3;
/// Stored data larger than this is refused when read back as corrupt (input
/// files are limited to 64 MiB by default; the limit can be raised).
constexpr unsigned long long kMaxStoredBytes = 1ULL << 30;
/// Each training sample's first bytes: long articles would otherwise outweigh
/// the rest, and what repeats across articles is in their first kilobytes.
constexpr std::size_t kSampleBytes = 8 * 1024;

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

/// One context a thread, reused: making one costs more than compressing an article.
ZSTD_CCtx* thread_cctx() {
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> c(ZSTD_createCCtx());
    if (!c) throw std::bad_alloc();
    return c.get();
}
ZSTD_DCtx* thread_dctx() {
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> c(ZSTD_createDCtx());
    if (!c) throw std::bad_alloc();
    return c.get();
}

}  // namespace

struct StoredCodec::Dictionary {
    std::string bytes;
    unsigned id = 0;
    ZSTD_DDict* ddict = nullptr;
    /// The compression side, digested at the first encode(): readers only
    /// decompress, and the digest costs 0.3 ms and 470 KB (the decompression
    /// side 6 µs and 90 KB), which every news-search process would pay.
    mutable std::once_flag cdict_once;
    mutable ZSTD_CDict* cdict = nullptr;
    Dictionary() = default;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    ~Dictionary() {
        ZSTD_freeCDict(cdict);
        ZSTD_freeDDict(ddict);
    }
    [[nodiscard]] const ZSTD_CDict* compression() const {
        std::call_once(cdict_once, [this] { cdict = ZSTD_createCDict(bytes.data(), bytes.size(), kLevel); });
        if (!cdict) throw std::runtime_error("stored-article dictionary: zstd cannot load it");
        return cdict;
    }
};

StoredCodec::StoredCodec(const std::string& dictionary) {
    auto d = std::make_shared<Dictionary>();
    d->id = ZDICT_getDictID(dictionary.data(), dictionary.size());
    if (d->id == 0) throw std::runtime_error("stored-article dictionary: not a zstd dictionary");
    d->ddict = ZSTD_createDDict(dictionary.data(), dictionary.size());
    if (!d->ddict) throw std::runtime_error("stored-article dictionary: zstd cannot load it");
    d->bytes = dictionary;
    dict_ = std::move(d);
}

std::string StoredCodec::stored_bytes(const Xapian::Document& doc) {
    std::string bytes = doc.get_value(schema::kSlotStored);
    return bytes.empty() ? doc.get_data() : bytes;
}

void StoredCodec::set_stored_bytes(Xapian::Document& doc, std::string bytes) {
    if (compressed(bytes)) {
        doc.add_value(schema::kSlotStored, std::move(bytes));
        doc.set_data(std::string());
    } else {
        doc.add_value(schema::kSlotStored, std::string());  // an empty value removes it; remove_value throws when absent
        doc.set_data(std::move(bytes));
    }
}

StoredCodec StoredCodec::of(const Xapian::Database& db) {
    std::string dictionary = db.get_metadata(std::string(schema::kStoredDictionaryKey));
    return dictionary.empty() ? StoredCodec() : StoredCodec(dictionary);
}

std::string StoredCodec::train(const std::vector<std::string>& samples) {
    std::string all;
    std::vector<std::size_t> sizes;
    for (const std::string& s : samples) {
        const std::size_t n = std::min(s.size(), kSampleBytes);
        if (n == 0) continue;
        all.append(s, 0, n);
        sizes.push_back(n);
    }
    if (sizes.empty()) return {};
    std::string dictionary(kDictionaryBytes, '\0');
    const std::size_t made = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), all.data(), sizes.data(),
                                                   static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(made)) return {};
    dictionary.resize(made);
    return dictionary;
}

std::string StoredCodec::encode(std::string_view json) const {
    if (!dict_) return std::string(json);
    std::string out(1 + ZSTD_compressBound(json.size()), '\0');
    out[0] = kCompressedMarker;
    const std::size_t n =
        ZSTD_compress_usingCDict(thread_cctx(), out.data() + 1, out.size() - 1, json.data(), json.size(),
                                 dict_->compression());
    if (ZSTD_isError(n)) throw std::runtime_error(fmt::format("cannot compress a stored article: {}", ZSTD_getErrorName(n)));
    out.resize(1 + n);
    return out;
}

std::string StoredCodec::decode(std::string_view data) const {
    if (!compressed(data)) return std::string(data);
    data.remove_prefix(1);
    const unsigned id = ZSTD_getDictID_fromFrame(data.data(), data.size());
    if (!dict_ || id != dict_->id) {
        throw std::runtime_error(
            dict_ ? fmt::format("stored article compressed against dictionary {}, the database's is {}", id, dict_->id)
                  : fmt::format("stored article compressed against dictionary {}, which the database lacks", id));
    }
    const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > kMaxStoredBytes) {
        throw std::runtime_error("stored article: corrupt compressed data");
    }
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompress_usingDDict(thread_dctx(), out.data(), out.size(), data.data(), data.size(),
                                                     dict_->ddict);
    if (ZSTD_isError(n) || n != out.size()) {
        throw std::runtime_error(fmt::format("stored article: corrupt compressed data ({})",
                                             ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short"));
    }
    return out;
}

}  // namespace news
