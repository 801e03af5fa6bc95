/// @file cli.cc
/// @brief Shared command-line helpers.
#include "common/cli.h"

namespace news {

const char* version_string() { return NEWS_VERSION; }

}  // namespace news
