/// @file diagnostic.h
/// @brief Diagnostic: a problem with one input (file, record, line), reported and skipped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace news {

/// Bad input is data, not an exception: parsers return diagnostics beside the
/// articles they could read, and the caller reports and counts them.
struct Diagnostic {
    enum class Severity { warning, error };
    Severity severity = Severity::error;
    std::string path;       ///< input file, "-" for standard input
    std::size_t line = 0;   ///< 1-based line (or record) number, 0 if not applicable
    std::string message;

    /// "path:line: error: message" (line omitted when 0).
    [[nodiscard]] std::string to_string() const;
};


}  // namespace news
