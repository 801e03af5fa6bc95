/// @file credits.h
/// @brief Credit lines of news articles: who reported, wrote and edited the story.
///
/// Agencies end their stories with lines such as
///
///     Reporting by Tom Balmforth in Kyiv; Additional reporting by Olena Harmash;
///     Writing by Guy Faulconbridge; Editing by Andrew Osborn
///     (Reporting by Jane Doe; Editing by John Roe)
///     Associated Press writers Jill Lawless in London and Danica Kirka contributed to this report.
///
/// The people they name are the article's journalists, not people in the
/// news: the extractor (common/extract.h) keeps them out of the entity fields
/// and adds the reporters and writers to the article's authors.
///
/// Wire stories also end with the agency's sign-off alone on a line ("Reuter"
/// ends 19,000 of Reuters-21578's 21,578 stories; "-- AFP", "MORE"), which the
/// entity model reads as a person or organisation in the story: a sign-off is a
/// credit line naming nobody.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace news {

/// One credit line of a text.
struct CreditLine {
    std::size_t begin = 0;  ///< byte offsets of the whole line in the text
    std::size_t end = 0;
    std::vector<std::string> writers;  ///< reporting, writing and contributing credits: authors
    std::vector<std::string> others;   ///< editing, graphics, production, ...: credited, not authors
};

/// The credit lines of @p text, in text order. A line counts only when it is
/// all credits ("Reporting by ..." with every role followed by names, or
/// names then "contributed to this report") and every name is shaped like a
/// name (capitalised words), so a sentence such as "Reporting by the BBC found
/// ..." is left alone. Names lose a trailing location ("Tom Balmforth in Kyiv").
/// Last, the sign-off, with no names: the text's last line, after other lines,
/// when it is one word of letters with dashes, dots or brackets around it at most.
[[nodiscard]] std::vector<CreditLine> find_credit_lines(std::string_view text);

/// Whether @p line (trimmed) is shaped as a sign-off: one word of letters, with
/// dashes, dots and brackets around it at most ("Reuter", "REUTER...", "-- AFP",
/// "(AP)", "MORE").
[[nodiscard]] bool is_sign_off(std::string_view line);

}  // namespace news
