/// @file indexer.h
/// @brief run_index: the news-index job, from input paths to a committed database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace news {

struct IndexOptions {
    std::string db_path;                ///< database directory (not used with dry_run)
    std::vector<std::string> inputs;    ///< files, directories, "-"
    bool dry_run = false;               ///< parse and extract only, print articles
    bool json = false;                  ///< machine output (JSON Lines / JSON summary)
    bool force = false;                 ///< re-read inputs even when unchanged
    bool quiet = false;                 ///< no warnings, only errors and the summary
    std::filesystem::path ner_model;    ///< empty: the default model
    bool entities = true;
    std::size_t batch_size = 1000;
    std::size_t max_file_bytes = 64u << 20;
};

struct IndexSummary {
    std::size_t indexed = 0;    ///< new articles
    std::size_t updated = 0;    ///< changed articles replaced
    std::size_t unchanged = 0;  ///< articles left as they were
    std::size_t removed = 0;    ///< articles gone from a re-indexed input
    std::size_t skipped = 0;    ///< files passed over (not article files)
    std::size_t failed = 0;     ///< inputs or records that could not be read
    std::size_t warnings = 0;
    std::size_t files = 0;      ///< inputs read
    double seconds = 0;
};

/// Exit statuses of news-index.
enum ExitStatus : int {
    kExitOk = 0,
    kExitFatal = 1,       ///< nothing could be done (database unusable, model unreadable)
    kExitUsage = 2,
    kExitInputErrors = 3  ///< finished, but some inputs or records failed
};

/// Reads every input, extracts, and writes (or, in a dry run, prints) the
/// articles. Diagnostics and the summary go to @p err; dry-run articles and
/// the JSON summary go to @p out. Throws IndexError / std::runtime_error only
/// for fatal conditions (database or model unusable).
IndexSummary run_index(const IndexOptions& options, std::ostream& out, std::ostream& err);

/// The summary as one line: "4 indexed, 0 updated, ...".
[[nodiscard]] std::string summary_line(const IndexSummary& summary);

}  // namespace news
