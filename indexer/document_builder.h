/// @file document_builder.h
/// @brief An Article as a Xapian document, following common/schema.h.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace news {

/// One facet value of an entity field and every name it is searchable by
/// (the value itself, the name found in the article, its surface forms).
struct EntityValue {
    std::string value;
    std::vector<std::string> names;
};

/// Entity values by field, in the order person, org, place, misc
/// (schema::kFacetFields).
using EntityValues = std::array<std::vector<EntityValue>, 4>;

/// An article ready for the writer: built on any thread, finished and written
/// by the one writer. Its entity fields, stored data and hash are added by
/// DocumentBuilder::finish, because the values depend on names already in the
/// index (EntityResolver).
struct PreparedDocument {
    std::string idterm;       ///< the unique-id term it replaces
    std::string stored_base;  ///< serialize_stored_base of the article
    FoundEntities found;      ///< its entities as extraction found them
    Xapian::Document doc;     ///< every term and value but the entity fields
    Xapian::termpos termpos = 0;  ///< last term position used in doc
    std::string hash;         ///< content_hash of the stored data (after finish)
    /// The unprefixed words of doc (title, body, authors, source) with their
    /// within-document frequencies: the spelling data the writer collects.
    std::vector<std::pair<std::string, Xapian::termcount>> words;
};

/// Builds Xapian documents. Holds a TermGenerator (English stemming, STEM_SOME)
/// so one builder serves many articles; not thread-safe: one per thread.
/// Spelling data is not written here (it needs the database): prepare lists
/// the document's words, and the writer adds them (IndexWriter::put).
class DocumentBuilder {
public:
    DocumentBuilder();

    /// Serialises @p article (without its entity values) and builds its
    /// document: free text (title weighted, body, authors, source), boolean
    /// terms (id, URL, file, dates, source and author values) and value slots.
    [[nodiscard]] PreparedDocument prepare(const Article& article);

    /// Adds the entity fields: each name under the field's free-text prefix,
    /// an exact boolean term and the packed slot per value; then the stored
    /// data (with the values as "entities") and its hash in kSlotHash.
    void finish(PreparedDocument& prepared, const EntityValues& values);

private:
    Xapian::TermGenerator termgen_;
};

/// A hash of everything the index stores for an article (its stored data, see
/// serialize_stored): equal hashes mean
/// re-indexing would change nothing.
[[nodiscard]] std::string content_hash(const std::string& stored_data);

}  // namespace news
