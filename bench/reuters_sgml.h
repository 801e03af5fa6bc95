/// @file reuters_sgml.h
/// @brief Reads the Reuters-21578 SGML files (reut2-*.sgm) for the evaluations in bench/.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace news::bench {

/// One <REUTERS> record, text decoded from Latin-1 to UTF-8 and SGML entities resolved.
struct ReutersRecord {
    std::string file;                 ///< file name ("reut2-000.sgm")
    std::string newid;                ///< the NEWID attribute
    std::string date;                 ///< the raw DATE field
    std::string title;                ///< TITLE text, may be empty
    std::string dateline;             ///< DATELINE text ("    SALVADOR, Feb 26 - "), may be empty
    std::string body;                 ///< BODY text as written (hard-wrapped lines), may be empty
    std::vector<std::string> places;  ///< PLACES codes ("usa", "west-germany"), in order
};

/// Every record of the reut2-*.sgm files in @p dir, in file order; empty when there are none.
[[nodiscard]] std::vector<ReutersRecord> read_reuters(const std::filesystem::path& dir);

/// A hard-wrapped Reuters body as paragraphs separated by blank lines: lines are joined
/// with spaces, and a line indented by spaces (how Reuters starts a paragraph) or a blank
/// line starts a new paragraph; the closing "Reuter" sign-off is dropped.
[[nodiscard]] std::string reflow_paragraphs(std::string_view body);

}  // namespace news::bench
