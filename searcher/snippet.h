/// @file snippet.h
/// @brief Highlighted snippets of stored text, made from the query's own terms without index look-ups.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace news {

struct SnippetOptions {
    std::size_t max_bytes = 240;              ///< of text shown (markup and ellipses not counted)
    std::string highlight_start = "<mark>";  ///< around each matched word
    std::string highlight_end = "</mark>";
    std::string omit = "\xe2\x80\xa6";  ///< where text was left out (…)
    /// Only the first this many bytes of a text are searched for matches (a
    /// window is found in the first few paragraphs of any real article).
    std::size_t scan_limit = 256 * 1024;
};

/// Makes snippets for the hits of one query: the window of the text with the
/// most distinct query words (then the most matches), the words highlighted,
/// HTML-escaped, whitespace collapsed, cut at word boundaries (never inside a
/// UTF-8 character), with an ellipsis where text was left out. A word matches
/// when it equals an unstemmed query term or stems (English) to a stemmed one
/// ("talks" for the query word talk); terms of field prefixes (title:, person:,
/// ...) match their words in the text too. A phrase matches (and is
/// highlighted) only as the whole phrase. Without a match: the leading text.
/// Builds its word sets once; make() reads no index and is const.
class SnippetMaker {
public:
    SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer);

    [[nodiscard]] std::string make(std::string_view text, const SnippetOptions& options) const;

    /// The words and stems the snippets look for (sorted, for tests).
    [[nodiscard]] const std::vector<std::string>& words() const { return words_; }
    [[nodiscard]] const std::vector<std::string>& stems() const { return stems_; }
    [[nodiscard]] const std::vector<std::vector<std::string>>& phrases() const { return phrases_; }

private:
    void collect(const Xapian::Query& query);
    /// Index of the query word @p word (lower case) matches, or -1.
    [[nodiscard]] int match(const std::string& word) const;

    Xapian::Stem stemmer_;
    std::vector<std::string> words_;  ///< unstemmed terms, lower case
    std::vector<std::string> stems_;  ///< stemmed terms (without the Z)
    std::vector<std::vector<std::string>> phrases_;  ///< words of each phrase, lower case
    std::size_t longest_phrase_ = 0;
    std::array<bool, 256> first_bytes_{};  ///< first bytes of the words, stems and phrase words
};

}  // namespace news
