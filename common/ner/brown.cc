/// @file brown.cc
/// @brief Brown clustering with a window of active clusters (Liang 2005).
#include "common/ner/brown.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cmath>
#include <limits>
#include <numeric>
#include <ostream>

namespace news::ner {
namespace {

constexpr std::uint32_t kNoWord = std::numeric_limits<std::uint32_t>::max();

/// Adjacent-word counts of the kept vocabulary (ranks 0..V-1, most frequent first).
struct Bigrams {
    std::vector<std::uint32_t> right_start, left_start;  // CSR offsets, V + 1 entries
    std::vector<std::uint32_t> right_word, left_word;
    std::vector<double> right_count, left_count;
    std::vector<double> as_left, as_right;  // marginals: bigrams with the word on the left / right
    double total = 0.0;
};

Bigrams count_bigrams(const std::vector<std::uint32_t>& text, std::size_t vocabulary) {
    std::vector<std::uint64_t> pairs;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == kNoWord || text[i + 1] == kNoWord) continue;
        pairs.push_back(std::uint64_t{text[i]} << 32 | text[i + 1]);
    }
    Bigrams b;
    b.total = static_cast<double>(pairs.size());
    b.as_left.assign(vocabulary, 0.0);
    b.as_right.assign(vocabulary, 0.0);
    const auto build = [&](std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& word,
                           std::vector<double>& count) {
        std::sort(keys.begin(), keys.end());
        start.assign(vocabulary + 1, 0);
        for (std::size_t i = 0; i < keys.size();) {
            std::size_t j = i;
            while (j < keys.size() && keys[j] == keys[i]) ++j;
            const auto head = static_cast<std::uint32_t>(keys[i] >> 32);
            word.push_back(static_cast<std::uint32_t>(keys[i] & 0xffffffffULL));
            count.push_back(static_cast<double>(j - i));
            ++start[head + 1];
            i = j;
        }
        for (std::size_t w = 0; w < vocabulary; ++w) start[w + 1] += start[w];
    };
    std::vector<std::uint64_t> swapped(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) swapped[i] = (pairs[i] << 32) | (pairs[i] >> 32);
    build(pairs, b.right_start, b.right_word, b.right_count);
    build(swapped, b.left_start, b.left_word, b.left_count);
    for (std::size_t w = 0; w < vocabulary; ++w) {
        for (std::uint32_t e = b.right_start[w]; e < b.right_start[w + 1]; ++e) b.as_left[w] += b.right_count[e];
        for (std::uint32_t e = b.left_start[w]; e < b.left_start[w + 1]; ++e) b.as_right[w] += b.left_count[e];
    }
    return b;
}

/// The window of active clusters, with the loss of every pair's merge kept up to date.
class Window {
public:
    Window(const Bigrams& bigrams, std::size_t slots, std::size_t vocabulary)
        : b_(bigrams), k_(slots), n_(k_ * k_, 0.0), q_(k_ * k_, 0.0), loss_(k_ * k_, 0.0), nl_(k_, 0.0), nr_(k_, 0.0),
          side_(k_, 0.0), active_(k_, false), members_(k_), slot_of_(vocabulary, -1) {}

    /// Puts word @p w into the free slot @p s.
    void add(std::uint32_t w, std::size_t s) {
        slot_of_[w] = static_cast<std::int32_t>(s);
        members_[s].assign(1, w);
        nl_[s] = b_.as_left[w];
        nr_[s] = b_.as_right[w];
        for (std::uint32_t e = b_.right_start[w]; e < b_.right_start[w + 1]; ++e) {
            const std::int32_t t = slot_of_[b_.right_word[e]];
            if (t >= 0) n(s, static_cast<std::size_t>(t)) += b_.right_count[e];
        }
        for (std::uint32_t e = b_.left_start[w]; e < b_.left_start[w + 1]; ++e) {
            const std::int32_t t = slot_of_[b_.left_word[e]];
            if (t >= 0 && static_cast<std::size_t>(t) != s) n(static_cast<std::size_t>(t), s) += b_.left_count[e];
        }
        // The new cluster adds terms to the loss of every pair that shares bigrams with it.
        std::vector<std::size_t> touched;
        for (std::size_t i = 0; i < k_; ++i) {
            if (active_[i] && (n(i, s) != 0.0 || n(s, i) != 0.0)) touched.push_back(i);
        }
        for (std::size_t i = 0; i < k_; ++i) {
            if (!active_[i]) continue;
            q(i, s) = qv(n(i, s), nl_[i], nr_[s]);
            q(s, i) = qv(n(s, i), nl_[s], nr_[i]);
        }
        q(s, s) = qv(n(s, s), nl_[s], nr_[s]);
        std::vector<bool> is_touched(k_, false);
        for (std::size_t i : touched) is_touched[i] = true;
        for (std::size_t i : touched) {
            for (std::size_t j = 0; j < k_; ++j) {
                if (!active_[j] || j == i || (is_touched[j] && j < i)) continue;
                loss(i, j) += terms_with(i, j, s);
            }
        }
        active_[s] = true;
        refresh_sides();
        for (std::size_t j = 0; j < k_; ++j) {
            if (active_[j] && j != s) loss(s, j) = full_loss(s, j);
        }
    }

    /// The active pair whose merge loses the least mutual information.
    [[nodiscard]] std::pair<std::size_t, std::size_t> best_pair() const {
        double best = std::numeric_limits<double>::infinity();
        std::pair<std::size_t, std::size_t> arg{0, 0};
        for (std::size_t i = 0; i < k_; ++i) {
            if (!active_[i]) continue;
            for (std::size_t j = i + 1; j < k_; ++j) {
                if (!active_[j]) continue;
                const double l = loss_[i * k_ + j];
                if (l < best) {
                    best = l;
                    arg = {i, j};
                }
            }
        }
        return arg;
    }

    /// Merges slot @p b into slot @p a (a < b); frees b.
    void merge(std::size_t a, std::size_t b) {
        // Take the terms of a and b out of the other pairs' losses.
        for (std::size_t i = 0; i < k_; ++i) {
            if (!active_[i] || i == a || i == b) continue;
            for (std::size_t j = i + 1; j < k_; ++j) {
                if (!active_[j] || j == a || j == b) continue;
                loss_[i * k_ + j] -= terms_with(i, j, a) + terms_with(i, j, b);
            }
        }
        for (std::size_t t = 0; t < k_; ++t) {
            if (!active_[t] || t == a || t == b) continue;
            n(a, t) += n(b, t);
            n(t, a) += n(t, b);
        }
        n(a, a) += n(a, b) + n(b, a) + n(b, b);
        nl_[a] += nl_[b];
        nr_[a] += nr_[b];
        for (std::size_t t = 0; t < k_; ++t) {
            n(b, t) = n(t, b) = 0.0;
            q(b, t) = q(t, b) = 0.0;
            loss(b, t) = 0.0;
        }
        nl_[b] = nr_[b] = 0.0;
        active_[b] = false;
        for (std::uint32_t w : members_[b]) slot_of_[w] = static_cast<std::int32_t>(a);
        members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
        members_[b].clear();
        for (std::size_t t = 0; t < k_; ++t) {
            if (!active_[t]) continue;
            q(a, t) = qv(n(a, t), nl_[a], nr_[t]);
            q(t, a) = qv(n(t, a), nl_[t], nr_[a]);
        }
        refresh_sides();
        // Put the merged cluster's terms back in.
        for (std::size_t i = 0; i < k_; ++i) {
            if (!active_[i] || i == a) continue;
            for (std::size_t j = i + 1; j < k_; ++j) {
                if (!active_[j] || j == a) continue;
                loss_[i * k_ + j] += terms_with(i, j, a);
            }
        }
        for (std::size_t j = 0; j < k_; ++j) {
            if (active_[j] && j != a) loss(a, j) = full_loss(a, j);
        }
    }

    [[nodiscard]] const std::vector<std::uint32_t>& members(std::size_t s) const { return members_[s]; }
    [[nodiscard]] bool active(std::size_t s) const { return active_[s]; }

private:
    double& n(std::size_t i, std::size_t j) { return n_[i * k_ + j]; }
    double& q(std::size_t i, std::size_t j) { return q_[i * k_ + j]; }
    double& loss(std::size_t i, std::size_t j) { return i < j ? loss_[i * k_ + j] : loss_[j * k_ + i]; }
    [[nodiscard]] double nv(std::size_t i, std::size_t j) const { return n_[i * k_ + j]; }
    [[nodiscard]] double qc(std::size_t i, std::size_t j) const { return q_[i * k_ + j]; }

    /// Mutual-information term of a cluster bigram count with its marginals (times N).
    [[nodiscard]] double qv(double count, double left, double right) const {
        return count > 0.0 ? count * std::log(count * b_.total / (left * right)) : 0.0;
    }

    /// The part of loss(i, j) that involves the third cluster c.
    [[nodiscard]] double terms_with(std::size_t i, std::size_t j, std::size_t c) const {
        const double nic = nv(i, c), njc = nv(j, c), nci = nv(c, i), ncj = nv(c, j);
        if (nic == 0.0 && njc == 0.0 && nci == 0.0 && ncj == 0.0) return 0.0;
        return qc(i, c) + qc(c, i) + qc(j, c) + qc(c, j) - qv(nic + njc, nl_[i] + nl_[j], nr_[c]) -
               qv(nci + ncj, nl_[c], nr_[i] + nr_[j]);
    }

    /// Sum of the terms of each cluster (row and column).
    void refresh_sides() {
        for (std::size_t i = 0; i < k_; ++i) {
            if (!active_[i]) continue;
            double s = -qc(i, i);
            for (std::size_t t = 0; t < k_; ++t) {
                if (active_[t]) s += qc(i, t) + qc(t, i);
            }
            side_[i] = s;
        }
    }

    /// Loss of mutual information if a and b were merged, from scratch.
    [[nodiscard]] double full_loss(std::size_t a, std::size_t b) const {
        const double la = nl_[a] + nl_[b], ra = nr_[a] + nr_[b];
        double merged = qv(nv(a, a) + nv(a, b) + nv(b, a) + nv(b, b), la, ra);
        for (std::size_t t = 0; t < k_; ++t) {
            if (!active_[t] || t == a || t == b) continue;
            merged += qv(nv(a, t) + nv(b, t), la, nr_[t]) + qv(nv(t, a) + nv(t, b), nl_[t], ra);
        }
        return side_[a] + side_[b] - qc(a, b) - qc(b, a) - merged;
    }

    const Bigrams& b_;
    std::size_t k_;
    std::vector<double> n_, q_, loss_;
    std::vector<double> nl_, nr_, side_;
    std::vector<bool> active_;
    std::vector<std::vector<std::uint32_t>> members_;
    std::vector<std::int32_t> slot_of_;
};

}  // namespace

std::uint32_t BrownClusterer::id_of(std::string_view word) {
    const std::string key = WordClusters::cluster_key(word);
    const auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(words_.size()));
    if (inserted) {
        words_.push_back(key);
        counts_.push_back(0);
    }
    ++counts_[it->second];
    return it->second;
}

void BrownClusterer::add_sentence(std::span<const std::string_view> words) {
    if (words.empty()) return;
    for (std::string_view w : words) text_.push_back(id_of(w));
    text_.push_back(kNoWord);
    tokens_ += words.size();
}

void BrownClusterer::add_sentence(std::span<const std::string> words) {
    const std::vector<std::string_view> views(words.begin(), words.end());
    add_sentence(views);
}

std::vector<ClusterEntry> BrownClusterer::run(const BrownOptions& options) const {
    const auto log = [&](const std::string& line) {
        if (options.log) options.log(line);
    };
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::uint32_t> order;
    for (std::uint32_t id = 0; id < words_.size(); ++id) {
        if (counts_[id] >= std::max<std::uint64_t>(options.min_count, 1)) order.push_back(id);
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        return counts_[x] != counts_[y] ? counts_[x] > counts_[y] : words_[x] < words_[y];
    });
    const std::size_t vocabulary = order.size();
    std::vector<std::uint32_t> rank(words_.size(), kNoWord);
    for (std::size_t r = 0; r < vocabulary; ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
    std::vector<std::uint32_t> text(text_.size());
    for (std::size_t i = 0; i < text_.size(); ++i) text[i] = text_[i] == kNoWord ? kNoWord : rank[text_[i]];
    const Bigrams bigrams = count_bigrams(text, vocabulary);
    text.clear();
    text.shrink_to_fit();
    log(fmt::format("{} tokens, {} words, {} kept (seen {} times or more), {} bigrams", tokens_, words_.size(), vocabulary,
                    options.min_count, static_cast<std::uint64_t>(bigrams.total)));
    if (vocabulary == 0) return {};

    const std::size_t c = std::max<std::size_t>(options.clusters, 2);
    const std::size_t slots = std::min(c + 1, vocabulary);
    Window window(bigrams, slots, vocabulary);
    // Fill the window, then add each further word and merge the best pair.
    std::size_t next = 0;
    for (; next < slots; ++next) window.add(static_cast<std::uint32_t>(next), next);
    if (slots > c) {
        while (true) {
            const auto [a, b] = window.best_pair();
            window.merge(a, b);
            if (next == vocabulary) break;
            window.add(static_cast<std::uint32_t>(next), b);
            ++next;
            if (next % 2000 == 0) {
                log(fmt::format("{} of {} words, {:.0f}s", next, vocabulary,
                                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()));
            }
        }
    }
    // The hierarchy over the remaining clusters: node ids are slots, then new nodes.
    std::vector<std::array<std::size_t, 2>> children(slots, {SIZE_MAX, SIZE_MAX});
    std::vector<std::size_t> node_of(slots);
    std::iota(node_of.begin(), node_of.end(), 0);
    std::vector<std::vector<std::uint32_t>> leaves(slots);
    std::size_t active = 0;
    for (std::size_t s = 0; s < slots; ++s) {
        if (!window.active(s)) continue;
        leaves[s] = window.members(s);
        ++active;
    }
    for (; active > 1; --active) {
        const auto [a, b] = window.best_pair();
        window.merge(a, b);
        children.push_back({node_of[a], node_of[b]});
        node_of[a] = children.size() - 1;
    }
    std::size_t root = 0;
    for (std::size_t s = 0; s < slots; ++s) {
        if (window.active(s)) root = node_of[s];
    }
    // Paths: walk from each leaf up to the root.
    std::vector<std::size_t> parent(children.size(), SIZE_MAX);
    std::vector<char> branch(children.size(), '0');
    for (std::size_t node = slots; node < children.size(); ++node) {
        parent[children[node][0]] = node;
        parent[children[node][1]] = node;
        branch[children[node][1]] = '1';
    }
    std::vector<std::string> path_of_word(vocabulary);
    for (std::size_t s = 0; s < slots; ++s) {
        if (leaves[s].empty()) continue;
        std::string path;
        for (std::size_t node = s; node != root; node = parent[node]) path.push_back(branch[node]);
        if (path.empty()) path.push_back('0');
        std::reverse(path.begin(), path.end());
        for (std::uint32_t w : leaves[s]) path_of_word[w] = path;
    }
    std::vector<ClusterEntry> entries(vocabulary);
    for (std::size_t r = 0; r < vocabulary; ++r) {
        entries[r] = ClusterEntry{.path = path_of_word[r], .word = words_[order[r]], .count = counts_[order[r]]};
    }
    std::stable_sort(entries.begin(), entries.end(), [](const ClusterEntry& x, const ClusterEntry& y) { return x.path < y.path; });
    log(fmt::format("{} clusters over {} words in {:.1f}s", std::min(slots, c), vocabulary,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()));
    return entries;
}

void write_clusters(std::ostream& out, const std::vector<ClusterEntry>& entries) {
    for (const ClusterEntry& e : entries) out << e.path << '\t' << e.word << '\t' << e.count << '\n';
}

}  // namespace news::ner
