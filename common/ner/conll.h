/// @file conll.h
/// @brief CoNLL-2003 files (word POS chunk NE, IOB1) and conlleval-style entity scoring.
#pragma once

#include "common/ner/tags.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <istream>
#include <span>
#include <string>
#include <vector>

namespace news::ner {

/// One sentence: words and gold entity spans.
struct ConllSentence {
    std::vector<std::string> words;
    std::vector<Span> spans;
};

/// Sentences between two -DOCSTART- lines.
struct ConllDocument {
    std::vector<ConllSentence> sentences;
};

/// Reads CoNLL data: the first column is the word, the last the NE tag (IOB1 or IOB2;
/// "O", "I-PER", "B-LOC", ...). Blank lines end sentences, -DOCSTART- lines documents.
/// Throws std::runtime_error naming @p source and the line on malformed input.
[[nodiscard]] std::vector<ConllDocument> read_conll(std::istream& in, const std::string& source);
/// read_conll() on a file; throws std::runtime_error when it cannot be opened.
[[nodiscard]] std::vector<ConllDocument> read_conll_file(const std::filesystem::path& path);

/// Entity counts for precision and recall.
struct Counts {
    std::size_t gold = 0;
    std::size_t predicted = 0;
    std::size_t correct = 0;
    [[nodiscard]] double precision() const { return predicted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(predicted); }
    [[nodiscard]] double recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold); }
    [[nodiscard]] double f1() const {
        const double p = precision(), r = recall();
        return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
    }
};

/// Entity-level scores as conlleval computes them: an entity is correct when its
/// boundaries and type both match.
struct Evaluation {
    Counts overall;
    std::array<Counts, kTypeCount> by_type{};
    std::size_t tokens = 0;
    std::size_t sentences = 0;

    /// Adds one sentence.
    void add(std::span<const Span> gold, std::span<const Span> predicted, std::size_t token_count);
};

}  // namespace news::ner
