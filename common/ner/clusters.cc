/// @file clusters.cc
/// @brief Word cluster table: parsing, lookup with case fallbacks.
#include "common/ner/clusters.h"

#include "common/ner/gazetteer.h"

#include <fstream>
#include <stdexcept>

namespace news::ner {

ClusterPath parse_cluster_path(std::string_view path) {
    if (path.empty()) throw std::invalid_argument("empty cluster path");
    ClusterPath p;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c != '0' && c != '1') throw std::invalid_argument("cluster path has a character other than 0 and 1");
        if (i >= 64) continue;
        if (c == '1') p.bits |= std::uint64_t{1} << (63 - i);
    }
    p.length = static_cast<std::uint8_t>(path.size() < 64 ? path.size() : 64);
    return p;
}

WordClusters::WordClusters(const std::vector<ClusterEntry>& entries) {
    table_.reserve(entries.size());
    for (const ClusterEntry& e : entries) insert(key_hash(cluster_key(e.word)), parse_cluster_path(e.path));
}

void WordClusters::insert(std::uint64_t key, ClusterPath path) {
    ClusterPath& slot = table_[key];
    if (slot.length == 0) {
        keys_.push_back(key);
        paths_.push_back(path);
    } else {
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            if (keys_[i] == key) paths_[i] = path;
        }
    }
    slot = path;
}

WordClusters WordClusters::read(std::istream& in, const std::string& source) {
    std::vector<ClusterEntry> entries;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::size_t t1 = line.find('\t');
        const std::size_t t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
        if (t1 == std::string::npos || t1 == 0 || t2 == t1 + 1) {
            throw std::runtime_error(source + ":" + std::to_string(line_no) + ": expected path<TAB>word<TAB>count");
        }
        ClusterEntry e;
        e.path = line.substr(0, t1);
        e.word = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
        try {
            (void)parse_cluster_path(e.path);
            if (t2 != std::string::npos) e.count = std::stoull(line.substr(t2 + 1));
        } catch (const std::exception& ex) {
            throw std::runtime_error(source + ":" + std::to_string(line_no) + ": " + ex.what());
        }
        entries.push_back(std::move(e));
    }
    return WordClusters(entries);
}

WordClusters WordClusters::read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open cluster file " + path.string());
    return read(in, path.string());
}

ClusterPath WordClusters::lookup(std::string_view word) const {
    if (keys_.empty() || word.empty()) return {};
    std::string key = cluster_key(word);
    ClusterPath p = find(key_hash(key));
    if (p.length != 0) return p;
    // Headline forms: "CLINTON" -> "Clinton", "Exports" -> "exports".
    bool changed = false;
    for (std::size_t i = 1; i < key.size(); ++i) {
        if (key[i] >= 'A' && key[i] <= 'Z') {
            key[i] = static_cast<char>(key[i] - 'A' + 'a');
            changed = true;
        }
    }
    if (changed) {
        p = find(key_hash(key));
        if (p.length != 0) return p;
    }
    if (key[0] >= 'A' && key[0] <= 'Z') {
        key[0] = static_cast<char>(key[0] - 'A' + 'a');
        p = find(key_hash(key));
    }
    return p;
}

std::uint64_t WordClusters::signature() const {
    std::uint64_t h = 0;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        h = Gazetteer::phrase_step(h, keys_[i]);
        h = Gazetteer::phrase_step(h, paths_[i].bits ^ paths_[i].length);
    }
    return h;
}

std::string WordClusters::cluster_key(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        if (c >= '0' && c <= '9') c = '0';
    }
    return out;
}

std::uint64_t WordClusters::key_hash(std::string_view key) {
    // Distinct from Gazetteer::word_hash() values of the same text, so that the two
    // kinds of keys never meet by accident in one table.
    return Gazetteer::phrase_step(0x636c7573746572ULL, Gazetteer::word_hash(key));
}

}  // namespace news::ner
