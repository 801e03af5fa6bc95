/// @file gazetteer.cc
/// @brief Loading name lists from Debian data files and matching them over tokens.
#include "common/ner/gazetteer.h"

#include "common/hash.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace news::ner {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size <= 0) return {};
    in.seekg(0);
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), size);
    data.resize(static_cast<std::size_t>(in.gcount()));
    return data;
}

/// Short forms and former names that iso-codes lacks or spells officially.
struct Alias {
    std::string_view alias;
    std::string_view canonical;
};
constexpr Alias kCountryAliases[] = {
    {"us", "United States"},          {"u.s.", "United States"},       {"usa", "United States"},
    {"u.s.a.", "United States"},      {"united states", "United States"},
    {"united states of america", "United States"},                     {"america", "United States"},
    {"uk", "United Kingdom"},         {"u.k.", "United Kingdom"},      {"britain", "United Kingdom"},
    {"great britain", "United Kingdom"},                               {"uae", "United Arab Emirates"},
    {"u.a.e.", "United Arab Emirates"},                                {"russian federation", "Russia"},
    {"russia", "Russia"},             {"viet nam", "Vietnam"},         {"vietnam", "Vietnam"},
    {"south korea", "South Korea"},   {"north korea", "North Korea"},  {"korea, republic of", "South Korea"},
    {"korea, democratic people's republic of", "North Korea"},         {"dprk", "North Korea"},
    {"ussr", "Soviet Union"},         {"u.s.s.r.", "Soviet Union"},    {"soviet union", "Soviet Union"},
    {"union of soviet socialist republics", "Soviet Union"},           {"west germany", "West Germany"},
    {"east germany", "East Germany"}, {"czech republic", "Czechia"},   {"czechia", "Czechia"},
    {"holland", "Netherlands"},       {"the netherlands", "Netherlands"}, {"ivory coast", "Côte d'Ivoire"},
    {"burma", "Myanmar"},             {"kiev", "Kyiv"},                {"kyiv", "Kyiv"},
    {"prc", "China"},                 {"mainland china", "China"},     {"turkiye", "Türkiye"},
    {"turkey", "Türkiye"},            {"syria", "Syria"},              {"iran", "Iran"},
    {"tanzania", "Tanzania"},         {"venezuela", "Venezuela"},      {"bolivia", "Bolivia"},
    {"moldova", "Moldova"},           {"taiwan", "Taiwan"},            {"laos", "Laos"},
    {"macedonia", "North Macedonia"}, {"zaire", "Zaire"},              {"yugoslavia", "Yugoslavia"},
    {"czechoslovakia", "Czechoslovakia"}, {"vatican", "Holy See"},     {"palestine", "Palestine"},
};

/// "Korea, Republic of" style names need their common_name; others are used as they are.
bool usable_name(std::string_view name) { return name.find(',') == std::string_view::npos && name.find('(') == std::string_view::npos; }

}  // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::uint64_t Gazetteer::word_hash(std::string_view word) { return news::hash64(word); }

void Gazetteer::add_phrase(std::string_view phrase, GazList list) {
    std::uint64_t h = 0;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < phrase.size()) {
        while (i < phrase.size() && (phrase[i] == ' ' || phrase[i] == '_')) ++i;
        std::size_t j = i;
        while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '_') ++j;
        if (j > i) {
            h = phrase_step(h, word_hash(ascii_lower(phrase.substr(i, j - i))));
            ++words;
        }
        i = j;
    }
    if (words == 0 || words > 8) return;
    auto& mask = phrases_[h];
    const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(list));
    if ((mask & bit) == 0) ++counts_[static_cast<std::size_t>(list)];
    mask = static_cast<std::uint8_t>(mask | bit);
    if (words > max_words_) max_words_ = words;
}

void Gazetteer::add_dictionary_word(std::string_view word) {
    if (word.empty() || word.find('\'') != std::string_view::npos) return;
    const bool cap = word[0] >= 'A' && word[0] <= 'Z';
    WordInfo& info = words_[word_hash(ascii_lower(word))];
    if (info.dict == 0) ++dict_count_;
    info.dict = static_cast<std::uint8_t>(info.dict | (cap ? dict_cap : dict_lower));
}

namespace {

/// Next space-separated field of @p line from @p at.
std::string_view next_field(std::string_view line, std::size_t& at) {
    while (at < line.size() && line[at] == ' ') ++at;
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ') ++at;
    return line.substr(start, at - start);
}

std::size_t to_number(std::string_view s) {
    std::size_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return v;
        v = v * 10 + static_cast<std::size_t>(c - '0');
    }
    return v;
}

}  // namespace

void Gazetteer::load_word_classes(const std::filesystem::path& dir, const std::string& noun_data, const std::string& adj_data) {
    struct Pos {
        const char* data;
        const char* index;
        const char* exceptions;
    };
    constexpr Pos kPos[] = {{"data.noun", "index.noun", "noun.exc"}, {"data.verb", "index.verb", "verb.exc"},
                            {"data.adj", "index.adj", "adj.exc"}};
    // Most tagged first sense over the parts of speech: word hash -> (tag count + 1, class).
    struct Best {
        std::uint32_t tagged = 0;
        std::uint8_t cls = 0;
    };
    FlatTable<Best> best;
    best.reserve(100000);
    std::vector<std::pair<std::string, std::string>> exceptions;
    for (const Pos& pos : kPos) {
        std::string verb_data;
        if (&pos == &kPos[1]) verb_data = read_file(dir / pos.data);
        const std::string& data = &pos == &kPos[0] ? noun_data : &pos == &kPos[1] ? verb_data : adj_data;
        const std::string index = read_file(dir / pos.index);
        if (data.empty() || index.empty()) {
            warnings_.push_back("WordNet file " + (dir / pos.index).string() + " or " + pos.data +
                                " is missing; continuing without word classes");
            continue;
        }
        for (std::size_t at = 0; at < index.size();) {
            std::size_t eol = index.find('\n', at);
            if (eol == std::string::npos) eol = index.size();
            const std::string_view line(index.data() + at, eol - at);
            at = eol + 1;
            if (line.empty() || line[0] == ' ') continue;
            // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            std::size_t k = 0;
            const std::string_view lemma = next_field(line, k);
            next_field(line, k);
            next_field(line, k);
            const std::size_t pointers = to_number(next_field(line, k));
            for (std::size_t p = 0; p < pointers; ++p) next_field(line, k);
            next_field(line, k);
            const auto tagged = static_cast<std::uint32_t>(to_number(next_field(line, k)));
            // The synset offset is the byte offset of its line in the data file.
            const std::size_t offset = to_number(next_field(line, k));
            if (lemma.find('_') != std::string_view::npos || offset + 12 > data.size()) continue;
            const auto lexfile = to_number(std::string_view(data).substr(offset + 9, 2));
            Best& b = best[word_hash(lemma)];
            if (b.tagged == 0 || tagged + 1 > b.tagged) b = Best{tagged + 1, static_cast<std::uint8_t>(lexfile + 1)};
        }
        const std::string exc = read_file(dir / pos.exceptions);
        for (std::size_t at = 0; at < exc.size();) {
            std::size_t eol = exc.find('\n', at);
            if (eol == std::string::npos) eol = exc.size();
            const std::string_view line(exc.data() + at, eol - at);
            at = eol + 1;
            std::size_t k = 0;
            const std::string_view inflected = next_field(line, k);
            const std::string_view base = next_field(line, k);
            if (!inflected.empty() && !base.empty()) exceptions.emplace_back(inflected, base);
        }
    }
    words_.reserve(best.size() + exceptions.size() + 80000);
    auto set_class = [&](std::uint64_t key, std::uint8_t cls) {
        WordInfo& info = words_[key];
        if (info.cls == 0) ++class_count_;
        info.cls = cls;
    };
    best.for_each([&](std::uint64_t key, const Best& b) { set_class(key, b.cls); });
    for (const auto& [inflected, base] : exceptions) {
        const Best* b = best.find(word_hash(base));
        if (b == nullptr) continue;
        const WordInfo* info = words_.find(word_hash(inflected));
        if (info == nullptr || info->cls == 0) set_class(word_hash(inflected), b->cls);
    }
}

std::uint8_t Gazetteer::word_class(std::string_view lower_word) const {
    if (class_count_ == 0 || lower_word.size() < 2) return 0;
    if (const WordInfo* info = words_.find(word_hash(lower_word)); info != nullptr && info->cls != 0) return info->cls;
    // Regular inflections: -s, -es, -ies, -ed, -ing.
    auto try_stem = [&](std::size_t cut, std::string_view add) -> std::uint8_t {
        if (lower_word.size() <= cut + 2) return 0;
        std::string stem(lower_word.substr(0, lower_word.size() - cut));
        stem += add;
        const WordInfo* info = words_.find(word_hash(stem));
        return info == nullptr ? 0 : info->cls;
    };
    auto ends = [&](std::string_view suf) {
        return lower_word.size() > suf.size() && lower_word.substr(lower_word.size() - suf.size()) == suf;
    };
    std::uint8_t c = 0;
    if (ends("ies")) c = try_stem(3, "y");
    if (c == 0 && ends("es")) c = try_stem(2, "");
    if (c == 0 && ends("s")) c = try_stem(1, "");
    if (c == 0 && ends("ed")) {
        c = try_stem(2, "");
        if (c == 0) c = try_stem(1, "");
    }
    if (c == 0 && ends("ing")) {
        c = try_stem(3, "");
        if (c == 0) c = try_stem(3, "e");
    }
    return c;
}

std::uint8_t Gazetteer::dict_flags(std::uint64_t lower_hash) const {
    const WordInfo* info = words_.find(lower_hash);
    return info == nullptr ? 0 : info->dict;
}

std::uint64_t Gazetteer::signature() const {
    std::uint64_t h = 0x51u;
    for (std::size_t c : counts_) h = phrase_step(h, c);
    h = phrase_step(h, class_count_);
    return phrase_step(h, dict_count_);
}

void Gazetteer::match(std::span<const std::uint64_t> lower_hashes, std::span<const std::uint8_t> capitalised,
                      std::vector<std::array<std::uint8_t, kGazListCount>>& out) const {
    const std::size_t n = lower_hashes.size();
    out.assign(n, std::array<std::uint8_t, kGazListCount>{});
    if (phrases_.empty()) return;
    // Length of the longest match covering each token, per list.
    std::vector<std::array<std::uint8_t, kGazListCount>> best_len(n, std::array<std::uint8_t, kGazListCount>{});
    for (std::size_t i = 0; i < n; ++i) {
        if (!capitalised[i]) continue;
        std::uint64_t h = 0;
        for (std::size_t len = 1; len <= max_words_ && i + len <= n; ++len) {
            h = phrase_step(h, lower_hashes[i + len - 1]);
            const std::uint8_t* mask = phrases_.find(h);
            if (mask == nullptr) continue;
            for (std::size_t l = 0; l < kGazListCount; ++l) {
                if ((*mask & (1u << l)) == 0) continue;
                for (std::size_t k = i; k < i + len; ++k) {
                    if (best_len[k][l] >= len) continue;
                    best_len[k][l] = static_cast<std::uint8_t>(len);
                    std::uint8_t pos = 0;
                    if (len == 1) pos = 4;
                    else if (k == i) pos = 1;
                    else if (k + 1 == i + len) pos = 3;
                    else pos = 2;
                    out[k][l] = pos;
                }
            }
        }
    }
}

Gazetteer Gazetteer::load(const GazetteerPaths& paths) {
    Gazetteer g;
    auto warn_missing = [&](const std::filesystem::path& p) {
        g.warnings_.push_back("gazetteer file " + p.string() + " is missing; continuing without it");
    };
    auto add_country = [&](std::string_view name, std::string_view canonical) {
        g.add_phrase(name, GazList::country);
        g.countries_.push_back(CountryName{.alias_lower = ascii_lower(name), .canonical = std::string(canonical)});
    };

    if (!paths.iso_codes_dir.empty()) {
        const auto p1 = paths.iso_codes_dir / "iso_3166-1.json";
        const std::string text = read_file(p1);
        if (text.empty()) {
            warn_missing(p1);
        } else {
            try {
                const auto j = nlohmann::json::parse(text);
                for (const auto& c : j.at("3166-1")) {
                    const std::string name = c.value("name", "");
                    const std::string common = c.value("common_name", "");
                    const std::string official = c.value("official_name", "");
                    const std::string canonical = !common.empty() ? common : name;
                    if (!usable_name(canonical)) continue;
                    for (const std::string& n : {name, common, official}) {
                        if (!n.empty() && usable_name(n)) add_country(n, canonical);
                    }
                }
            } catch (const nlohmann::json::exception& e) {
                g.warnings_.push_back("cannot parse " + p1.string() + ": " + e.what());
            }
        }
        const auto p3 = paths.iso_codes_dir / "iso_3166-3.json";
        if (const std::string t3 = read_file(p3); !t3.empty()) {
            try {
                const auto j3 = nlohmann::json::parse(t3);
                for (const auto& c : j3.at("3166-3")) {
                    const std::string name = c.value("name", "");
                    if (!name.empty() && usable_name(name)) add_country(name, name);
                }
            } catch (const nlohmann::json::exception& e) {
                g.warnings_.push_back("cannot parse " + p3.string() + ": " + e.what());
            }
        }
        const auto p2 = paths.iso_codes_dir / "iso_3166-2.json";
        if (const std::string t2 = read_file(p2); t2.empty()) {
            warn_missing(p2);
        } else {
            try {
                const auto j2 = nlohmann::json::parse(t2);
                for (const auto& s : j2.at("3166-2")) {
                    const std::string name = s.value("name", "");
                    if (!name.empty() && usable_name(name)) g.add_phrase(name, GazList::subdivision);
                }
            } catch (const nlohmann::json::exception& e) {
                g.warnings_.push_back("cannot parse " + p2.string() + ": " + e.what());
            }
        }
        const auto p639 = paths.iso_codes_dir / "iso_639-2.json";
        if (const std::string tl = read_file(p639); !tl.empty()) {
            try {
                const auto jl = nlohmann::json::parse(tl);
                for (const auto& l : jl.at("639-2")) {
                    const std::string name = l.value("name", "");
                    if (!name.empty() && usable_name(name) && name.find(' ') == std::string::npos &&
                        name.find(';') == std::string::npos) {
                        g.add_phrase(name, GazList::language);
                    }
                }
            } catch (const nlohmann::json::exception& e) {
                g.warnings_.push_back("cannot parse " + p639.string() + ": " + e.what());
            }
        }
    }
    for (const Alias& a : kCountryAliases) add_country(a.alias, a.canonical);

    if (!paths.zone_tab.empty()) {
        const std::string zones = read_file(paths.zone_tab);
        if (zones.empty()) warn_missing(paths.zone_tab);
        std::istringstream in(zones);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            // country-codes \t coordinates \t TZ [\t comments]
            std::size_t t1 = line.find('\t');
            std::size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
            if (t2 == std::string::npos) continue;
            std::size_t t3 = line.find('\t', t2 + 1);
            std::string tz = line.substr(t2 + 1, t3 == std::string::npos ? std::string::npos : t3 - t2 - 1);
            const std::size_t slash = tz.rfind('/');
            if (slash != std::string::npos) g.add_phrase(tz.substr(slash + 1), GazList::city);
        }
    }

    if (!paths.wordnet_dir.empty()) {
        // data.noun: "offset lexfile n w_cnt word lex_id ... p_cnt pointers | gloss".
        const auto noun_path = paths.wordnet_dir / "data.noun";
        const std::string nouns = read_file(noun_path);
        if (nouns.empty()) warn_missing(noun_path);
        std::size_t pos = 0;
        while (pos < nouns.size()) {
            std::size_t eol = nouns.find('\n', pos);
            if (eol == std::string::npos) eol = nouns.size();
            const std::string_view line(nouns.data() + pos, eol - pos);
            pos = eol + 1;
            if (line.size() < 20 || line[0] == ' ') continue;
            // offset(8) ' ' lexfile(2) ' ' 'n' ' ' w_cnt(2 hex) ' '
            const std::string_view lex = line.substr(9, 2);
            GazList list;
            if (lex == "15") list = GazList::wn_place;
            else if (lex == "18") list = GazList::wn_person;
            else if (lex == "14") list = GazList::wn_org;
            else continue;
            const bool instance = line.find(" @i ") != std::string_view::npos;
            std::size_t count = std::stoul(std::string(line.substr(14, 2)), nullptr, 16);
            std::size_t k = 17;
            for (std::size_t w = 0; w < count && k < line.size(); ++w) {
                std::size_t sp = line.find(' ', k);
                if (sp == std::string_view::npos) break;
                const std::string_view word = line.substr(k, sp - k);
                std::size_t sp2 = line.find(' ', sp + 1);  // skip lex_id
                if (sp2 == std::string_view::npos) break;
                k = sp2 + 1;
                if (word.empty() || word[0] < 'A' || word[0] > 'Z') continue;
                if (list == GazList::wn_person && !instance) {
                    g.add_phrase(word, GazList::nationality);  // American, Briton, Muslim
                } else {
                    g.add_phrase(word, list);
                }
            }
        }
        const auto adj_path = paths.wordnet_dir / "data.adj";
        const std::string adjs = read_file(adj_path);
        if (adjs.empty()) warn_missing(adj_path);
        pos = 0;
        while (pos < adjs.size()) {
            std::size_t eol = adjs.find('\n', pos);
            if (eol == std::string::npos) eol = adjs.size();
            const std::string_view line(adjs.data() + pos, eol - pos);
            pos = eol + 1;
            if (line.size() < 20 || line[0] == ' ') continue;
            std::size_t count = std::stoul(std::string(line.substr(14, 2)), nullptr, 16);
            std::size_t k = 17;
            for (std::size_t w = 0; w < count && k < line.size(); ++w) {
                std::size_t sp = line.find(' ', k);
                if (sp == std::string_view::npos) break;
                std::string_view word = line.substr(k, sp - k);
                std::size_t sp2 = line.find(' ', sp + 1);
                if (sp2 == std::string_view::npos) break;
                k = sp2 + 1;
                if (const std::size_t paren = word.find('('); paren != std::string_view::npos) word = word.substr(0, paren);
                if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') g.add_phrase(word, GazList::nationality);
            }
        }
        g.load_word_classes(paths.wordnet_dir, nouns, adjs);
    }

    if (!paths.dictionary.empty()) {
        const std::string words = read_file(paths.dictionary);
        if (words.empty()) warn_missing(paths.dictionary);
        std::size_t pos = 0;
        while (pos < words.size()) {
            std::size_t eol = words.find('\n', pos);
            if (eol == std::string::npos) eol = words.size();
            g.add_dictionary_word(std::string_view(words.data() + pos, eol - pos));
            pos = eol + 1;
        }
    }
    return g;
}

}  // namespace news::ner
