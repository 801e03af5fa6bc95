/// @file tokenizer.h
/// @brief Splits English news text into CoNLL-style tokens and sentences, with line casing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace news::ner {

/// A token as a byte range of the text it came from.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Casing of a whole sentence or line: running text, Title Case, or ALL CAPS.
enum class LineCase : std::uint8_t { normal = 0, title = 1, upper = 2 };

/// Tokens [first, last) of one sentence.
struct SentenceRange {
    std::size_t first = 0;
    std::size_t last = 0;
};

/// Tokens of a text and its sentence boundaries.
struct TokenizedText {
    std::vector<Token> tokens;
    std::vector<SentenceRange> sentences;
};

/// Tokenizes @p text (UTF-8; ill-formed bytes are treated as letters). Splits off
/// punctuation, possessive "'s" and "n't"; keeps "U.S.", "Mr.", "1,000.5" and
/// hyphenated words whole. A sentence ends at . ! ? before a likely sentence start,
/// at a blank line, and at a line break after a Title Case or ALL CAPS line without
/// final punctuation (headings, titles, bylines); other line breaks are spaces.
[[nodiscard]] TokenizedText tokenize(std::string_view text);

/// The words of sentence @p r of @p tt (tokenize(@p text)), as views into @p text.
[[nodiscard]] std::vector<std::string_view> sentence_words(std::string_view text, const TokenizedText& tt,
                                                           const SentenceRange& r);

/// Casing of a sentence given its words: upper when every word with letters has no
/// lower-case letter (and one has two letters or more); title when every content
/// word (not a short function word) starts with a capital; normal otherwise.
[[nodiscard]] LineCase line_case(std::span<const std::string_view> words);

}  // namespace news::ner
