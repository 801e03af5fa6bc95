/// @file index_writer.cc
/// @brief The Xapian write path.
#include "indexer/index_writer.h"

#include <filesystem>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "common/article_json.h"
#include "common/ner/canonical.h"
#include "common/schema.h"
#include "common/text_util.h"

namespace news {
namespace {

Xapian::WritableDatabase open_database(const std::string& path, bool create) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
        throw IndexError(fmt::format("{}: is a file, not a database directory", path));
    }
    if (!create) {
        if (!fs::is_directory(path, ec)) throw IndexError(fmt::format("{}: no such database", path));
        // Read-only first: a writable open of a directory that holds no
        // database leaves Xapian's lock file behind in it.
        try {
            Xapian::Database probe(path);
        } catch (const Xapian::DatabaseOpeningError&) {
            throw IndexError(fmt::format("{}: no such database (the directory holds no Xapian database; "
                                         "index articles with news-index --db {} first)",
                                         path, path));
        } catch (const Xapian::Error&) {
            // anything else is reported by the writable open below
        }
    }
    try {
        return Xapian::WritableDatabase(path, create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLockedError(fmt::format("{}: database is locked by another indexer", path));
    } catch (const Xapian::Error& e) {
        throw IndexError(fmt::format("{}: cannot open database: {}", path, e.get_description()));
    }
}

/// The codec of the database at @p path; a dictionary that cannot be loaded
/// is an IndexError naming the database.
StoredCodec codec_of(const Xapian::Database& db, const std::string& path) {
    try {
        return StoredCodec::of(db);
    } catch (const std::runtime_error& e) {
        throw IndexError(fmt::format("{}: {}", path, e.what()));
    }
}

}  // namespace

IndexWriter::IndexWriter(const IndexWriterOptions& options)
    : options_(options), db_(open_database(options.path, options.create)), codec_(codec_of(db_, options.path)), builder_(),
      resolver_(options.aliases,
                RegistryStore{.get = [this](const std::string& key) { return db_.get_metadata(key); },
                              .set = [this](const std::string& key, const std::string& value) {
                                  db_.set_metadata(key, value);
                              }}),
      facets_(options.path, db_) {
    std::string version = db_.get_metadata(std::string(schema::kSchemaVersionKey));
    const std::string aliases_key(schema::kAliasesKey);
    if (version.empty() && db_.get_doccount() == 0) {
        db_.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
        db_.set_metadata(aliases_key, options.aliases.fingerprint());
        return;
    }
    if (version != schema::kSchemaVersion) {
        bool older = version == "1";
        if (options.upgrade && older) {
            old_schema_ = true;
            return;
        }
        throw IndexError(fmt::format("{}: written with schema version '{}', this indexer writes '{}'; {}", options.path,
                                     version, schema::kSchemaVersion,
                                     older ? "upgrade it with 'news-index recanonicalize --db DB' or index into a new database"
                                           : "index into a new database"));
    }
    std::string recorded = db_.get_metadata(aliases_key);
    if (recorded.empty()) recorded = "none";
    if (recorded != options.aliases.fingerprint()) {
        warnings_.push_back(fmt::format(
            "{}: its entity values were made with {} (alias fingerprint {}, this run {}); new and changed articles "
            "use this run's, the others keep theirs until 'news-index recanonicalize --db {}{}'",
            options.path, recorded == "none" ? "no alias file" : "another alias file", recorded,
            options.aliases.fingerprint(), options.path,
            options.aliases.fingerprint() == "none" ? "" : " --aliases FILE"));
    }
}

IndexWriter::Outcome IndexWriter::put(const Article& article) { return put(builder_.prepare(article)); }

void IndexWriter::add_person_synonyms(const EntityValues& values) {
    // Each spelling of a person name's words -> the word as its merge key
    // spells it, which every document of that person has under the person
    // prefix (DocumentBuilder::finish): the query parser's auto synonyms then
    // find every spelling from any one (searcher/query_builder.cc).
    const std::string prefix(schema::find_facet_field("person")->text_prefix);
    for (const EntityValue& v : values[0]) {
        for (const std::string& name : v.names) {
            for (std::string_view word : text::words(name)) {
                std::string key = ner::person_merge_key(word);
                if (key.empty() || key.find(' ') != std::string::npos) continue;
                std::string term = prefix + Xapian::Unicode::tolower(std::string(word));
                std::string synonym = prefix + key;
                if (term == synonym || term.size() > schema::kMaxTermBytes || synonym.size() > schema::kMaxTermBytes) continue;
                if (synonyms_added_.insert(term + '\0' + synonym).second) db_.add_synonym(term, synonym);
            }
        }
    }
}

void IndexWriter::finish(PreparedDocument& prepared) {
    EntityValues values = resolver_.resolve(prepared.found);
    builder_.finish(prepared, values);
    add_person_synonyms(values);
}

IndexWriter::Outcome IndexWriter::put(PreparedDocument prepared) {
    finish(prepared);
    Xapian::PostingIterator p = db_.postlist_begin(prepared.idterm);
    bool exists = p != db_.postlist_end(prepared.idterm);
    if (exists && db_.get_document(*p).get_value(schema::kSlotHash) == prepared.hash) return Outcome::unchanged;
    encode_stored(prepared.doc);
    facets_.touched(db_.replace_document(prepared.idterm, prepared.doc));
    if (options_.spelling) {
        // Spelling data for suggestions, summed here and handed to Xapian
        // once per word (add_spelling per word and document cost the writer
        // a quarter of its time).
        for (auto& [word, wdf] : prepared.words) spelling_[std::move(word)] += wdf;
    }
    ++pending_;
    return exists ? Outcome::updated : Outcome::added;
}

std::size_t IndexWriter::remove_stale(const std::string& file, const std::set<std::string>& kept) {
    std::string fterm = schema::file_term(file);
    std::vector<Xapian::docid> stale;
    for (auto p = db_.postlist_begin(fterm); p != db_.postlist_end(fterm); ++p) {
        Xapian::Document doc = db_.get_document(*p);
        auto t = doc.termlist_begin();
        t.skip_to(std::string(schema::kId));
        bool keep = t != doc.termlist_end() && (*t).starts_with(schema::kId) && kept.count(*t);
        if (!keep) stale.push_back(*p);
    }
    for (Xapian::docid id : stale) {
        db_.delete_document(id);
        facets_.removed(id);
    }
    pending_ += stale.size();
    return stale.size();
}

bool IndexWriter::remove_article(const std::string& id) {
    std::string idterm = schema::id_term(id);
    if (db_.postlist_begin(idterm) == db_.postlist_end(idterm)) return false;
    for (auto p = db_.postlist_begin(idterm); p != db_.postlist_end(idterm); ++p) facets_.removed(*p);
    db_.delete_document(idterm);
    ++pending_;
    return true;
}

std::vector<std::string> IndexWriter::files_under(const std::string& prefix) const {
    std::set<std::string> files;
    // Articles name their file in an XFILE term; a long path is cut and
    // hashed there, so the full path is read from the stored article.
    std::string fprefix = schema::file_term(prefix);
    for (auto t = db_.allterms_begin(fprefix); t != db_.allterms_end(fprefix); ++t) {
        auto p = db_.postlist_begin(*t);
        if (p == db_.postlist_end(*t)) continue;
        Article a = stored_article(db_.get_document(*p));
        if (a.origin_path.starts_with(prefix)) files.insert(a.origin_path);
    }
    // Files that gave no article have only a fingerprint; their key holds the
    // path unless it was too long to keep whole.
    std::string kprefix = schema::file_hash_key(prefix);
    std::string key_start = schema::file_hash_key("");
    for (auto k = db_.metadata_keys_begin(kprefix); k != db_.metadata_keys_end(kprefix); ++k) {
        std::string path = (*k).substr(key_start.size());
        if (schema::file_hash_key(path) == *k) files.insert(path);
    }
    return {files.begin(), files.end()};
}

std::size_t IndexWriter::remove_file(const std::string& file) {
    std::size_t removed = remove_stale(file, {});
    db_.set_metadata(schema::file_hash_key(file), "");
    ++pending_;
    return removed;
}

std::optional<std::string> IndexWriter::file_fingerprint(const std::string& file) const {
    std::string v = db_.get_metadata(schema::file_hash_key(file));
    if (v.empty()) return std::nullopt;
    return v;
}

void IndexWriter::set_file_fingerprint(const std::string& file, const std::string& fingerprint) {
    db_.set_metadata(schema::file_hash_key(file), fingerprint);
}

RecanonicalizeSummary IndexWriter::recanonicalize(const volatile std::sig_atomic_t* interrupt) {
    RecanonicalizeSummary summary;
    summary.upgraded = old_schema_;
    // Document ids first: the loop replaces documents.
    std::vector<Xapian::docid> ids;
    for (auto p = db_.postlist_begin(""); p != db_.postlist_end(""); ++p) ids.push_back(*p);
    for (Xapian::docid id : ids) {
        if (interrupt != nullptr && *interrupt != 0) {
            summary.interrupted = true;
            break;
        }
        Xapian::Document old = db_.get_document(id);
        PreparedDocument prepared = builder_.prepare(stored_article(old));
        finish(prepared);
        ++summary.documents;
        if (old.get_value(schema::kSlotHash) == prepared.hash) continue;
        // The words are those already counted for spelling when the document
        // was first written; only the entity fields (prefixed) change.
        encode_stored(prepared.doc);
        db_.replace_document(id, prepared.doc);
        facets_.touched(id);
        ++summary.updated;
        ++pending_;
        maybe_commit();
    }
    if (!summary.interrupted) {
        db_.set_metadata(std::string(schema::kAliasesKey), options_.aliases.fingerprint());
        db_.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
        old_schema_ = false;
    }
    commit();
    return summary;
}

void IndexWriter::maybe_commit() {
    if (pending_ >= options_.batch_size) commit(StoreWrite::amortised);
}

void IndexWriter::commit() { commit(StoreWrite::always); }

void IndexWriter::write_compacted_copy(const std::string& to) {
    commit();  // also brings the facet store to the revision compacted
    try {
        Xapian::Database from(options_.path);
        if (from.get_revision() != db_.get_revision()) {
            throw IndexError(fmt::format("{}: changed while being compacted", options_.path));
        }
        // Kept document ids: the facet store, and every id a user has seen, stay valid.
        from.compact(to, Xapian::DBCOMPACT_NO_RENUMBER);
        // The copy's Xapian revisions start again; the base makes up for it.
        const Xapian::rev base = schema::revision_base(db_) + db_.get_revision();
        {
            Xapian::WritableDatabase copy(to, Xapian::DB_OPEN);
            copy.set_metadata(std::string(schema::kRevisionBaseKey), std::to_string(base));
            copy.commit();
        }
        const Xapian::Database copy(to);
        if (!copy_facet_store(options_.path, from, to, copy)) {
            // no store matched (it could not be written): build the copy's own
            FacetStoreBuilder(to, copy).sync(copy);
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(fmt::format("{}: compaction failed: {}", options_.path, e.get_description()));
    } catch (const IndexError&) {
        throw;
    } catch (const std::exception& e) {
        throw IndexError(fmt::format("{}: compaction failed: {}", options_.path, e.what()));
    }
}

IndexWriter::~IndexWriter() {
    try {
        flush_spelling();
    } catch (const Xapian::Error&) {
        // closing after a failure: the spelling data is advisory
    }
}

void IndexWriter::flush_spelling() {
    for (const auto& [word, freq] : spelling_) db_.add_spelling(word, freq);
    spelling_.clear();
}

void IndexWriter::encode_stored(Xapian::Document& doc) {
    if (codec_.has_dictionary()) StoredCodec::set_stored_bytes(doc, codec_.encode(doc.get_data()));
}

void IndexWriter::train_dictionary() {
    const Xapian::doccount n = db_.get_doccount();  // the batch being committed included
    if (codec_.has_dictionary() || dictionary_failed_ || n < StoredCodec::kTrainingSamples) return;
    // Samples spread over the whole database: a database that grows by small
    // runs gets its dictionary in the run that takes it past the threshold.
    const Xapian::doccount stride = n / StoredCodec::kTrainingSamples;
    std::vector<std::string> samples;
    Xapian::doccount i = 0;
    for (auto p = db_.postlist_begin(""); p != db_.postlist_end("") && samples.size() < StoredCodec::kTrainingSamples;
         ++p, ++i) {
        if (i % stride != 0) continue;
        std::string data = db_.get_document(*p).get_data();
        if (!data.empty() && !StoredCodec::compressed(data)) samples.push_back(std::move(data));
    }
    std::string dictionary = StoredCodec::train(samples);
    if (dictionary.empty()) {
        dictionary_failed_ = true;  // the articles stay stored as they are; the next run tries again
        return;
    }
    codec_ = StoredCodec(dictionary);
    db_.set_metadata(std::string(schema::kStoredDictionaryKey), dictionary);
}

std::size_t IndexWriter::compress_stored() {
    if (!codec_.has_dictionary()) train_dictionary();
    if (!codec_.has_dictionary()) return 0;
    // Document ids first: the loop replaces documents.
    std::vector<Xapian::docid> ids;
    for (auto p = db_.postlist_begin(""); p != db_.postlist_end(""); ++p) ids.push_back(*p);
    std::size_t compressed = 0;
    for (Xapian::docid id : ids) {
        // A document read and given back with only its data and one value
        // changed: Xapian rewrites those alone (its terms are left as they are).
        // The data is JSON (compressed here), or the compressed form as earlier
        // versions kept it (moved to the value slot as it is).
        Xapian::Document doc = db_.get_document(id);
        std::string data = doc.get_data();
        if (data.empty()) continue;
        StoredCodec::set_stored_bytes(doc, StoredCodec::compressed(data) ? std::move(data) : codec_.encode(data));
        db_.replace_document(id, doc);
        ++compressed;
        ++pending_;
        maybe_commit();
    }
    commit();
    return compressed;
}

Article IndexWriter::stored_article(const Xapian::Document& doc) const {
    return deserialize_stored(codec_.decode(StoredCodec::stored_bytes(doc)));
}

void IndexWriter::commit(StoreWrite store) {
    try {
        // The words go to Xapian at the last commit of a run, and before that
        // only when they take much memory: spelling data is advisory, and a
        // word's frequencies are summed over the whole run this way.
        if (store == StoreWrite::always || spelling_.size() >= kSpellingWordsHeld) flush_spelling();
        train_dictionary();
        db_.commit();
        pending_ = 0;
        // The facet store takes in every commit; its file is rewritten at
        // every commit or, for batches, as often as its cost allows.
        facets_.sync(db_, store);
    } catch (const Xapian::Error& e) {
        throw WriteError(fmt::format("{}: commit failed: {}", options_.path, e.get_description()));
    } catch (const IndexError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw WriteError(fmt::format("{}: {}", options_.path, e.what()));
    }
}

}  // namespace news
