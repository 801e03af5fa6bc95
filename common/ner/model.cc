/// @file model.cc
/// @brief Model building, scoring and the binary file format.
#include "common/ner/model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>

namespace news::ner {
namespace {

constexpr char kMagic[8] = {'N', 'E', 'W', 'S', 'N', 'E', 'R', '1'};
// Version 2 appends the word-cluster table (version 1 files have none).
constexpr std::uint32_t kFormatVersion = 2;

template <typename T>
void write_pod(std::ostream& out, const T& value) {
    out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
void write_vec(std::ostream& out, const std::vector<T>& v) {
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

/// Reads from an in-memory file image with bounds checks.
class Reader {
public:
    Reader(const std::string& data, const std::filesystem::path& path) : data_(data), path_(path) {}
    template <typename T>
    T pod() {
        T value{};
        need(sizeof(T));
        std::memcpy(&value, data_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return value;
    }
    template <typename T>
    void vec(std::vector<T>& v, std::size_t count) {
        if (count > (data_.size() - pos_) / sizeof(T)) fail("truncated file");
        v.resize(count);
        if (count == 0) return;  // an empty vector's data() may be null, which memcpy must not get
        std::memcpy(v.data(), data_.data() + pos_, count * sizeof(T));
        pos_ += count * sizeof(T);
    }
    [[noreturn]] void fail(const std::string& why) const {
        throw std::runtime_error("cannot load NER model " + path_.string() + ": " + why);
    }
    [[nodiscard]] bool at_end() const { return pos_ == data_.size(); }

private:
    void need(std::size_t n) const {
        if (data_.size() - pos_ < n) fail("truncated file");
    }
    const std::string& data_;
    const std::filesystem::path& path_;
    std::size_t pos_ = 0;
};

}  // namespace

Model Model::build(std::span<const DenseFeature> features, std::span<const float> transitions, Meta meta,
                   float prune_threshold) {
    Model m;
    m.meta_ = meta;
    float max_abs = 0.0f;
    for (const auto& f : features) {
        for (float w : f.weights) max_abs = std::max(max_abs, std::fabs(w));
    }
    m.scale_ = max_abs > 0.0f ? max_abs / 32767.0f : 1.0f;
    m.keys_.reserve(features.size());
    for (const auto& f : features) {
        const std::size_t before = m.entries_.size();
        for (std::size_t t = 0; t < kTagCount; ++t) {
            const float w = f.weights[t];
            if (std::fabs(w) < prune_threshold || w == 0.0f) continue;
            const long q = std::lround(w / m.scale_);
            if (q == 0) continue;
            m.entries_.push_back(WeightEntry{.weight = static_cast<std::int16_t>(q), .tag = static_cast<std::uint8_t>(t)});
        }
        if (m.entries_.size() == before) continue;
        m.keys_.push_back(f.key);
        m.offsets_.push_back(static_cast<std::uint32_t>(m.entries_.size()));
    }
    if (transitions.size() == m.transitions_.size()) m.transitions_.assign(transitions.begin(), transitions.end());
    m.build_index();
    return m;
}

namespace {

std::uint32_t fingerprint_of(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32) | 1u; }

}  // namespace

void Model::build_index() {
    std::size_t bits = 4;
    while ((std::size_t{1} << bits) * 3 < keys_.size() * 4 + 4) ++bits;
    slots_.assign(std::size_t{1} << bits, Slot{});
    slot_shift_ = 64 - bits;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        const std::uint32_t count = offsets_[i + 1] - offsets_[i];
        if (count > kTagCount || offsets_[i] >= (1u << 27)) throw std::runtime_error("NER model too large or corrupt");
        const std::uint32_t fp = fingerprint_of(keys_[i]);
        std::size_t s = static_cast<std::size_t>((keys_[i] * 0x9E3779B97F4A7C15ULL) >> slot_shift_);
        while (slots_[s].fingerprint != 0 && slots_[s].fingerprint != fp) s = (s + 1) & mask;
        if (slots_[s].fingerprint == fp) continue;  // same fingerprint at the same place: keep the first
        slots_[s] = Slot{fp, offsets_[i] << 5 | count};
    }
}

void Model::score(std::span<const std::uint64_t> keys, float* scores) const {
    Accumulator acc{};
    accumulate(keys, acc);
    add_scaled(acc, scores);
}

void Model::accumulate(std::span<const std::uint64_t> keys, Accumulator& acc) const {
    // Compute every slot first and prefetch it, so that the cache misses overlap.
    constexpr std::size_t kBatch = 64;
    std::array<std::size_t, kBatch> first_slot{};
    for (std::size_t base = 0; base < keys.size(); base += kBatch) {
        const std::size_t count = std::min(kBatch, keys.size() - base);
        for (std::size_t j = 0; j < count; ++j) {
            first_slot[j] = static_cast<std::size_t>((keys[base + j] * 0x9E3779B97F4A7C15ULL) >> slot_shift_);
            __builtin_prefetch(&slots_[first_slot[j]]);
        }
        for (std::size_t j = 0; j < count; ++j) {
            score_one(keys[base + j], first_slot[j], acc);
        }
    }
}

void Model::score_one(std::uint64_t k, std::size_t s, Accumulator& acc) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t fp = fingerprint_of(k);
    while (true) {
        const Slot slot = slots_[s];
        if (slot.fingerprint == fp) {
            const std::uint32_t first = slot.entries >> 5;
            const std::uint32_t last = first + (slot.entries & 31u);
            for (std::uint32_t e = first; e < last; ++e) acc[entries_[e].tag] += entries_[e].weight;
            return;
        }
        if (slot.fingerprint == 0) return;
        s = (s + 1) & mask;
    }
}

namespace {

std::array<bool, (kTagCount + 1) * kTagCount> allowed_transitions() {
    std::array<bool, (kTagCount + 1) * kTagCount> allowed{};
    for (std::size_t p = 0; p < kTagCount; ++p) {
        for (std::size_t t = 0; t < kTagCount; ++t) {
            allowed[p * kTagCount + t] = transition_allowed(static_cast<Tag>(p), static_cast<Tag>(t));
        }
    }
    for (std::size_t t = 0; t < kTagCount; ++t) allowed[kTagCount * kTagCount + t] = start_allowed(static_cast<Tag>(t));
    return allowed;
}

}  // namespace

void viterbi(std::span<const float> emissions, std::size_t n, std::span<const float> transitions, std::vector<Tag>& tags) {
    static const std::array<bool, (kTagCount + 1) * kTagCount> allowed = allowed_transitions();
    tags.assign(n, 0);
    if (n == 0) return;
    constexpr float kNeg = -std::numeric_limits<float>::infinity();
    std::vector<float> delta(n * kTagCount, kNeg);
    std::vector<std::uint8_t> back(n * kTagCount, 0);
    for (std::size_t t = 0; t < kTagCount; ++t) {
        if (allowed[kTagCount * kTagCount + t]) delta[t] = emissions[t] + transitions[kTagCount * kTagCount + t];
    }
    for (std::size_t i = 1; i < n; ++i) {
        const float* prev = delta.data() + (i - 1) * kTagCount;
        for (std::size_t t = 0; t < kTagCount; ++t) {
            float best = kNeg;
            std::uint8_t arg = 0;
            for (std::size_t p = 0; p < kTagCount; ++p) {
                if (!allowed[p * kTagCount + t] || prev[p] == kNeg) continue;
                const float v = prev[p] + transitions[p * kTagCount + t];
                if (v > best) {
                    best = v;
                    arg = static_cast<std::uint8_t>(p);
                }
            }
            if (best != kNeg) {
                delta[i * kTagCount + t] = best + emissions[i * kTagCount + t];
                back[i * kTagCount + t] = arg;
            }
        }
    }
    float best = kNeg;
    std::size_t arg = 0;
    for (std::size_t t = 0; t < kTagCount; ++t) {
        const float v = delta[(n - 1) * kTagCount + t];
        if (v != kNeg && end_allowed(static_cast<Tag>(t)) && v > best) {
            best = v;
            arg = t;
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        tags[i] = static_cast<Tag>(arg);
        arg = back[i * kTagCount + arg];
    }
}

void Model::save(const std::filesystem::path& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write NER model " + path.string());
    out.write(kMagic, sizeof kMagic);
    write_pod(out, kFormatVersion);
    write_pod(out, static_cast<std::uint32_t>(kTagCount));
    write_pod(out, meta_.feature_version);
    write_pod(out, meta_.gazetteer_signature);
    write_pod(out, scale_);
    write_pod(out, static_cast<std::uint64_t>(keys_.size()));
    write_pod(out, static_cast<std::uint64_t>(entries_.size()));
    write_vec(out, transitions_);
    write_vec(out, keys_);
    write_vec(out, offsets_);
    std::vector<std::int16_t> weights(entries_.size());
    std::vector<std::uint8_t> tags(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        weights[i] = entries_[i].weight;
        tags[i] = entries_[i].tag;
    }
    write_vec(out, weights);
    write_vec(out, tags);
    std::vector<std::uint64_t> cluster_keys, cluster_bits;
    std::vector<std::uint8_t> cluster_lengths;
    clusters_.for_each([&](std::uint64_t key, const ClusterPath& p) {
        cluster_keys.push_back(key);
        cluster_bits.push_back(p.bits);
        cluster_lengths.push_back(p.length);
    });
    write_pod(out, static_cast<std::uint64_t>(cluster_keys.size()));
    write_vec(out, cluster_keys);
    write_vec(out, cluster_bits);
    write_vec(out, cluster_lengths);
    out.flush();
    if (!out) throw std::runtime_error("error writing NER model " + path.string());
}

Model Model::load(const std::filesystem::path& path) {
    if constexpr (std::endian::native != std::endian::little) {
        throw std::runtime_error("NER models are little-endian; this machine is not");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open NER model " + path.string());
    std::string data;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw std::runtime_error("cannot read NER model " + path.string());
    in.seekg(0);
    data.resize(static_cast<std::size_t>(size));
    in.read(data.data(), size);
    if (!in) throw std::runtime_error("cannot read NER model " + path.string());

    Reader r(data, path);
    char magic[8];
    for (char& c : magic) c = r.pod<char>();
    if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) r.fail("not a news-ner model (bad magic)");
    const auto format = r.pod<std::uint32_t>();
    if (format != 1 && format != kFormatVersion) r.fail("unsupported format version");
    if (r.pod<std::uint32_t>() != kTagCount) r.fail("unexpected tag count");
    Model m;
    m.meta_.feature_version = r.pod<std::uint32_t>();
    m.meta_.gazetteer_signature = r.pod<std::uint64_t>();
    m.scale_ = r.pod<float>();
    const auto nkeys = r.pod<std::uint64_t>();
    const auto nentries = r.pod<std::uint64_t>();
    if (nkeys >= (1ULL << 31) || nentries >= (1ULL << 32)) r.fail("implausible sizes");
    r.vec(m.transitions_, (kTagCount + 1) * kTagCount);
    r.vec(m.keys_, nkeys);
    r.vec(m.offsets_, nkeys + 1);
    std::vector<std::int16_t> weights;
    std::vector<std::uint8_t> tags;
    r.vec(weights, nentries);
    r.vec(tags, nentries);
    if (format >= 2) {
        const auto nclusters = r.pod<std::uint64_t>();
        if (nclusters >= (1ULL << 31)) r.fail("implausible cluster table size");
        std::vector<std::uint64_t> cluster_keys, cluster_bits;
        std::vector<std::uint8_t> cluster_lengths;
        r.vec(cluster_keys, nclusters);
        r.vec(cluster_bits, nclusters);
        r.vec(cluster_lengths, nclusters);
        for (std::size_t i = 0; i < nclusters; ++i) {
            if (cluster_lengths[i] == 0 || cluster_lengths[i] > 64) r.fail("corrupt cluster table");
            m.clusters_.insert(cluster_keys[i], ClusterPath{.bits = cluster_bits[i], .length = cluster_lengths[i]});
        }
    }
    if (!r.at_end()) r.fail("trailing bytes");
    if (m.offsets_.front() != 0 || m.offsets_.back() != nentries) r.fail("corrupt offsets");
    for (std::size_t i = 0; i + 1 < m.offsets_.size(); ++i) {
        if (m.offsets_[i] > m.offsets_[i + 1]) r.fail("corrupt offsets");
    }
    m.entries_.resize(nentries);
    for (std::size_t i = 0; i < nentries; ++i) {
        if (tags[i] >= kTagCount) r.fail("corrupt tag");
        m.entries_[i] = WeightEntry{.weight = weights[i], .tag = tags[i]};
    }
    if (!std::isfinite(m.scale_)) r.fail("corrupt scale");
    for (float t : m.transitions_) {
        if (!std::isfinite(t)) r.fail("corrupt transitions");
    }
    m.build_index();
    return m;
}

}  // namespace news::ner
