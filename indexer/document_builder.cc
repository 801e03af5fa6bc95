/// @file document_builder.cc
/// @brief Article -> Xapian::Document.
#include "indexer/document_builder.h"

#include <set>

#include "common/article_json.h"
#include "common/hash.h"
#include "common/schema.h"

namespace news {
namespace {

void add_date_terms(Xapian::Document& doc, const DateValue& d, std::string_view day_prefix,
                    std::string_view month_prefix, std::string_view year_prefix) {
    std::string compact = d.compact();
    doc.add_boolean_term(std::string(year_prefix) + compact.substr(0, 4));
    if (d.month != 0) doc.add_boolean_term(std::string(month_prefix) + compact.substr(0, 6));
    if (d.day != 0) doc.add_boolean_term(std::string(day_prefix) + compact);
}

const std::vector<std::string>* values_of(const Article& a, std::string_view field) {
    if (field == "person") return &a.entities.person;
    if (field == "org") return &a.entities.org;
    if (field == "place") return &a.entities.place;
    if (field == "misc") return &a.entities.misc;
    if (field == "author") return &a.authors;
    return nullptr;
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    termgen_.set_stemmer(Xapian::Stem("english"));
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

PreparedDocument DocumentBuilder::prepare(const Article& article) {
    PreparedDocument p;
    std::string stored = serialize_stored(article);
    p.hash = content_hash(stored);
    p.idterm = schema::id_term(article.id);
    p.doc = build(article, stored, p.hash);
    return p;
}

Xapian::Document DocumentBuilder::build(const Article& a, const std::string& stored_data,
                                        const std::string& hash) {
    using namespace schema;
    Xapian::Document doc;
    termgen_.set_document(doc);

    // Free text. Title: prefixed (title:) and unprefixed with extra weight.
    termgen_.index_text(a.title, 1, std::string(kTitle));
    termgen_.index_text(a.title, kTitleWeight);
    termgen_.increase_termpos(kFieldGap);
    termgen_.index_text(a.body);

    // Names (authors, source, entities): their words (and stems) under the
    // field's prefix, without positions: QueryBuilder turns a quoted name
    // (person:"sergei ryabkov") into an AND of its words, so positions are not
    // needed, and they were 5% of a compacted database.
    for (const auto& author : a.authors) termgen_.index_text_without_positions(author, 1, std::string(kAuthorText));
    if (!a.source.empty()) termgen_.index_text_without_positions(a.source, 1, std::string(kSourceText));

    // Multi-valued exact fields: free text under the field's prefix, an exact
    // boolean term per value, and the packed values for facet counting.
    for (const FacetField& field : kFacetFields) {
        std::vector<std::string> single;
        const std::vector<std::string>* values = values_of(a, field.name);
        if (!values) {
            if (!a.source.empty()) single.push_back(a.source);
            values = &single;
        }
        std::set<std::string> seen;
        std::vector<std::string> unique;
        for (const auto& v : *values) {
            if (v.empty() || !seen.insert(v).second) continue;
            unique.push_back(v);
            doc.add_boolean_term(facet_term(field, v));
            if (field.name != "author" && field.name != "source") {
                termgen_.index_text_without_positions(v, 1, std::string(field.text_prefix));
            }
        }
        if (!unique.empty()) doc.add_value(field.slot, pack_values(unique));
    }

    doc.add_boolean_term(id_term(a.id));
    if (!a.url.empty()) doc.add_boolean_term(value_term(kUrl, a.url));
    doc.add_boolean_term(file_term(a.origin_path));

    if (a.date) {
        add_date_terms(doc, *a.date, kPubDay, kPubMonth, kPubYear);
        doc.add_value(kSlotDate, a.date->compact());
    } else {
        doc.add_boolean_term(std::string(kPubUnknown));
    }
    std::vector<std::string> mentioned;
    for (const auto& d : a.dates_mentioned) {
        add_date_terms(doc, d, kMentionDay, kMentionMonth, kMentionYear);
        mentioned.push_back(d.compact());
    }
    if (!mentioned.empty()) doc.add_value(kSlotMentioned, pack_values(mentioned));
    doc.add_value(kSlotHash, hash);
    doc.set_data(stored_data);
    return doc;
}

std::string content_hash(const std::string& stored_data) {
    return hex64(hash64(stored_data));
}

}  // namespace news
