/// @file document_builder.cc
/// @brief Article -> Xapian::Document.
#include "indexer/document_builder.h"

#include <array>
#include <set>

#include "common/article_json.h"
#include "common/hash.h"
#include "common/ner/canonical.h"
#include "common/schema.h"
#include "common/text_util.h"

namespace news {
namespace {

void add_date_terms(Xapian::Document& doc, const DateValue& d, std::string_view day_prefix,
                    std::string_view month_prefix, std::string_view year_prefix) {
    std::string compact = d.compact();
    doc.add_boolean_term(std::string(year_prefix) + compact.substr(0, 4));
    if (d.month != 0) doc.add_boolean_term(std::string(month_prefix) + compact.substr(0, 6));
    if (d.day != 0) doc.add_boolean_term(std::string(day_prefix) + compact);
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    termgen_.set_stemmer(Xapian::Stem("english"));
    termgen_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

PreparedDocument DocumentBuilder::prepare(const Article& article) {
    // An article made without extraction (by hand, in tests) may carry entity
    // values only: those are then its found names.
    if (article.found.empty() && !article.entities.empty()) {
        Article copy = article;
        copy.found = found_from_values(article.entities);
        return prepare(copy);
    }
    const Article& a = article;
    using namespace schema;
    PreparedDocument p;
    p.stored_base = serialize_stored_base(a);
    p.idterm = id_term(a.id);
    p.found = a.found;
    Xapian::Document& doc = p.doc;
    termgen_.set_document(doc);
    termgen_.set_termpos(0);

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

    // Source and authors: an exact term per value and the packed values for
    // facet counting (the entity fields follow in finish()).
    for (const FacetField& field : kFacetFields) {
        std::vector<std::string> values;
        if (field.name == "source") {
            if (!a.source.empty()) values.push_back(a.source);
        } else if (field.name == "author") {
            values = a.authors;
        } else {
            continue;
        }
        std::set<std::string> seen;
        std::vector<std::string> unique;
        for (const auto& v : values) {
            if (v.empty() || !seen.insert(v).second) continue;
            unique.push_back(v);
            doc.add_boolean_term(facet_term(field, v));
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
    p.termpos = termgen_.get_termpos();
    // Prefixed terms start with an upper-case letter; the words are lower case.
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) p.words.emplace_back(term, t.get_wdf());
    }
    return p;
}

void DocumentBuilder::finish(PreparedDocument& p, const EntityValues& values) {
    using namespace schema;
    Xapian::Document& doc = p.doc;
    termgen_.set_document(doc);
    termgen_.set_termpos(p.termpos);
    Entities entities;
    const std::array<std::vector<std::string>*, 4> lists = {&entities.person, &entities.org, &entities.place,
                                                             &entities.misc};
    for (std::size_t f = 0; f < values.size(); ++f) {
        const FacetField& field = kFacetFields[f];
        std::set<std::string> seen;
        for (const EntityValue& v : values[f]) {
            if (v.value.empty() || !seen.insert(v.value).second) continue;
            lists[f]->push_back(v.value);
            doc.add_boolean_term(facet_term(field, v.value));
            // Every name the value goes by is searchable under the field's
            // prefix (person:zelensky finds "Volodymyr Zelenskyy"), without
            // positions: QueryBuilder turns a quoted name into an AND of its words.
            std::set<std::string> indexed;
            auto index_name = [&](const std::string& name) {
                if (name.empty() || !indexed.insert(text::lower_ascii(name)).second) return;
                termgen_.index_text_without_positions(name, 1, std::string(field.text_prefix));
            };
            for (const std::string& name : v.names) index_name(name);
            // Person names also as their merge keys ("Zelenskiy" -> "zelensky"),
            // which a person: query adds for its words (searcher/query_builder.cc).
            if (field.name == "person") {
                for (const std::string& name : v.names) index_name(ner::person_merge_key(name));
            }
        }
        if (!lists[f]->empty()) doc.add_value(field.slot, pack_values(*lists[f]));
    }
    std::string stored = stored_with_entities(p.stored_base, entities);
    p.hash = content_hash(stored);
    doc.add_value(kSlotHash, p.hash);
    doc.set_data(stored);
    p.termpos = termgen_.get_termpos();
}

std::string content_hash(const std::string& stored_data) {
    return hex64(hash64(stored_data));
}

}  // namespace news
