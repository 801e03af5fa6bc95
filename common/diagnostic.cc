/// @file diagnostic.cc
/// @brief Diagnostic formatting.
#include "common/diagnostic.h"

#include <fmt/format.h>

namespace news {

std::string Diagnostic::to_string() const {
    const char* kind = severity == Severity::error ? "error" : "warning";
    if (line == 0) return fmt::format("{}: {}: {}", path, kind, message);
    return fmt::format("{}:{}: {}: {}", path, line, kind, message);
}

}  // namespace news
