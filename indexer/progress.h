/// @file progress.h
/// @brief ProgressLine: the indexer's one-line progress display on a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>

namespace news {

/// Draws "N articles, A/s, B MB/s, P% ETA m:ss" on one line of a terminal,
/// redrawn at most four times a second; clear() wipes it before other
/// messages are written. Does nothing when disabled.
class ProgressLine {
public:
    /// @p total_bytes: the size of all inputs (0 when unknown: no ETA).
    ProgressLine(std::ostream& err, bool enabled, std::uint64_t total_bytes);

    /// Records progress; redraws when the last drawing is old enough.
    void update(std::uint64_t articles, std::uint64_t bytes_done);
    /// Removes the line (before a message or the summary).
    void clear();

private:
    void draw();

    std::ostream& err_;
    bool enabled_;
    std::uint64_t total_bytes_;
    std::uint64_t articles_ = 0;
    std::uint64_t bytes_ = 0;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace news
