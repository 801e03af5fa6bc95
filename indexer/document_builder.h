/// @file document_builder.h
/// @brief An Article as a Xapian document, following common/schema.h.
#pragma once

#include <string>

#include <xapian.h>

#include "common/article.h"

namespace news {

/// An article ready for the writer: built on any thread, written by the one writer.
struct PreparedDocument {
    std::string idterm;     ///< the unique-id term it replaces
    std::string hash;       ///< content_hash of its stored data
    Xapian::Document doc;
};

/// Builds Xapian documents. Holds a TermGenerator (English stemming, STEM_SOME)
/// so one builder serves many articles; not thread-safe: one per thread.
/// Spelling data is not written here (it needs the database); the writer adds
/// it from the document's terms (IndexWriter::put).
class DocumentBuilder {
public:
    DocumentBuilder();

    /// Serialises, hashes and builds @p article.
    [[nodiscard]] PreparedDocument prepare(const Article& article);

    /// The document for @p article: free text (title weighted, body, authors,
    /// source, entity names), boolean terms (id, URL, file, date, exact
    /// entity values), value slots, and @p stored_data (serialize_stored) as
    /// the document data; @p hash (content_hash) goes into kSlotHash.
    [[nodiscard]] Xapian::Document build(const Article& article, const std::string& stored_data,
                                         const std::string& hash);

private:
    Xapian::TermGenerator termgen_;
};

/// A hash of everything the index stores for an article (its stored data, see
/// serialize_stored): equal hashes mean
/// re-indexing would change nothing.
[[nodiscard]] std::string content_hash(const std::string& stored_data);

}  // namespace news
