/// @file match_set.h
/// @brief The set of matching documents as a bitmap, computed from posting lists outside Enquire.
#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

#include <xapian.h>

#include "common/facet_store.h"

namespace news {

/// A set of docids below a limit, 64 to a word.
class DocSet {
public:
    DocSet() = default;
    explicit DocSet(Xapian::docid limit) : limit_(limit), words_(bitmap_words(limit), 0) {}

    void insert(Xapian::docid d) { words_[d / 64] |= std::uint64_t{1} << (d % 64); }
    [[nodiscard]] bool contains(Xapian::docid d) const {
        return d < limit_ && (words_[d / 64] >> (d % 64) & 1) != 0;
    }
    [[nodiscard]] std::size_t count() const;
    [[nodiscard]] Xapian::docid limit() const { return limit_; }

    DocSet& operator&=(const DocSet& o);
    DocSet& operator|=(const DocSet& o);
    DocSet& operator^=(const DocSet& o);
    /// Removes the members of @p o.
    DocSet& subtract(const DocSet& o);

    /// Calls @p fn(docid) for each member in ascending order.
    template <typename Fn>
    void for_each(Fn&& fn) const {
        for_each(fn, 0, words_.size());
    }
    /// The same for the members held in words [@p first_word, @p end_word).
    template <typename Fn>
    void for_each(Fn&& fn, std::size_t first_word, std::size_t end_word) const {
        for (std::size_t w = first_word; w < end_word && w < words_.size(); ++w) {
            std::uint64_t bits = words_[w];
            while (bits) {
                fn(static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
                bits &= bits - 1;
            }
        }
    }
    /// Copies words [@p first_word, @p end_word) of @p o (a set of the same limit) into this one.
    void assign_words(const DocSet& o, std::size_t first_word, std::size_t end_word);
    [[nodiscard]] std::vector<std::uint64_t>& words() { return words_; }
    [[nodiscard]] const std::vector<std::uint64_t>& words() const { return words_; }

private:
    Xapian::docid limit_ = 0;
    std::vector<std::uint64_t> words_;
};

/// A range of docids [first, end); the default is every docid.
struct DocRange {
    Xapian::docid first = 0;
    Xapian::docid end = static_cast<Xapian::docid>(-1);
};

/// The documents matching @p query as a pure boolean query, read from posting
/// lists (and the store's date column for publication-date ranges), or
/// nullopt when the query needs Enquire (phrases, NEAR, wildcards, elite sets,
/// other value ranges, posting sources). The result equals Enquire's match set.
/// With @p range, only the members inside it are computed: the set's words
/// holding docids outside it are left undefined (one thread's half of a split).
[[nodiscard]] std::optional<DocSet> boolean_match_set(const Xapian::Database& db, const FacetStore& store,
                                                      const Xapian::Query& query, DocRange range = {});

/// The documents matching @p query (any query), through Enquire: a BoolWeight
/// pass (weights do not matter for the set, and it spares Enquire reading each
/// document's length) recording every match in a DocSetSpy.
[[nodiscard]] DocSet enquire_match_set(const Xapian::Database& db, const FacetStore& store, const Xapian::Query& query);

/// The number of postings of the terms of @p query (an upper bound on the work
/// of boolean_match_set), to decide whether to split it.
[[nodiscard]] std::size_t posting_count(const Xapian::Database& db, const Xapian::Query& query);

/// A MatchSpy that records every docid Enquire matches (then counted with the store).
class DocSetSpy : public Xapian::MatchSpy {
public:
    explicit DocSetSpy(Xapian::docid limit) : set_(limit) {}
    void operator()(const Xapian::Document& doc, double) override {
        Xapian::docid d = doc.get_docid();
        if (d < set_.limit()) set_.insert(d);
    }
    [[nodiscard]] std::string name() const override { return "news::DocSetSpy"; }
    [[nodiscard]] DocSet& set() { return set_; }

private:
    DocSet set_;
};

}  // namespace news
