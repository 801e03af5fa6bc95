/// @file indexer.h
/// @brief run_index: the news-index job, from input paths to a committed database.
#pragma once

#include <csignal>
#include <cstddef>
#include <cstdint>
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
    std::filesystem::path aliases;      ///< user alias file; empty: none
    bool entities = true;
    /// An article still undated after parsing and extraction gets its file's
    /// modification time (UTC day), DateOrigin::option; never for standard input.
    bool date_from_mtime = false;
    std::size_t batch_size = 1000;
    std::size_t max_file_bytes = 64u << 20;
    bool prune = false;                 ///< remove articles of files gone from the directories named
    bool wait = false;                  ///< wait for another writer's lock instead of failing
    double wait_timeout = 300;          ///< seconds to wait for the lock (with wait)
    std::size_t threads = 0;            ///< parsing/extraction threads including the writer; 0: all cores
    bool progress = false;              ///< draw a progress line on err (a terminal)
    /// Set (to the signal number) by a SIGINT/SIGTERM handler: stop after the
    /// current article, commit what is done, and return. Not owned.
    const volatile std::sig_atomic_t* interrupt = nullptr;
};

/// news-index delete: removes articles by id.
struct DeleteOptions {
    std::string db_path;
    std::vector<std::string> ids;
    bool json = false;
    bool quiet = false;
    bool wait = false;
    double wait_timeout = 300;
    const volatile std::sig_atomic_t* interrupt = nullptr;
};

/// news-index recanonicalize: re-derives entity values from the database alone.
struct RecanonicalizeOptions {
    std::string db_path;
    std::filesystem::path aliases;  ///< empty: no alias file
    std::size_t batch_size = 1000;
    bool json = false;
    bool quiet = false;
    bool wait = false;
    double wait_timeout = 300;
    const volatile std::sig_atomic_t* interrupt = nullptr;
};

/// news-index compact: replaces the database with a compacted copy.
struct CompactOptions {
    std::string db_path;
    bool json = false;
    bool quiet = false;
    bool wait = false;
    double wait_timeout = 300;
    const volatile std::sig_atomic_t* interrupt = nullptr;
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
    int interrupted = 0;        ///< the signal that stopped the run early, 0 if none
};

struct DeleteSummary {
    std::size_t deleted = 0;
    std::size_t not_found = 0;
    int interrupted = 0;
};

struct CompactSummary {
    std::uint64_t documents = 0;
    std::uint64_t bytes_before = 0;  ///< the database directory's files, facet store included
    std::uint64_t bytes_after = 0;
    std::uint64_t compressed = 0;  ///< articles kept as the document data until now, moved compressed to their value slot first
    double seconds = 0;
    int interrupted = 0;  ///< the signal that stopped it before the swap (nothing changed), 0 if none
};

/// Exit statuses of news-index.
enum ExitStatus : int {
    kExitOk = 0,
    kExitFatal = 1,       ///< nothing could be done (database unusable, model unreadable)
    kExitUsage = 2,
    kExitInputErrors = 3, ///< finished, but some inputs or records failed
    kExitInterrupted = 128  ///< plus the signal number: 130 SIGINT, 143 SIGTERM
};

/// Reads every input, extracts, and writes (or, in a dry run, prints) the
/// articles. Diagnostics and the summary go to @p err; dry-run articles and
/// the JSON summary go to @p out. Throws IndexError / std::runtime_error only
/// for fatal conditions (database or model unusable).
IndexSummary run_index(const IndexOptions& options, std::ostream& out, std::ostream& err);

/// Removes the articles named by id; a missing id is reported on @p err and
/// counted. The summary goes to @p err (and as JSON to @p out with json).
DeleteSummary run_delete(const DeleteOptions& options, std::ostream& out, std::ostream& err);

/// Writes a compacted copy of the database beside it (DB.compacting), with its
/// facet store, and swaps it in for DB (atomically where the file system can
/// exchange two directories), then removes the old copy. Readers that have DB
/// open go on with the old copy until their next reopen, which opens the new
/// one (Searcher::refresh). Holds the database's write lock throughout, so an
/// indexer waits (--wait) or fails. Throws IndexError when the copy cannot be
/// made (the database is then left as it was).
CompactSummary run_compact(const CompactOptions& options, std::ostream& out, std::ostream& err);

/// news-index recanonicalize: re-derives every document's entity values with
/// the alias file of @p options and the database's person registry. The
/// summary goes to @p err (and as JSON to @p out with json); the result has
/// documents, updated and interrupted (0 or the signal) filled in.
struct RecanonicalizeResult {
    std::size_t documents = 0;
    std::size_t updated = 0;
    bool upgraded = false;
    int interrupted = 0;
};
RecanonicalizeResult run_recanonicalize(const RecanonicalizeOptions& options, std::ostream& out, std::ostream& err);

/// The summary as one line: "4 indexed, 0 updated, ...".
[[nodiscard]] std::string summary_line(const IndexSummary& summary);

}  // namespace news
