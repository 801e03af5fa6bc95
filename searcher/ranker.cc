/// @file ranker.cc
/// @brief BM25 ranking over posting lists with the store's document lengths.
#include "searcher/ranker.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>


namespace news {
namespace {

// Xapian::BM25Weight's default parameters: k1 = 1, k2 = 0, k3 = 1, b = 0.5,
// min_normlen = 0.5. With k2 = 0 the term-independent part is zero.
constexpr double kK1 = 1.0;
constexpr double kK3 = 1.0;
constexpr double kB = 0.5;
constexpr double kMinNormLen = 0.5;

/// One term's weight, computed as Xapian 1.4's BM25Weight::init and
/// get_sumpart do (the same operations in the same order, so the same doubles).
class Bm25Term {
public:
    Bm25Term(Xapian::doccount collection_size, Xapian::doccount termfreq, Xapian::termcount wqf, double avlength) {
        double tw = (collection_size - termfreq + 0.5) / (termfreq + 0.5);
        // Xapian's adjustment for terms in more than about a third of the
        // documents, whose "official" weight would be small or negative.
        if (tw < 2) tw = tw * 0.5 + 1;
        termweight_ = std::log(tw);
        double wqf_double = wqf;
        termweight_ *= (kK3 + 1) * wqf_double / (kK3 + wqf_double);
        termweight_ *= (kK1 + 1);
        len_factor_ = avlength != 0 ? 1 / avlength : 0;
    }

    [[nodiscard]] double operator()(Xapian::termcount wdf, Xapian::termcount length) const {
        double normlen = std::max(length * len_factor_, kMinNormLen);
        double wdf_double = wdf;
        double denom = kK1 * (normlen * kB + (1 - kB)) + wdf_double;
        return termweight_ * (wdf_double / denom);
    }

private:
    double termweight_ = 0;
    double len_factor_ = 0;
};

/// Matches in docid order with their weights.
struct Scored {
    std::vector<Xapian::docid> ids;
    std::vector<double> weights;

    void push(Xapian::docid d, double w) {
        ids.push_back(d);
        weights.push_back(w);
    }
};

/// A cursor over a term's postings (weighed as read) or over a scored list.
class Cursor {
public:
    Cursor(Xapian::PostingIterator it, Xapian::PostingIterator end, Xapian::docid first, Xapian::docid stop,
           Bm25Term weight, const std::uint32_t* lengths, std::size_t estimate)
        : it_(std::move(it)), end_(std::move(end)), stop_(stop), weight_(weight), lengths_(lengths),
          estimate_(estimate) {
        if (first > 1 && it_ != end_) it_.skip_to(first);
    }
    explicit Cursor(Scored&& list) : list_(std::move(list)), is_list_(true), estimate_(list_.ids.size()) {}

    [[nodiscard]] bool at_end() const {
        return is_list_ ? at_ >= list_.ids.size() : (it_ == end_ || *it_ >= stop_);
    }
    [[nodiscard]] Xapian::docid doc() const { return is_list_ ? list_.ids[at_] : *it_; }
    [[nodiscard]] double weight() const {
        return is_list_ ? list_.weights[at_] : weight_(it_.get_wdf(), lengths_[*it_]);
    }
    void next() {
        if (is_list_) ++at_;
        else ++it_;
    }
    /// Moves to the first document at or after @p d.
    void skip_to(Xapian::docid d) {
        if (!is_list_) {
            it_.skip_to(d);
            return;
        }
        // Galloping: the next match is usually near.
        std::size_t step = 1, hi = at_;
        while (hi < list_.ids.size() && list_.ids[hi] < d) {
            at_ = hi + 1;
            hi += step;
            step *= 2;
        }
        hi = std::min(hi, list_.ids.size());
        at_ = static_cast<std::size_t>(std::lower_bound(list_.ids.begin() + static_cast<std::ptrdiff_t>(at_),
                                                        list_.ids.begin() + static_cast<std::ptrdiff_t>(hi), d) -
                                       list_.ids.begin());
    }
    [[nodiscard]] std::size_t estimate() const { return estimate_; }

private:
    Xapian::PostingIterator it_, end_;
    Xapian::docid stop_ = 0;
    Bm25Term weight_{1, 0, 1, 0};
    const std::uint32_t* lengths_ = nullptr;
    Scored list_;
    std::size_t at_ = 0;
    bool is_list_ = false;
    std::size_t estimate_ = 0;
};

class Ranker {
public:
    Ranker(const Xapian::Database& db, const FacetStore& store, DocRange range, bool positional)
        : db_(db), store_(store), range_{range.first, std::min(range.end, store.docid_limit())},
          collection_size_(db.get_doccount()), avlength_(db.get_avlength()), positional_(positional) {}

    std::optional<Scored> eval(const Xapian::Query& q) {
        using Q = Xapian::Query;
        switch (q.get_type()) {
            case Q::LEAF_MATCH_NOTHING: return Scored{};
            case Q::LEAF_TERM:
            case Q::OP_AND:
            case Q::OP_PHRASE:
            case Q::OP_NEAR: {
                Scored out;
                if (q.get_type() == Q::LEAF_TERM) {
                    std::size_t n = db_.get_termfreq(*q.get_terms_begin());
                    out.ids.reserve(n);
                    out.weights.reserve(n);
                }
                if (!stream(q, [&](Xapian::docid d, double w) { out.push(d, w); })) return std::nullopt;
                return out;
            }
            case Q::OP_OR: return disjunction(q);
            case Q::OP_FILTER:
            case Q::OP_AND_NOT: {
                std::optional<Scored> left = eval(q.get_subquery(0));
                for (std::size_t i = 1; left && i < q.get_num_subqueries(); ++i) {
                    std::optional<DocSet> right = boolean_match_set(db_, store_, q.get_subquery(i), range_);
                    if (!right) return std::nullopt;
                    keep(*left, *right, q.get_type() == Q::OP_FILTER);
                }
                return left;
            }
            case Q::OP_AND_MAYBE: {
                std::optional<Scored> left = eval(q.get_subquery(0));
                ++optional_depth_;
                for (std::size_t i = 1; left && i < q.get_num_subqueries(); ++i) {
                    std::optional<Scored> right = eval(q.get_subquery(i));
                    if (!right) left.reset();
                    else add_where_present(*left, *right);
                }
                --optional_depth_;
                return left;
            }
            case Q::OP_SCALE_WEIGHT:
                // Only a factor of 0 (QueryParser's pure boolean queries): the
                // factor itself is not part of Xapian 1.4's Query API.
                if (q.get_description().rfind("Query(0 * ", 0) != 0) return std::nullopt;
                return unweighted(q);
            case Q::OP_VALUE_RANGE: return unweighted(q);  // matches with weight 0
            default: return std::nullopt;
        }
    }

    /// Calls @p emit(docid, weight) for each match of @p q, in docid order; a
    /// term or an AND of terms without holding its matches. False (before
    /// emitting anything) when @p q has a part this does not evaluate.
    template <typename Emit>
    bool stream(const Xapian::Query& q, Emit&& emit) {
        if (q.get_type() == Xapian::Query::LEAF_TERM) {
            std::optional<Cursor> c = term(q);
            if (!c) return false;
            for (; !c->at_end(); c->next()) emit(c->doc(), c->weight());
            return true;
        }
        if (q.get_type() == Xapian::Query::OP_AND) return conjunction(q, emit, nullptr);
        if (q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_NEAR) {
            // Enquire can add a phrase's weight under AND_MAYBE's optional side
            // to documents that do not hold the phrase (Xapian 1.4, seen in
            // tests/ranker_test.cc): leave those to Enquire, so the ranking is always its.
            if (optional_depth_ > 0 || !positional_) return false;
            std::optional<DocSet> held = positional_set(q);
            return held && conjunction(q, emit, &*held);
        }
        std::optional<Scored> s = eval(q);
        if (!s) return false;
        for (std::size_t i = 0; i < s->ids.size(); ++i) emit(s->ids[i], s->weights[i]);
        return true;
    }

private:
    /// A weighted term's cursor; nullopt for "match everything".
    std::optional<Cursor> term(const Xapian::Query& q) const {
        const std::string t = *q.get_terms_begin();
        if (t.empty()) return std::nullopt;
        Xapian::doccount tf = db_.get_termfreq(t);
        // A leaf's length is its wqf.
        Bm25Term weight(collection_size_, tf, q.get_length(), avlength_);
        return Cursor(db_.postlist_begin(t), db_.postlist_end(t), range_.first, range_.end, weight,
                      store_.doc_lengths(), tf);
    }

    /// Matches of a boolean part, each with weight 0.
    std::optional<Scored> unweighted(const Xapian::Query& q) const {
        std::optional<DocSet> set = boolean_match_set(db_, store_, q, range_);
        if (!set) return std::nullopt;
        Scored out;
        set->for_each([&](Xapian::docid d) {
            if (d >= range_.first && d < range_.end) out.push(d, 0.0);
        });
        return out;
    }

    /// The documents matching a phrase or NEAR of words, through Enquire.
    /// Enquire checks positions through a position list and cursor it keeps,
    /// where the public API opens both anew for each document and word (about
    /// 1.1 µs each: "first quarter" took 23 ms that way, 4 ms through Enquire).
    std::optional<DocSet> positional_set(const Xapian::Query& q) const {
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Xapian::Query sub = q.get_subquery(i);
            if (sub.get_type() != Xapian::Query::LEAF_TERM || (*sub.get_terms_begin()).empty()) return std::nullopt;
        }
        return enquire_match_set(db_, store_, q);
    }

    /// AND: leapfrog over the children, rarest first, skipping through the
    /// others; with @p only, the AND's documents in that set (a phrase or NEAR,
    /// which Enquire weighs as the AND of its words), visited directly: the
    /// set is the smaller one, often by half.
    template <typename Emit>
    bool conjunction(const Xapian::Query& q, Emit&& emit, const DocSet* only) {
        std::vector<Cursor> cursors;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Xapian::Query sub = q.get_subquery(i);
            if (sub.get_type() == Xapian::Query::LEAF_TERM) {
                std::optional<Cursor> c = term(sub);
                if (!c) return false;
                cursors.push_back(std::move(*c));
            } else {
                std::optional<Scored> s = eval(sub);
                if (!s) return false;
                cursors.emplace_back(std::move(*s));
            }
        }
        if (cursors.empty()) return true;
        if (only) {
            // Each member inside the range, every child moved on to it.
            bool done = false;
            only->for_each([&](Xapian::docid d) {
                if (done || d < range_.first) return;
                if (d >= range_.end) {
                    done = true;
                    return;
                }
                double w = 0;
                for (Cursor& c : cursors) {
                    c.skip_to(d);
                    if (c.at_end()) {
                        done = true;
                        return;
                    }
                    if (c.doc() != d) return;  // not in the AND: not a match
                }
                for (const Cursor& c : cursors) w += c.weight();
                emit(d, w);
            });
            return true;
        }
        // Leapfrog in order of size; weights added in the query's order, so a
        // document's weight does not depend on the sizes (which differ between
        // the halves of a split).
        std::vector<Cursor*> order;
        for (Cursor& c : cursors) order.push_back(&c);
        std::stable_sort(order.begin(), order.end(),
                         [](const Cursor* a, const Cursor* b) { return a->estimate() < b->estimate(); });
        Cursor& lead = *order[0];
        while (!lead.at_end()) {
            const Xapian::docid d = lead.doc();
            bool all = true;
            for (std::size_t k = 1; k < order.size(); ++k) {
                Cursor& c = *order[k];
                c.skip_to(d);
                if (c.at_end()) return true;
                if (c.doc() != d) {
                    lead.skip_to(c.doc());
                    all = false;
                    break;
                }
            }
            if (!all) continue;
            double w = 0;
            for (const Cursor& c : cursors) w += c.weight();
            emit(d, w);
            lead.next();
        }
        return true;
    }

    /// OR: the union, weights added where children overlap.
    std::optional<Scored> disjunction(const Xapian::Query& q) {
        std::optional<Scored> acc;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            std::optional<Scored> s = eval(q.get_subquery(i));
            if (!s) return std::nullopt;
            if (!acc) {
                acc = std::move(s);
                continue;
            }
            Scored merged;
            merged.ids.reserve(acc->ids.size() + s->ids.size());
            merged.weights.reserve(merged.ids.capacity());
            std::size_t a = 0, b = 0;
            while (a < acc->ids.size() || b < s->ids.size()) {
                if (b == s->ids.size() || (a < acc->ids.size() && acc->ids[a] < s->ids[b])) {
                    merged.push(acc->ids[a], acc->weights[a]);
                    ++a;
                } else if (a == acc->ids.size() || s->ids[b] < acc->ids[a]) {
                    merged.push(s->ids[b], s->weights[b]);
                    ++b;
                } else {
                    merged.push(acc->ids[a], acc->weights[a] + s->weights[b]);
                    ++a;
                    ++b;
                }
            }
            acc = std::move(merged);
        }
        if (!acc) return Scored{};
        return acc;
    }

    /// Keeps the members of @p list that are in @p set (@p inside) or not in it.
    static void keep(Scored& list, const DocSet& set, bool inside) {
        std::size_t out = 0;
        for (std::size_t i = 0; i < list.ids.size(); ++i) {
            if (set.contains(list.ids[i]) == inside) {
                list.ids[out] = list.ids[i];
                list.weights[out] = list.weights[i];
                ++out;
            }
        }
        list.ids.resize(out);
        list.weights.resize(out);
    }

    /// Adds @p extra's weights to the members of @p list it also holds.
    static void add_where_present(Scored& list, const Scored& extra) {
        std::size_t b = 0;
        for (std::size_t a = 0; a < list.ids.size() && b < extra.ids.size(); ++a) {
            while (b < extra.ids.size() && extra.ids[b] < list.ids[a]) ++b;
            if (b < extra.ids.size() && extra.ids[b] == list.ids[a]) list.weights[a] += extra.weights[b];
        }
    }

    const Xapian::Database& db_;
    const FacetStore& store_;
    DocRange range_;
    Xapian::doccount collection_size_;
    double avlength_;
    bool positional_;         ///< phrases and NEAR evaluated here
    int optional_depth_ = 0;  ///< AND_MAYBE optional sides being evaluated
};

/// The best @p depth documents offered, kept in a heap whose top is the worst.
class BestOf {
public:
    explicit BestOf(std::size_t depth) : depth_(depth) { heap_.reserve(std::min<std::size_t>(depth, 1024)); }
    void offer(Xapian::docid d, double w) {
        if (heap_.size() < depth_) {
            heap_.push_back({d, w});
            std::push_heap(heap_.begin(), heap_.end(), Before{});
        } else if (depth_ > 0 && w >= heap_.front().weight && ranks_before({d, w}, heap_.front())) {
            std::pop_heap(heap_.begin(), heap_.end(), Before{});
            heap_.back() = {d, w};
            std::push_heap(heap_.begin(), heap_.end(), Before{});
        }
    }
    /// In ranking order.
    std::vector<RankedDoc> take() {
        std::sort_heap(heap_.begin(), heap_.end(), Before{});
        return std::move(heap_);
    }

private:
    struct Before {
        bool operator()(const RankedDoc& a, const RankedDoc& b) const { return ranks_before(a, b); }
    };
    std::size_t depth_;
    std::vector<RankedDoc> heap_;
};

}  // namespace

std::optional<RankedMatches> rank_with_store(const Xapian::Database& db, const FacetStore& store,
                                             const Xapian::Query& query, std::size_t depth, DocRange range,
                                             Positional positional) {
    if (!store.doc_lengths()) return std::nullopt;
    RankedMatches out{DocSet(store.docid_limit()), {}};
    BestOf best(depth);
    bool evaluated = Ranker(db, store, range, positional == Positional::evaluate).stream(query, [&](Xapian::docid d, double w) {
        out.set.insert(d);  // below the range's end, so below the limit
        best.offer(d, w);
    });
    if (!evaluated) return std::nullopt;
    out.best = best.take();
    return out;
}

void join_ranked(RankedMatches& low, RankedMatches&& high, std::size_t mid_word, std::size_t depth) {
    low.set.assign_words(high.set, mid_word, low.set.words().size());
    std::vector<RankedDoc> all = std::move(low.best);
    all.insert(all.end(), high.best.begin(), high.best.end());
    std::sort(all.begin(), all.end(), ranks_before);
    if (all.size() > depth) all.resize(depth);
    low.best = std::move(all);
}

}  // namespace news
