/// @file recognizer.cc
/// @brief Recognizer implementation.
#include "common/ner/recognizer.h"

#include "common/ner/tagger.h"
#include "common/ner/tokenizer.h"

#include <algorithm>
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

/// Spans of a Title Case or ALL CAPS line, checked against the names found in running
/// text (@p known, lower case): a span that is not a known name is cut to the longest
/// known name inside it ("Apple Unveils New iPhone" -> "Apple"), and known names the
/// tagger missed are added (single words only when they are not common words).
void refine_heading_spans(std::span<const std::string_view> words, const std::unordered_map<std::string, EntityType>& known,
                          const Gazetteer& gazetteer, std::vector<Span>& spans) {
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
            if (it == known.end()) continue;
            if (len == 1 && (gazetteer.dict_flags(Gazetteer::word_hash(name)) & dict_lower) != 0) continue;
            spans.push_back(Span{.first = a, .last = a + len, .type = it->second});
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

}  // namespace

struct Recognizer::State {
    Gazetteer gazetteer;
    Model model;
    FeatureExtractor extractor{gazetteer};
    Canonicalizer canonicalizer{gazetteer};
    std::vector<std::string> warnings;

    State(Gazetteer g, Model m) : gazetteer(std::move(g)), model(std::move(m)) {}
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
    for (const SentenceRange& r : tt.sentences) {
        auto& words = sentences.emplace_back();
        words.reserve(r.last - r.first);
        for (std::size_t i = r.first; i < r.last; ++i) {
            words.push_back(text.substr(tt.tokens[i].begin, tt.tokens[i].end - tt.tokens[i].begin));
        }
    }
    TaggerScratch scratch;
    std::vector<std::vector<Tag>> tags;
    Tagger(state_->model, state_->extractor).tag_document(sentences, scratch, tags);
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
            refine_heading_spans(sentences[s], known, state_->gazetteer, spans);
        }
        for (const Span& span : spans) {
            const std::size_t b = tt.tokens[r.first + span.first].begin;
            const std::size_t e = tt.tokens[r.first + span.last - 1].end;
            out.push_back(Mention{.type = span.type, .surface = std::string(text.substr(b, e - b)), .begin = b, .end = e, .canonical = {}});
        }
    }
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
