/// @file indexer.cc
/// @brief The indexing job.
#include "indexer/indexer.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/article_json.h"
#include "common/extract.h"
#include "common/hash.h"
#include "common/input_format.h"
#include "common/schema.h"
#include "indexer/index_writer.h"
#include "indexer/input_walker.h"

namespace news {
namespace {

struct ReadResult {
    std::string bytes;
    std::string error;
};

ReadResult read_input(const InputFile& file, std::size_t max_bytes) {
    ReadResult r;
    if (file.path == "-") {
        r.bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (r.bytes.size() > max_bytes) r.error = fmt::format("larger than the limit of {} bytes", max_bytes);
        return r;
    }
    std::ifstream in(file.path, std::ios::binary);
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

class Job {
public:
    Job(const IndexOptions& options, std::ostream& out, std::ostream& err)
        : options_(options),
          out_(out),
          err_(err),
          extractor_(ExtractOptions{.ner_model = options.ner_model, .entities = options.entities}) {
        for (const auto& w : extractor_.warnings()) {
            if (!options.quiet) err_ << "news-index: warning: " << w << '\n';
        }
        if (!options.dry_run) {
            writer_ = std::make_unique<IndexWriter>(
                IndexWriterOptions{.path = options.db_path, .batch_size = options.batch_size});
        }
    }

    IndexSummary run() {
        auto start = std::chrono::steady_clock::now();
        InputList inputs = collect_inputs(options_.inputs);
        summary_.skipped = inputs.passed_over;
        for (const auto& d : inputs.diagnostics) report(d);
        for (const auto& file : inputs.files) process(file);
        if (writer_) writer_->commit();
        summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return summary_;
    }

private:
    void report(const Diagnostic& d) {
        if (d.severity == Diagnostic::Severity::error) {
            ++summary_.failed;
        } else {
            ++summary_.warnings;
            if (options_.quiet) return;
        }
        err_ << "news-index: " << d.to_string() << '\n';
    }

    void process(const InputFile& file) {
        ReadResult input = read_input(file, options_.max_file_bytes);
        if (!input.error.empty()) {
            report({Diagnostic::Severity::error, file.path, 0, input.error});
            return;
        }
        ++summary_.files;
        std::string fingerprint = hex64(hash64(input.bytes)) + ' ' + extractor_.fingerprint();
        bool from_stdin = file.path == "-";
        if (writer_ && !options_.force && !from_stdin) {
            if (auto old = writer_->file_fingerprint(file.identity)) {
                auto space = old->rfind(' ');
                if (space != std::string::npos && old->substr(0, space) == fingerprint) {
                    summary_.unchanged += std::stoul(old->substr(space + 1));
                    return;
                }
            }
        }

        ParseResult parsed = parse_input(input.bytes, InputRef{.path = file.path, .identity = file.identity});
        for (const auto& d : parsed.diagnostics) report(d);
        std::set<std::string> kept;
        for (Article& article : parsed.articles) {
            extractor_.extract(article);
            if (!writer_) {
                print_dry_run(article);
                continue;
            }
            if (!seen_ids_.insert(article.id).second && !options_.quiet) {
                err_ << fmt::format("news-index: {}: warning: article id '{}' seen before in this run; "
                                    "this one replaces it\n",
                                    file.path, article.id);
                ++summary_.warnings;
            }
            kept.insert(schema::id_term(article.id));
            switch (writer_->put(article)) {
                case IndexWriter::Outcome::added: ++summary_.indexed; break;
                case IndexWriter::Outcome::updated: ++summary_.updated; break;
                case IndexWriter::Outcome::unchanged: ++summary_.unchanged; break;
            }
            writer_->maybe_commit();
        }
        if (!writer_) return;
        if (!from_stdin) {
            // Records that were in this file before and are no longer: remove them,
            // unless the file failed to parse as a whole.
            bool whole_file_failed = parsed.articles.empty() && !parsed.diagnostics.empty();
            if (!whole_file_failed) summary_.removed += writer_->remove_stale(file.identity, kept);
            bool clean = std::none_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), [](const auto& d) {
                return d.severity == Diagnostic::Severity::error;
            });
            // Only a file read without errors is skipped next time, so that
            // its errors are reported again until it is fixed.
            if (clean) writer_->set_file_fingerprint(file.identity, fmt::format("{} {}", fingerprint, kept.size()));
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
                            article.date ? article.date->iso() : "unknown", article.source,
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
    std::unique_ptr<IndexWriter> writer_;
    IndexSummary summary_;
    std::set<std::string> seen_ids_;
};

}  // namespace

std::string summary_line(const IndexSummary& s) {
    return fmt::format("{} indexed, {} updated, {} unchanged, {} removed, {} skipped, {} failed ({} files, {:.2f} s)",
                       s.indexed, s.updated, s.unchanged, s.removed, s.skipped, s.failed, s.files, s.seconds);
}

IndexSummary run_index(const IndexOptions& options, std::ostream& out, std::ostream& err) {
    Job job(options, out, err);
    IndexSummary summary = job.run();
    if (options.json && !options.dry_run) {
        out << nlohmann::json{{"indexed", summary.indexed}, {"updated", summary.updated},
                              {"unchanged", summary.unchanged}, {"removed", summary.removed},
                              {"skipped", summary.skipped},   {"failed", summary.failed},
                              {"warnings", summary.warnings}, {"files", summary.files},
                              {"seconds", summary.seconds}}
                   .dump()
            << '\n';
    }
    err << "news-index: " << summary_line(summary) << '\n';
    return summary;
}

}  // namespace news
