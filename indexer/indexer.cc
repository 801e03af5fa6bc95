/// @file indexer.cc
/// @brief The indexing job: inputs read, parsed and extracted on worker threads, written in input order by one writer.
#include "indexer/indexer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/article_json.h"
#include "common/calendar.h"
#include "common/extract.h"
#include "common/hash.h"
#include "common/input_format.h"
#include "common/schema.h"
#include "indexer/alias_file.h"
#include "indexer/entity_resolver.h"
#include "indexer/index_writer.h"
#include "indexer/input_walker.h"
#include "indexer/progress.h"
#include "indexer/task_pool.h"

namespace news {
namespace {

/// Articles extracted per task when a file holds many.
constexpr std::size_t kChunkArticles = 32;

struct ReadResult {
    std::string bytes;
    std::string error;
};

bool is_set(const volatile std::sig_atomic_t* flag) { return flag != nullptr && *flag != 0; }

/// The UTC day of @p path's modification time; nullopt when it cannot be read.
std::optional<DateValue> modification_day(const std::string& path) {
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(path, ec);
    if (ec) return std::nullopt;
    const auto since_epoch = std::chrono::file_clock::to_sys(written).time_since_epoch();
    return civil_from_days(std::chrono::floor<std::chrono::days>(since_epoch).count());
}

/// Sets the entity values of @p article to @p values (what the index would hold).
void set_entity_values(Article& article, const EntityValues& values) {
    const std::array<std::vector<std::string>*, 4> lists = {&article.entities.person, &article.entities.org,
                                                             &article.entities.place, &article.entities.misc};
    for (std::size_t f = 0; f < lists.size(); ++f) {
        lists[f]->clear();
        for (const auto& v : values[f]) lists[f]->push_back(v.value);
    }
}

/// Standard input, read with read(2) so that SIGINT/SIGTERM stop a read that
/// waits for a pipe (the C++ streams retry on EINTR).
ReadResult read_stdin(std::size_t max_bytes, const volatile std::sig_atomic_t* interrupt) {
    ReadResult r;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) {
                if (is_set(interrupt)) {
                    r.error = "interrupted while reading";
                    return r;
                }
                continue;
            }
            r.error = fmt::format("read error: {}", std::strerror(errno));
            return r;
        }
        r.bytes.append(buffer, static_cast<std::size_t>(n));
        if (r.bytes.size() > max_bytes) {
            r.error = fmt::format("larger than the limit of {} bytes (--max-file-size)", max_bytes);
            return r;
        }
    }
    return r;
}

ReadResult read_file(const std::string& path, std::size_t max_bytes) {
    ReadResult r;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        r.error = "cannot open for reading (permission denied or vanished)";
        return r;
    }
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size < 0) {
        r.error = "cannot determine the file size";
        return r;
    }
    if (static_cast<std::size_t>(size) > max_bytes) {
        r.error = fmt::format("{} bytes, larger than the limit of {} bytes (--max-file-size)",
                              static_cast<std::size_t>(size), max_bytes);
        return r;
    }
    in.seekg(0);
    r.bytes.resize(static_cast<std::size_t>(size));
    if (!in.read(r.bytes.data(), size)) r.error = "read error";
    return r;
}

/// One input file on its way through the pipeline: read, fingerprinted and
/// parsed by a task; its articles extracted by the same task (few articles)
/// or by chunk tasks the writer submits (many).
struct FileWork {
    InputFile file;
    std::string error;             ///< could not be read
    std::string fingerprint;       ///< content hash + extractor fingerprint
    bool had_fingerprint = false;  ///< the database knew this file
    std::optional<std::size_t> unchanged;  ///< same fingerprint: articles it had
    ParseResult parsed;
    bool extracted = false;                 ///< entities and dates filled in
    std::optional<DateValue> mtime_day;     ///< with date_from_mtime: the file's modification day (UTC)
    std::vector<PreparedDocument> prepared; ///< built documents, one per article (not in dry runs)
    TaskPool::TicketPtr ticket;
};

class Job {
public:
    Job(const IndexOptions& options, std::ostream& out, std::ostream& err)
        : options_(options),
          out_(out),
          err_(err),
          extractor_(ExtractOptions{.ner_model = options.ner_model, .entities = options.entities}),
          aliases_(options.aliases.empty() ? AliasTable() : load_alias_file(options.aliases)) {
        for (const auto& w : extractor_.warnings()) {
            if (!options.quiet) err_ << "news-index: warning: " << w << '\n';
        }
        if (options.dry_run) {
            // A dry run merges and applies aliases as indexing would, within this run.
            dry_resolver_.emplace(aliases_, RegistryStore{.get = [this](const std::string& k) {
                                                              auto it = dry_registry_.find(k);
                                                              return it == dry_registry_.end() ? std::string() : it->second;
                                                          },
                                                          .set = [this](const std::string& k, const std::string& v) {
                                                              dry_registry_[k] = v;
                                                          }});
        }
    }

    IndexSummary run() {
        auto start = std::chrono::steady_clock::now();
        if (!options_.dry_run) {
            writer_ = open_writer(
                IndexWriterOptions{.path = options_.db_path, .batch_size = options_.batch_size, .aliases = aliases_},
                options_.wait, options_.wait_timeout, options_.quiet, options_.interrupt, err_);
            if (!writer_) {
                summary_.interrupted = *options_.interrupt;
                return summary_;
            }
            for (const auto& w : writer_->warnings()) {
                ++summary_.warnings;
                if (!options_.quiet) err_ << "news-index: warning: " << w << '\n';
            }
        }
        InputList inputs = collect_inputs(options_.inputs);
        summary_.skipped = inputs.passed_over;
        std::uint64_t total_bytes = 0;
        for (const auto& f : inputs.files) total_bytes += f.size;
        progress_ = std::make_unique<ProgressLine>(err_, options_.progress, total_bytes);
        for (const auto& d : inputs.diagnostics) report(d);
        if (writer_) {
            for (const auto& f : inputs.files) {
                if (f.path == "-") continue;
                if (auto old = writer_->file_fingerprint(f.identity)) known_[f.identity] = *old;
            }
        }

        std::size_t threads = options_.threads != 0 ? options_.threads
                                                    : std::max<std::size_t>(1, std::thread::hardware_concurrency());
        // The writer thread takes part (it runs a task it waits for that no
        // worker has started), so N threads are N-1 workers and the writer.
        TaskPool pool(threads - 1);
        const std::size_t lookahead = 2 * threads;
        std::deque<std::shared_ptr<FileWork>> window;
        std::size_t next = 0;
        while (!window.empty() || next < inputs.files.size()) {
            while (next < inputs.files.size() && window.size() < lookahead) {
                window.push_back(submit_file(pool, inputs.files[next++]));
            }
            std::shared_ptr<FileWork> work = std::move(window.front());
            window.pop_front();
            if (stopping()) break;
            if (work->ticket) {
                pool.wait(work->ticket);
            } else {
                read_and_parse(*work, /*from_stdin=*/true);
            }
            if (stopping()) break;
            write_file(pool, work);
            bytes_done_ += work->file.size;
            progress_->update(articles_done_, bytes_done_);
        }
        if (writer_ && options_.prune && !stopping()) prune(inputs.directories);
        if (writer_) writer_->commit();
        progress_->clear();
        if (stopping()) summary_.interrupted = *options_.interrupt;
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

    /// Opens the writer, waiting for another writer's lock when asked to;
    /// nullptr when interrupted while waiting.
    static std::unique_ptr<IndexWriter> open_writer(const IndexWriterOptions& writer_options, bool wait,
                                                    double timeout, bool quiet,
                                                    const volatile std::sig_atomic_t* interrupt, std::ostream& err) {
        using Clock = std::chrono::steady_clock;
        auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
        auto backoff = std::chrono::milliseconds(50);
        bool told = false;
        for (;;) {
            try {
                return std::make_unique<IndexWriter>(writer_options);
            } catch (const DatabaseLockedError& e) {
                if (!wait) throw;
                if (Clock::now() >= deadline) {
                    throw DatabaseLockedError(fmt::format("{} (gave up after waiting {} s, --wait-timeout)", e.what(), timeout));
                }
                if (!told && !quiet) {
                    err << "news-index: " << writer_options.path << ": locked by another indexer; waiting (up to "
                        << timeout << " s)\n";
                    told = true;
                }
            }
            // sleep the backoff in short steps, so that a signal is noticed
            auto until = std::min(Clock::now() + backoff, deadline);
            while (Clock::now() < until) {
                if (is_set(interrupt)) return nullptr;
                std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(20), until - Clock::now()));
            }
            if (is_set(interrupt)) return nullptr;
            backoff = std::min(backoff * 2, std::chrono::milliseconds(1000));
        }
    }

private:
    [[nodiscard]] bool stopping() const { return is_set(options_.interrupt); }

    void report(const Diagnostic& d) {
        if (d.severity == Diagnostic::Severity::error) {
            ++summary_.failed;
        } else {
            ++summary_.warnings;
            if (options_.quiet) return;
        }
        if (progress_) progress_->clear();
        err_ << "news-index: " << d.to_string() << '\n';
    }

    std::shared_ptr<FileWork> submit_file(TaskPool& pool, const InputFile& file) {
        auto work = std::make_shared<FileWork>();
        work->file = file;
        // Standard input is read by the writer thread when its turn comes
        // (a signal must be able to interrupt that read).
        if (file.path != "-") work->ticket = pool.submit([this, work] { read_and_parse(*work, false); });
        return work;
    }

    /// Runs on a worker: read, fingerprint, compare, parse, and extract when
    /// the file holds few articles. Touches no shared state but known_
    /// (read-only) and the const extractor.
    void read_and_parse(FileWork& work, bool from_stdin) const {
        ReadResult input = from_stdin ? read_stdin(options_.max_file_bytes, options_.interrupt)
                                      : read_file(work.file.path, options_.max_file_bytes);
        if (!input.error.empty()) {
            work.error = std::move(input.error);
            return;
        }
        if (from_stdin) work.file.size = input.bytes.size();
        work.fingerprint = hex64(hash64(input.bytes)) + ' ' + extractor_.fingerprint();
        if (options_.date_from_mtime && !from_stdin) {
            // The date depends on the modification time too: a touched file is read again.
            work.mtime_day = modification_day(work.file.path);
            work.fingerprint += "+mtime:" + (work.mtime_day ? work.mtime_day->iso() : std::string("unknown"));
        }
        if (auto old = known_.find(work.file.identity); old != known_.end()) {
            work.had_fingerprint = true;
            auto space = old->second.rfind(' ');
            std::size_t count = 0;
            if (!options_.force && space != std::string::npos && old->second.substr(0, space) == work.fingerprint) {
                const char* first = old->second.data() + space + 1;
                const char* last = old->second.data() + old->second.size();
                if (auto [end, ec] = std::from_chars(first, last, count); ec == std::errc() && end == last) {
                    work.unchanged = count;
                    return;
                }
            }
        }
        work.parsed = parse_input(input.bytes, InputRef{.path = work.file.path, .identity = work.file.identity});
        if (work.parsed.articles.size() <= kChunkArticles) {
            work.prepared.resize(options_.dry_run ? 0 : work.parsed.articles.size());
            extract_and_prepare(work, 0, work.parsed.articles.size());
            work.extracted = true;
        }
    }

    /// Extraction and document building (term generation, serialisation,
    /// hashing) for articles [begin, end) of @p work, off the writer thread.
    void extract_and_prepare(FileWork& work, std::size_t begin, std::size_t end) const {
        DocumentBuilder builder;
        for (std::size_t k = begin; k < end; ++k) {
            Article& article = work.parsed.articles[k];
            extractor_.extract(article);
            if (!article.date && work.mtime_day) {
                article.date = work.mtime_day;
                article.date_origin = DateOrigin::option;
            }
            if (!options_.dry_run) work.prepared[k] = builder.prepare(article);
        }
    }

    /// Runs on the writer thread, in input order.
    void write_file(TaskPool& pool, const std::shared_ptr<FileWork>& shared) {
        FileWork& work = *shared;
        const InputFile& file = work.file;
        if (!work.error.empty()) {
            report({Diagnostic::Severity::error, file.path, 0, work.error});
            return;
        }
        ++summary_.files;
        if (work.unchanged) {
            summary_.unchanged += *work.unchanged;
            articles_done_ += *work.unchanged;
            return;
        }
        for (const auto& d : work.parsed.diagnostics) report(d);
        bool from_stdin = file.path == "-";
        // A changed file loses its fingerprint in the first batch that writes
        // any of its articles, and gets the new one only after its last
        // article: whatever a commit (or a kill) cuts, a file is either known
        // whole or read again.
        if (writer_ && work.had_fingerprint) writer_->set_file_fingerprint(file.identity, "");

        std::vector<Article>& articles = work.parsed.articles;
        std::vector<TaskPool::TicketPtr> chunks;
        if (!work.extracted) {
            work.prepared.resize(options_.dry_run ? 0 : articles.size());
            for (std::size_t i = 0; i < articles.size(); i += kChunkArticles) {
                std::size_t end = std::min(articles.size(), i + kChunkArticles);
                // the task shares the file's work, which may outlive this call
                // (an interruption or an error) while the task still runs
                chunks.push_back(pool.submit([this, shared, i, end] { extract_and_prepare(*shared, i, end); }));
            }
        }
        std::set<std::string> kept;
        std::size_t n = 0;
        for (std::size_t i = 0; i < articles.size(); ++i) {
            if (!chunks.empty() && i % kChunkArticles == 0) pool.wait(chunks[i / kChunkArticles]);
            if (stopping()) return;
            const Article& article = articles[i];
            ++n;
            ++articles_done_;
            if (!writer_) {
                Article shown = article;
                set_entity_values(shown, dry_resolver_->resolve(article.found));
                print_dry_run(shown);
                continue;
            }
            if (!seen_ids_.insert(article.id).second && !options_.quiet) {
                progress_->clear();
                err_ << fmt::format("news-index: {}: warning: article id '{}' seen before in this run; "
                                    "this one replaces it\n",
                                    file.path, article.id);
                ++summary_.warnings;
            }
            kept.insert(schema::id_term(article.id));
            switch (writer_->put(std::move(work.prepared[i]))) {
                case IndexWriter::Outcome::added: ++summary_.indexed; break;
                case IndexWriter::Outcome::updated: ++summary_.updated; break;
                case IndexWriter::Outcome::unchanged: ++summary_.unchanged; break;
            }
            writer_->maybe_commit();
            if (file.size > 0) {
                progress_->update(articles_done_, bytes_done_ + file.size * n / articles.size());
            }
        }
        if (!writer_ || from_stdin) return;
        // Records that were in this file before and are no longer: remove them,
        // unless the file failed to parse as a whole.
        const auto& diagnostics = work.parsed.diagnostics;
        bool whole_file_failed = articles.empty() && !diagnostics.empty();
        if (!whole_file_failed) summary_.removed += writer_->remove_stale(file.identity, kept);
        bool clean = std::none_of(diagnostics.begin(), diagnostics.end(),
                                  [](const auto& d) { return d.severity == Diagnostic::Severity::error; });
        // Only a file read without errors is skipped next time, so that
        // its errors are reported again until it is fixed.
        if (clean) writer_->set_file_fingerprint(file.identity, fmt::format("{} {}", work.fingerprint, kept.size()));
    }

    /// --prune: articles of files that were under a directory named on the
    /// command line and are gone from the file system.
    void prune(const std::vector<std::string>& directories) {
        for (const std::string& dir : directories) {
            for (const std::string& path : writer_->files_under(dir)) {
                std::error_code ec;
                if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) continue;
                if (ec && ec != std::errc::no_such_file_or_directory) continue;  // cannot tell: keep
                std::size_t n = writer_->remove_file(path);
                summary_.removed += n;
                if (!options_.quiet) {
                    progress_->clear();
                    err_ << fmt::format("news-index: {}: file gone; {} article{} removed (--prune)\n", path, n,
                                        n == 1 ? "" : "s");
                }
                writer_->maybe_commit();
                if (stopping()) return;
            }
        }
    }

    void print_dry_run(const Article& article) {
        if (options_.json) {
            out_ << article_summary_json(article).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                 << '\n';
            return;
        }
        out_ << fmt::format("{}\n  title: {}{}\n  date: {}\n  source: {}\n  authors: {}\n", article.id, article.title,
                            article.title_derived ? " (derived)" : "",
                            article.date ? fmt::format("{} ({})", article.date->iso(), to_string(article.date_origin))
                                         : std::string("unknown"),
                            article.source,
                            fmt::join(article.authors, ", "));
        auto list = [&](const char* name, const std::vector<std::string>& v) {
            if (!v.empty()) out_ << fmt::format("  {}: {}\n", name, fmt::join(v, "; "));
        };
        list("person", article.entities.person);
        list("org", article.entities.org);
        list("place", article.entities.place);
        list("misc", article.entities.misc);
        std::vector<std::string> dates;
        for (const auto& d : article.dates_mentioned) dates.push_back(d.iso());
        list("dates mentioned", dates);
        out_ << fmt::format("  text: {} characters\n", article.body.size());
    }

    const IndexOptions& options_;
    std::ostream& out_;
    std::ostream& err_;
    Extractor extractor_;
    AliasTable aliases_;
    std::map<std::string, std::string> dry_registry_;  ///< the person registry of a dry run
    std::optional<EntityResolver> dry_resolver_;
    std::unique_ptr<IndexWriter> writer_;
    std::unique_ptr<ProgressLine> progress_;
    std::map<std::string, std::string> known_;  ///< fingerprints of the inputs, read before the workers start
    IndexSummary summary_;
    std::set<std::string> seen_ids_;
    std::uint64_t articles_done_ = 0;
    std::uint64_t bytes_done_ = 0;
};

const char* signal_name(int signal) {
    switch (signal) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
        default: return "a signal";
    }
}

/// Total size of the files under @p dir (0 for what cannot be read).
std::uint64_t directory_bytes(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::uint64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code size_ec;
        if (it->is_regular_file(size_ec)) {
            const std::uintmax_t n = it->file_size(size_ec);
            if (!size_ec) total += n;
        }
    }
    return total;
}

/// Puts directory @p with where @p path is and @p path's directory where
/// @p with was: one atomic exchange (renameat2) where the file system has it,
/// else two renames (a reader opening @p path between them finds nothing).
void exchange_directories(const std::filesystem::path& path, const std::filesystem::path& with) {
    if (::renameat2(AT_FDCWD, path.c_str(), AT_FDCWD, with.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
        throw IndexError(fmt::format("{}: cannot swap in the compacted copy: {}", path.string(), std::strerror(errno)));
    }
    std::filesystem::path aside = path;
    aside += ".old";
    std::error_code ec;
    std::filesystem::remove_all(aside, ec);
    std::filesystem::rename(path, aside, ec);
    if (ec) throw IndexError(fmt::format("{}: cannot swap in the compacted copy: {}", path.string(), ec.message()));
    std::filesystem::rename(with, path, ec);
    if (ec) {
        std::error_code back;
        std::filesystem::rename(aside, path, back);
        throw IndexError(fmt::format("{}: cannot swap in the compacted copy: {}", path.string(), ec.message()));
    }
    std::filesystem::rename(aside, with, ec);
}

}  // namespace

CompactSummary run_compact(const CompactOptions& options, std::ostream& out, std::ostream& err) {
    namespace fs = std::filesystem;
    CompactSummary summary;
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    auto writer = Job::open_writer(
        IndexWriterOptions{.path = options.db_path, .create = false, .spelling = false, .upgrade = true},
        options.wait, options.wait_timeout, options.quiet, options.interrupt, err);
    // The copy goes beside the database's directory (same file system, so that
    // it can be swapped in); through a symbolic link, beside the directory itself.
    fs::path db = fs::canonical(options.db_path, ec);
    if (ec) throw IndexError(fmt::format("{}: {}", options.db_path, ec.message()));
    fs::path copy = db;
    copy += ".compacting";
    if (!writer) {
        if (is_set(options.interrupt)) summary.interrupted = *options.interrupt;  // while waiting for the lock
    } else {
        summary.documents = writer->doc_count();
        summary.bytes_before = directory_bytes(db);
        fs::remove_all(copy, ec);  // left by a compaction that did not finish (this one holds the lock)
        // The copy is written in full before it replaces the database: say so
        // at once when it may not fit, rather than only when the disk is full.
        const fs::space_info space = fs::space(db.parent_path(), ec);
        if (!ec && space.available < summary.bytes_before) {
            err << fmt::format(
                "news-index: warning: {}: {:.1f} MB free beside the database, and the compacted copy can need up to "
                "{:.1f} MB (usually about two thirds of that); compacting anyway: if space runs out, the database "
                "stays as it is\n",
                db.string(), static_cast<double>(space.available) / 1e6, static_cast<double>(summary.bytes_before) / 1e6);
        }
        // Articles still kept as the document data (JSON written before the
        // dictionary, data an earlier version compressed) go compressed to
        // their value slot first, so that the copy has them so too.
        summary.compressed = writer->compress_stored();
        try {
            writer->write_compacted_copy(copy.string());
        } catch (...) {
            fs::remove_all(copy, ec);
            throw;
        }
        if (is_set(options.interrupt)) {  // the last moment to stop with nothing changed
            summary.interrupted = *options.interrupt;
            fs::remove_all(copy, ec);
        } else {
            summary.bytes_after = directory_bytes(copy);
            exchange_directories(db, copy);
            writer.reset();  // the old copy's lock: an indexer waiting now opens the new one
            fs::remove_all(copy, ec);
            if (ec) err << fmt::format("news-index: warning: {}: cannot remove the old copy: {}\n", copy.string(), ec.message());
        }
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.json) {
        out << nlohmann::json{{"documents", summary.documents},
                              {"bytes_before", summary.bytes_before},
                              {"bytes_after", summary.bytes_after},
                              {"compressed", summary.compressed},
                              {"seconds", summary.seconds},
                              {"interrupted", summary.interrupted != 0}}
                   .dump()
            << '\n';
    }
    std::string line =
        summary.interrupted != 0
            ? fmt::format("interrupted by {}; the database was left as it was{}", signal_name(summary.interrupted),
                          summary.compressed == 0
                              ? std::string()
                              : fmt::format(" (its articles the same, {} of them now stored compressed)", summary.compressed))
            : fmt::format("compacted {} articles: {:.1f} MB -> {:.1f} MB{} ({:.2f} s)", summary.documents,
                          static_cast<double>(summary.bytes_before) / 1e6, static_cast<double>(summary.bytes_after) / 1e6,
                          summary.compressed == 0 ? std::string()
                                                  : fmt::format(", {} stored articles compressed first", summary.compressed),
                          summary.seconds);
    err << "news-index: " << line << '\n';
    return summary;
}

std::string summary_line(const IndexSummary& s) {
    std::string line = fmt::format(
        "{} indexed, {} updated, {} unchanged, {} removed, {} skipped, {} failed ({} files, {:.2f} s)", s.indexed,
        s.updated, s.unchanged, s.removed, s.skipped, s.failed, s.files, s.seconds);
    if (s.interrupted != 0) {
        line = fmt::format("interrupted by {}; committed what was done: {}", signal_name(s.interrupted), line);
    }
    return line;
}

IndexSummary run_index(const IndexOptions& options, std::ostream& out, std::ostream& err) {
    Job job(options, out, err);
    IndexSummary summary = job.run();
    if (options.json && !options.dry_run) {
        out << nlohmann::json{{"indexed", summary.indexed}, {"updated", summary.updated},
                              {"unchanged", summary.unchanged}, {"removed", summary.removed},
                              {"skipped", summary.skipped},   {"failed", summary.failed},
                              {"warnings", summary.warnings}, {"files", summary.files},
                              {"seconds", summary.seconds},   {"interrupted", summary.interrupted != 0}}
                   .dump()
            << '\n';
    }
    err << "news-index: " << summary_line(summary) << '\n';
    return summary;
}

RecanonicalizeResult run_recanonicalize(const RecanonicalizeOptions& options, std::ostream& out, std::ostream& err) {
    RecanonicalizeResult result;
    AliasTable aliases = options.aliases.empty() ? AliasTable() : load_alias_file(options.aliases);
    auto writer = Job::open_writer(IndexWriterOptions{.path = options.db_path,
                                                      .create = false,
                                                      .batch_size = options.batch_size,
                                                      .aliases = std::move(aliases),
                                                      .upgrade = true},
                                   options.wait, options.wait_timeout, options.quiet, options.interrupt, err);
    if (writer) {
        RecanonicalizeSummary s = writer->recanonicalize(options.interrupt);
        result.documents = s.documents;
        result.updated = s.updated;
        result.upgraded = s.upgraded && !s.interrupted;
    }
    if (is_set(options.interrupt)) result.interrupted = *options.interrupt;
    if (options.json) {
        out << nlohmann::json{{"documents", result.documents},
                              {"updated", result.updated},
                              {"upgraded", result.upgraded},
                              {"interrupted", result.interrupted != 0}}
                   .dump()
            << '\n';
    }
    std::string line = fmt::format("{} articles read, {} updated{}", result.documents, result.updated,
                                   result.upgraded ? ", database upgraded to the current schema" : "");
    if (result.interrupted != 0) {
        line = fmt::format("interrupted by {}; committed what was done: {}", signal_name(result.interrupted), line);
    }
    err << "news-index: " << line << '\n';
    return result;
}

DeleteSummary run_delete(const DeleteOptions& options, std::ostream& out, std::ostream& err) {
    DeleteSummary summary;
    auto writer = Job::open_writer(IndexWriterOptions{.path = options.db_path, .create = false}, options.wait,
                                   options.wait_timeout, options.quiet, options.interrupt, err);
    if (writer) {
        for (const std::string& id : options.ids) {
            if (is_set(options.interrupt)) break;
            if (writer->remove_article(id)) {
                ++summary.deleted;
            } else {
                ++summary.not_found;
                err << fmt::format("news-index: {}: no article with this id\n", id);
            }
        }
        writer->commit();
    }
    if (is_set(options.interrupt)) summary.interrupted = *options.interrupt;
    if (options.json) {
        out << nlohmann::json{{"deleted", summary.deleted},
                              {"not_found", summary.not_found},
                              {"interrupted", summary.interrupted != 0}}
                   .dump()
            << '\n';
    }
    std::string line = fmt::format("{} deleted, {} not found", summary.deleted, summary.not_found);
    if (summary.interrupted != 0) {
        line = fmt::format("interrupted by {}; committed what was done: {}", signal_name(summary.interrupted), line);
    }
    err << "news-index: " << line << '\n';
    return summary;
}

}  // namespace news
