/// @file input_walker.cc
/// @brief Walking the inputs named on the command line.
#include "indexer/input_walker.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "common/input_format.h"

namespace news {
namespace fs = std::filesystem;
namespace {

std::string identity_of(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    if (ec) return p.lexically_normal().string();
    return abs.lexically_normal().string();
}

std::uint64_t size_of(const fs::path& p) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    return ec ? 0 : static_cast<std::uint64_t>(size);
}

/// True for a Xapian database directory (glass, chert or honey backend).
bool is_xapian_database(const fs::path& dir) {
    std::error_code ec;
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
        if (fs::exists(dir / marker, ec)) return true;
    }
    return false;
}

void error(InputList& list, const std::string& path, const std::string& message) {
    list.diagnostics.push_back({Diagnostic::Severity::error, path, 0, message});
}

void walk_directory(const fs::path& dir, InputList& list) {
    std::vector<fs::path> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
        error(list, dir.string(), fmt::format("cannot read directory: {}", ec.message()));
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            error(list, it->path().string(), fmt::format("cannot read: {}", ec.message()));
            ec.clear();
            continue;
        }
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        std::error_code type_ec;
        if (entry.is_symlink(type_ec) && !fs::exists(entry.path(), type_ec)) {
            error(list, entry.path().string(), "broken symbolic link or symbolic link loop");
            continue;
        }
        if (entry.is_directory(type_ec)) {
            if (!name.empty() && name.front() == '.') it.disable_recursion_pending();
            if (entry.is_symlink(type_ec)) it.disable_recursion_pending();
            // a Xapian database (this run's own, say) holds no articles
            if (is_xapian_database(entry.path())) {
                it.disable_recursion_pending();
                continue;
            }
            // an unreadable sub-directory: report it, go on with the rest
            std::error_code probe;
            fs::directory_iterator check(entry.path(), probe);
            if (probe) {
                error(list, entry.path().string(), fmt::format("cannot read directory: {}", probe.message()));
                it.disable_recursion_pending();
            }
            continue;
        }
        if (type_ec) {
            error(list, entry.path().string(), fmt::format("cannot stat: {}", type_ec.message()));
            continue;
        }
        if (!entry.is_regular_file(type_ec)) continue;  // sockets, FIFOs, devices
        if (!is_article_file_name(name)) {
            ++list.passed_over;
            continue;
        }
        found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    for (const auto& p : found) list.files.push_back({p.string(), identity_of(p), size_of(p)});
}

}  // namespace

InputList collect_inputs(const std::vector<std::string>& paths) {
    InputList list;
    for (const std::string& path : paths) {
        if (path == "-") {
            list.files.push_back({"-", "-", 0});
            continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(path, ec);
        if (ec || !fs::exists(st)) {
            std::error_code lec;
            if (fs::is_symlink(fs::symlink_status(path, lec))) {
                error(list, path, "broken symbolic link or symbolic link loop");
            } else {
                error(list, path, "no such file or directory");
            }
            continue;
        }
        if (fs::is_directory(st)) {
            std::string dir = identity_of(path);
            if (dir.empty() || dir.back() != '/') dir.push_back('/');
            list.directories.push_back(dir);
            walk_directory(path, list);
        } else if (fs::is_regular_file(st)) {
            list.files.push_back({path, identity_of(path), size_of(path)});
        } else {
            error(list, path, "not a regular file or directory");
        }
    }
    return list;
}

}  // namespace news
