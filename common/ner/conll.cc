/// @file conll.cc
/// @brief CoNLL reader and scoring.
#include "common/ner/conll.h"

#include <fstream>
#include <stdexcept>
#include <string_view>

namespace news::ner {
namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
        if (j > i) fields.push_back(line.substr(i, j - i));
        i = j;
    }
    return fields;
}

}  // namespace

std::vector<ConllDocument> read_conll(std::istream& in, const std::string& source) {
    std::vector<ConllDocument> docs;
    ConllSentence sentence;
    // Open entity: start and type, or none.
    bool open = false;
    std::size_t open_start = 0;
    EntityType open_type = EntityType::misc;
    auto close_entity = [&] {
        if (open) sentence.spans.push_back(Span{.first = open_start, .last = sentence.words.size(), .type = open_type});
        open = false;
    };
    auto end_sentence = [&] {
        close_entity();
        if (!sentence.words.empty()) {
            if (docs.empty()) docs.emplace_back();
            docs.back().sentences.push_back(std::move(sentence));
        }
        sentence = ConllSentence{};
    };
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto fields = split_fields(line);
        if (fields.empty()) {
            end_sentence();
            continue;
        }
        if (fields[0] == "-DOCSTART-") {
            end_sentence();
            docs.emplace_back();
            continue;
        }
        if (fields.size() < 2) {
            throw std::runtime_error(source + ":" + std::to_string(line_no) + ": expected 'word ... NE-tag', got '" + line + "'");
        }
        const std::string_view tag = fields.back();
        if (tag == "O") {
            close_entity();
        } else {
            if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'I' && tag[0] != 'B')) {
                throw std::runtime_error(source + ":" + std::to_string(line_no) + ": bad NE tag '" + std::string(tag) + "'");
            }
            const auto type = parse_type(tag.substr(2));
            if (!type) {
                throw std::runtime_error(source + ":" + std::to_string(line_no) + ": unknown entity type '" + std::string(tag) + "'");
            }
            if (tag[0] == 'B' || !open || open_type != *type) {
                close_entity();
                open = true;
                open_start = sentence.words.size();
                open_type = *type;
            }
        }
        sentence.words.emplace_back(fields[0]);
    }
    end_sentence();
    return docs;
}

std::vector<ConllDocument> read_conll_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    return read_conll(in, path.string());
}

void Evaluation::add(std::span<const Span> gold, std::span<const Span> predicted, std::size_t token_count) {
    tokens += token_count;
    ++sentences;
    for (const Span& g : gold) {
        ++overall.gold;
        ++by_type[static_cast<std::size_t>(g.type)].gold;
    }
    for (const Span& p : predicted) {
        ++overall.predicted;
        ++by_type[static_cast<std::size_t>(p.type)].predicted;
        for (const Span& g : gold) {
            if (g == p) {
                ++overall.correct;
                ++by_type[static_cast<std::size_t>(p.type)].correct;
                break;
            }
        }
    }
}

}  // namespace news::ner
