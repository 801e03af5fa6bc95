/// @file input_walker.h
/// @brief The inputs named on the command line: files, directories (recursively), "-".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/diagnostic.h"

namespace news {

struct InputFile {
    std::string path;      ///< as shown to the user; "-" for standard input
    std::string identity;  ///< absolute, normalised path used in article ids
    std::uint64_t size = 0;  ///< bytes when walked (0 for standard input)
};

struct InputList {
    std::vector<InputFile> files;
    std::vector<Diagnostic> diagnostics;  ///< missing paths, unreadable directories, loops
    std::size_t passed_over = 0;          ///< files in directories that are not articles
    /// Identities of the directories named (absolute, normalised, ending in '/').
    std::vector<std::string> directories;
};

/// Expands @p paths: files as given, directories recursively in sorted order
/// (hidden entries, Xapian database directories and files with other
/// extensions passed over; symbolic
/// links to directories not followed, so loops cannot occur), "-" for
/// standard input. Never throws on file-system errors: they become
/// diagnostics.
[[nodiscard]] InputList collect_inputs(const std::vector<std::string>& paths);

}  // namespace news
