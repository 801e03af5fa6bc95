/// @file progress.cc
/// @brief The progress line.
#include "indexer/progress.h"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

namespace news {

namespace {
constexpr auto kRedrawInterval = std::chrono::milliseconds(250);
}

ProgressLine::ProgressLine(std::ostream& err, bool enabled, std::uint64_t total_bytes)
    : err_(err),
      enabled_(enabled),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressLine::update(std::uint64_t articles, std::uint64_t bytes_done) {
    if (!enabled_) return;
    articles_ = articles;
    bytes_ = bytes_done;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < kRedrawInterval) return;
    last_draw_ = now;
    draw();
}

void ProgressLine::draw() {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (seconds <= 0) return;
    double rate = static_cast<double>(articles_) / seconds;
    double mbps = static_cast<double>(bytes_) / seconds / 1e6;
    std::string line = fmt::format("news-index: {} articles, {:.0f} articles/s, {:.1f} MB/s", articles_, rate, mbps);
    if (total_bytes_ > 0) {
        std::uint64_t done = std::min(bytes_, total_bytes_);
        double fraction = static_cast<double>(done) / static_cast<double>(total_bytes_);
        line += fmt::format(", {:.0f}%", fraction * 100);
        if (done > 0) {
            auto eta = static_cast<long long>(seconds * static_cast<double>(total_bytes_ - done) / static_cast<double>(done));
            line += fmt::format(", ETA {}:{:02}", eta / 60, eta % 60);
        }
    }
    // carriage return, the line, erase to the end of the line
    err_ << '\r' << line << "\x1b[K" << std::flush;
    shown_ = true;
}

void ProgressLine::clear() {
    if (!shown_) return;
    err_ << "\r\x1b[K" << std::flush;
    shown_ = false;
}

}  // namespace news
