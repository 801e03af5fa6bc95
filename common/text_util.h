/// @file text_util.h
/// @brief Small string helpers shared by the parsers: trimming, lines, words, sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace news::text {

/// @p s without leading and trailing ASCII white space (and no-break spaces).
[[nodiscard]] std::string_view trim(std::string_view s);
/// ASCII lower case; other bytes unchanged.
[[nodiscard]] std::string lower_ascii(std::string_view s);
/// Runs of white space folded to one space, ends trimmed.
[[nodiscard]] std::string collapse_spaces(std::string_view s);
/// Lower case, white space folded, surrounding punctuation (".:*|-") removed:
/// for comparing lines ("Back To Top" == "back to top").
[[nodiscard]] std::string normalize_line(std::string_view s);
/// Lines of @p s without their terminators (LF, CR LF or CR).
[[nodiscard]] std::vector<std::string_view> split_lines(std::string_view s);
/// White-space separated words.
[[nodiscard]] std::vector<std::string_view> words(std::string_view s);
[[nodiscard]] std::size_t word_count(std::string_view s);
/// "A, B and C" / "A; B" / "A & B" -> {"A", "B", "C"}.
[[nodiscard]] std::vector<std::string> split_names(std::string_view s);
/// Lower-case words of @p s joined by single spaces, punctuation dropped
/// (apostrophes removed: "Ukraine's" -> "ukraines"): a key for comparing texts.
[[nodiscard]] std::string word_key(std::string_view s);
/// True when @p a and @p b have the same words, ignoring case and punctuation
/// ("Some_Title_Words" and "Some Title Words!").
[[nodiscard]] bool same_words(std::string_view a, std::string_view b);
/// Byte offset just past the first sentence of @p s (after its final
/// punctuation), not fooled by abbreviations ("U.S.", "Mr.", "Feb.") or
/// decimals; s.size() when there is no sentence end.
[[nodiscard]] std::size_t first_sentence_end(std::string_view s);
/// Escape for HTML text and attribute values.
[[nodiscard]] std::string html_escape(std::string_view s);
/// Appends @p s to @p out escaped as html_escape does.
void append_html_escaped(std::string& out, std::string_view s);

}  // namespace news::text
