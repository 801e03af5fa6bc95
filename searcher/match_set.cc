/// @file match_set.cc
/// @brief Boolean evaluation of a Xapian::Query over posting lists.
#include "searcher/match_set.h"

#include <algorithm>
#include <sstream>
#include <string>

#include "common/schema.h"

namespace news {

std::size_t DocSet::count() const {
    std::size_t n = 0;
    for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
}

DocSet& DocSet::operator&=(const DocSet& o) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= i < o.words_.size() ? o.words_[i] : 0;
    return *this;
}
DocSet& DocSet::operator|=(const DocSet& o) {
    for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] |= o.words_[i];
    return *this;
}
DocSet& DocSet::operator^=(const DocSet& o) {
    for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] ^= o.words_[i];
    return *this;
}
void DocSet::assign_words(const DocSet& o, std::size_t first_word, std::size_t end_word) {
    for (std::size_t i = first_word; i < end_word && i < words_.size() && i < o.words_.size(); ++i) words_[i] = o.words_[i];
}
DocSet& DocSet::subtract(const DocSet& o) {
    for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] &= ~o.words_[i];
    return *this;
}

namespace {

/// "Query(VALUE_RANGE 0 20260101 20260131)" -> the bounds, for the publication-date slot only.
bool date_range_bounds(const Xapian::Query& q, std::string& from, std::string& to) {
    std::istringstream in(q.get_description());
    std::string head, slot, extra;
    if (!(in >> head >> slot >> from >> to) || head != "Query(VALUE_RANGE" || in >> extra) return false;
    if (slot != std::to_string(schema::kSlotDate) || to.empty() || to.back() != ')') return false;
    to.pop_back();
    auto is_date = [](const std::string& s) {
        return s.size() == 8 && s.find_first_not_of("0123456789") == std::string::npos;
    };
    return is_date(from) && is_date(to);
}

class Evaluator {
public:
    Evaluator(const Xapian::Database& db, const FacetStore& store, DocRange range)
        : db_(db), store_(store), first_(range.first), end_(std::min(range.end, store.docid_limit())) {}

    std::optional<DocSet> eval(const Xapian::Query& q) {
        using Q = Xapian::Query;
        switch (q.get_type()) {
            case Q::LEAF_MATCH_NOTHING: return DocSet(store_.docid_limit());
            case Q::LEAF_MATCH_ALL: return all();
            case Q::LEAF_TERM: return term(*q.get_terms_begin());
            case Q::OP_SCALE_WEIGHT:
            case Q::OP_AND_MAYBE:  // matches what its first subquery matches
                return eval(q.get_subquery(0));
            case Q::OP_AND:
            case Q::OP_FILTER: return fold(q, [](DocSet& a, const DocSet& b) { a &= b; });
            case Q::OP_OR:
            case Q::OP_SYNONYM:
            case Q::OP_MAX: return fold(q, [](DocSet& a, const DocSet& b) { a |= b; });
            case Q::OP_XOR: return fold(q, [](DocSet& a, const DocSet& b) { a ^= b; });
            case Q::OP_AND_NOT: return fold(q, [](DocSet& a, const DocSet& b) { a.subtract(b); });
            case Q::OP_VALUE_RANGE: return date_range(q);
            default: return std::nullopt;  // phrase, near, wildcard, elite set, value ranges, sources
        }
    }

private:
    template <typename Op>
    std::optional<DocSet> fold(const Xapian::Query& q, Op op) {
        std::size_t n = q.get_num_subqueries();
        if (n == 0) return std::nullopt;
        std::optional<DocSet> acc = eval(q.get_subquery(0));
        for (std::size_t i = 1; acc && i < n; ++i) {
            std::optional<DocSet> next = eval(q.get_subquery(i));
            if (!next) return std::nullopt;
            op(*acc, *next);
        }
        return acc;
    }

    DocSet all() const {
        DocSet s(store_.docid_limit());
        const std::uint64_t* live = store_.live();
        auto& w = s.words();
        std::copy(live, live + w.size(), w.begin());
        return s;
    }

    DocSet term(const std::string& t) const {
        DocSet s(store_.docid_limit());
        auto p = db_.postlist_begin(t);
        const auto end = db_.postlist_end(t);
        if (first_ > 1 && p != end) p.skip_to(first_);
        for (; p != end && *p < end_; ++p) s.insert(*p);
        return s;
    }

    std::optional<DocSet> date_range(const Xapian::Query& q) const {
        std::string from, to;
        if (!date_range_bounds(q, from, to) || !store_.verify(store_field_index("date"))) return std::nullopt;
        const FacetStore::Column& c = store_.column(store_field_index("date"));
        std::vector<char> in(c.size);
        for (std::uint32_t id = 0; id < c.size; ++id) {
            std::string_view v = c.value(id);
            in[id] = v >= from && v <= to;
        }
        DocSet s(store_.docid_limit());
        for (Xapian::docid d = first_; d < end_; ++d) {
            for (std::uint32_t id : c.of(d)) {
                if (in[id]) s.insert(d);
            }
        }
        return s;
    }

    const Xapian::Database& db_;
    const FacetStore& store_;
    Xapian::docid first_;  // members computed: [first_, end_)
    Xapian::docid end_;
};

}  // namespace

std::optional<DocSet> boolean_match_set(const Xapian::Database& db, const FacetStore& store,
                                        const Xapian::Query& query, DocRange range) {
    return Evaluator(db, store, range).eval(query);
}

DocSet enquire_match_set(const Xapian::Database& db, const FacetStore& store, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    DocSetSpy spy(store.docid_limit());
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    return std::move(spy.set());
}

std::size_t posting_count(const Xapian::Database& db, const Xapian::Query& query) {
    std::size_t n = 0;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
        if (!(*t).empty()) n += db.get_termfreq(*t);  // "" is MatchAll: a copy of the live bitmap
    }
    return n;
}

}  // namespace news
