/// @file eval_reuters_places.cc
/// @brief The entity extractor's places against the Reuters-21578 PLACES codes: recall over mentioned gold
/// places, precision.
///
/// Usage: eval_reuters_places [--json] [--limit N] [--model FILE] [DIR]
/// (DIR defaults to ../shared/corpora/reuters21578). Every article with at least
/// one gold PLACES code and some text (title + body, the hard-wrapped body
/// reflowed into paragraphs) goes through news::Extractor, as news-index would
/// run it. A gold code counts as *eligible* when one of its place's names or
/// usual aliases is written in the text (word boundaries; the name starts with
/// a capital, aliases of three letters or fewer such as "US", "U.S.", "UAE"
/// are written in capitals; nationality adjectives such as "American" are not
/// names of places; an occurrence inside a longer place name of another place,
/// "New Mexico", "Papua New Guinea", "Northern Ireland", or inside a company name
/// that Reuters marked with angle brackets, "<Kleinwort Benson Australia Ltd>",
/// does not count); as
/// *found* when the extracted places include its canonical name. Recall is
/// found / eligible (target 90%). Precision compares the extracted places with
/// the gold codes of the article: Reuters' PLACES list only countries and a few
/// regions, so a correctly extracted city ("New York", "Tokyo") counts against
/// precision over all extracted places; precision over extracted places that
/// are countries (that map to a Reuters code) leaves cities out. Each miss is
/// classified by what the recogniser made of the first mention: part of an
/// organisation name ("U.S. Agriculture Department", "Bank of Japan": CoNLL
/// annotates no place inside an organisation), of another name, or nothing.
/// Exit 0 when
/// recall reaches the target, 1 when it does not, 2 on usage errors or a
/// missing corpus.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bench/reuters_sgml.h"
#include "common/article.h"
#include "common/extract.h"
#include "common/ner/canonical.h"
#include "common/ner/gazetteer.h"
#include "common/ner/recognizer.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kProg = "eval_reuters_places";
constexpr const char* kDefaultDir = "../shared/corpora/reuters21578";
constexpr double kTarget = 0.90;

/// Reuters codes whose place is not simply the code with spaces for hyphens, and the
/// names the texts of the 1980s use for it. The first name is canonicalised with the
/// extractor's own Canonicalizer::place_name, so the expected value is whatever the
/// extractor would produce for that name; the other names are aliases (eligibility only).
/// Historical states keep their own names: West Germany, East Germany, Soviet Union,
/// Czechoslovakia, Yugoslavia, Zaire, North and South Yemen; renamed countries take the
/// current name (Kampuchea -> Cambodia, Burma -> Myanmar, Western Samoa -> Samoa,
/// Swaziland -> Eswatini, Ivory Coast -> Côte d'Ivoire, Cape Verde -> Cabo Verde).
struct CodeNames {
    std::string_view code;
    std::vector<std::string_view> names;
};
const std::vector<CodeNames>& code_names() {
    static const std::vector<CodeNames> table{
        {"usa", {"United States", "U.S.", "US", "USA", "U.S.A.", "United States of America"}},
        {"uk", {"United Kingdom", "Britain", "Great Britain", "U.K.", "UK"}},
        {"ussr", {"Soviet Union", "USSR", "U.S.S.R."}},
        {"west-germany", {"West Germany"}},
        {"east-germany", {"East Germany"}},
        {"uae", {"United Arab Emirates", "UAE", "U.A.E."}},
        {"ivory-coast", {"Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"}},
        {"kampuchea", {"Kampuchea", "Cambodia"}},
        {"burma", {"Burma", "Myanmar"}},
        {"western-samoa", {"Western Samoa"}},
        {"swaziland", {"Swaziland", "Eswatini"}},
        {"cape-verde", {"Cape Verde", "Cabo Verde"}},
        {"macao", {"Macao", "Macau"}},
        {"vatican", {"Vatican", "Holy See"}},
        {"trinidad-tobago", {"Trinidad and Tobago", "Trinidad"}},
        {"us-virgin-islands", {"U.S. Virgin Islands", "US Virgin Islands"}},
        {"british-virgin-islands", {"British Virgin Islands"}},
        {"guinea-bissau", {"Guinea-Bissau"}},
        {"yemen-arab-republic", {"North Yemen", "Yemen Arab Republic"}},
        {"yemen-demo-republic", {"South Yemen", "People's Democratic Republic of Yemen"}},
        {"brunei", {"Brunei", "Brunei Darussalam"}},
        {"netherlands", {"Netherlands", "Holland"}},
        {"south-korea", {"South Korea"}},
        {"north-korea", {"North Korea"}},
        {"vietnam", {"Vietnam", "Viet Nam"}},
        {"turkey", {"Turkey", "Turkiye"}},
    };
    return table;
}

/// Aliases in the country list that are not names of the place in running text.
constexpr std::string_view kNotAliases[] = {
    "america",  // the continent(s), "Latin America", "Bank of America"
};

/// Longer names that contain a country's name without being that country.
constexpr std::string_view kOtherPlaces[] = {
    "new mexico",     "new guinea",    "new jersey",      "northern ireland", "latin america",
    "south america",  "north america", "central america", "bank of america",  "mexico city",
    "panama city",    "kuwait city",   "guatemala city",  "belize city",      "south china sea",
    "east china sea", "vatican city",
};

bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char to_lower(char c) {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Letters in @p s.
std::size_t letter_count(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return is_alnum(c); }));
}

/// Occurrences of @p alias_lower in @p text / @p lower (same length), at word boundaries,
/// starting with a capital, in capitals when the alias is short.
std::vector<std::size_t> occurrences(std::string_view text, std::string_view lower,
                                     std::string_view alias_lower) {
    std::vector<std::size_t> out;
    const bool short_alias = letter_count(alias_lower) <= 3;
    for (std::size_t at = lower.find(alias_lower); at != std::string_view::npos;
         at = lower.find(alias_lower, at + 1)) {
        const std::size_t end = at + alias_lower.size();
        if (at > 0 && is_alnum(text[at - 1])) continue;
        // "U.S." ends with a dot; otherwise the next character must not continue a word.
        if (end < text.size() && is_alnum(text[end]) && is_alnum(alias_lower.back())) continue;
        if (!is_upper(text[at])) continue;
        if (short_alias) {
            const std::string_view written = text.substr(at, alias_lower.size());
            if (std::any_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
                continue;
        }
        out.push_back(at);
    }
    return out;
}

/// True when @p at is inside "<...>" on one line: Reuters' marking of company names
/// ("<Union Faith Canada Holding Ltd>") and tickers ("<TXC>").
bool inside_company_markup(std::string_view text, std::size_t at) {
    const std::size_t open = text.rfind('<', at);
    if (open == std::string_view::npos) return false;
    const std::size_t close_before = text.rfind('>', at);
    if (close_before != std::string_view::npos && close_before > open) return false;
    const std::size_t close = text.find('>', at);
    return close != std::string_view::npos &&
           text.substr(open, close - open).find('\n') == std::string_view::npos;
}

/// One Reuters code, resolved.
struct Place {
    std::string code;
    std::string canonical;             ///< what the extractor should produce
    std::vector<std::string> aliases;  ///< lower case, for eligibility
    bool resolved = false;             ///< the canonical name is in the extractor's country list
};

/// A longer name containing an alias: (lower-case name, offset of the alias in it).
struct Masker {
    std::string name;
    std::size_t offset;
};

class PlaceTable {
  public:
    PlaceTable(const std::set<std::string>& codes, const news::ner::Gazetteer& gazetteer,
               const news::ner::Canonicalizer& canonicalizer) {
        std::map<std::string, std::vector<std::string>> aliases_of;  // canonical -> lower-case aliases
        std::set<std::string> country_canonicals;
        for (const auto& c : gazetteer.countries()) {
            country_canonicals.insert(c.canonical);
            if (std::find(std::begin(kNotAliases), std::end(kNotAliases), c.alias_lower) ==
                std::end(kNotAliases)) {
                aliases_of[c.canonical].push_back(c.alias_lower);
            }
        }
        for (const auto& [alias, canonical] : news::ner::former_country_names()) {
            country_canonicals.insert(canonical);
            aliases_of[canonical].push_back(alias);
        }
        for (const std::string& code : codes) {
            Place p;
            p.code = code;
            std::vector<std::string> names;
            const auto& table = code_names();
            if (const auto it = std::find_if(table.begin(), table.end(),
                                             [&](const CodeNames& c) { return c.code == code; });
                it != table.end()) {
                for (const auto n : it->names) names.emplace_back(n);
            } else {
                names.push_back(title_case(code, ' '));
                names.push_back(title_case(code, '-'));
            }
            p.canonical = canonicalizer.place_name(names.front());
            for (const auto& n : names) {
                if (country_canonicals.count(canonicalizer.place_name(n)) != 0 && !p.resolved) {
                    p.canonical = canonicalizer.place_name(n);
                    p.resolved = true;
                }
            }
            std::set<std::string> aliases;
            for (const auto& n : names) aliases.insert(lower(n));
            for (const auto& a : aliases_of[p.canonical]) aliases.insert(a);
            p.aliases.assign(aliases.begin(), aliases.end());
            by_code_[code] = places_.size();
            by_canonical_.emplace(p.canonical, code);
            places_.push_back(std::move(p));
        }
        // Every name that can hide another: all places' aliases, then the other names.
        std::vector<std::pair<std::string, std::string>> longer;  // lower name, canonical ("" for others)
        for (const auto& [canonical, list] : aliases_of) {
            for (const auto& a : list) longer.emplace_back(a, canonical);
        }
        for (const auto& p : places_) {
            for (const auto& a : p.aliases) longer.emplace_back(a, p.canonical);
        }
        for (const auto other : kOtherPlaces) longer.emplace_back(std::string(other), "");
        for (auto& p : places_) {
            for (const auto& a : p.aliases) {
                auto& list = maskers_[p.code + '\t' + a];
                for (const auto& [name, canonical] : longer) {
                    if (canonical == p.canonical || name.size() <= a.size()) continue;
                    for (std::size_t at = name.find(a); at != std::string::npos; at = name.find(a, at + 1)) {
                        list.push_back(Masker{.name = name, .offset = at});
                    }
                }
            }
        }
    }

    [[nodiscard]] const Place* find_code(const std::string& code) const {
        const auto it = by_code_.find(code);
        return it == by_code_.end() ? nullptr : &places_[it->second];
    }
    /// The Reuters code of a canonical place name, empty when it is not one of them.
    [[nodiscard]] std::string code_of(const std::string& canonical) const {
        const auto it = by_canonical_.find(canonical);
        return it == by_canonical_.end() ? std::string() : it->second;
    }
    [[nodiscard]] const std::vector<Place>& places() const { return places_; }

    /// The offset of the first occurrence of one of @p place's names in @p text, not
    /// inside a longer name of something else; npos when none.
    [[nodiscard]] std::size_t first_mention(const Place& place, std::string_view text,
                                            std::string_view lower_text) const {
        std::size_t best = std::string_view::npos;
        for (const auto& a : place.aliases) {
            const auto& masks = maskers_.at(place.code + '\t' + a);
            for (const std::size_t at : occurrences(text, lower_text, a)) {
                const bool masked = std::any_of(masks.begin(), masks.end(), [&](const Masker& m) {
                    return at >= m.offset && lower_text.substr(at - m.offset, m.name.size()) == m.name &&
                           (at - m.offset == 0 || !is_alnum(text[at - m.offset - 1])) &&
                           (at - m.offset + m.name.size() >= text.size() ||
                            !is_alnum(text[at - m.offset + m.name.size()]));
                });
                if (!masked && !inside_company_markup(text, at)) {
                    best = std::min(best, at);
                    break;
                }
            }
        }
        return best;
    }

    static std::string lower(std::string_view s) {
        std::string out(s);
        for (char& c : out) c = to_lower(c);
        return out;
    }

  private:
    /// "west-germany" -> "West Germany" (separator ' ') or "West-Germany" ('-').
    static std::string title_case(std::string_view code, char separator) {
        std::string out;
        bool start = true;
        for (const char c : code) {
            if (c == '-') {
                out.push_back(separator);
                start = true;
                continue;
            }
            out.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
            start = false;
        }
        return out;
    }

    std::vector<Place> places_;
    std::map<std::string, std::size_t> by_code_;
    std::map<std::string, std::string> by_canonical_;
    std::unordered_map<std::string, std::vector<Masker>> maskers_;
};

/// A short excerpt of @p text around @p at, on one line.
std::string excerpt(std::string_view text, std::size_t at) {
    const std::size_t from = at > 40 ? at - 40 : 0;
    std::string s(text.substr(from, 100));
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

struct Counter {
    std::size_t count = 0;
    std::vector<std::string> examples;  ///< the first few
    void add(std::string example) {
        ++count;
        if (examples.size() < 5) examples.push_back(std::move(example));
    }
};

std::vector<std::pair<std::string, Counter>> top(const std::map<std::string, Counter>& counts,
                                                 std::size_t n) {
    std::vector<std::pair<std::string, Counter>> v(counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
    if (v.size() > n) v.resize(n);
    return v;
}

json top_json(const std::map<std::string, Counter>& counts, std::size_t n) {
    json out = json::array();
    for (const auto& [name, c] : top(counts, n))
        out.push_back({{"name", name}, {"count", c.count}, {"examples", c.examples}});
    return out;
}

void usage(std::FILE* out) {
    std::fprintf(
        out,
        "Usage: %s [--json] [--limit N] [--model FILE] [DIR]\n"
        "Runs the entity extractor over the Reuters-21578 articles in DIR (default %s)\n"
        "that have PLACES codes, and reports recall over the gold places whose name is\n"
        "written in the text (target %.0f%%), precision over all extracted places and over\n"
        "extracted countries, the most frequent misses and false positives, and articles/s.\n"
        "  --json        one JSON object on stdout\n"
        "  --limit N     only the first N articles with PLACES\n"
        "  --model FILE  entity model (default: the installed one)\n"
        "Exit 0 when recall reaches the target, 1 below it, 2 on usage errors or a missing corpus.\n",
        kProg, kDefaultDir, kTarget * 100);
}

double ratio(std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
}

}  // namespace

int main(int argc, char** argv) {
    fs::path dir = kDefaultDir;
    fs::path model;
    bool as_json = false;
    std::size_t limit = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        }
        if (arg == "--json") {
            as_json = true;
        } else if ((arg == "--limit" || arg == "--model") && i + 1 < argc) {
            const std::string value = argv[++i];
            if (arg == "--model") {
                model = value;
                continue;
            }
            try {
                limit = static_cast<std::size_t>(std::stoul(value));
            } catch (const std::exception&) {
                std::fprintf(stderr, "%s: --limit needs a number, not '%s'\n", kProg, value.c_str());
                return 2;
            }
        } else if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "%s: unknown option or missing value '%s' (try --help)\n", kProg, argv[i]);
            return 2;
        } else {
            dir = argv[i];
        }
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        std::fprintf(stderr, "%s: corpus directory '%s' not found (pass the Reuters-21578 directory)\n",
                     kProg, dir.string().c_str());
        return 2;
    }
    auto records = news::bench::read_reuters(dir);
    if (records.empty()) {
        std::fprintf(stderr, "%s: no reut2-*.sgm articles in '%s'\n", kProg, dir.string().c_str());
        return 2;
    }
    const std::size_t total_records = records.size();
    std::erase_if(records,
                  [](const auto& r) { return r.places.empty() || (r.title.empty() && r.body.empty()); });
    if (limit != 0 && records.size() > limit) records.resize(limit);

    try {
        const news::Extractor extractor(
            news::ExtractOptions{.ner_model = model, .entities = true, .dates = false});
        // The same recogniser again, to say what became of the missed mentions.
        const news::ner::Recognizer recognizer(model.empty() ? news::ner::Recognizer::default_model_path()
                                                             : model);
        const news::ner::Gazetteer gazetteer = news::ner::Gazetteer::load();
        const news::ner::Canonicalizer canonicalizer(gazetteer);
        std::set<std::string> codes;
        for (const auto& r : records) codes.insert(r.places.begin(), r.places.end());
        const PlaceTable table(codes, gazetteer, canonicalizer);

        std::size_t gold = 0, eligible = 0, found = 0, found_any_type = 0, found_not_eligible = 0;
        std::size_t extracted = 0, extracted_countries = 0, correct = 0;
        std::map<std::string, Counter> misses, misses_by_kind, false_countries, false_others;
        std::map<std::string, std::pair<std::size_t, std::size_t>> per_code;  // code -> (eligible, found)
        double seconds = 0;
        for (const auto& r : records) {
            news::Article article;
            article.title = r.title;
            article.body = news::bench::reflow_paragraphs(r.body);
            const std::string text = article.title + "\n\n" + article.body;
            const std::string lower_text = PlaceTable::lower(text);
            const auto t0 = std::chrono::steady_clock::now();
            extractor.extract(article);
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            const auto& places = article.entities.place;
            const auto has = [](const std::vector<std::string>& v, const std::string& s) {
                return std::find(v.begin(), v.end(), s) != v.end();
            };
            std::set<std::string> gold_codes(r.places.begin(), r.places.end());
            std::vector<news::ner::Mention> mentions;  // only for articles with a miss
            for (const std::string& code : gold_codes) {
                ++gold;
                const Place* p = table.find_code(code);
                const std::size_t at = table.first_mention(*p, text, lower_text);
                const bool is_found = has(places, p->canonical);
                if (at == std::string_view::npos) {
                    found_not_eligible += is_found ? 1 : 0;
                    continue;
                }
                ++eligible;
                ++per_code[code].first;
                if (is_found) {
                    ++found;
                    ++per_code[code].second;
                    continue;
                }
                const auto& e = article.entities;
                const char* as = has(e.org, p->canonical)      ? " [as org]"
                                 : has(e.misc, p->canonical)   ? " [as misc]"
                                 : has(e.person, p->canonical) ? " [as person]"
                                                               : "";
                if (*as != '\0') ++found_any_type;
                // What the recogniser made of the first mention.
                if (mentions.empty()) mentions = recognizer.mentions(text);
                std::string kind = "not tagged";
                for (const auto& m : mentions) {
                    if (m.begin <= at && at < m.end) {
                        kind = "inside " + std::string(news::ner::type_name(m.type)) + " name";
                        if (m.type == news::ner::EntityType::place) kind = "inside place name";
                        misses_by_kind[kind].add(code + " " + r.newid + ": " + m.surface + " -> " +
                                                 m.canonical);
                        break;
                    }
                }
                if (kind == "not tagged")
                    misses_by_kind[kind].add(code + " " + r.newid + ": ..." + excerpt(text, at) + "...");
                misses[code].add(r.newid + as + " [" + kind + "]: ..." + excerpt(text, at) + "...");
            }
            for (const std::string& place : places) {
                ++extracted;
                const std::string code = table.code_of(place);
                if (!code.empty()) ++extracted_countries;
                if (!code.empty() && gold_codes.count(code) != 0) {
                    ++correct;
                    continue;
                }
                std::string gold_list;
                for (const auto& g : r.places) gold_list += (gold_list.empty() ? "" : ",") + g;
                (code.empty() ? false_others : false_countries)[place].add(r.newid + " (gold " + gold_list +
                                                                           ")");
            }
        }
        std::vector<std::string> unresolved;
        for (const auto& p : table.places()) {
            if (!p.resolved) unresolved.push_back(p.code + " -> " + p.canonical);
        }
        const double recall = ratio(found, eligible);
        // CoNLL annotates no place inside an organisation's name ("Bank of Japan"): the
        // recall with those misses set aside shows the recogniser's other errors.
        const auto in_org = misses_by_kind.find("inside ORG name");
        const std::size_t org_misses = in_org == misses_by_kind.end() ? 0 : in_org->second.count;
        const double recall_outside_orgs = ratio(found, eligible - org_misses);
        const double precision_all = ratio(correct, extracted);
        const double precision_countries = ratio(correct, extracted_countries);
        const double rate = seconds > 0 ? static_cast<double>(records.size()) / seconds : 0;

        if (as_json) {
            json per = json::object();
            for (const auto& [code, c] : per_code) per[code] = {{"eligible", c.first}, {"found", c.second}};
            const json out{{"corpus", dir.string()},
                           {"records", total_records},
                           {"articles", records.size()},
                           {"gold_places", gold},
                           {"eligible", eligible},
                           {"found", found},
                           {"recall", recall},
                           {"misses_inside_organisation_names", org_misses},
                           {"recall_outside_organisation_names", recall_outside_orgs},
                           {"target", kTarget},
                           {"missed_but_extracted_with_another_type", found_any_type},
                           {"found_not_eligible", found_not_eligible},
                           {"extracted_places", extracted},
                           {"extracted_countries", extracted_countries},
                           {"correct", correct},
                           {"precision_all", precision_all},
                           {"precision_countries", precision_countries},
                           {"articles_per_second", rate},
                           {"unresolved_codes", unresolved},
                           {"top_misses", top_json(misses, 25)},
                           {"misses_by_kind", top_json(misses_by_kind, 10)},
                           {"top_false_countries", top_json(false_countries, 25)},
                           {"top_false_other_places", top_json(false_others, 25)},
                           {"per_code", per}};
            std::printf("%s\n", out.dump(2).c_str());
        } else {
            std::printf("Reuters-21578 places (%s): %zu records, %zu articles with PLACES codes and text\n",
                        dir.string().c_str(), total_records, records.size());
            std::printf("  gold places: %zu; eligible (name or alias written in title+body): %zu\n", gold,
                        eligible);
            std::printf(
                "  recall:    %5.1f%%  (%zu of %zu eligible extracted as the canonical place; target "
                "%.0f%%)\n",
                recall * 100, found, eligible, kTarget * 100);
            std::printf(
                "             %5.1f%%  with the %zu misses whose first mention is inside an organisation's "
                "name set aside (\"Bank of Japan\", \"U.S. Agriculture Department\")\n",
                recall_outside_orgs * 100, org_misses);
            std::printf(
                "             %zu of the misses were extracted with another type; %zu gold places found "
                "although their name was not matched\n",
                found_any_type, found_not_eligible);
            std::printf(
                "  precision: %5.1f%%  over all %zu extracted places (cities count as false: Reuters gold "
                "lists countries)\n",
                precision_all * 100, extracted);
            std::printf(
                "             %5.1f%%  over the %zu extracted places that are Reuters countries/regions\n",
                precision_countries * 100, extracted_countries);
            std::printf("  speed:     %.1f articles/s (extraction only, one thread)\n", rate);
            if (!unresolved.empty()) {
                std::printf("  codes not in the extractor's country list:");
                for (const auto& u : unresolved) std::printf(" %s;", u.c_str());
                std::printf("\n");
            }
            auto print_top = [](const char* heading, const std::map<std::string, Counter>& counts) {
                std::printf("%s\n", heading);
                for (const auto& [name, c] : top(counts, 15)) {
                    std::printf("  %5zu  %s\n", c.count, name.c_str());
                    for (const auto& e : c.examples) std::printf("           %s\n", e.c_str());
                }
            };
            print_top("Misses by what the recogniser made of the first mention:", misses_by_kind);
            print_top("Top misses (gold code; article NEWID [kind]: text around the first mention):", misses);
            print_top("Top false positives that are Reuters countries (extracted name; article and gold):",
                      false_countries);
            print_top("Top other extracted places (cities, regions; false against country-level gold):",
                      false_others);
        }
        return recall >= kTarget ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", kProg, e.what());
        return 2;
    }
}
