/// @file canonical.cc
/// @brief Canonicalisation of entity names.
#include "common/ner/canonical.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/text_util.h"

namespace news::ner {
namespace {

std::vector<std::string> split_words(std::string_view s) {
    const std::vector<std::string_view> words = text::words(s);
    return {words.begin(), words.end()};
}

std::string join(const std::vector<std::string>& words, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!out.empty()) out.push_back(' ');
        out += words[i];
    }
    return out;
}

bool is_title_word(std::string_view w) {
    static constexpr std::array<std::string_view, 96> titles{
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
        "lord", "lady", "king", "queen", "prince", "princess", "pope", "president", "vice", "prime", "minister",
        "deputy", "foreign", "secretary", "state", "defence", "defense", "finance", "interior", "justice",
        "senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "gov.", "governor",
        "general", "gen.", "lt.", "lieutenant", "colonel", "col.", "captain", "capt.", "major", "maj.",
        "sergeant", "sgt.", "admiral", "adm.", "commander", "chancellor", "chairman", "chairwoman", "chair",
        "chief", "executive", "ceo", "judge", "mayor", "ambassador", "commissioner", "sheikh", "rev.",
        "reverend", "father", "bishop", "archbishop", "cardinal", "coach", "premier", "speaker", "leader",
        "opposition", "attorney", "spokesman", "spokeswoman", "director", "head", "envoy", "former",
        "acting", "new", "late", "senior", "economy", "trade", "labour"};
    std::string lw;
    for (char c : w) lw.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return std::find(titles.begin(), titles.end(), lw) != titles.end();
}

bool is_honorific(std::string_view w) {
    static constexpr std::array<std::string_view, 14> list{"Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr",
                                                          "Sir", "Dame", "Miss", "Messrs.", "Mme", "Mme."};
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_connector(std::string_view w) { return w == "of" || w == "the" || w == "for" || w == "and"; }

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

/// True for "EU", "U.S.", "NATO": 2-6 capitals, optionally with dots.
bool looks_like_acronym(std::string_view s) {
    std::size_t caps = 0;
    for (char c : s) {
        if (is_upper_ascii(c)) ++caps;
        else if (c != '.' && c != '&') return false;
    }
    return caps >= 2 && caps <= 6;
}

std::string letters_only_upper(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_upper_ascii(c)) out.push_back(c);
    }
    return out;
}

std::string lower(std::string_view s) { return ascii_lower(s); }

/// True when @p s has capitals and no lower-case ASCII letters.
bool is_all_caps(std::string_view s) {
    bool upper = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (is_upper_ascii(c)) upper = true;
    }
    return upper;
}

/// "NEW YORK" -> "New York" (ASCII letters only).
std::string title_case_words(std::string_view s) {
    std::string out(s);
    bool start = true;
    for (char& c : out) {
        if (is_upper_ascii(c) && !start) c = static_cast<char>(c - 'A' + 'a');
        start = c == ' ' || c == '-' || c == '\'';
    }
    return out;
}

/// Folds common Latin-1 and Latin Extended-A letters (2-byte UTF-8) to ASCII.
std::string fold_diacritics(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            continue;
        }
        if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < s.size()) {
            const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
            ++i;
            static constexpr std::string_view latin1 =  // U+00C0 .. U+00FF
                "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
            if (cp >= 0xC0 && cp <= 0xFF) {
                out.push_back(latin1[cp - 0xC0]);
                continue;
            }
            if (cp >= 0x100 && cp <= 0x17F) {
                static constexpr std::string_view ext =  // U+0100 .. U+017F
                    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
                out.push_back(ext[cp - 0x100]);
                continue;
            }
            continue;
        }
        // Other multi-byte characters are dropped from the key.
        while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
    }
    return out;
}

}  // namespace

std::string clean_name(std::string_view name) {
    std::string s = join(split_words(name));
    // Possessives: 's, ’s, trailing apostrophe.
    auto ends_with = [&](std::string_view suf) { return s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0; };
    if (ends_with(" 's") || ends_with(" 'S")) s.resize(s.size() - 3);
    else if (ends_with("'s") || ends_with("'S")) s.resize(s.size() - 2);
    else if (ends_with(" \xE2\x80\x99s")) s.resize(s.size() - 5);
    else if (ends_with("\xE2\x80\x99s")) s.resize(s.size() - 4);
    else if (ends_with("s'")) s.resize(s.size() - 1);
    // Surrounding quotes and punctuation.
    auto strip_char = [](char c) { return c == '"' || c == '\'' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '-' || c == ' '; };
    std::size_t a = 0, b = s.size();
    while (a < b && strip_char(s[a])) ++a;
    while (b > a && strip_char(s[b - 1])) --b;
    return s.substr(a, b - a);
}

std::string strip_person_titles(std::string_view name) {
    std::vector<std::string> words = split_words(name);
    std::size_t k = 0;
    while (k < words.size() && (is_title_word(words[k]) || (k > 0 && is_connector(words[k]) && k + 1 < words.size() && is_title_word(words[k + 1])))) {
        ++k;
    }
    if (k == words.size()) return {};
    return join(words, k);
}

std::string strip_company_suffix(std::string_view name) {
    static constexpr std::array<std::string_view, 20> suffixes{
        "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd.", "Ltd", "Plc", "PLC", "plc", "LLC", "L.L.C.",
        "AG", "SA", "S.A.", "NV", "N.V.", "Incorporated", "Corporation", "Limited"};
    std::vector<std::string> words = split_words(name);
    // "Microsoft Corp." and "Apple Inc" but not "Corp." alone; a comma before the suffix goes too.
    while (words.size() >= 2 && std::find(suffixes.begin(), suffixes.end(), words.back()) != suffixes.end()) {
        words.pop_back();
        if (words.back() == ",") words.pop_back();
        else if (!words.back().empty() && words.back().back() == ',') words.back().pop_back();
    }
    return join(words);
}

std::string acronym_of(std::string_view name) {
    const auto words = split_words(name);
    if (words.size() < 2) return {};
    std::string out;
    for (const std::string& w : words) {
        if (is_connector(lower(w)) || w == "&" || w == "de" || w == "la") continue;
        if (!w.empty() && is_upper_ascii(w[0])) out.push_back(w[0]);
        else return {};
    }
    return out.size() >= 2 ? out : std::string{};
}

std::string person_merge_key(std::string_view name) {
    std::string folded = lower(fold_diacritics(name));
    std::string key;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        // Collapse doubled letters: Zelenskyy -> zelensky, Dmitrii -> dmitri.
        std::string w;
        for (char c : word) {
            if (w.empty() || w.back() != c) w.push_back(c);
        }
        // Ending variants: -iy/-yi/-ij -> -y (-ii became -i above); -ey stays.
        auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 1 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
        if (ends("iy") || ends("yi") || ends("ij")) w.replace(w.size() - 2, 2, "y");
        // kh -> h (Mikhail/Mihail), ph -> f.
        std::string v;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (w[i] == 'k' && i + 1 < w.size() && w[i + 1] == 'h') { v.push_back('h'); ++i; }
            else if (w[i] == 'p' && i + 1 < w.size() && w[i + 1] == 'h') { v.push_back('f'); ++i; }
            else v.push_back(w[i]);
        }
        if (!key.empty()) key.push_back(' ');
        key += v;
        word.clear();
    };
    for (char c : folded) {
        if (c >= 'a' && c <= 'z') word.push_back(c);
        else if (c == '\'' || c == '.') continue;  // O'Neill, Jr.
        else flush();                               // spaces and hyphens separate words
    }
    flush();
    return key;
}

const std::unordered_map<std::string, std::string>& news_agency_names() {
    // Names that are nothing but an agency's: not "Bloomberg" (also a person) nor
    // "AP" (also Andhra Pradesh).
    static const std::unordered_map<std::string, std::string> names{
        {"reuters", "Reuters"},
        {"reuter", "Reuters"},
        {"thomson reuters", "Thomson Reuters"},
        {"afp", "Agence France-Presse"},
        {"agence france-presse", "Agence France-Presse"},
        {"agence france presse", "Agence France-Presse"},
        {"associated press", "Associated Press"},
        {"the associated press", "Associated Press"},
        {"upi", "United Press International"},
        {"united press international", "United Press International"},
        {"xinhua", "Xinhua"},
        {"xinhua news agency", "Xinhua"},
        {"tass", "TASS"},
        {"itar-tass", "TASS"},
        {"interfax", "Interfax"},
        {"kyodo", "Kyodo"},
        {"kyodo news", "Kyodo"},
        {"yonhap", "Yonhap"},
        {"dpa", "dpa"},
        {"deutsche presse-agentur", "dpa"},
        {"ansa", "ANSA"},
    };
    return names;
}

const std::unordered_map<std::string, std::string>& former_country_names() {
    static const std::unordered_map<std::string, std::string> names{
        // Short names iso-codes spells otherwise.
        {"brunei", "Brunei"},
        {"brunei darussalam", "Brunei"},
        {"cape verde", "Cabo Verde"},
        {"antigua", "Antigua and Barbuda"},
        {"trinidad", "Trinidad and Tobago"},
        {"trinidad-tobago", "Trinidad and Tobago"},
        {"macau", "Macao"},
        {"n.z.", "New Zealand"},
        {"u.s. virgin islands", "U.S. Virgin Islands"},
        {"us virgin islands", "U.S. Virgin Islands"},
        {"virgin islands of the united states", "U.S. Virgin Islands"},
        {"british virgin islands", "British Virgin Islands"},
        // Renamed countries: the current name.
        {"kampuchea", "Cambodia"},
        {"swaziland", "Eswatini"},
        {"western samoa", "Samoa"},
        {"upper volta", "Burkina Faso"},
        {"dahomey", "Benin"},
        {"byelorussia", "Belarus"},
        {"ceylon", "Sri Lanka"},
        {"east timor", "Timor-Leste"},
        // Former states keep their own names (as "West Germany", "Soviet Union" do).
        {"german democratic republic", "East Germany"},
        {"north yemen", "North Yemen"},
        {"yemen arab republic", "North Yemen"},
        {"south yemen", "South Yemen"},
    };
    return names;
}

Canonicalizer::Canonicalizer(const Gazetteer& gazetteer) {
    for (const CountryName& c : gazetteer.countries()) countries_[c.alias_lower] = c.canonical;
}

const std::string* Canonicalizer::country_of(const std::string& key) const {
    const auto& former = former_country_names();
    if (const auto it = former.find(key); it != former.end()) return &it->second;
    if (const auto it = countries_.find(key); it != countries_.end()) return &it->second;
    return nullptr;
}

std::string Canonicalizer::place_name(std::string_view name) const {
    std::string cleaned = clean_name(name);
    std::string key = lower(cleaned);
    if (const std::string* c = country_of(key)) return *c;
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    if (const std::string* c = country_of(key)) return *c;
    // "U.S" without the final dot.
    if (const std::string* c = country_of(key + ".")) return *c;
    return cleaned;
}

bool Canonicalizer::is_country(std::string_view name) const {
    std::string key = lower(clean_name(name));
    if (key.empty()) return false;
    if (country_of(key) != nullptr) return true;
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    return country_of(key) != nullptr || (key.back() != '.' && country_of(key + ".") != nullptr);
}

void Canonicalizer::canonicalize(std::vector<Mention>& mentions) const {
    // 1. Clean each mention on its own.
    for (Mention& m : mentions) {
        std::string c = clean_name(m.surface);
        // "Mr. Trump" is a person whatever the tagger said.
        if (const auto words = split_words(c); words.size() >= 2 && is_honorific(words[0])) m.type = EntityType::person;
        if (m.type == EntityType::person) c = strip_person_titles(c);
        if (m.type == EntityType::org) c = strip_company_suffix(c);
        // A country's name is a place whatever the tagger said ("New Zealand's reserves" as
        // ORG, "U.S." as ORG); not a person ("Jordan" may be one).
        const bool country = is_country(c) && (m.type != EntityType::person || looks_like_acronym(c));
        if (m.type == EntityType::place || country) {
            c = place_name(c);
            if (country) m.type = EntityType::place;
        }
        static constexpr std::array<std::string_view, 12> kBareDesignators{
            "inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "plc", "llc", "l.l.c.", "incorporated", "co"};
        const std::string key = lower(c);
        // A news agency's name is an organisation whatever the tagger said ("Reuter
        // said", "told Reuter" as a person: 147 Reuters-21578 stories).
        if (const auto it = news_agency_names().find(key); it != news_agency_names().end()) {
            m.type = EntityType::org;
            c = it->second;
        }
        // A company designator alone ("Inc", "Corp.") names nothing: the tagger
        // splits "... Corp\nInc" at line ends (386 "Inc" organisations and 87 "Corp"
        // people in Reuters-21578). Not "SA", "NV" or "AG", which name places too.
        else if (std::find(kBareDesignators.begin(), kBareDesignators.end(), key) != kBareDesignators.end()) {
            c.clear();
        }
        // Nothing with letters left: not an entity.
        if (std::none_of(c.begin(), c.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || static_cast<unsigned char>(ch) >= 0x80; })) c.clear();
        m.canonical = std::move(c);
    }
    // 2. ALL CAPS names (datelines, headlines): the spelling used elsewhere in the article,
    // else Title Case for places and persons ("CUPERTINO" -> "Cupertino").
    std::unordered_map<std::string, std::string> mixed_case;  // lower case -> first mixed-case spelling
    for (const Mention& m : mentions) {
        if (!m.canonical.empty() && !is_all_caps(m.canonical)) mixed_case.try_emplace(lower(m.canonical), m.canonical);
    }
    for (Mention& m : mentions) {
        if (m.canonical.empty() || !is_all_caps(m.canonical)) continue;
        if (const auto it = mixed_case.find(lower(m.canonical)); it != mixed_case.end()) {
            m.canonical = it->second;
        } else if ((m.type == EntityType::place || m.type == EntityType::person) && m.canonical.size() >= 5 &&
                   m.canonical.find('.') == std::string::npos) {
            m.canonical = title_case_words(m.canonical);
            if (m.type == EntityType::place) m.canonical = place_name(m.canonical);
        }
    }
    // 3. Acronyms: "EU" -> "European Union" when the expansion is mentioned in the article.
    std::map<std::string, std::string> expansions;  // acronym -> expansion
    for (const Mention& m : mentions) {
        if (m.canonical.empty() || m.type == EntityType::person) continue;
        const std::string a = acronym_of(m.canonical);
        if (!a.empty()) expansions.try_emplace(a, m.canonical);
    }
    for (Mention& m : mentions) {
        if (m.canonical.empty() || !looks_like_acronym(m.canonical)) continue;
        const auto it = expansions.find(letters_only_upper(m.canonical));
        if (it != expansions.end()) m.canonical = it->second;
    }
    // 4. Short person mentions -> the first full name that ends with them (by merge key).
    std::unordered_map<std::string, std::string> by_tail;  // merge key of the last k words -> full name
    for (const Mention& m : mentions) {
        if (m.type != EntityType::person || m.canonical.empty()) continue;
        const auto words = split_words(m.canonical);
        for (std::size_t k = 1; k < words.size() && k <= 3; ++k) {
            std::vector<std::string> tail(words.end() - static_cast<std::ptrdiff_t>(k), words.end());
            by_tail.try_emplace(person_merge_key(join(tail)), m.canonical);
        }
    }
    for (Mention& m : mentions) {
        if (m.type != EntityType::person || m.canonical.empty()) continue;
        const auto it = by_tail.find(person_merge_key(m.canonical));
        if (it != by_tail.end() && split_words(it->second).size() > split_words(m.canonical).size()) m.canonical = it->second;
    }
    // 5. Spelling variants of one person in one article ("Kim Jong-un", "Kim Jong Un"): the first.
    std::unordered_map<std::string, std::string> first_spelling;
    for (Mention& m : mentions) {
        if (m.type != EntityType::person || m.canonical.empty()) continue;
        const auto [it, inserted] = first_spelling.try_emplace(person_merge_key(m.canonical), m.canonical);
        if (!inserted) m.canonical = it->second;
    }
    // 6. One type per canonical name: the majority, ties to the first mention.
    std::map<std::string, std::array<int, kTypeCount>> votes;
    for (const Mention& m : mentions) {
        if (!m.canonical.empty()) ++votes[m.canonical][static_cast<std::size_t>(m.type)];
    }
    std::map<std::string, EntityType> first_type;
    for (const Mention& m : mentions) {
        if (!m.canonical.empty()) first_type.try_emplace(m.canonical, m.type);
    }
    for (Mention& m : mentions) {
        if (m.canonical.empty()) continue;
        const auto& v = votes[m.canonical];
        EntityType best = first_type[m.canonical];
        for (std::size_t t = 0; t < kTypeCount; ++t) {
            if (v[t] > v[static_cast<std::size_t>(best)]) best = static_cast<EntityType>(t);
        }
        // A country stays a place when an acronym of it was tagged ORG ("N.Z." -> "New Zealand").
        if (v[static_cast<std::size_t>(EntityType::place)] > 0 && v[static_cast<std::size_t>(EntityType::person)] == 0 &&
            is_country(m.canonical)) {
            best = EntityType::place;
        }
        m.type = best;
    }
}

}  // namespace news::ner
