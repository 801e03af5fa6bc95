/// @file index_writer.h
/// @brief IndexWriter: the one Xapian writer; adds, replaces, skips and removes articles.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/facet_store.h"
#include "indexer/document_builder.h"

namespace news {

/// A database that cannot be opened or written (locked, not a database, I/O).
class IndexError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The database is held by another writer (another news-index run).
class DatabaseLockedError : public IndexError {
public:
    using IndexError::IndexError;
};

struct IndexWriterOptions {
    std::string path;              ///< database directory; created when absent
    std::size_t batch_size = 1000; ///< changes per commit
    bool spelling = true;          ///< collect spelling data for suggestions
};

class IndexWriter {
public:
    enum class Outcome { added, updated, unchanged };

    /// Opens or creates the database; throws IndexError with a clear message.
    explicit IndexWriter(const IndexWriterOptions& options);
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds @p article, replaces the document with its id, or leaves it when
    /// nothing it stores has changed.
    Outcome put(const Article& article);
    /// The same for an article already prepared (on a worker thread).
    Outcome put(const PreparedDocument& prepared);

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

    /// Commits pending changes when a batch is full.
    void maybe_commit();
    /// Commits pending changes now; throws IndexError on failure.
    void commit();

    [[nodiscard]] Xapian::doccount doc_count() const { return db_.get_doccount(); }

private:
    IndexWriterOptions options_;
    Xapian::WritableDatabase db_;
    DocumentBuilder builder_;
    std::size_t pending_ = 0;
    FacetStoreBuilder facets_;  ///< DB/facets/store, brought to each committed revision
};

}  // namespace news
