/// @file cli.h
/// @brief What the command-line tools share: usage errors and the parse outcome.
#pragma once

#include <stdexcept>
#include <string>

namespace news {

/// A bad command line; main prints "PROG: message" and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a command line asks for besides the job itself.
enum class CliAction { run, help, version };

/// The project version, from CMake.
[[nodiscard]] const char* version_string();

}  // namespace news
