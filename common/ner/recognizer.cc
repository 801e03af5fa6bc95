/// @file recognizer.cc
/// @brief Recognizer implementation.
#include "common/ner/recognizer.h"

#include "common/ner/tagger.h"
#include "common/ner/tokenizer.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#ifndef NEWS_DEFAULT_NER_MODEL
#define NEWS_DEFAULT_NER_MODEL "models/ner-conll2003.model"
#endif

namespace news::ner {

namespace {

/// Lower-case text of words [first, last) joined by single spaces.
std::string joined_lower(std::span<const std::string_view> words, std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first) out.push_back(' ');
        out += ascii_lower(words[i]);
    }
    return out;
}

/// True when words [first, last) of a heading name a country ("U.S.", "BRAZIL", "UNITED
/// ARAB EMIRATES"). Short forms must be written in capitals with dots or be "UK", "UAE",
/// "USA" and the like: "US" in a heading is as often the pronoun, and "Us" always is.
bool heading_country(std::span<const std::string_view> words, std::size_t first, std::size_t last,
                     const Canonicalizer& canonicalizer) {
    std::string name;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first) name.push_back(' ');
        name.append(words[i]);
    }
    if (last - first == 1) {
        const std::string_view w = words[first];
        const auto letters = std::count_if(w.begin(), w.end(), [](char c) { return c != '.'; });
        if (letters <= 3 && (std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
                             w == "US")) {
            return false;
        }
    }
    return canonicalizer.is_country(name);
}

/// Spans of a Title Case or ALL CAPS line, checked against the names found in running
/// text (@p known, lower case): a span that is not a known name is cut to the longest
/// known name inside it ("Apple Unveils New iPhone" -> "Apple"), else to a country that
/// opens it ("U.S. HOUSE SPEAKER" -> "U.S."); known names the tagger missed are added
/// (single words only when they are not common words), and so are countries ("GREECE
/// ACCUSES TURKEY").
void refine_heading_spans(std::span<const std::string_view> words, const std::unordered_map<std::string, EntityType>& known,
                          const Gazetteer& gazetteer, const Canonicalizer& canonicalizer, std::vector<Span>& spans) {
    for (Span& span : spans) {
        if (span.last - span.first < 2 || known.count(joined_lower(words, span.first, span.last)) != 0) continue;
        bool found = false;
        for (std::size_t len = span.last - span.first - 1; len >= 1 && !found; --len) {
            for (std::size_t a = span.first; a + len <= span.last && !found; ++a) {
                const auto it = known.find(joined_lower(words, a, a + len));
                if (it == known.end()) continue;
                span = Span{.first = a, .last = a + len, .type = it->second};
                found = true;
            }
        }
        for (std::size_t len = std::min<std::size_t>(4, span.last - span.first - 1); len >= 1 && !found; --len) {
            if (!heading_country(words, span.first, span.first + len, canonicalizer)) continue;
            span = Span{.first = span.first, .last = span.first + len, .type = EntityType::place};
            found = true;
        }
    }
    std::vector<bool> covered(words.size(), false);
    for (const Span& sp : spans) {
        for (std::size_t i = sp.first; i < sp.last; ++i) covered[i] = true;
    }
    for (std::size_t a = 0; a < words.size(); ++a) {
        for (std::size_t len = std::min<std::size_t>(4, words.size() - a); len >= 1; --len) {
            if (std::any_of(covered.begin() + static_cast<std::ptrdiff_t>(a), covered.begin() + static_cast<std::ptrdiff_t>(a + len),
                            [](bool c) { return c; })) {
                continue;
            }
            const std::string name = joined_lower(words, a, a + len);
            const auto it = known.find(name);
            EntityType type = EntityType::place;
            if (it != known.end()) {
                if (len == 1 && (gazetteer.dict_flags(Gazetteer::word_hash(name)) & dict_lower) != 0) continue;
                type = it->second;
            } else if (!heading_country(words, a, a + len, canonicalizer)) {
                continue;
            }
            spans.push_back(Span{.first = a, .last = a + len, .type = type});
            for (std::size_t i = a; i < a + len; ++i) covered[i] = true;
            break;
        }
    }
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.first < y.first; });
}

/// True for words in capitals only ("KYIV", "NEW", "U.S.").
bool all_caps_word(std::string_view w) {
    bool letter = false;
    for (char c : w) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
        else if (c != '.' && c != '-' && c != '\'') return false;
    }
    return letter;
}

bool is_dash(std::string_view w) { return w == "-" || w == "--" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93"; }

/// A news dateline opening the sentence: "KYIV (Reuters) -", "CUPERTINO, Calif. --",
/// "LONDON -": its place, when the tagger left it out.
void add_dateline_place(std::span<const std::string_view> words, std::vector<Span>& spans) {
    std::size_t k = 0;
    while (k < words.size() && k < 3 && all_caps_word(words[k])) ++k;
    if (k == 0 || k == words.size()) return;
    // After the place: "(Agency)", a dash, or ", State" and then one of those.
    std::size_t next = k;
    if (words[next] == "," && next + 2 < words.size()) next += 2;
    if (words[next] != "(" && !is_dash(words[next])) return;
    for (const Span& sp : spans) {
        if (sp.first < k) return;  // the tagger already decided
    }
    spans.insert(spans.begin(), Span{.first = 0, .last = k, .type = EntityType::place});
}

/// Countries inside hyphenated words, which the tokenizer keeps whole and the tagger
/// rarely splits: "U.S.-Japan talks", "the Iran-Iraq war", "CANADA-EGYPT", "a
/// Japan-based firm" give a place mention for each country part, replacing a mention
/// of the word alone. A word with a capitalised part that is not a country
/// ("Petro-Canada", "Austro-Hungarian") or that is itself a country ("Guinea-Bissau"),
/// or a word inside a longer mention ("U.S.-Japan Business Council"), is left as it is.
void add_hyphenated_countries(std::string_view text, std::span<const Token> tokens, const Canonicalizer& canonicalizer,
                              std::vector<Mention>& mentions) {
    std::vector<Mention> added;
    for (const Token& token : tokens) {
        const std::string_view word = text.substr(token.begin, token.end - token.begin);
        if (word.size() < 4 || word.find('-') == std::string_view::npos || canonicalizer.is_country(word)) continue;
        std::vector<std::pair<std::size_t, std::size_t>> countries;  // offsets in word
        bool ok = true;
        for (std::size_t at = 0; at <= word.size() && ok;) {
            std::size_t dash = word.find('-', at);
            if (dash == std::string_view::npos) dash = word.size();
            const std::string_view part = word.substr(at, dash - at);
            if (part.empty()) {
                ok = false;
            } else if (part[0] >= 'A' && part[0] <= 'Z') {
                if (canonicalizer.is_country(part)) countries.emplace_back(at, dash);
                else ok = false;
            }
            at = dash + 1;
        }
        if (!ok || countries.empty()) continue;
        const auto overlapping = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) {
            return m.begin < token.end && token.begin < m.end;
        });
        if (overlapping != mentions.end()) {
            if (overlapping->begin != token.begin || overlapping->end != token.end) continue;
            mentions.erase(overlapping);
        }
        for (const auto& [b, e] : countries) {
            added.push_back(Mention{.type = EntityType::place, .surface = std::string(word.substr(b, e - b)),
                                    .begin = token.begin + b, .end = token.begin + e, .canonical = {}});
        }
    }
    if (added.empty()) return;
    mentions.insert(mentions.end(), added.begin(), added.end());
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& x, const Mention& y) { return x.begin < y.begin; });
}

}  // namespace

struct Recognizer::State {
    Gazetteer gazetteer;
    Model model;
    FeatureExtractor extractor{gazetteer, &model.clusters()};
    Canonicalizer canonicalizer{gazetteer};
    std::vector<std::string> warnings;

    /// Tagging buffers of each thread that calls mentions(), kept from document
    /// to document for their word scores (WordScoreCache).
    std::mutex scratch_mutex;
    std::unordered_map<std::thread::id, std::unique_ptr<TaggerScratch>> scratches;

    State(Gazetteer g, Model m) : gazetteer(std::move(g)), model(std::move(m)) {}

    TaggerScratch& scratch() {
        const std::lock_guard<std::mutex> lock(scratch_mutex);
        std::unique_ptr<TaggerScratch>& s = scratches[std::this_thread::get_id()];
        if (!s) s = std::make_unique<TaggerScratch>();
        return *s;
    }
};

Recognizer::Recognizer(const std::filesystem::path& model_path) : Recognizer(model_path, GazetteerPaths{}) {}

Recognizer::Recognizer(const std::filesystem::path& model_path, const GazetteerPaths& paths) {
    Model model = Model::load(model_path);
    if (model.meta().feature_version != kFeatureVersion) {
        throw std::runtime_error("NER model " + model_path.string() + " was built for feature set version " +
                                 std::to_string(model.meta().feature_version) + ", this program uses version " +
                                 std::to_string(kFeatureVersion) + "; retrain it with news-ner train");
    }
    Gazetteer gazetteer = Gazetteer::load(paths);
    state_ = std::make_unique<State>(std::move(gazetteer), std::move(model));
    state_->warnings = state_->gazetteer.warnings();
    if (state_->gazetteer.signature() != state_->model.meta().gazetteer_signature) {
        state_->warnings.push_back("the gazetteers differ from the ones " + model_path.string() +
                                   " was trained with; accuracy may suffer");
    }
}

Recognizer::~Recognizer() = default;
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;

const std::vector<std::string>& Recognizer::warnings() const { return state_->warnings; }

std::filesystem::path Recognizer::default_model_path() { return NEWS_DEFAULT_NER_MODEL; }

std::vector<Mention> Recognizer::mentions(std::string_view text) const {
    const TokenizedText tt = tokenize(text);
    std::vector<std::vector<std::string_view>> sentences;
    sentences.reserve(tt.sentences.size());
    for (const SentenceRange& r : tt.sentences) sentences.push_back(sentence_words(text, tt, r));
    std::vector<std::vector<Tag>> tags;
    Tagger(state_->model, state_->extractor).tag_document(sentences, state_->scratch(), tags);
    // Names found in running text, by lower-case surface: used to cut Title Case and
    // ALL CAPS lines down to the known name ("Apple Unveils New iPhone" -> "Apple").
    std::unordered_map<std::string, EntityType> known;
    std::vector<LineCase> cases(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        cases[s] = line_case(sentences[s]);
        if (cases[s] != LineCase::normal) continue;
        for (const Span& span : tags_to_spans(tags[s])) known.try_emplace(joined_lower(sentences[s], span.first, span.last), span.type);
    }
    std::vector<Mention> out;
    std::vector<Span> spans;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        const SentenceRange& r = tt.sentences[s];
        spans = tags_to_spans(tags[s]);
        if (cases[s] == LineCase::normal) add_dateline_place(sentences[s], spans);
        if (cases[s] != LineCase::normal) {
            refine_heading_spans(sentences[s], known, state_->gazetteer, state_->canonicalizer, spans);
        }
        for (const Span& span : spans) {
            const std::size_t b = tt.tokens[r.first + span.first].begin;
            const std::size_t e = tt.tokens[r.first + span.last - 1].end;
            out.push_back(Mention{.type = span.type, .surface = std::string(text.substr(b, e - b)), .begin = b, .end = e, .canonical = {}});
        }
    }
    add_hyphenated_countries(text, tt.tokens, state_->canonicalizer, out);
    state_->canonicalizer.canonicalize(out);
    return out;
}

std::string Recognizer::article_text(const news::Article& article) {
    // A title made from the first sentence would only repeat it.
    std::string text = article.title_derived ? std::string() : article.title;
    if (!text.empty() && !article.body.empty()) text += "\n\n";
    text += article.body;
    return text;
}

news::Entities Recognizer::to_entities(const std::vector<Mention>& mentions) {
    news::Entities e;
    auto add = [](std::vector<std::string>& list, const std::string& name) {
        if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
    };
    for (const Mention& m : mentions) {
        if (m.canonical.empty()) continue;
        switch (m.type) {
        case EntityType::person: add(e.person, m.canonical); break;
        case EntityType::org: add(e.org, m.canonical); break;
        case EntityType::place: add(e.place, m.canonical); break;
        case EntityType::misc: add(e.misc, m.canonical); break;
        }
    }
    return e;
}

news::FoundEntities Recognizer::to_found(const std::vector<Mention>& mentions) {
    news::FoundEntities found;
    auto add = [](std::vector<news::FoundEntity>& list, const Mention& m) {
        auto it = std::find_if(list.begin(), list.end(), [&](const news::FoundEntity& f) { return f.name == m.canonical; });
        if (it == list.end()) it = list.insert(list.end(), news::FoundEntity{.name = m.canonical, .forms = {}});
        std::string form = clean_name(m.surface);
        if (m.type == EntityType::person) form = strip_person_titles(form);
        if (!form.empty() && form != it->name && std::find(it->forms.begin(), it->forms.end(), form) == it->forms.end()) {
            it->forms.push_back(std::move(form));
        }
    };
    for (const Mention& m : mentions) {
        if (m.canonical.empty()) continue;
        switch (m.type) {
        case EntityType::person: add(found.person, m); break;
        case EntityType::org: add(found.org, m); break;
        case EntityType::place: add(found.place, m); break;
        case EntityType::misc: add(found.misc, m); break;
        }
    }
    return found;
}

news::Entities Recognizer::extract(const news::Article& article) const {
    return to_entities(mentions(article_text(article)));
}

}  // namespace news::ner
