/// @file index_writer.h
/// @brief IndexWriter: the one Xapian writer; adds, replaces, skips and removes articles.
#pragma once

#include <csignal>
#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/facet_store.h"
#include "common/stored_codec.h"
#include "indexer/alias_file.h"
#include "indexer/document_builder.h"
#include "indexer/entity_resolver.h"

namespace news {

/// A database that cannot be opened or written (locked, not a database, I/O).
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Writing failed (a full disk, an I/O error) in a commit or in the facet
/// store's file; the commits before it stand.
class WriteError : public IndexError {
public:
    using IndexError::IndexError;
};

/// The database is held by another writer (another news-index run).
class DatabaseLockedError : public IndexError {
public:
    using IndexError::IndexError;
};

struct IndexWriterOptions {
    std::string path;              ///< database directory
    /// Create the database when @p path holds none. False for the commands
    /// that work on an existing one (compact, recanonicalize, delete): a
    /// directory that is not a database is then an error, never made into one.
    bool create = true;
    std::size_t batch_size = 1000; ///< changes per commit
    bool spelling = true;          ///< collect spelling data for suggestions
    AliasTable aliases;            ///< the user alias file's rules (none by default)
    /// Open a database written with an older schema (recanonicalize() then
    /// brings every document to the current one).
    bool upgrade = false;
};

/// What IndexWriter::recanonicalize changed.
struct RecanonicalizeSummary {
    std::size_t documents = 0;  ///< documents read
    std::size_t updated = 0;    ///< documents whose entity values (or stored data) changed
    bool upgraded = false;      ///< the database was brought from an older schema
    bool interrupted = false;
};

class IndexWriter {
public:
    enum class Outcome { added, updated, unchanged };

    /// Opens (or, with options.create, creates) the database; throws
    /// IndexError with a clear message.
    explicit IndexWriter(const IndexWriterOptions& options);
    /// Xapian commits what is pending when the database closes; the spelling
    /// data summed since the last commit goes with it.
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds @p article, replaces the document with its id, or leaves it when
    /// nothing it stores has changed. Its entity values come from the
    /// EntityResolver (aliases, then the database-wide person registry).
    Outcome put(const Article& article);
    /// The same for an article already prepared (on a worker thread).
    Outcome put(PreparedDocument prepared);

    /// Re-derives every document's entity values, terms, value slots and
    /// stored data from the document itself (its stored "found" entities),
    /// with the current aliases and person registry; the facet store follows
    /// at each commit. Stops between documents when @p interrupt is set.
    /// Records the alias fingerprint and the current schema version.
    RecanonicalizeSummary recanonicalize(const volatile std::sig_atomic_t* interrupt = nullptr);

    /// Problems worth a warning found when opening (aliases other than the
    /// ones the database was canonicalised with).
    [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

    /// Removes the articles that came from @p file but whose id terms are not
    /// in @p kept (records gone from a re-indexed file). Returns how many.
    std::size_t remove_stale(const std::string& file, const std::set<std::string>& kept);

    /// Removes the article with id @p id; false when there is none.
    bool remove_article(const std::string& id);

    /// Input files with articles or a fingerprint in the database whose
    /// identity (absolute path) starts with @p prefix (a directory ending in
    /// '/'), as full paths.
    [[nodiscard]] std::vector<std::string> files_under(const std::string& prefix) const;

    /// Removes every article that came from @p file and its fingerprint
    /// (the file is gone). Returns how many articles.
    std::size_t remove_file(const std::string& file);

    /// The fingerprint recorded for an input file when it was last indexed.
    [[nodiscard]] std::optional<std::string> file_fingerprint(const std::string& file) const;
    void set_file_fingerprint(const std::string& file, const std::string& fingerprint);

    /// Commits pending changes when a batch is full. The facet store file
    /// follows as often as its cost allows (StoreWrite::amortised).
    void maybe_commit();
    /// Commits pending changes now, and brings the facet store file to the
    /// committed revision; throws IndexError on failure. Call it last.
    void commit();

    [[nodiscard]] Xapian::doccount doc_count() const { return db_.get_doccount(); }

    /// Stores every article still held as the document data compressed, in
    /// the value slot (schema::kSlotStored): plain JSON compressed against the
    /// database's dictionary (trained first when it has none and holds enough
    /// articles), data an earlier version compressed moved as it is;
    /// committing as it goes; only the stored data is rewritten. Returns how
    /// many articles; 0 without a dictionary.
    std::size_t compress_stored();

    /// Commits, then writes a compacted copy of the database to the new
    /// directory @p to (Xapian's compaction, document ids kept), with the
    /// facet store and schema::kRevisionBaseKey carried over so that readers'
    /// revisions keep growing. The database itself is left as it was (swapping
    /// the copy in is the caller's: run_compact). Throws IndexError.
    void write_compacted_copy(const std::string& to);

private:
    void add_person_synonyms(const EntityValues& values);
    /// Resolves @p prepared's entity values (aliases, person registry), adds
    /// them to its document and records the person-name synonyms.
    void finish(PreparedDocument& prepared);
    void commit(StoreWrite store);
    /// Hands the words summed in spelling_ to Xapian's spelling data.
    void flush_spelling();
    /// Compresses @p doc's stored data with the database's dictionary, if it has one.
    void encode_stored(Xapian::Document& doc);
    /// Trains the stored-article dictionary from articles spread over the
    /// database once it holds enough of them, and records it in the metadata
    /// of the commit about to be made.
    void train_dictionary();
    /// The article stored in @p doc.
    [[nodiscard]] Article stored_article(const Xapian::Document& doc) const;

    /// Distinct words summed before a batch commit hands them over (about 50 MB).
    static constexpr std::size_t kSpellingWordsHeld = 500'000;

    IndexWriterOptions options_;
    Xapian::WritableDatabase db_;
    StoredCodec codec_;  ///< db_'s stored-article dictionary (none until trained)
    bool dictionary_failed_ = false;  ///< zstd could not train one: not tried again this run
    DocumentBuilder builder_;
    EntityResolver resolver_;
    std::vector<std::string> warnings_;
    std::set<std::string> synonyms_added_;  ///< term '\0' synonym pairs added by this writer
    std::unordered_map<std::string, Xapian::termcount> spelling_;  ///< words not yet in the spelling data
    bool old_schema_ = false;  ///< opened with upgrade: written with an older schema
    std::size_t pending_ = 0;
    FacetStoreBuilder facets_;  ///< DB/facets/store, brought to the committed revisions
};

}  // namespace news
