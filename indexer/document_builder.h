/// @file document_builder.h
/// @brief An Article as a Xapian document, following common/schema.h.
#pragma once

#include <string>

#include <xapian.h>

#include "common/article.h"

namespace news {

/// Builds Xapian documents. Holds a TermGenerator (English stemming, STEM_SOME)
/// so one builder serves many articles; not thread-safe.
class DocumentBuilder {
public:
    /// @p spelling_db, when given, receives spelling data for suggestions.
    explicit DocumentBuilder(Xapian::WritableDatabase* spelling_db = nullptr);

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
