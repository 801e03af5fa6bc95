/// @file facet_store.h
/// @brief The facet store beside a Xapian database: per-document value ids in memory-mapped columns.
///
/// DB/facets/store holds each document's length (for ranking without the
/// database's length list) and, for the six entity fields (person, org, place, misc,
/// source, author) and the two date fields (publication date, dates
/// mentioned), a dictionary of values (sorted by their lower-cased form,
/// with the number of documents holding each) and, per document, the ids of
/// its values (CSR:
/// offsets indexed by docid, then ids). It is a derived copy of value slots
/// 10-15, 0 and 2, stamped with the Xapian database's UUID and revision: the
/// searcher uses it only when the stamp equals the database it opened, and
/// otherwise counts through the value slots, so results are never wrong.
/// The indexer (IndexWriter) keeps it current after every commit
/// (FacetStoreBuilder).
///
/// Spellings of a value that lower-case alike ("American", "AMERICAN",
/// "New york") are one value, as they are one term for a filter
/// (schema::facet_term): a document holding any of them counts once, and the
/// value is shown as the spelling most documents have (then the bytewise
/// least). The documents keep their own spelling.
#pragma once

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace news {

/// Fields of the store: the entity fields in schema::kFacetFields order, then
/// "date" (publication date) and "mentioned".
inline constexpr std::array<std::string_view, 8> kStoreFields = {"person", "org",    "place", "misc",
                                                                  "source", "author", "date",  "mentioned"};
/// Index of @p field in kStoreFields, or kStoreFields.size() when unknown.
[[nodiscard]] std::size_t store_field_index(std::string_view field);
/// The value slot the store copies for field @p index.
[[nodiscard]] Xapian::valueno store_field_slot(std::size_t index);

/// Directory and file of the store inside a database directory.
[[nodiscard]] std::string facet_store_path(const std::string& db_path);

/// True when some word of @p lowered starts with @p lowered_prefix (a word
/// starts at the beginning or after an ASCII character that is not a letter or
/// digit; bytes of multibyte characters count as letters). Both lower-cased.
[[nodiscard]] bool has_word_prefix(std::string_view lowered, std::string_view lowered_prefix);

/// 64-bit words of a bitmap over docids [0, @p limit), 64 docids to a word: the
/// store's live bitmap, and the searcher's match sets (DocSet), which copy it.
[[nodiscard]] constexpr std::size_t bitmap_words(std::size_t limit) { return (limit + 63) / 64; }

/// A read-only, memory-mapped facet store that matches one database revision.
class FacetStore {
public:
    /// Opens the store of @p db_path if it exists, is well formed and is
    /// stamped with @p db's UUID and revision; nullptr otherwise (never throws
    /// for a missing or stale store).
    [[nodiscard]] static std::unique_ptr<FacetStore> open(const std::string& db_path, const Xapian::Database& db);
    ~FacetStore();
    FacetStore(const FacetStore&) = delete;
    FacetStore& operator=(const FacetStore&) = delete;

    /// One field: a dictionary and a per-document column.
    struct Column {
        const std::uint32_t* offsets = nullptr;  ///< docid_limit + 1 entries into ids
        const std::uint32_t* ids = nullptr;      ///< value ids, ascending within a document
        std::uint32_t size = 0;                  ///< values in the dictionary (one per lower-cased key)
        /// The most values one document holds, once verify() has checked the
        /// column; kMostUnknown before.
        std::uint32_t most = kMostUnknown;
        static constexpr std::uint32_t kMostUnknown = ~std::uint32_t{0};
        const std::uint32_t* counts = nullptr;   ///< documents holding each value
        const std::uint32_t* text_offsets = nullptr;   ///< size + 1 entries into text
        const char* text = nullptr;                    ///< the values, concatenated
        const std::uint32_t* lower_offsets = nullptr;  ///< size + 1 entries into lower
        const char* lower = nullptr;                   ///< the values lower-cased (Xapian::Unicode)
        std::uint32_t starts_size = 0;                 ///< word starts in the prefix index
        const std::uint32_t* starts = nullptr;  ///< pairs (value id, byte in lower) sorted by the text from there
        std::uint64_t entries = 0;               ///< ids in the file's section
        std::uint64_t text_bytes = 0;            ///< bytes of text in the file's section
        std::uint64_t lower_bytes = 0;           ///< bytes of lower in the file's section

        [[nodiscard]] std::string_view value(std::uint32_t id) const {
            return {text + text_offsets[id], text_offsets[id + 1] - text_offsets[id]};
        }
        [[nodiscard]] std::string_view lowered(std::uint32_t id) const {
            return {lower + lower_offsets[id], lower_offsets[id + 1] - lower_offsets[id]};
        }
        [[nodiscard]] std::span<const std::uint32_t> of(Xapian::docid d) const {
            return {ids + offsets[d], ids + offsets[d + 1]};
        }
        /// Marks in @p out (resized to size) the values having a word that
        /// starts with @p lowered_prefix, through the sorted word starts.
        void prefix_matches(std::string_view lowered_prefix, std::vector<char>& out) const;
    };

    /// Field @p field's column. Its values may be read only after verify()
    /// said it is sound.
    [[nodiscard]] const Column& column(std::size_t field) const { return columns_[field]; }
    /// Checks field @p field's column in full the first time it is asked
    /// (offsets rising to the end of its ids, ids within its dictionary, the
    /// dictionary's own offsets and word starts) and notes the most values a
    /// document holds; false if the column is damaged. open() checks only the
    /// file's layout, because a column's check grows with the collection (the
    /// eight columns are about 100 MB at 1,000,000 articles, most of a
    /// news-search process's time when checked at every start), so whoever
    /// reads a column's values asks here first. Thread-safe.
    [[nodiscard]] bool verify(std::size_t field) const;
    /// verify() of each of @p fields.
    [[nodiscard]] bool verify(std::span<const std::size_t> fields) const;
    /// verify() of every field.
    [[nodiscard]] bool verify_all() const;
    /// One more than the highest docid the store covers.
    [[nodiscard]] Xapian::docid docid_limit() const { return docid_limit_; }
    /// Documents in the database (at the stamped revision).
    [[nodiscard]] std::uint32_t doc_count() const { return doc_count_; }
    /// Bitmap (64 documents a word) of the documents that exist.
    [[nodiscard]] const std::uint64_t* live() const { return live_; }
    /// Per docid (docid_limit entries): the document's length as Xapian
    /// counts it (the sum of its terms' wdf), 0 for a document that does not
    /// exist. The searcher's own ranking reads it here, not from the database.
    [[nodiscard]] const std::uint32_t* doc_lengths() const { return doc_lengths_; }
    [[nodiscard]] Xapian::rev revision() const { return revision_; }
    /// Where @p p (a pointer into one of the sections above) is in the file
    /// (for tools and tests that inspect or damage a store on purpose).
    [[nodiscard]] std::size_t offset_in_file(const void* p) const {
        return static_cast<std::size_t>(static_cast<const char*>(p) - static_cast<const char*>(map_));
    }

private:
    friend bool copy_facet_store(const std::string&, const Xapian::Database&, const std::string&,
                                 const Xapian::Database&);
    FacetStore() = default;
    void* map_ = nullptr;
    std::size_t map_size_ = 0;
    Xapian::rev revision_ = 0;
    Xapian::docid docid_limit_ = 0;
    std::uint32_t doc_count_ = 0;
    const std::uint64_t* live_ = nullptr;
    const std::uint32_t* doc_lengths_ = nullptr;
    mutable std::array<Column, kStoreFields.size()> columns_{};  // verify() sets most
    mutable std::array<std::once_flag, kStoreFields.size()> verified_once_;
    mutable std::array<bool, kStoreFields.size()> sound_{};
};

/// Writes the store of database @p from (at @p from_path) as the store of
/// database @p to (at @p to_path), stamped with @p to's UUID and revision;
/// false, writing nothing, when @p from has no store matching it. Only for a
/// copy of @p from with the same documents under the same docids, such as
/// `xapian-compact --no-renumber` makes (news-index compact). Throws
/// std::runtime_error when the file cannot be written.
bool copy_facet_store(const std::string& from_path, const Xapian::Database& from, const std::string& to_path,
                      const Xapian::Database& to);

/// When FacetStoreBuilder::sync rewrites the store file.
enum class StoreWrite {
    always,     ///< at every sync: the end of a run, a delete, a test
    amortised,  ///< only when the time since the last write is at least
                ///< FacetStoreBuilder's write ratio times that write's duration
};

/// Keeps DB/facets/store equal to the value slots of a writable database:
/// told which documents a writer replaced or deleted, it re-reads those after
/// each commit and rewrites the store (atomically, by rename) stamped with
/// the new revision. The first sync of a run starts from the store on disk
/// when it matched the database at construction, else reads every document;
/// a sync that finds the document count disagreeing rebuilds from scratch.
///
/// A rewrite costs time in proportion to the whole collection (about 0.2 s at
/// 200,000 articles), not to the documents changed, so a bulk run that wrote
/// it at every commit would slow down as the database grows. The batch
/// commits of a run therefore sync with StoreWrite::amortised: the write then
/// runs on a thread of the builder's own, from a copy of the builder's tables
/// taken at that commit, while the caller goes on writing the database; a new
/// one starts only when none is running and the time since the last ended is
/// at least the write ratio times its duration, so rewrites keep that thread
/// busy about 1 / (1 + ratio) of the time. StoreWrite::always (the last commit
/// of a run) waits for a running write and writes on the calling thread. Until
/// a write lands the store is stamped with an older revision, and searchers
/// count through the value slots instead (exact, slower).
class FacetStoreBuilder {
public:
    /// Default for the write ratio: the background thread busy about 9% of the time.
    static constexpr double kDefaultWriteRatio = 10.0;

    /// @p db: the database as opened, before any change of this run.
    FacetStoreBuilder(std::string db_path, const Xapian::Database& db, double write_ratio = kDefaultWriteRatio);
    /// Waits for a write in progress (a write still queued is dropped: the
    /// store then keeps an older stamp, which searchers notice).
    ~FacetStoreBuilder();
    FacetStoreBuilder(const FacetStoreBuilder&) = delete;
    FacetStoreBuilder& operator=(const FacetStoreBuilder&) = delete;

    /// Document @p id was added or replaced (pending until the next sync).
    void touched(Xapian::docid id) { touched_.push_back(id); }
    /// Document @p id was deleted.
    void removed(Xapian::docid id) { touched_.push_back(id); }

    /// After a commit of @p db: takes in the documents touched since the last
    /// sync and, as @p when says, rewrites the store at @p db's revision
    /// (amortised: starts a background write when one is due).
    /// Returns whether the store on disk now matches @p db.
    /// Throws std::runtime_error when the store cannot be written, or when a
    /// background write since the last sync could not.
    bool sync(const Xapian::Database& db, StoreWrite when = StoreWrite::always);

    /// Waits until no background write is running; rethrows its error.
    /// Returns the revision the store on disk has, when known.
    std::optional<Xapian::rev> wait();

private:
    struct Dictionary {
        std::vector<std::string> values;
        std::unordered_map<std::string, std::uint32_t> ids;
        std::uint32_t intern(std::string_view v);
    };
    /// Reads document @p id's values and length (@p length when the caller has it).
    void read_document(const Xapian::Database& db, Xapian::docid id,
                       std::optional<Xapian::termcount> length = std::nullopt);
    void rebuild(const Xapian::Database& db);
    void load(const FacetStore& store);
    /// What a write needs, copied at a commit, so that it can run while the
    /// builder takes in the next commits.
    struct Snapshot;
    /// The tables a write reads: the builder's own, or a Snapshot's.
    struct Tables;
    [[nodiscard]] Tables tables(const Xapian::Database& db) const;
    /// Rewrites the store file from @p t (atomically, by rename).
    static void write(const std::string& db_path, const Tables& t);
    /// Waits for the background write under @p lock; rethrows its error.
    void wait_locked(std::unique_lock<std::mutex>& lock);
    class Background;

    std::string db_path_;
    bool loaded_ = false;
    std::unique_ptr<FacetStore> start_;  ///< the store on disk when it matched the database at construction
    std::vector<Xapian::docid> touched_;
    std::array<Dictionary, kStoreFields.size()> dicts_;
    /// Per docid: empty when absent; else kStoreFields.size() counts, then the ids field by field.
    std::vector<std::vector<std::uint32_t>> docs_;
    std::vector<std::uint32_t> doc_lengths_;  ///< per docid, beside docs_
    std::uint32_t live_count_ = 0;
    double write_ratio_;
    // The store on disk and the last write; the background thread sets them
    // (under mutex_) when its write ends.
    std::mutex mutex_;
    std::condition_variable idle_;
    bool writing_ = false;                         ///< a background write is running
    std::exception_ptr error_;                     ///< a background write's failure, not yet reported
    std::optional<Xapian::rev> written_revision_;  ///< the revision the store on disk has, when known
    std::chrono::steady_clock::time_point last_write_end_{};
    std::chrono::steady_clock::duration last_write_took_{};
    std::unique_ptr<Background> background_;  ///< the thread, started at the first background write
};

}  // namespace news
